#include "metrics/model_columns.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/error.hpp"
#include "metrics/labels.hpp"

namespace assay::metrics {

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
                                                      fmt::join(names, ", ")));
  }
  return rows;
}

const core::Column& numeric_column(const core::Table& table, const std::string& name, std::string_view role) {
  const core::Column& column = table.column(name);
  if (!core::is_numeric(column.kind())) {
    throw core::Error(
        fmt::format("{} column '{}' is {}; expected numbers", role, name, core::kind_name(column.kind())));
  }
  return column;
}

std::vector<double> FiniteValues::to_vector() && {
  if (view_.data() == storage_.data()) return std::move(storage_);
  return {view_.begin(), view_.end()};
}

FiniteValues finite_values(const core::Table& table, const std::string& name, std::span<const std::uint32_t> rows,
                           std::string_view role, bool unit) {
  const core::Column& column = numeric_column(table, name, role);
  FiniteValues out;
  if (column.kind() == core::Kind::float64 && rows.size() == column.size()) {
    out.view_ = column.f64();
  } else {
    out.storage_.resize(rows.size());
    if (column.kind() == core::Kind::float64) {
      const std::span<const double> values = column.f64();
      for (std::size_t j = 0; j < rows.size(); ++j) out.storage_[j] = values[rows[j]];
    } else {
      for (std::size_t j = 0; j < rows.size(); ++j) out.storage_[j] = column.as_double(rows[j]);
    }
    out.view_ = out.storage_;
  }
  std::size_t bad = 0, outside = 0, first_bad = 0, first_outside = 0;
  for (std::size_t j = 0; j < out.view_.size(); ++j) {
    const double v = out.view_[j];
    if (!std::isfinite(v)) {
      if (bad++ == 0) first_bad = j;
    } else if (unit && !(v >= 0.0 && v <= 1.0)) {
      if (outside++ == 0) first_outside = j;
    }
  }
  if (bad > 0) {
    throw core::Error(fmt::format("{} column '{}' has {} infinite or NaN values (first at data row {}: {})", role, name,
                                  bad, rows[first_bad] + 1, out.view_[first_bad]));
  }
  if (outside > 0) {
    throw core::Error(
        fmt::format("{} column '{}' has {} values outside [0, 1] (first at data row {}: {}); expected probabilities",
                    role, name, outside, rows[first_outside] + 1, out.view_[first_outside]));
  }
  return out;
}

BinaryBits binary_bits(const core::Table& table, const std::string& target,
                       const std::optional<std::string>& prediction, std::span<const std::uint32_t> rows,
                       const std::optional<std::string>& positive) {
  const core::Column& truth = table.column(target);
  std::vector<std::string> labels = distinct_labels(truth, rows);
  BinaryBits out;
  out.target_labels = labels.size();
  if (prediction) {
    for (auto& l : distinct_labels(table.column(*prediction), rows)) labels.push_back(std::move(l));
  }
  const BinaryLabels names = binary_labels(labels, positive);
  out.negative = names.negative;
  out.positive = names.positive;
  const std::vector<std::string> classes{names.negative, names.positive};
  auto to_bits = [&](const core::Column& column) {
    const std::vector<std::int32_t> codes = encode_labels(column, rows, classes);
    return std::vector<std::uint8_t>(codes.begin(), codes.end());
  };
  out.truth = to_bits(truth);
  if (prediction) out.predicted = to_bits(table.column(*prediction));
  return out;
}

}  // namespace assay::metrics
