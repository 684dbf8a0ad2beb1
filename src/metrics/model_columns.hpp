#pragma once
// Binding a model's named columns of a core::Table for an engine: the rows
// kept, numeric values checked, binary labels encoded. metrics/evaluate,
// slices, calibration and fairness all bind through here, so a rule (which
// rows are dropped, what a non-finite score or a probability outside [0, 1]
// says) has one home. Bad input throws core::Error naming the column, the
// first offending (1-based data) row and its value.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/table.hpp"

namespace assay::metrics {

// Rows (indices into the table) where every named column holds a value;
// `dropped` gets how many were left out. Unknown columns throw; so does a
// table with no rows or none left.
std::vector<std::uint32_t> complete_rows(const core::Table& table, const std::vector<std::string>& names,
                                         std::size_t& dropped);

// The column `name`, which must be float64 or int64 ("score column 'p' is
// string; expected numbers").
const core::Column& numeric_column(const core::Table& table, const std::string& name, std::string_view role);

class FiniteValues;

// The values of numeric column `name` on `rows`, all finite; with `unit`
// also within [0, 1] (probabilities). `role` names the column in messages.
FiniteValues finite_values(const core::Table& table, const std::string& name, std::span<const std::uint32_t> rows,
                           std::string_view role, bool unit = false);

// A numeric column's values on the kept rows: a view of the column itself
// when it is float64 and every row is kept (no copy of a large column),
// else a copy. Move-only: the view may point into its own storage.
class FiniteValues {
 public:
  FiniteValues() = default;
  FiniteValues(FiniteValues&&) noexcept = default;
  FiniteValues& operator=(FiniteValues&&) noexcept = default;
  FiniteValues(const FiniteValues&) = delete;
  FiniteValues& operator=(const FiniteValues&) = delete;

  operator std::span<const double>() const noexcept { return view_; }  // NOLINT: used as a span
  std::span<const double> span() const noexcept { return view_; }
  std::size_t size() const noexcept { return view_.size(); }
  bool empty() const noexcept { return view_.empty(); }
  double operator[](std::size_t j) const noexcept { return view_[j]; }
  // The values as a vector of their own (the storage, or a copy of the view).
  std::vector<double> to_vector() &&;

 private:
  friend FiniteValues finite_values(const core::Table&, const std::string&, std::span<const std::uint32_t>,
                                    std::string_view, bool);
  std::vector<double> storage_;
  std::span<const double> view_;
};

// Target (and prediction) label columns of a binary task as 0/1 on `rows`.
// The two labels come from both columns under metrics/labels.hpp's rules
// (`positive`, or the one of 1/true/yes); `target_labels` is how many
// distinct labels the target alone holds (callers that need both outcomes
// check it).
struct BinaryBits {
  std::vector<std::uint8_t> truth;
  std::vector<std::uint8_t> predicted;  // empty without a prediction column
  std::string negative;
  std::string positive;
  std::size_t target_labels = 0;
};
BinaryBits binary_bits(const core::Table& table, const std::string& target,
                       const std::optional<std::string>& prediction, std::span<const std::uint32_t> rows,
                       const std::optional<std::string>& positive);

}  // namespace assay::metrics
