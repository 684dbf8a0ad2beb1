#pragma once
// Reading the columns calibration and fairness use from a core::Table, with
// the checks their statistics need. Bad input throws core::Error naming the
// column, the first offending (1-based data) row and its value.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/table.hpp"

namespace assay::calibration {

// Rows, numeric values and labels are bound by metrics/model_columns.hpp
// (complete_rows, finite_values), as for `assay metrics`.

// A binary label column as 0/1 on `rows`, and the labels found. Uses the
// metrics engine's label rules (numbers compare as numbers; the positive is
// `positive` or the one of 1/true/yes). Throws when the column holds one
// label only or more than two.
struct BinaryColumn {
  std::vector<std::uint8_t> bits;
  std::string negative;
  std::string positive;
};
BinaryColumn binary_column(const core::Table& table, const std::string& name, std::span<const std::uint32_t> rows,
                           const std::optional<std::string>& positive, bool need_both = true);

// "a", "b" -> "a, b"
std::string join_names(const std::vector<std::string>& names);

}  // namespace assay::calibration
