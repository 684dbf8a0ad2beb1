#include "suite/run.hpp"

#include <fmt/format.h>

#include <oneapi/tbb/parallel_for.h>

#include <algorithm>

#include "metrics/result.hpp"
#include "suite/bind.hpp"
#include "suite/measure.hpp"
#include "suite/yaml_reader.hpp"

namespace assay::suite {

std::vector<const Check*> selected_checks(const Suite& suite, const std::vector<std::string>& only) {
  std::vector<std::string> ids;
  for (const auto& check : suite.checks) ids.push_back(check->header().id);
  for (const auto& id : only) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
      throw core::Error(core::Location{.path = "--only"}, fmt::format("no check with id '{}' in {}{}", id, suite.path,
                                                                      did_you_mean(id, ids)));
    }
  }
  std::vector<const Check*> out;
  for (const auto& check : suite.checks) {
    if (only.empty() || std::find(only.begin(), only.end(), check->header().id) != only.end()) out.push_back(check.get());
  }
  return out;
}

namespace {

// A check's Findings; a core::Error it throws becomes its `error` Finding.
std::vector<core::Finding> run_check(const Check& check, Workspace& workspace) {
  std::vector<core::Finding> findings;
  try {
    // A check of nothing is never a pass (shares of 0 rows would read as 0).
    if (workspace.current().rows() == 0) throw core::Error("the current data has no rows");
    findings = check.run(workspace);
  } catch (const core::Error& e) {
    const std::string where = e.where().to_string();
    findings = {error_finding(check.header(), check.header().kind, "dataset",
                              where.empty() ? e.message() : fmt::format("{}: {}", where, e.message()))};
  }
  for (auto& f : findings) f.details["check_id"] = check.header().id;
  return findings;
}

}  // namespace

Outcome run_suite(const Suite& suite, const Inputs& inputs, const RunOptions& options) {
  const std::vector<const Check*> checks = selected_checks(suite, options.only);
  Workspace workspace(suite, inputs);
  require_columns(suite, workspace.current(), "current data");
  const bool reference_used = std::any_of(checks.begin(), checks.end(), [](const Check* c) { return c->uses_reference(); });
  if (reference_used && workspace.has_reference()) {
    require_columns(suite, *inputs.reference, "reference data");
  }
  for (const Check* check : checks) check->prepare(workspace);

  Outcome outcome;
  outcome.suite_path = suite.path;
  outcome.suite_name = suite.name;
  outcome.suite_hash = suite.hash;
  outcome.task = std::string(metrics::task_name(suite.task));
  outcome.fail_on_warn = options.fail_on_warn;
  // The checks run concurrently: engines that share nothing (metrics, drift,
  // quality) overlap on the cores, and each shared engine run is computed
  // once (Workspace::memo). Findings keep the suite's order.
  std::vector<std::vector<core::Finding>> found(checks.size());
  tbb::parallel_for(std::size_t{0}, checks.size(), [&](std::size_t i) { found[i] = run_check(*checks[i], workspace); });
  for (auto& findings : found) {
    for (auto& f : findings) outcome.findings.push_back(std::move(f));
  }
  return outcome;
}

}  // namespace assay::suite
