// compare: METRIC: champion vs challenger on the current data (the compare
// engine, as `assay compare`): the two models' columns are named in the
// check (champion, challenger: score columns for binary, predicted labels
// for multiclass, predictions for regression), the metric is the kind's
// value. Paired tests: DeLong for roc_auc, McNemar for accuracy, a paired
// bootstrap otherwise. Options: min_gain (>= 0, in the metric's units),
// max_slice_loss (>= 0, with by: the largest loss any slice may show), by
// (a slice column), alpha. The verdict rule is the engine's
// (compare/verdict.hpp): the overall Finding passes when the verdict is
// promote; a slice that loses more than max_slice_loss fails on its own.

#include <fmt/format.h>

#include "compare/compare.hpp"
#include "compare/model_metrics.hpp"
#include "compare/verdict.hpp"
#include "suite/kinds.hpp"
#include "suite/measure.hpp"
#include "suite/suite_file.hpp"
#include "suite/workspace.hpp"
#include "suite/yaml_reader.hpp"

namespace assay::suite {

namespace {

std::vector<std::string> compare_names(const Suite& suite) { return compare::comparable_metrics(suite.task); }

class CompareCheck final : public Check {
 public:
  CompareCheck(CheckHeader header, compare::Spec spec, compare::Policy policy)
      : Check(std::move(header)), spec_(std::move(spec)), policy_(std::move(policy)) {}

  bool uses_reference() const override { return false; }

  void prepare(Workspace& ws) const override {
    require_role(ws.suite().columns.target, "target", header());
    for (const std::string* name : {&spec_.champion, &spec_.challenger}) (void)ws.current().column(*name);
    if (spec_.by) (void)ws.current().column(*spec_.by);
  }

  std::vector<core::Finding> run(Workspace& ws) const override {
    compare::Spec spec = spec_;
    spec.task = ws.suite().task;
    spec.target = *ws.suite().columns.target;
    spec.positive = ws.suite().columns.positive;
    spec.threshold = ws.suite().settings.threshold;
    spec.bootstrap.resamples = ws.suite().settings.bootstrap;
    spec.bootstrap.level = ws.suite().settings.ci_level;
    spec.bootstrap.seed = ws.suite().settings.seed;
    const compare::Comparison comparison = compare::compare(ws.current(), spec);
    std::vector<core::Finding> out;
    for (core::Finding f : compare::findings(comparison, policy_)) {
      // The engine's ids are compare.<metric>[.<slice>]; the suite's are the check's.
      const std::string prefix = "compare." + comparison.metric;
      f.id = header().id + f.id.substr(std::min(prefix.size(), f.id.size()));
      if (header().severity == Severity::warn && f.status == core::Status::fail) f.status = core::Status::warn;
      if (!header().description.empty()) f.message = header().description + ": " + f.message;
      out.push_back(std::move(f));
    }
    return out;
  }

 private:
  compare::Spec spec_;
  compare::Policy policy_;
};

std::unique_ptr<Check> parse_compare(CheckSource& source, CheckHeader header) {
  compare::Spec spec;
  compare::Policy policy;
  spec.metric = header.name;
  policy.metric = header.name;
  const auto required = [&](std::string_view key) {
    const auto node = source.keys.take(key);
    if (!node) throw core::Error(header.where, fmt::format("check {}: compare needs {}", header.id, key));
    return source.yaml.text(*node, source.keys.path(key));
  };
  spec.champion = required("champion");
  spec.challenger = required("challenger");
  if (const auto node = source.keys.take("by")) spec.by = source.yaml.text(*node, source.keys.path("by"));
  const auto non_negative = [&](std::string_view key) -> std::optional<double> {
    const auto node = source.keys.take(key);
    if (!node) return std::nullopt;
    const double x = source.yaml.number(*node, source.keys.path(key));
    if (x < 0.0) source.yaml.fail(*node, source.keys.path(key), fmt::format("expected a number >= 0, got {}", x));
    return x;
  };
  policy.min_gain = non_negative("min_gain").value_or(0.0);
  policy.max_slice_loss = non_negative("max_slice_loss");
  if (const auto node = source.keys.take("alpha")) {
    policy.alpha = source.yaml.number(*node, source.keys.path("alpha"));
    if (!(policy.alpha > 0.0 && policy.alpha < 1.0)) {
      source.yaml.fail(*node, source.keys.path("alpha"), fmt::format("expected a level in (0, 1), got {}", policy.alpha));
    }
  }
  if (policy.max_slice_loss && !spec.by) {
    throw core::Error(header.where, fmt::format("check {}: max_slice_loss needs by (the slice column)", header.id));
  }
  return std::make_unique<CompareCheck>(std::move(header), std::move(spec), std::move(policy));
}

}  // namespace

KindEntry compare_kind() {
  return {.key = "compare",
          .summary = "champion vs challenger on the same rows, with paired tests and a promote/keep verdict",
          .limits = {.absolute = false, .relative = false, .interval = false, .required = false},
          .names = compare_names,
          .parse = parse_compare,
          .options = {{"champion", "string"},
                      {"challenger", "string"},
                      {"by", "string"},
                      {"min_gain", "number"},
                      {"max_slice_loss", "number"},
                      {"alpha", "number"}}};
}

}  // namespace assay::suite
