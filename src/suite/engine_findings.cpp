#include "suite/engine_findings.hpp"

namespace assay::suite {

std::vector<core::Finding> select_findings(const std::vector<core::Finding>& findings, std::string_view category,
                                           std::string_view check, const std::optional<std::string>& subject) {
  const std::string prefix = std::string(category) + "." + std::string(check) + ".";
  std::vector<core::Finding> out;
  for (const core::Finding& f : findings) {
    if (!f.id.starts_with(prefix)) continue;
    if (subject && f.subject != *subject) continue;
    out.push_back(f);
  }
  return out;
}

}  // namespace assay::suite
