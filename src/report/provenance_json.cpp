#include "report/provenance_json.hpp"

#include <string>

#include "core/version.hpp"

namespace assay::report {

nlohmann::ordered_json document_header(std::string_view kind) {
  return nlohmann::ordered_json{{"schema", "assay." + std::string(kind) + "/v1"}, {"assay_version", kVersion}};
}

nlohmann::ordered_json fingerprint_json(const core::FileFingerprint& fingerprint) {
  return nlohmann::ordered_json{{"path", fingerprint.path},         {"format", fingerprint.format},
                        {"bytes", fingerprint.bytes},       {"xxh3_128", fingerprint.content.hex()},
                        {"rows", fingerprint.rows},         {"columns", fingerprint.columns}};
}

nlohmann::ordered_json inputs_json(const std::vector<core::FileFingerprint>& inputs) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& f : inputs) out.push_back(fingerprint_json(f));
  return out;
}

}  // namespace assay::report
