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

// Rows (indices into the table) where every named column holds a value;
// `dropped` gets how many were left out. Unknown columns throw. Throws when
// no row is left.
std::vector<std::uint32_t> complete_rows(const core::Table& table, const std::vector<std::string>& names,
                                         std::size_t& dropped);

// A numeric column's values on `rows`, all finite. `unit`: also in [0, 1]
// (probabilities).
std::vector<double> finite_values(const core::Table& table, const std::string& name, std::span<const std::uint32_t> rows,
                                  std::string_view role, bool unit);

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
