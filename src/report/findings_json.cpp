#include "report/findings_json.hpp"

#include "report/details_json.hpp"
#include "report/json_number.hpp"
#include "report/provenance_json.hpp"

namespace assay::report {

nlohmann::ordered_json finding_json(const core::Finding& f) {
  nlohmann::ordered_json out;
  out["id"] = f.id;
  out["category"] = f.category;
  out["subject"] = f.subject;
  out["metric"] = f.metric;
  out["value"] = json_number(f.value);
  out["reference"] = json_number(f.reference);
  out["threshold"] = f.threshold ? nlohmann::ordered_json{{"op", f.threshold->op}, {"value", json_number(f.threshold->value)}}
                                 : nlohmann::ordered_json(nullptr);
  out["status"] = core::status_name(f.status);
  out["message"] = f.message;
  // A value written as null always has a reason beside it.
  std::string reason = f.reason;
  if (reason.empty() && f.value) reason = non_finite_reason(*f.value);
  if (!reason.empty()) out["reason"] = reason;
  out["details"] = details_json(f.details);
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
  nlohmann::ordered_json doc = document_header(kind);
  doc["status"] = core::status_name(core::worst_status(findings));
  doc["summary"] = status_counts(findings);
  doc["inputs"] = inputs_json(inputs);
  doc["elapsed_seconds"] = elapsed_seconds;
  for (const auto& [key, value] : extra.items()) doc[key] = value;
  doc["findings"] = findings_json(findings);
  return doc;
}

}  // namespace assay::report
