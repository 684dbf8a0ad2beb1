#include "calibration/columns.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/error.hpp"
#include "metrics/labels.hpp"

namespace assay::calibration {

std::string join_names(const std::vector<std::string>& names) { return fmt::format("{}", fmt::join(names, ", ")); }

std::vector<std::uint32_t> complete_rows(const core::Table& table, const std::vector<std::string>& names,
                                         std::size_t& dropped) {
  std::vector<const core::Column*> columns;
  for (const auto& name : names) columns.push_back(&table.column(name));
  std::vector<std::uint32_t> rows;
  rows.reserve(table.rows());
  for (std::size_t i = 0; i < table.rows(); ++i) {
    bool valid = true;
    for (const auto* c : columns) valid = valid && c->is_valid(i);
    if (valid) rows.push_back(static_cast<std::uint32_t>(i));
  }
  dropped = table.rows() - rows.size();
  if (rows.empty()) {
    throw core::Error(table.rows() == 0 ? std::string("the input has no rows")
                                        : fmt::format("no rows left after dropping {} rows with a null in {}", dropped,
                                                      join_names(names)));
  }
  return rows;
}

std::vector<double> finite_values(const core::Table& table, const std::string& name, std::span<const std::uint32_t> rows,
                                  std::string_view role, bool unit) {
  const core::Column& column = table.column(name);
  if (!core::is_numeric(column.kind())) {
    throw core::Error(fmt::format("{} column '{}' is {}; expected numbers", role, name, core::kind_name(column.kind())));
  }
  std::vector<double> out(rows.size());
  if (column.kind() == core::Kind::float64) {
    const std::span<const double> values = column.f64();
    for (std::size_t j = 0; j < rows.size(); ++j) out[j] = values[rows[j]];
  } else {
    for (std::size_t j = 0; j < rows.size(); ++j) out[j] = column.as_double(rows[j]);
  }
  std::size_t bad = 0, outside = 0, first_bad = 0, first_outside = 0;
  for (std::size_t j = 0; j < out.size(); ++j) {
    const double v = out[j];
    if (!std::isfinite(v)) {
      if (bad++ == 0) first_bad = j;
    } else if (unit && !(v >= 0.0 && v <= 1.0)) {
      if (outside++ == 0) first_outside = j;
    }
  }
  if (bad > 0) {
    throw core::Error(fmt::format("{} column '{}' has {} infinite or NaN values (first at data row {}: {})", role, name,
                                  bad, rows[first_bad] + 1, out[first_bad]));
  }
  if (outside > 0) {
    throw core::Error(fmt::format("{} column '{}' has {} values outside [0, 1] (first at data row {}: {}); expected probabilities",
                                  role, name, outside, rows[first_outside] + 1, out[first_outside]));
  }
  return out;
}

BinaryColumn binary_column(const core::Table& table, const std::string& name, std::span<const std::uint32_t> rows,
                           const std::optional<std::string>& positive, bool need_both) {
  const core::Column& column = table.column(name);
  std::vector<std::string> labels = metrics::distinct_labels(column, rows);
  if (need_both && labels.size() < 2) {
    throw core::Error(fmt::format("column '{}' holds one class only ({}); calibration and fairness need both outcomes",
                                  name, labels.empty() ? std::string("none") : labels.front()));
  }
  const metrics::BinaryLabels names = metrics::binary_labels(labels, positive);
  const std::vector<std::int32_t> codes = metrics::encode_labels(column, rows, {names.negative, names.positive});
  return {std::vector<std::uint8_t>(codes.begin(), codes.end()), names.negative, names.positive};
}

}  // namespace assay::calibration
