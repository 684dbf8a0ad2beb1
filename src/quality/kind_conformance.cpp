#include "quality/kind_conformance.hpp"

#include <cmath>

#include "quality/text_parse.hpp"
#include "quality/text_scan.hpp"

namespace assay::quality {

bool kind_always_fits(core::Kind actual, core::Kind expected) {
  using core::Kind;
  if (actual == expected || is_text(expected)) return true;
  if (expected == Kind::float64) return actual == Kind::int64 || actual == Kind::boolean;
  if (expected == Kind::int64) return actual == Kind::boolean;
  return false;
}

Conformance kind_conformance(const core::Column& column, core::Kind expected, std::size_t max_examples) {
  using core::Kind;
  Conformance result;
  result.examples = Examples(max_examples);
  result.values = column.size() - column.null_count();
  const Kind actual = column.kind();
  if (kind_always_fits(actual, expected)) return result;
  if (is_text(actual)) {
    result.violations =
        count_text(column, [expected](std::string_view text) { return !parses_as(text, expected); }, result.examples);
    return result;
  }
  // A typed value that needs a look at its value: float64 -> int64, and numbers -> bool.
  const auto fits = [&](std::size_t row) {
    if (actual == Kind::timestamp || expected == Kind::timestamp) return false;
    const double v = column.as_double(row);
    if (expected == Kind::int64) return std::isfinite(v) && v == std::trunc(v);
    if (expected == Kind::boolean) return v == 0.0 || v == 1.0;
    return true;
  };
  for (std::size_t row = 0; row < column.size(); ++row) {
    if (!column.is_valid(row) || fits(row)) continue;
    ++result.violations;
    result.examples.add_cell(column, row);
  }
  return result;
}

}  // namespace assay::quality
