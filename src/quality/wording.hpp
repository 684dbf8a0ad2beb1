#pragma once
// Small helpers shared by the checks to word messages and collect examples
// consistently. Row numbers shown to people are 1-based data rows (the
// header line is not counted).

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/column.hpp"
#include "core/details.hpp"

namespace assay::quality {

// "12.5%", "0.013%", "0%": three significant digits.
std::string percent(double share);

// count / total, or 0 when total is 0.
double share_of(std::size_t count, std::size_t total);

// Up to `limit` examples {"row": r + 1, "value": text}; add() reports
// whether there was room.
class Examples {
 public:
  explicit Examples(std::size_t limit) : limit_(limit) {}
  // `value` as it is: in a text column "inf" and "nan" are words.
  bool add(std::size_t row, std::string_view value);
  // A cell of `column`: a non-finite float64 goes through add_non_finite(),
  // anything else through add() with the cell's text. The column's kind, not
  // the text, says whether a value is a number.
  bool add_cell(const core::Column& column, std::size_t row);
  // An infinite number: {"row", "value": null, "reason": "positive infinity"}
  // (JSON has no infinity; DESIGN.md, Output conventions).
  bool add_non_finite(std::size_t row, double value);  // +inf, -inf or NaN
  bool full() const noexcept { return list_.size() >= limit_; }
  // [{"row": r + 1, "value": text}, ...] for a Finding's details.
  const core::DetailList& list() const noexcept { return list_; }
  // "'abc' (row 3), 'x' (row 9)" for messages; at most three.
  std::string describe() const;

 private:
  std::size_t limit_;
  core::DetailList list_;
  std::vector<std::pair<std::size_t, std::string>> shown_;  // (row, value) for describe()
};

}  // namespace assay::quality
