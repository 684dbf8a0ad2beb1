#include "report/suite_json.hpp"

#include "report/findings_json.hpp"

namespace assay::report {

nlohmann::ordered_json suite_json(const suite::Outcome& outcome) {
  nlohmann::ordered_json extra = nlohmann::ordered_json::object();
  extra["suite"] = {{"path", outcome.suite_path}, {"hash", outcome.suite_hash}};
  extra["task"] = outcome.task;
  extra["verdict"] = suite::verdict(outcome) == suite::Verdict::pass ? "pass" : "fail";
  extra["fail_on_warn"] = outcome.fail_on_warn;
  return findings_document("suite", outcome.findings, outcome.inputs, outcome.elapsed_seconds, extra);
}

}  // namespace assay::report
