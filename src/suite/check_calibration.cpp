// calibration: STATISTIC: calibration of the predicted probabilities on the
// current data (the calibration engine, as `assay calibration`): ece, mce,
// adaptive_ece, brier_score, reliability, resolution, hosmer_lemeshow_p_value,
// classwise_ece (multiclass). Options: bins, strategy (uniform|quantile).
// Limits absolute or relative to the same statistic on the reference data.

#include <fmt/format.h>

#include "calibration/evaluate.hpp"
#include "suite/bind.hpp"
#include "suite/kinds.hpp"
#include "suite/measure.hpp"
#include "suite/workspace.hpp"
#include "suite/yaml_reader.hpp"

namespace assay::suite {

namespace {

std::vector<std::string> calibration_names(const Suite& suite) {
  if (suite.task == metrics::Task::multiclass) return {"ece", "mce", "adaptive_ece", "classwise_ece", "brier_score"};
  return {"ece", "mce", "adaptive_ece", "brier_score", "reliability", "resolution", "hosmer_lemeshow_p_value"};
}

class CalibrationCheck final : public Check {
 public:
  CalibrationCheck(CheckHeader header, calibration::Options options) : Check(std::move(header)), options_(options) {}

  void prepare(Workspace& ws) const override {
    require_role(ws.suite().columns.target, "target", header());
    if (!ws.suite().columns.score && ws.suite().columns.scores.empty()) {
      require_role(std::nullopt, "score", header());
    }
    if (uses_reference()) ws.reference(header(), "compares with the reference");
  }

  std::vector<core::Finding> run(Workspace& ws) const override {
    const CheckHeader& h = header();
    Measure m{.category = "calibration",
              .subject = "model",
              .metric = h.name,
              .direction = h.name == "resolution" || h.name == "hosmer_lemeshow_p_value" ? Direction::higher_is_better
                                                                                         : Direction::lower_is_better};
    const calibration::Evaluation& current = evaluation(ws, ws.current(), "current");
    if (const metrics::Value* v = current.analysis.metrics.find(h.name)) {
      m.value = v->value;
      m.reason = v->reason;
    } else {
      m.reason = "not reported for this data";
    }
    m.details["rows"] = current.analysis.n;
    m.details["bins"] = options_.bins;
    if (h.limits.relative()) {
      m.reference = evaluation(ws, ws.reference(h, "compares with the reference"), "reference").analysis.metrics.get(h.name);
    }
    return {judged_finding(h, std::move(m))};
  }

 private:
  const calibration::Evaluation& evaluation(Workspace& ws, const core::Table& table, std::string_view side) const {
    return ws.memo<calibration::Evaluation>(
        fmt::format("calibration.{}.{}.{}", side, options_.bins, static_cast<int>(options_.strategy)), [&] {
          calibration::Spec spec = calibration_spec(ws.suite());
          spec.options = options_;
          return calibration::evaluate(table, spec);
        });
  }

  calibration::Options options_;
};

std::unique_ptr<Check> parse_calibration(CheckSource& source, CheckHeader header) {
  calibration::Options options;
  if (const auto node = source.keys.take("bins")) options.bins = source.yaml.count(*node, source.keys.path("bins"), 1, 100000);
  if (const auto node = source.keys.take("strategy")) {
    const std::string s = source.yaml.choice(*node, source.keys.path("strategy"), {"uniform", "quantile"}, "strategy");
    options.strategy = s == "quantile" ? calibration::Strategy::quantile : calibration::Strategy::uniform;
  }
  return std::make_unique<CalibrationCheck>(std::move(header), options);
}

}  // namespace

KindEntry calibration_kind() {
  return {.key = "calibration",
          .summary = "calibration of the predicted probabilities (ECE, MCE, Brier score, Hosmer-Lemeshow)",
          .limits = {.absolute = true, .relative = true, .interval = false, .required = true},
          .names = calibration_names,
          .parse = parse_calibration,
          .options = {{"bins", "integer"}, {"strategy", "string"}}};
}

}  // namespace assay::suite
