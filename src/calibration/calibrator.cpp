#include "calibration/calibrator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "calibration/analysis.hpp"
#include "calibration/columns.hpp"
#include "calibration/evaluate.hpp"
#include "calibration/temperature.hpp"
#include "core/error.hpp"
#include "metrics/model_columns.hpp"
#include "metrics/labels.hpp"
#include "metrics/probability.hpp"

namespace assay::calibration {

std::string_view method_name(Method method) {
  switch (method) {
    case Method::platt: return "platt";
    case Method::isotonic: return "isotonic";
    case Method::temperature: return "temperature";
    case Method::histogram: return "histogram";
  }
  return "";
}

std::optional<Method> parse_method(std::string_view name) {
  for (const Method m : {Method::platt, Method::isotonic, Method::temperature, Method::histogram}) {
    if (method_name(m) == name) return m;
  }
  return std::nullopt;
}

namespace {

bool binary_method(Method m) { return m != Method::temperature; }

std::vector<std::string> input_columns(const Calibrator& c) {
  return binary_method(c.method) ? std::vector<std::string>{*c.score} : c.scores;
}

// Log-space inputs of the temperature method: logits as they are, or the
// logs of probabilities clipped at log loss's epsilon.
std::vector<std::vector<double>> temperature_inputs(const core::Table& table, const std::vector<std::string>& columns,
                                                    std::span<const std::uint32_t> rows, bool logits) {
  std::vector<std::vector<double>> z;
  for (const auto& name : columns) {
    std::vector<double> v = metrics::finite_values(table, name, rows, logits ? "logit" : "score", !logits).to_vector();
    if (!logits) {
      for (double& p : v) p = std::log(std::max(p, metrics::kLogLossEps));
    }
    z.push_back(std::move(v));
  }
  return z;
}

std::vector<std::span<const double>> spans(const std::vector<std::vector<double>>& columns) {
  return {columns.begin(), columns.end()};
}

}  // namespace

Calibrator fit(const core::Table& table, const FitSpec& spec) {
  Calibrator out;
  out.method = spec.method;
  out.target = spec.target;
  std::vector<std::string> names{spec.target};
  if (binary_method(spec.method)) {
    if (!spec.score || !spec.scores.empty()) {
      throw core::Error(core::Location{.path = "--score"},
                        fmt::format("{} calibrates one binary score column: give --score", method_name(spec.method)));
    }
    names.push_back(*spec.score);
  } else {
    if (spec.score || spec.scores.empty()) {
      throw core::Error(core::Location{.path = "--scores"}, "temperature scaling takes one column per class: give --scores");
    }
    names.insert(names.end(), spec.scores.begin(), spec.scores.end());
  }
  std::size_t dropped = 0;
  const std::vector<std::uint32_t> rows = metrics::complete_rows(table, names, dropped);
  out.fitted_rows = rows.size();
  if (binary_method(spec.method)) {
    out.score = spec.score;
    const std::vector<double> score = metrics::finite_values(table, *spec.score, rows, "score", spec.method == Method::histogram).to_vector();
    const BinaryColumn outcome = binary_column(table, spec.target, rows, spec.positive);
    out.positive = outcome.positive;
    out.negative = outcome.negative;
    switch (spec.method) {
      case Method::platt: out.platt = fit_platt(score, outcome.bits); break;
      case Method::isotonic: out.isotonic = fit_isotonic(score, outcome.bits); break;
      case Method::histogram: out.histogram = fit_histogram(score, outcome.bits, spec.bins); break;
      case Method::temperature: break;
    }
    return out;
  }
  const ScoreClasses sc = score_classes(spec.scores, spec.classes);
  out.classes = sc.classes;
  for (const std::size_t c : sc.column_of) out.scores.push_back(spec.scores[c]);
  out.logits = spec.logits;
  const std::vector<std::int32_t> truth = metrics::encode_labels(table.column(spec.target), rows, out.classes);
  std::vector<bool> seen(out.classes.size(), false);
  for (const std::int32_t t : truth) seen[static_cast<std::size_t>(t)] = true;
  if (std::count(seen.begin(), seen.end(), true) < 2) {
    throw core::Error(fmt::format("column '{}' holds one class only; calibration needs at least two", spec.target));
  }
  const auto z = temperature_inputs(table, out.scores, rows, out.logits);
  out.temperature = fit_temperature(spans(z), truth);
  return out;
}

Calibrated apply(const Calibrator& calibrator, const core::Table& table) {
  const std::vector<std::string> inputs = input_columns(calibrator);
  Calibrated out;
  for (const auto& name : inputs) out.names.push_back(name + "_calibrated");
  out.valid.assign(table.rows(), 0);
  out.values.assign(inputs.size(), std::vector<double>(table.rows(), std::nan("")));
  std::vector<std::uint32_t> rows;
  for (std::size_t i = 0; i < table.rows(); ++i) {
    bool valid = true;
    for (const auto& name : inputs) valid = valid && table.column(name).is_valid(i);
    if (valid) rows.push_back(static_cast<std::uint32_t>(i));
  }
  for (const std::uint32_t r : rows) out.valid[r] = 1;
  if (rows.empty()) return out;
  if (binary_method(calibrator.method)) {
    const std::vector<double> score =
        metrics::finite_values(table, *calibrator.score, rows, "score", calibrator.method == Method::histogram).to_vector();
    for (std::size_t j = 0; j < rows.size(); ++j) {
      const double s = score[j];
      double& v = out.values[0][rows[j]];
      switch (calibrator.method) {
        case Method::platt: v = calibrator.platt.apply(s); break;
        case Method::isotonic: v = calibrator.isotonic.apply(s); break;
        case Method::histogram: v = calibrator.histogram.apply(s); break;
        case Method::temperature: break;
      }
    }
    return out;
  }
  const auto z = temperature_inputs(table, calibrator.scores, rows, calibrator.logits);
  const std::size_t k = z.size();
  std::vector<double> row(k), calibrated(k);
  for (std::size_t j = 0; j < rows.size(); ++j) {
    for (std::size_t c = 0; c < k; ++c) row[c] = z[c][j];
    apply_temperature(row, calibrator.temperature, calibrated);
    for (std::size_t c = 0; c < k; ++c) out.values[c][rows[j]] = calibrated[c];
  }
  return out;
}

namespace {

using metrics::Value;

// ECE and log loss of binary probabilities.
void binary_quality(std::span<const double> p, std::span<const std::uint8_t> y, metrics::MetricSet& out) {
  out.set("ece", *analyse_binary(p, y, {}).metrics.find("ece"));
  double loss = 0.0;
  for (std::size_t i = 0; i < p.size(); ++i) loss += metrics::binary_log_loss_term(p[i], y[i] != 0);
  out.set("log_loss", Value::of(loss / static_cast<double>(p.size())));
}

void multiclass_quality(const std::vector<std::vector<double>>& p, std::span<const std::int32_t> truth,
                        const std::vector<std::string>& classes, metrics::MetricSet& out) {
  const auto columns = spans(p);
  out.set("ece", *analyse_multiclass(columns, truth, classes, {}).metrics.find("ece"));
  out.set("log_loss", metrics::multiclass_log_loss(truth, columns, {}));
}

}  // namespace

Check check(const Calibrator& calibrator, const core::Table& table) {
  std::vector<std::string> names = input_columns(calibrator);
  names.push_back(calibrator.target);
  std::size_t dropped = 0;
  const std::vector<std::uint32_t> rows = metrics::complete_rows(table, names, dropped);
  Check out;
  out.rows = rows.size();
  const Calibrated calibrated = apply(calibrator, table);
  auto kept = [&](std::size_t c) {
    std::vector<double> v(rows.size());
    for (std::size_t j = 0; j < rows.size(); ++j) v[j] = calibrated.values[c][rows[j]];
    return v;
  };
  if (binary_method(calibrator.method)) {
    const core::Column& target = table.column(calibrator.target);
    const std::vector<std::int32_t> codes = metrics::encode_labels(target, rows, {*calibrator.negative, *calibrator.positive});
    const std::vector<std::uint8_t> y(codes.begin(), codes.end());
    const std::vector<double> raw = metrics::finite_values(table, *calibrator.score, rows, "score", false).to_vector();
    if (metrics::count_outside_unit(raw) == 0) {
      binary_quality(raw, y, out.before);
    } else {
      const auto why = Value::undefined("the uncalibrated scores are not probabilities (outside [0, 1])");
      out.before.set("ece", why);
      out.before.set("log_loss", why);
    }
    binary_quality(kept(0), y, out.after);
    return out;
  }
  const std::vector<std::int32_t> truth = metrics::encode_labels(table.column(calibrator.target), rows, calibrator.classes);
  // Uncalibrated: the probabilities as given, or softmax of the logits (T = 1).
  auto z = temperature_inputs(table, calibrator.scores, rows, calibrator.logits);
  std::vector<double> row(z.size()), p(z.size());
  for (std::size_t j = 0; j < rows.size(); ++j) {
    for (std::size_t c = 0; c < z.size(); ++c) row[c] = z[c][j];
    apply_temperature(row, 1.0, p);
    for (std::size_t c = 0; c < z.size(); ++c) z[c][j] = p[c];
  }
  multiclass_quality(z, truth, calibrator.classes, out.before);
  std::vector<std::vector<double>> after;
  for (std::size_t c = 0; c < calibrator.scores.size(); ++c) after.push_back(kept(c));
  multiclass_quality(after, truth, calibrator.classes, out.after);
  return out;
}

}  // namespace assay::calibration
