#include "calibration/columns.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "metrics/labels.hpp"
#include "metrics/model_columns.hpp"

namespace assay::calibration {

std::string join_names(const std::vector<std::string>& names) { return fmt::format("{}", fmt::join(names, ", ")); }

BinaryColumn binary_column(const core::Table& table, const std::string& name, std::span<const std::uint32_t> rows,
                           const std::optional<std::string>& positive, bool need_both) {
  // Checked before the positive label is chosen: with one label there may
  // be no telling which it is, and "one class only" is the real problem.
  if (need_both) {
    const std::vector<std::string> labels = metrics::distinct_labels(table.column(name), rows);
    if (labels.size() < 2) {
      throw core::Error(fmt::format("column '{}' holds one class only ({}); calibration and fairness need both outcomes",
                                    name, labels.empty() ? std::string("none") : labels.front()));
    }
  }
  metrics::BinaryBits bits = metrics::binary_bits(table, name, std::nullopt, rows, positive);
  return {std::move(bits.truth), std::move(bits.negative), std::move(bits.positive)};
}

}  // namespace assay::calibration
