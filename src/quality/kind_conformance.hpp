#pragma once
// Does a column's content fit an expected kind (from a schema or a
// reference)? A column read as another kind is not wrong in itself: "1.0"
// read as float64 fits int64. What counts is each value:
//   expected categorical/string  every value fits
//   expected float64   numbers fit; timestamps do not; text must parse as a number
//   expected int64     whole finite numbers and bools fit; text must parse as an integer
//   expected bool      0 and 1 fit; text must parse as a bool (see text_parse.hpp)
//   expected timestamp timestamps fit; numbers do not; text must parse as ISO 8601

#include <cstddef>

#include "core/column.hpp"
#include "quality/wording.hpp"

namespace assay::quality {

struct Conformance {
  std::size_t values = 0;      // non-null values checked
  std::size_t violations = 0;  // of which do not fit
  Examples examples{0};
};

Conformance kind_conformance(const core::Column& column, core::Kind expected, std::size_t max_examples);

// Whether every value of `actual` kind fits `expected` without looking at values.
bool kind_always_fits(core::Kind actual, core::Kind expected);

}  // namespace assay::quality
