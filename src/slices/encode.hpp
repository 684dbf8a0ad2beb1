#pragma once
// Slicing columns encoded once as small integer codes per bound row, so
// every slice count afterwards is an array increment:
//   categorical, string, bool: one code per distinct value on the rows, in
//                              first-seen order of the dictionary/value;
//   int64, float64:            quantile bins, the project's one rule (stats/quantile_bins)
//                              (inner edges at the i/bins quantiles, numpy's
//                              linear method, duplicates removed; bin i holds
//                              edge[i-1] < x <= edge[i]);
//   null (and NaN):            a level of its own, "null", always last.
// Timestamps are not sliced.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/column.hpp"

namespace assay::slices {

using Code = std::uint16_t;
inline constexpr std::size_t kMaxCodes = 65535;

struct Level {
  std::string label;          // "tablet", "(0.5, 1.25]", "null"
  std::optional<double> low;  // numeric bins: exclusive lower edge (none for the first bin); by value: the value
  std::optional<double> high; // numeric bins: inclusive upper edge (none for the last bin); by value: the value
  bool null = false;
};

struct EncodedColumn {
  std::string name;
  std::string kind;           // the column's kind name
  bool binned = false;        // numeric, cut into quantile bins
  std::vector<Code> codes;    // one per bound row
  std::vector<Level> levels;  // label of each code
};

// Why a column cannot be sliced, or nullopt when it can: a timestamp, more
// than `max_levels` distinct values (categorical/string/bool), an integer
// column of distinct values (an id). Used by discovery to skip columns and
// by --by to reject them.
struct Encoding {
  std::optional<EncodedColumn> column;
  std::string skipped_because;
};

// `rows` are the table rows bound (ascending). `bins` >= 2.
Encoding encode_column(const core::Column& column, std::span<const std::uint32_t> rows, std::size_t bins,
                       std::size_t max_levels);

}  // namespace assay::slices
