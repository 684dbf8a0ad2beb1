// drift: features|column|target|prediction|score|multivariate: drift of the
// current data against the reference (the drift engine, as `assay drift`).
//   features      the share of feature columns that drifted (max_share,
//                 default the engine's 0.5); one comparison per set of
//                 options serves every features and column check
//   column        one column (column: NAME): the engine's verdict, or its
//                 statistic judged against min/max (a p-value for tests, a
//                 distance otherwise)
//   target, prediction, score   the column of that role
//   multivariate  a multivariate detector over the features (method:
//                 classifier|mmd|pca): its verdict or its statistic
// Options: method, threshold (per column), bins, correction.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>
#include <span>

#include "drift/correction.hpp"
#include "drift/dataset_drift.hpp"
#include "drift/multivariate.hpp"
#include "suite/bind.hpp"
#include "suite/kinds.hpp"
#include "suite/measure.hpp"
#include "suite/workspace.hpp"
#include "suite/yaml_reader.hpp"

namespace assay::suite {

namespace {

std::vector<std::string> drift_subjects(const Suite&) {
  return {"features", "column", "target", "prediction", "score", "multivariate"};
}

std::vector<std::string> split_names(std::string_view names) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= names.size()) {
    const std::size_t bar = names.find('|', start);
    out.emplace_back(names.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

struct DriftSettings {
  drift::DriftOptions options;
  std::optional<drift::Multivariate> multivariate;
  std::optional<double> multivariate_threshold;
  std::string key;  // of the memoised comparison
};

const drift::ColumnSelection& feature_selection(Workspace& ws, const core::Table& reference) {
  return ws.memo<drift::ColumnSelection>("drift.selection",
                                         [&] { return drift_features(ws.suite(), reference, ws.current()); });
}

struct Compared {
  drift::Comparison comparison;
  std::vector<core::Finding> findings;
};

Compared compare(const core::Table& reference, const core::Table& current, std::span<const drift::ColumnSpec> specs,
                 const drift::DriftOptions& options) {
  Compared out;
  out.comparison = drift::compare_tables(reference, current, specs, options);
  drift::finalize(out.comparison, options);
  out.findings = drift::drift_findings(out.comparison, options);
  return out;
}

class DriftCheck final : public Check {
 public:
  DriftCheck(CheckHeader header, std::optional<std::string> column, core::Location column_at, DriftSettings settings)
      : Check(std::move(header)), column_(std::move(column)), column_at_(std::move(column_at)),
        settings_(std::move(settings)) {}

  bool uses_reference() const override { return true; }

  void prepare(Workspace& ws) const override {
    const core::Table& reference = ws.reference(header(), "compares with the reference");
    const auto column = subject_column(ws.suite());
    if (header().name != "features" && header().name != "multivariate" && !column) {
      require_role(std::nullopt, header().name, header());
    }
    if (column) {
      require_column(ws.current(), *column, column_at_, "current data");
      require_column(reference, *column, column_at_, "reference data");
    }
  }

  std::vector<core::Finding> run(Workspace& ws) const override {
    const core::Table& reference = ws.reference(header(), "compares with the reference");
    const std::string& name = header().name;
    if (name == "features") return {features(ws, reference)};
    if (name == "multivariate") return {multivariate(ws, reference)};
    return {column_drift(ws, reference, *subject_column(ws.suite()))};
  }

 private:
  std::optional<std::string> subject_column(const Suite& suite) const {
    const std::string& name = header().name;
    if (name == "column") return column_;
    if (name == "target") return suite.columns.target;
    if (name == "prediction") return suite.columns.prediction;
    if (name == "score") return suite.columns.score;
    return std::nullopt;
  }

  const Compared& features_compared(Workspace& ws, const core::Table& reference) const {
    return ws.memo<Compared>("drift.features." + settings_.key, [&] {
      return compare(reference, ws.current(), feature_selection(ws, reference).columns, settings_.options);
    });
  }

  core::Finding features(Workspace& ws, const core::Table& reference) const {
    const Compared& compared = features_compared(ws, reference);
    const drift::DatasetVerdict& v = compared.comparison.verdict;
    Measure m{.category = "drift", .subject = "dataset", .metric = "drifted_share", .direction = Direction::lower_is_better};
    if (v.compared == 0) {
      m.reason = "no feature column could be compared";
    } else {
      m.value = v.drifted_share;
    }
    std::vector<std::string> drifted;
    for (const auto& c : compared.comparison.columns) {
      if (c.drifted) drifted.push_back(c.column);
    }
    // One entry per compared column (the engine's per-column Findings come
    // first, one per column, before its dataset Finding), so outputs can
    // show every column's score without recomputing it.
    core::DetailList columns;
    const std::size_t per_column = std::min(compared.comparison.columns.size(), compared.findings.size());
    for (const core::Finding& c : std::span(compared.findings).first(per_column)) {
      core::Details column{{"column", c.subject}, {"metric", c.metric}, {"value", c.value}};
      if (c.threshold) column["threshold"] = core::Details{{"op", c.threshold->op}, {"value", c.threshold->value}};
      column["drifted"] = c.status == core::Status::fail || c.status == core::Status::warn;
      columns.emplace_back(std::move(column));
    }
    m.details["compared"] = v.compared;
    m.details["drifted"] = v.drifted;
    m.details["drifted_columns"] = drifted;
    m.details["columns"] = std::move(columns);
    core::Finding f = judged_finding(header(), std::move(m));
    if (!drifted.empty()) f.message += fmt::format(" (drifted: {})", fmt::join(drifted, ", "));
    return f;
  }

  core::Finding column_drift(Workspace& ws, const core::Table& reference, const std::string& column) const {
    const drift::ColumnSelection& selection = feature_selection(ws, reference);
    const bool feature = std::any_of(selection.columns.begin(), selection.columns.end(),
                                     [&](const drift::ColumnSpec& s) { return s.name == column; });
    const Compared* compared = nullptr;
    if (feature) {
      compared = &features_compared(ws, reference);
    } else {
      for (const auto& skipped : selection.skipped) {
        if (skipped.column == column) {
          return error_finding(header(), "drift", column, fmt::format("{} is not compared: {}", column, skipped.reason));
        }
      }
      const drift::Role role = header().name == "target"       ? drift::Role::target
                               : header().name == "prediction" ? drift::Role::prediction
                               : header().name == "score"      ? drift::Role::score
                                                               : drift::Role::feature;
      const std::vector<drift::ColumnSpec> specs{{column, role}};
      compared = &ws.memo<Compared>(fmt::format("drift.column.{}.{}", column, settings_.key),
                                    [&] { return compare(reference, ws.current(), specs, settings_.options); });
    }
    const std::string id = "drift." + column;
    for (const core::Finding& f : compared->findings) {
      if (f.id == id) {
        return adopted_finding(header(), f, false,
                               f.metric.ends_with("p_value") ? Direction::higher_is_better : Direction::lower_is_better);
      }
    }
    return error_finding(header(), "drift", column, "the drift engine reported nothing for this column");
  }

  core::Finding multivariate(Workspace& ws, const core::Table& reference) const {
    const drift::ColumnSelection& selection = feature_selection(ws, reference);
    drift::MultivariateOptions options;
    options.method = settings_.multivariate.value_or(drift::Multivariate::classifier);
    options.threshold = settings_.multivariate_threshold;
    options.seed = ws.suite().settings.seed;
    const auto& result = ws.memo<drift::MultivariateResult>(
        fmt::format("drift.multivariate.{}.{}", drift::multivariate_name(options.method),
                    options.threshold.value_or(-1.0)),
        [&] { return drift::multivariate_drift(reference, ws.current(), selection.columns, options); });
    if (!result.reason.empty()) return error_finding(header(), "drift", "dataset", result.reason);
    core::Finding f;
    f.category = "drift";
    f.subject = "dataset";
    f.metric = result.metric;
    f.value = result.statistic;
    if (result.threshold) f.threshold = core::Threshold{result.method == drift::Multivariate::mmd ? ">=" : "<", *result.threshold};
    f.status = result.drifted ? core::Status::fail : core::Status::pass;
    f.message = fmt::format("multivariate drift ({}): {} = {:.6g}{}", drift::multivariate_name(result.method),
                            result.metric, result.statistic, result.drifted ? ", drifted" : ", no drift");
    if (result.p_value) f.details["p_value"] = *result.p_value;
    f.details["features"] = result.features;
    f.details["reference_rows"] = result.reference_rows;
    f.details["current_rows"] = result.current_rows;
    return adopted_finding(header(), std::move(f), false,
                           result.metric == "roc_auc" || result.metric == "mmd2" ? Direction::lower_is_better
                                                                                 : Direction::higher_is_better);
  }

  std::optional<std::string> column_;
  core::Location column_at_;
  DriftSettings settings_;
};

std::unique_ptr<Check> parse_drift(CheckSource& source, CheckHeader header) {
  const YamlSource& yaml = source.yaml;
  MapReader& keys = source.keys;
  DriftSettings settings;
  std::optional<std::string> column;
  core::Location column_at = header.where;
  const bool multivariate = header.name == "multivariate";
  if (const auto node = keys.take("column")) {
    if (header.name != "column") yaml.fail(keys.key_node("column"), keys.path("column"), "column: is for drift: column");
    column = yaml.text(*node, keys.path("column"));
    column_at = yaml.where(*node, keys.path("column"));
  } else if (header.name == "column") {
    throw core::Error(header.where, fmt::format("check {}: drift: column needs column: NAME", header.id));
  }
  if (const auto node = keys.take("max_share")) {
    if (header.name != "features") yaml.fail(keys.key_node("max_share"), keys.path("max_share"), "max_share is for drift: features");
    if (header.limits.max) yaml.fail(keys.key_node("max_share"), keys.path("max_share"), "give max_share or max, not both");
    header.limits.max = yaml.number(*node, keys.path("max_share"));
    if (*header.limits.max < 0 || *header.limits.max > 1) {
      yaml.fail(*node, keys.path("max_share"), "max_share: expected a share in [0, 1]");
    }
  }
  if (const auto node = keys.take("method")) {
    if (multivariate) {
      const std::string m = yaml.choice(*node, keys.path("method"), {"classifier", "mmd", "pca"}, "multivariate method");
      settings.multivariate = drift::parse_multivariate(m);
    } else {
      const std::string m = yaml.choice(*node, keys.path("method"), split_names(drift::method_names()), "drift method");
      settings.options.method = *drift::parse_method(m);
    }
  }
  if (const auto node = keys.take("threshold")) {
    const double t = yaml.number(*node, keys.path("threshold"));
    if (!(t > 0)) yaml.fail(*node, keys.path("threshold"), "threshold: expected a number > 0");
    if (multivariate) {
      settings.multivariate_threshold = t;
    } else {
      settings.options.threshold = t;
    }
  }
  if (const auto node = keys.take("bins")) settings.options.bins = yaml.count(*node, keys.path("bins"), 2, 1000);
  if (const auto node = keys.take("correction")) {
    const std::string c = yaml.choice(*node, keys.path("correction"), {"none", "bonferroni", "bh"}, "correction");
    settings.options.correction = c == "none" ? drift::Correction::none
                                  : c == "bh" ? drift::Correction::bh
                                              : drift::Correction::bonferroni;
  }
  settings.options.seed = source.suite.settings.seed;
  settings.options.histograms = false;
  settings.key = fmt::format("{}.{}.{}.{}", drift::method_name(settings.options.method),
                             settings.options.threshold.value_or(-1.0), settings.options.bins,
                             static_cast<int>(settings.options.correction));
  if (header.name == "features" && !header.limits.any()) header.limits.max = drift::DriftOptions{}.drift_share;
  return std::make_unique<DriftCheck>(std::move(header), std::move(column), std::move(column_at), std::move(settings));
}

}  // namespace

KindEntry drift_kind() {
  return {.key = "drift",
          .summary = "drift of the current data against the reference: share of drifted features, one column, "
                     "a role column, or a multivariate detector",
          .limits = {.absolute = true, .relative = false, .interval = false, .required = false},
          .names = drift_subjects,
          .parse = parse_drift,
          .options = {{"column", "string"}, {"method", "string"}, {"max_share", "number"}, {"threshold", "number"}, {"bins", "integer"}, {"correction", "string"}}};
}

}  // namespace assay::suite
