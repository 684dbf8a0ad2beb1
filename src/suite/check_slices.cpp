// slices: discover: weak slices of the current data (the slices engine, as
// `assay slices`): SliceLine discovery over every eligible column, or over
// columns.slices when the suite lists them. The value is the largest gap
// between a significantly worse slice's mean error and the overall mean
// error (misclassification rate, or absolute error for regression); 0 when
// no slice is significantly worse. Limit: max_gap (or max). Options:
// min_support, depth, bins, metric (reported per slice in the details).

#include <fmt/format.h>

#include <algorithm>

#include "slices/slicing.hpp"
#include "suite/bind.hpp"
#include "suite/kinds.hpp"
#include "suite/measure.hpp"
#include "suite/workspace.hpp"
#include "suite/yaml_reader.hpp"

namespace assay::suite {

namespace {

std::vector<std::string> slice_actions(const Suite&) { return {"discover"}; }

std::string slice_label(const slices::SliceRow& row) {
  std::string out;
  for (const auto& p : row.predicates) {
    if (!out.empty()) out += " & ";
    out += p.column + "=" + p.level;
  }
  return out;
}

class SlicesCheck final : public Check {
 public:
  SlicesCheck(CheckHeader header, slices::Spec overrides) : Check(std::move(header)), overrides_(std::move(overrides)) {}

  void prepare(Workspace& ws) const override {
    require_role(ws.suite().columns.target, "target", header());
    if (ws.suite().task == metrics::Task::ranking) {
      throw core::Error(header().where, fmt::format("check {}: slices need a binary, multiclass or regression task",
                                                    header().id));
    }
  }

  std::vector<core::Finding> run(Workspace& ws) const override {
    const auto& report = ws.memo<slices::SliceReport>(
        fmt::format("slices.discover.{}.{}.{}.{}", overrides_.min_support, overrides_.depth, overrides_.bins,
                    overrides_.metric.value_or("")),
        [&] {
          slices::Spec spec = slices_spec(ws.suite());
          spec.min_support = overrides_.min_support;
          spec.depth = overrides_.depth;
          spec.bins = overrides_.bins;
          spec.metric = overrides_.metric;
          return slices::run_slices(ws.current(), spec);
        });
    Measure m{.category = "slices", .subject = "dataset", .metric = report.error_name + "_gap",
              .direction = Direction::lower_is_better};
    double worst = 0.0;
    const slices::SliceRow* worst_row = nullptr;
    core::DetailList weak;
    for (const slices::SliceRow& row : report.slices) {
      if (!row.significant) continue;
      const double gap = row.error - report.overall_error;
      if (weak.size() < 10) {
        weak.push_back(core::Details{{"slice", slice_label(row)}, {"rows", row.size}, {"error", row.error}, {"gap", gap}});
      }
      if (worst_row == nullptr || gap > worst) {
        worst = gap;
        worst_row = &row;
      }
    }
    m.value = worst;
    if (worst_row != nullptr) m.subject = slice_label(*worst_row);
    m.details["overall_error"] = report.overall_error;
    m.details["examined"] = report.examined;
    m.details["weak_slices"] = std::move(weak);
    return {judged_finding(header(), std::move(m))};
  }

 private:
  slices::Spec overrides_;
};

std::unique_ptr<Check> parse_slices(CheckSource& source, CheckHeader header) {
  const YamlSource& yaml = source.yaml;
  MapReader& keys = source.keys;
  slices::Spec spec;
  if (const auto node = keys.take("max_gap")) {
    if (header.limits.max) yaml.fail(keys.key_node("max_gap"), keys.path("max_gap"), "give max_gap or max, not both");
    header.limits.max = yaml.number(*node, keys.path("max_gap"));
  }
  if (const auto node = keys.take("min_support")) spec.min_support = yaml.count(*node, keys.path("min_support"), 1, 1000000000);
  if (const auto node = keys.take("depth")) spec.depth = yaml.count(*node, keys.path("depth"), 1, slices::kMaxDepth);
  if (const auto node = keys.take("bins")) spec.bins = yaml.count(*node, keys.path("bins"), 2, 100);
  if (const auto node = keys.take("metric")) spec.metric = yaml.text(*node, keys.path("metric"));
  if (!header.limits.any()) throw core::Error(header.where, fmt::format("check {}: slices: discover needs max_gap", header.id));
  return std::make_unique<SlicesCheck>(std::move(header), std::move(spec));
}

}  // namespace

KindEntry slices_kind() {
  return {.key = "slices",
          .summary = "weak-slice discovery: the largest error gap of a significantly worse slice",
          .limits = {.absolute = true, .relative = false, .interval = false, .required = false},
          .names = slice_actions,
          .parse = parse_slices,
          .options = {{"max_gap", "number"}, {"min_support", "integer"}, {"depth", "integer"}, {"bins", "integer"}, {"metric", "string"}}};
}

}  // namespace assay::suite
