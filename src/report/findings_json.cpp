#include "report/findings_json.hpp"

#include "report/provenance_json.hpp"

namespace assay::report {

nlohmann::ordered_json finding_json(const core::Finding& f) {
  nlohmann::ordered_json out;
  out["id"] = f.id;
  out["category"] = f.category;
  out["subject"] = f.subject;
  out["metric"] = f.metric;
  out["value"] = f.value ? nlohmann::ordered_json(*f.value) : nlohmann::ordered_json(nullptr);
  out["reference"] = f.reference ? nlohmann::ordered_json(*f.reference) : nlohmann::ordered_json(nullptr);
  out["threshold"] = f.threshold ? nlohmann::ordered_json{{"op", f.threshold->op}, {"value", f.threshold->value}}
                                 : nlohmann::ordered_json(nullptr);
  out["status"] = core::status_name(f.status);
  out["message"] = f.message;
  if (!f.reason.empty()) out["reason"] = f.reason;
  out["details"] = nlohmann::ordered_json::parse(f.details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return out;
}

nlohmann::ordered_json findings_json(const std::vector<core::Finding>& findings) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& f : findings) out.push_back(finding_json(f));
  return out;
}

nlohmann::ordered_json status_counts(const std::vector<core::Finding>& findings) {
  nlohmann::ordered_json out;
  for (const auto s : {core::Status::fail, core::Status::warn, core::Status::pass, core::Status::info, core::Status::error}) {
    std::size_t n = 0;
    for (const auto& f : findings) n += f.status == s ? 1 : 0;
    out[std::string(core::status_name(s))] = n;
  }
  return out;
}

nlohmann::ordered_json findings_document(std::string_view kind, const std::vector<core::Finding>& findings,
                                         const std::vector<core::FileFingerprint>& inputs, double elapsed_seconds,
                                         const nlohmann::ordered_json& extra) {
  nlohmann::ordered_json doc;
  const nlohmann::json header = document_header(kind);
  for (const auto& [key, value] : header.items()) doc[key] = value;
  doc["status"] = core::status_name(core::worst_status(findings));
  doc["summary"] = status_counts(findings);
  doc["inputs"] = nlohmann::ordered_json::parse(inputs_json(inputs).dump());
  doc["elapsed_seconds"] = elapsed_seconds;
  for (const auto& [key, value] : extra.items()) doc[key] = value;
  doc["findings"] = findings_json(findings);
  return doc;
}

std::string json_text(const nlohmann::ordered_json& document) {
  return document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace assay::report
