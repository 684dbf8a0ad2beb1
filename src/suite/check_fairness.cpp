// fairness: SUMMARY: group fairness of a binary classifier across the
// sensitive columns (the fairness engine, as `assay fairness`):
// demographic_parity_ratio/difference, equalized_odds_ratio/difference,
// equal_opportunity_ratio/difference, disparate_impact,
// predictive_parity_difference. One Finding per grouping (each sensitive
// column, and their intersection when there are several), or only the one
// named by `sensitive:`. ci: lower|upper judges the shared-resample
// bootstrap interval. Options: min_group.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "fairness/evaluate.hpp"
#include "fairness/group_rates.hpp"
#include "suite/bind.hpp"
#include "suite/kinds.hpp"
#include "suite/measure.hpp"
#include "suite/workspace.hpp"
#include "suite/yaml_reader.hpp"

namespace assay::suite {

namespace {

std::vector<std::string> fairness_names(const Suite&) { return fairness::summary_names(); }

bool any_fairness_interval(const Suite& suite) {
  for (const auto& check : suite.checks) {
    if (check->header().kind == "fairness" && check->header().limits.ci != Bound::point) return true;
  }
  return false;
}

class FairnessCheck final : public Check {
 public:
  FairnessCheck(CheckHeader header, std::optional<std::string> sensitive, std::size_t min_group)
      : Check(std::move(header)), sensitive_(std::move(sensitive)), min_group_(min_group) {}

  void prepare(Workspace& ws) const override {
    const Suite& suite = ws.suite();
    require_role(suite.columns.target, "target", header());
    require_role(suite.columns.prediction, "prediction", header());
    if (suite.columns.sensitive.empty()) {
      throw core::Error(header().where, fmt::format("check {} needs columns.sensitive", header().id));
    }
    if (sensitive_ && std::find(suite.columns.sensitive.begin(), suite.columns.sensitive.end(), *sensitive_) ==
                          suite.columns.sensitive.end()) {
      throw core::Error(header().where, fmt::format("check {}: sensitive: {} is not one of columns.sensitive{}",
                                                    header().id, *sensitive_,
                                                    did_you_mean(*sensitive_, suite.columns.sensitive)));
    }
  }

  std::vector<core::Finding> run(Workspace& ws) const override {
    const CheckHeader& h = header();
    const bool intervals = any_fairness_interval(ws.suite());
    const auto& evaluation = ws.memo<fairness::Evaluation>(fmt::format("fairness.{}", min_group_), [&] {
      fairness::Spec spec = fairness_spec(ws.suite(), intervals);
      spec.options.min_group = min_group_;
      return fairness::evaluate(ws.current(), spec);
    });
    const bool ratio = h.name.find("ratio") != std::string::npos || h.name == "disparate_impact";
    std::vector<core::Finding> out;
    for (const fairness::Grouping& g : evaluation.groupings) {
      if (sensitive_ && !(g.columns.size() == 1 && g.columns.front() == *sensitive_)) continue;
      Measure m{.category = "fairness",
                .subject = fmt::format("{}", fmt::join(g.columns, "&")),
                .metric = h.name,
                .direction = ratio ? Direction::higher_is_better : Direction::lower_is_better,
                .per_subject = !sensitive_ && evaluation.groupings.size() > 1};
      const metrics::Value* v = g.summary.find(h.name);
      if (v == nullptr || !v->value) {
        m.reason = v == nullptr ? "not reported" : v->reason;
      } else if (h.limits.ci == Bound::point) {
        m.value = v->value;
      } else {
        m.point = v->value;
        m.reason = "no bootstrap interval (undefined in every resample)";
        for (const auto& i : g.bootstrap.intervals) {
          if (i.metric != h.name) continue;
          m.value = h.limits.ci == Bound::lower ? i.low : i.high;
          m.details["ci_low"] = i.low;
          m.details["ci_high"] = i.high;
        }
      }
      m.details["groups"] = g.groups.size();
      m.details["rows"] = evaluation.n;
      out.push_back(judged_finding(h, std::move(m)));
    }
    if (out.empty()) out.push_back(error_finding(h, "fairness", "dataset", "no grouping to evaluate"));
    return out;
  }

 private:
  std::optional<std::string> sensitive_;
  std::size_t min_group_;
};

std::unique_ptr<Check> parse_fairness(CheckSource& source, CheckHeader header) {
  if (source.suite.task != metrics::Task::binary) {
    throw core::Error(header.where, fmt::format("check {}: fairness checks need task: binary", header.id));
  }
  std::optional<std::string> sensitive;
  std::size_t min_group = 30;
  if (const auto node = source.keys.take("sensitive")) sensitive = source.yaml.text(*node, source.keys.path("sensitive"));
  if (const auto node = source.keys.take("min_group")) {
    min_group = source.yaml.count(*node, source.keys.path("min_group"), 1, 1000000000);
  }
  if (header.limits.ci != Bound::point && source.suite.settings.bootstrap == 0) {
    throw core::Error(header.where, fmt::format("check {} uses ci: but settings.bootstrap is 0", header.id));
  }
  return std::make_unique<FairnessCheck>(std::move(header), std::move(sensitive), min_group);
}

}  // namespace

KindEntry fairness_kind() {
  return {.key = "fairness",
          .summary = "group fairness across the sensitive columns (binary classifiers)",
          .limits = {.absolute = true, .relative = false, .interval = true, .required = true},
          .names = fairness_names,
          .parse = parse_fairness,
          .options = {{"sensitive", "string"}, {"min_group", "integer"}}};
}

}  // namespace assay::suite
