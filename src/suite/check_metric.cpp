// metric: NAME [by: COLUMN]: a model metric of the current data (the metrics
// engine, as `assay metrics`), or of every slice of one column (the slices
// engine, as `assay slices --by`). Limits: min/max, max_drop/max_rel_drop
// against the same metric on the reference data, ci: lower|upper on the
// bootstrap interval. One metrics evaluation per data side serves every
// metric check; its bootstrap covers exactly the metrics with `ci:`.

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "metrics/evaluate.hpp"
#include "slices/slicing.hpp"
#include "suite/bind.hpp"
#include "suite/kinds.hpp"
#include "suite/measure.hpp"
#include "suite/workspace.hpp"
#include "suite/yaml_reader.hpp"

namespace assay::suite {

namespace {

enum class Side { current, reference };

std::vector<std::string> metric_names(const Suite& suite) { return metrics::task_metrics(suite.task); }

std::vector<std::string> interval_metrics(const Suite& suite) {
  std::vector<std::string> out;
  for (const auto& check : suite.checks) {
    const CheckHeader& h = check->header();
    if (h.kind == "metric" && h.limits.ci != Bound::point &&
        std::find(out.begin(), out.end(), h.name) == out.end()) {
      out.push_back(h.name);
    }
  }
  return out;
}

const metrics::Evaluation& metric_evaluation(Workspace& ws, const CheckHeader& check, Side side) {
  if (side == Side::current) {
    return ws.memo<metrics::Evaluation>("metrics.current", [&] {
      return metrics::evaluate(ws.current(), metrics_spec(ws.suite(), interval_metrics(ws.suite())));
    });
  }
  const core::Table& reference = ws.reference(check, "compares with the reference");
  return ws.memo<metrics::Evaluation>("metrics.reference",
                                      [&] { return metrics::evaluate(reference, metrics_spec(ws.suite(), {})); });
}

// The value judged: the point, or the requested bound of its interval.
void fill_value(Measure& m, const metrics::Value* value, const metrics::Interval* interval, Bound bound) {
  if (value == nullptr) {
    m.reason = "not reported for this data";
    return;
  }
  if (!value->value) {
    m.reason = value->reason;
    return;
  }
  if (bound == Bound::point) {
    m.value = value->value;
    return;
  }
  m.point = value->value;
  if (interval == nullptr) {
    m.reason = "no bootstrap interval (the metric was undefined in every resample)";
    return;
  }
  m.value = bound == Bound::lower ? interval->low : interval->high;
  m.details["ci_low"] = interval->low;
  m.details["ci_high"] = interval->high;
  m.details["resamples"] = interval->resamples;
}

class MetricCheck final : public Check {
 public:
  MetricCheck(CheckHeader header, std::optional<std::string> by, core::Location by_at)
      : Check(std::move(header)), by_(std::move(by)), by_at_(std::move(by_at)) {}

  void prepare(Workspace& ws) const override {
    require_role(ws.suite().columns.target, "target", header());
    if (by_) require_column(ws.current(), *by_, by_at_, "current data");
    if (uses_reference()) {
      const core::Table& reference = ws.reference(header(), "compares with the reference");
      if (by_) require_column(reference, *by_, by_at_, "reference data");
    }
  }

  std::vector<core::Finding> run(Workspace& ws) const override { return by_ ? run_by(ws) : run_overall(ws); }

 private:
  Direction direction() const {
    return metrics::lower_is_better(header().name) ? Direction::lower_is_better : Direction::higher_is_better;
  }

  std::vector<core::Finding> run_overall(Workspace& ws) const {
    const CheckHeader& h = header();
    const metrics::Evaluation& current = metric_evaluation(ws, h, Side::current);
    Measure m{.category = "metrics", .subject = "model", .metric = h.name, .direction = direction()};
    const metrics::Interval* interval = nullptr;
    for (const auto& i : current.result.bootstrap.intervals) {
      if (i.metric == h.name) interval = &i;
    }
    fill_value(m, current.result.metrics.find(h.name), interval, h.limits.ci);
    m.details["rows"] = current.result.n;
    if (h.limits.relative()) {
      const metrics::Evaluation& reference = metric_evaluation(ws, h, Side::reference);
      m.reference = reference.result.metrics.get(h.name);
    }
    return {judged_finding(h, std::move(m))};
  }

  const slices::SliceReport& slice_report(Workspace& ws, Side side) const {
    const CheckHeader& h = header();
    const bool interval = side == Side::current && h.limits.ci != Bound::point;
    const core::Table& table =
        side == Side::current ? ws.current() : ws.reference(h, "compares with the reference");
    const std::string key = fmt::format("slices.by.{}.{}.{}.{}", side == Side::current ? "current" : "reference", *by_,
                                        h.name, interval);
    return ws.memo<slices::SliceReport>(key, [&] {
      slices::Spec spec = slices_spec(ws.suite());
      spec.by = {*by_};
      spec.depth = 1;
      spec.metric = h.name;
      spec.bootstrap.resamples = interval ? ws.suite().settings.bootstrap : 0;
      return slices::run_slices(table, spec);
    });
  }

  std::vector<core::Finding> run_by(Workspace& ws) const {
    const CheckHeader& h = header();
    const slices::SliceReport& current = slice_report(ws, Side::current);
    const slices::SliceReport* reference = h.limits.relative() ? &slice_report(ws, Side::reference) : nullptr;
    std::vector<core::Finding> out;
    for (const slices::SliceRow& row : current.slices) {
      if (row.predicates.size() != 1) continue;
      const std::string& level = row.predicates.front().level;
      Measure m{.category = "slices",
                .subject = fmt::format("{}={}", *by_, level),
                .metric = h.name,
                .direction = direction(),
                .per_subject = true};
      fill_value(m, &row.metric.value, row.metric.interval ? &*row.metric.interval : nullptr, h.limits.ci);
      m.details["rows"] = row.size;
      if (reference != nullptr) {
        for (const slices::SliceRow& r : reference->slices) {
          if (r.predicates.size() == 1 && r.predicates.front().level == level) m.reference = r.metric.value.value;
        }
      }
      out.push_back(judged_finding(h, std::move(m)));
    }
    if (out.empty()) out.push_back(error_finding(h, "slices", *by_, fmt::format("no slices of {} to evaluate", *by_)));
    return out;
  }

  std::optional<std::string> by_;
  core::Location by_at_;
};

std::unique_ptr<Check> parse_metric(CheckSource& source, CheckHeader header) {
  std::optional<std::string> by;
  core::Location by_at = header.where;
  if (const auto node = source.keys.take("by")) {
    by = source.yaml.text(*node, source.keys.path("by"));
    by_at = source.yaml.where(*node, source.keys.path("by"));
  }
  if (header.limits.ci != Bound::point && source.suite.settings.bootstrap == 0) {
    throw core::Error(header.where, fmt::format("check {} uses ci: but settings.bootstrap is 0", header.id));
  }
  return std::make_unique<MetricCheck>(std::move(header), std::move(by), std::move(by_at));
}

}  // namespace

KindEntry metric_kind() {
  return {.key = "metric",
          .summary = "a model metric of the current data, or of each slice of a column (by:)",
          .limits = {.absolute = true, .relative = true, .interval = true, .required = true},
          .names = metric_names,
          .parse = parse_metric,
          .options = {{"by", "string"}}};
}

}  // namespace assay::suite
