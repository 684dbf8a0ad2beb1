#include "report/calibration_text.hpp"

#include <fmt/format.h>

#include "report/text_table.hpp"

namespace assay::report {

namespace {

using A = TextTable::Align;

std::string calibration_cell(const std::optional<double>& v) { return v ? format_number(*v) : "-"; }

}  // namespace

std::string calibration_text(const calibration::Evaluation& e, const calibration::Spec& spec,
                             const core::FileFingerprint& input) {
  const calibration::Analysis& a = e.analysis;
  std::string out = fmt::format("{} calibration on {}: {} rows (target {}", a.multiclass ? "multiclass" : "binary",
                                input.path, a.n, spec.target);
  if (spec.score) out += ", score " + *spec.score;
  if (!spec.scores.empty()) out += fmt::format(", scores {}", fmt::join(spec.scores, ","));
  if (e.positive) out += ", positive " + *e.positive;
  out += fmt::format(", {} {} bins)\n\n", spec.options.bins, calibration::strategy_name(spec.options.strategy));

  TextTable metrics({"metric", "value", "note"}, {A::left, A::right, A::left});
  for (const auto& item : a.metrics.items()) metrics.add_row({item.name, calibration_cell(item.value.value), item.value.reason});
  out += metrics.render();

  out += a.multiclass ? "\nreliability curve (top label)\n" : "\nreliability curve\n";
  TextTable curve({"bin", "count", "mean score", "frequency", fmt::format("{:g}% Wilson", spec.options.level * 100)},
                  {A::left, A::right, A::right, A::right, A::left});
  for (std::size_t k = 0; k < a.curve.size(); ++k) {
    const auto& b = a.curve[k];
    const bool last = k + 1 == a.curve.size();
    curve.add_row({fmt::format("[{}, {}{}", format_number(b.lower), format_number(b.upper), last ? "]" : ")"),
                   fmt::format("{}", b.count), calibration_cell(b.mean_score), calibration_cell(b.frequency),
                   b.wilson_low ? fmt::format("[{}, {}]", format_number(*b.wilson_low), format_number(*b.wilson_high)) : ""});
  }
  out += curve.render();
  if (!a.per_class.empty()) {
    TextTable per_class({"class", "ece", "mce"}, {A::left, A::right, A::right});
    for (const auto& c : a.per_class) per_class.add_row({c.label, calibration_cell(c.ece.value), calibration_cell(c.mce.value)});
    out += "\nper class (one vs rest)\n" + per_class.render();
  }
  if (!a.warnings.empty()) {
    out += "\nwarnings\n";
    for (const auto& w : a.warnings) out += "  - " + w + "\n";
  }
  return out;
}

}  // namespace assay::report
