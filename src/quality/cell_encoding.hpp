#pragma once
// Canonical 128-bit codes of table cells, the input of row hashes
// (duplicates, contamination) and column hashes (fingerprints, duplicate
// columns). Rows are hashed from these typed codes, never from text.
//
// Equal values get equal codes whatever kind the reader inferred:
//   null                        {0, 0}
//   whole number                {1, int64 value}: int64, bool as 0/1, and
//                               float64 values that are whole and within int64
//   other float64               {2, IEEE bits} (-0.0 is the whole number 0;
//                               every NaN the same)
//   timestamp                   {3, nanoseconds}
//   text (categorical, string)  xxh3-128 of the UTF-8 bytes
// So "1" read as int64 and "1.0" read as float64 code alike, and so do a
// categorical and a string column holding the same text. (A text hash
// equal to a number's code would need a 2^-128 coincidence.)
//
// Normalised codes (near-duplicate detection): text is trimmed of ASCII
// white space and ASCII-lower-cased; floats are rounded to `digits`
// significant decimal digits first.

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

// Codes of one column's cells. Holds a pointer to the column, which must
// outlive it.
class CellEncoder {
 public:
  CellEncoder(const core::Column& column, Normalisation normalisation);

  core::Hash128 code(std::size_t row) const;

  // Writes the codes of rows [begin, end) as 16 bytes each (high then low
  // word, little-endian) at out, out + stride, out + 2 stride, ...
  void write(std::size_t begin, std::size_t end, std::byte* out, std::size_t stride) const;

 private:
  core::Hash128 number_code(double value) const;
  core::Hash128 text_code(std::string_view text) const;

  const core::Column* column_;
  core::Kind kind_;
  Normalisation normalisation_;
  std::span<const std::uint8_t> validity_;
  std::span<const double> f64_;
  std::span<const std::int64_t> i64_;
  std::span<const std::uint8_t> booleans_;
  std::span<const std::int32_t> codes_;
  std::vector<core::Hash128> dictionary_codes_;  // categorical: code of each dictionary entry
};

// Row hashes: xxh3-128 of the concatenated cell codes of `columns` (indices
// into `table`), computed in parallel blocks; one hash per row.
std::vector<core::Hash128> row_hashes(const core::Table& table, std::span<const std::size_t> columns,
                                      Normalisation normalisation = {});

// Hash of one column's content: xxh3-128 over its cell codes in row order.
// Independent of the column's name.
core::Hash128 column_hash(const core::Column& column);

}  // namespace assay::quality
