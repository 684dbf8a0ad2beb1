#pragma once
// Canonical bytes of table cells, the input of row hashes (duplicates,
// contamination) and column hashes (fingerprints, duplicate columns).
//
// Equal values give equal bytes whatever kind the reader inferred: whole
// numbers (int64, bool as 0/1, and float64 values that are whole and within
// int64 range) are tag 1 + the int64; other floats tag 2 + IEEE bits (-0.0
// as 0.0); timestamps tag 3 + nanoseconds; text (categorical or string) tag
// 4 + 32-bit length + UTF-8 bytes; null tag 0. So "1" read as int64 and
// "1.0" read as float64 encode alike, and so do a categorical and a string
// column holding the same text.
//
// Normalised encoding (near-duplicate detection): text is trimmed of ASCII
// white space and ASCII-lower-cased; floats are rounded to `digits`
// significant decimal digits before encoding.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/column.hpp"
#include "core/hash.hpp"
#include "core/table.hpp"

namespace assay::quality {

struct Normalisation {
  bool enabled = false;
  int digits = 6;  // significant decimal digits of floats when enabled
};

// `value` rounded to `digits` significant decimal digits (0, inf and NaN
// unchanged), e.g. round_significant(0.123456789, 6) == 0.123457.
double round_significant(double value, int digits);

// ASCII white space trimmed from both ends.
std::string_view trim_ascii(std::string_view text);

// Appends the canonical bytes of one column's cells. Holds a pointer to the
// column, which must outlive it.
class CellEncoder {
 public:
  CellEncoder(const core::Column& column, Normalisation normalisation);
  void append(std::size_t row, std::string& out) const;

 private:
  void append_double(double value, std::string& out) const;
  void append_text(std::string_view text, std::string& out) const;

  const core::Column* column_;
  core::Kind kind_;
  Normalisation normalisation_;
  std::span<const std::uint8_t> validity_;
  std::span<const double> f64_;
  std::span<const std::int64_t> i64_;
  std::span<const std::uint8_t> booleans_;
  std::span<const std::int32_t> codes_;
  std::vector<std::string> dictionary_;  // normalised categorical dictionary
};

// Row hashes: xxh3-128 of the concatenated cell encodings of `columns`
// (indices into `table`), computed in parallel; one hash per row.
std::vector<core::Hash128> row_hashes(const core::Table& table, std::span<const std::size_t> columns,
                                      Normalisation normalisation = {});

// Hash of one column's content: xxh3-128 over its cell encodings in row
// order. Independent of the column's name.
core::Hash128 column_hash(const core::Column& column);

}  // namespace assay::quality
