#pragma once
// Splitting plain CSV text into fields with bit masks.
//
// Most pieces of most CSV files are plain: no quotes, no CR, every row with
// the header's number of fields. For those, each separator (delimiter or LF)
// is found 64 bytes at a time: SSE2 byte compares into 64-bit masks, then one
// store per set bit, so the cost per byte does not depend on how long the
// fields are (the technique of simdjson's stage 1 and of simdcsv, Langdale &
// Lemire). The store loop, not the compares, is what costs: AVX2 and
// AVX-512 versions measured no faster. Anything else is
// left to the row-at-a-time tokenizer (csv_tokenizer.hpp), which handles
// quotes and CR and says what is wrong where.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

namespace assay::io {

struct PlainFields {
  // ends()[r * columns + c]: offset of the delimiter or LF that closes field
  // c of row r (text.size() for a last row without a line break); the field
  // starts just after the previous end.
  std::span<const std::uint32_t> ends() const noexcept { return {storage.get(), count}; }
  bool ascii = false;  // no byte >= 0x80: valid UTF-8 without checking

  // Not zeroed when allocated: a vector's resize would write as many bytes
  // as the piece has, only for the scan to overwrite them.
  std::unique_ptr<std::uint32_t[]> storage;
  std::size_t count = 0;
  std::size_t capacity = 0;
};

// True, with `out` filled, when `text` (starting at a row start) is plain
// and every row has `columns` fields; false otherwise.
bool split_plain_fields(std::string_view text, char delimiter, std::size_t columns, PlainFields& out);

}  // namespace assay::io
