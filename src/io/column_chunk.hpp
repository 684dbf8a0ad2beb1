#pragma once
// Building a column from cells, a chunk of rows at a time, and merging the
// chunks. Both readers (CSV, JSON Lines) produce cells; chunks are built in
// parallel and merged once per column at the end.
//
// Inference within a chunk walks the lattice
//   empty -> bool | int64 -> float64 | timestamp -> text
// widening int64 to float64 in place and restarting as text (the caller
// replays the chunk's cells) when a cell fits no narrower kind. Across chunks
// the kinds are joined the same way; a chunk that was numeric in a column
// that ends up text has its values rendered as text (1.50 becomes "1.5"),
// which only happens when a column mixes numbers and words.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/column.hpp"
#include "core/string_dictionary.hpp"
#include "core/cell_parse.hpp"
#include "io/short_decimal.hpp"

namespace assay::io {

// What a reader knows of a cell before inference.
enum class CellType : std::uint8_t {
  null,     // absent (JSON null or a missing key)
  raw,      // CSV text: any kind may fit
  string,   // JSON string: text or timestamp
  number,   // JSON number: int64 or float64
  boolean,  // JSON true/false
};

struct CellView {
  std::string_view text;
  CellType type = CellType::raw;
};

enum class ChunkKind : std::uint8_t { empty, boolean, int64, float64, timestamp, text };

struct ColumnChunk {
  ChunkKind kind = ChunkKind::empty;
  std::vector<std::uint8_t> valid;
  std::vector<double> f64;
  std::vector<std::int64_t> i64;  // int64 and timestamp
  std::vector<std::uint8_t> b;
  std::vector<std::int32_t> codes;
  core::StringDictionary dict;
  // A column forced to string keeps its cells as written, without a
  // dictionary: cell i is bytes[ends[i - 1], ends[i]) (ends[-1] = 0). Files
  // of distinct texts (what `assay pii` reads) skip interning every cell.
  bool plain = false;
  std::string bytes;
  std::vector<std::uint64_t> ends;
};

// Cells equal to one of the tokens are null. Every numeric cell is looked up,
// so a miss must cost next to nothing: a number ends in a digit (or '.', 'f',
// 'y'), which no default token does, and the last-byte set rejects it before
// any comparison; the length mask rejects most other text.
class NaTokens {
 public:
  explicit NaTokens(std::vector<std::string> tokens);
  bool contains(std::string_view text) const noexcept {
    if (text.empty()) return has_empty_;
    const auto last = static_cast<unsigned char>(text.back());
    if (((last_bytes_[last >> 6] >> (last & 63)) & 1) == 0) return false;
    if (text.size() < 64 ? (length_mask_ & (std::uint64_t{1} << text.size())) == 0 : !has_long_) return false;
    return contains_slow(text);
  }

 private:
  bool contains_slow(std::string_view text) const noexcept;

  std::vector<std::string> tokens_;
  std::uint64_t last_bytes_[4] = {};  // bit b set when a token ends in byte b
  std::uint64_t length_mask_ = 0;     // bit L set when a token has length L < 64
  bool has_long_ = false;
  bool has_empty_ = false;
};

class ChunkBuilder {
 public:
  enum class Result { ok, restart_as_text, error };

  // `forced`: the kind the user fixed for this column, if any. `padded`:
  // every cell's text is followed by kShortDecimalPadding readable bytes (the
  // CSV reader's buffers), which lets numbers take the short-decimal path.
  ChunkBuilder(const NaTokens& na, std::optional<core::Kind> forced, std::size_t expected_rows, bool padded = false);

  // By reference: a 24-byte struct passed by value goes through the stack
  // and stalls store forwarding on every cell.
  Result append(const CellView& cell);

  // Fast path for a float64 column: appends cells from row r on while they
  // are numbers or nulls, writing straight into the storage; returns the
  // first row it did not take.
  template <class CellAt>
  std::size_t append_floats(std::size_t r, std::size_t rows, const CellAt& cell_at);
  bool in_float_mode() const noexcept { return chunk_.kind == ChunkKind::float64; }

  // Fast path for an int64 column: as append_floats, for integers (a cell
  // that is not one is left for append, which may widen the chunk).
  template <class CellAt>
  std::size_t append_ints(std::size_t r, std::size_t rows, const CellAt& cell_at);
  bool in_int_mode() const noexcept { return chunk_.kind == ChunkKind::int64; }

  // Fast path for a text column (which never fails): appends the cells from
  // row r to `rows`.
  template <class CellAt>
  void append_texts(std::size_t r, std::size_t rows, const CellAt& cell_at);
  bool in_text_mode() const noexcept { return chunk_.kind == ChunkKind::text; }

  // Fast path for one CSV cell of a float64 column; false when the cell is
  // not a number or a null (then call append).
  bool try_append_float(std::string_view text) {
    double f = 0.0;
    if (na_.contains(text)) {
      f = std::numeric_limits<double>::quiet_NaN();
      chunk_.valid.push_back(0);
    } else if (parse_number(text, f)) {
      chunk_.valid.push_back(1);
    } else {
      return false;
    }
    chunk_.f64.push_back(f);
    return true;
  }
  // Drops what was appended and continues in text mode; the caller replays.
  void restart_as_text();
  // Set when append returned Result::error.
  const std::string& error() const noexcept { return error_; }
  ColumnChunk finish() { return std::move(chunk_); }

 private:
  template <class T, class CellAt, class Parse>
  std::size_t append_numbers(std::size_t r, std::size_t rows, const CellAt& cell_at, std::vector<T>& storage, T null_value,
                             const Parse& parse);
  bool parse_number(std::string_view text, double& out) const noexcept {
    return (padded_ && parse_short_decimal(text, out)) || core::parse_float64(text, out);
  }
  void push_null();
  bool start(const CellView& cell);
  bool widen_to_float();
  Result fail(std::string message);

  const NaTokens& na_;
  std::optional<core::Kind> forced_;
  std::size_t expected_rows_;
  bool padded_;
  ColumnChunk chunk_;
  std::size_t leading_nulls_ = 0;
  std::string error_;
};

// Builds one chunk of a column. `cell_at(r)` returns the CellView of row r;
// on a conversion error returns the row and message.
struct ConversionError {
  std::size_t row;
  std::string message;
};

// The numeric fast paths: cells from row r on go straight into `storage`
// while they are nulls (`null_value`) or parse; returns the first row that
// does not.
template <class T, class CellAt, class Parse>
std::size_t ChunkBuilder::append_numbers(std::size_t r, std::size_t rows, const CellAt& cell_at, std::vector<T>& storage,
                                         T null_value, const Parse& parse) {
  const std::size_t base = storage.size();
  storage.resize(base + rows - r);
  chunk_.valid.resize(base + rows - r);
  T* values = storage.data() + base;
  std::uint8_t* valid = chunk_.valid.data() + base;
  std::size_t k = 0;
  for (; r < rows; ++r, ++k) {
    const CellView cell = cell_at(r);
    if (cell.type == CellType::null || (cell.type != CellType::number && na_.contains(cell.text))) {
      values[k] = null_value;
      valid[k] = 0;
    } else if ((cell.type == CellType::raw || cell.type == CellType::number) && parse(cell.text, values[k])) {
      valid[k] = 1;
    } else {
      break;
    }
  }
  storage.resize(base + k);
  chunk_.valid.resize(base + k);
  return r;
}

template <class CellAt>
std::size_t ChunkBuilder::append_floats(std::size_t r, std::size_t rows, const CellAt& cell_at) {
  return append_numbers(r, rows, cell_at, chunk_.f64, std::numeric_limits<double>::quiet_NaN(),
                        [this](std::string_view text, double& out) { return parse_number(text, out); });
}

template <class CellAt>
std::size_t ChunkBuilder::append_ints(std::size_t r, std::size_t rows, const CellAt& cell_at) {
  return append_numbers(r, rows, cell_at, chunk_.i64, std::int64_t{0},
                        [](std::string_view text, std::int64_t& out) { return core::parse_int64(text, out); });
}

template <class CellAt>
void ChunkBuilder::append_texts(std::size_t r, std::size_t rows, const CellAt& cell_at) {
  if (chunk_.plain) {
    for (; r < rows; ++r) {
      const CellView cell = cell_at(r);
      const bool null = cell.type == CellType::null ||
                        (cell.type != CellType::number && cell.type != CellType::boolean && na_.contains(cell.text));
      if (!null) chunk_.bytes.append(cell.text);
      chunk_.ends.push_back(chunk_.bytes.size());
      chunk_.valid.push_back(null ? 0 : 1);
    }
    return;
  }
  const std::size_t base = chunk_.codes.size();
  chunk_.codes.resize(base + rows - r);
  chunk_.valid.resize(base + rows - r);
  std::int32_t* codes = chunk_.codes.data() + base;
  std::uint8_t* valid = chunk_.valid.data() + base;
  for (std::size_t k = 0; r < rows; ++r, ++k) {
    const CellView cell = cell_at(r);
    const bool null = cell.type == CellType::null ||
                      (cell.type != CellType::number && cell.type != CellType::boolean && na_.contains(cell.text));
    codes[k] = null ? -1 : chunk_.dict.intern(cell.text);
    valid[k] = null ? 0 : 1;
  }
}

// Appends rows [begin, end), rows [0, begin) having been appended before
// (a restart as text replays them).
template <class CellAt>
std::optional<ConversionError> build_chunk(std::size_t begin, std::size_t rows, const CellAt& cell_at,
                                           ChunkBuilder& builder) {
  for (std::size_t r = begin; r < rows; ++r) {
    if (builder.in_int_mode()) {
      r = builder.append_ints(r, rows, cell_at);
      if (r == rows) break;
    }
    if (builder.in_float_mode()) {
      r = builder.append_floats(r, rows, cell_at);
      if (r == rows) break;
    }
    if (builder.in_text_mode()) {
      builder.append_texts(r, rows, cell_at);
      break;
    }
    const auto result = builder.append(cell_at(r));
    if (result == ChunkBuilder::Result::restart_as_text) {
      builder.restart_as_text();
      for (std::size_t q = 0; q <= r; ++q) builder.append(cell_at(q));
    } else if (result == ChunkBuilder::Result::error) {
      return ConversionError{r, builder.error()};
    }
  }
  return std::nullopt;
}

template <class CellAt>
std::optional<ConversionError> build_chunk(std::size_t rows, const CellAt& cell_at, ChunkBuilder& builder) {
  return build_chunk(0, rows, cell_at, builder);
}

// Concatenates the chunks of one column in file order, consuming each as it
// arrives, and yields the Column at the end. Storage grows in place (reserve
// it when the row count can be estimated), so the reader never holds a
// column twice.
class ColumnAccumulator {
 public:
  ColumnAccumulator(std::optional<core::Kind> forced, double categorical_max_share, std::size_t categorical_min_levels);

  void reserve(std::size_t rows);
  void append(ColumnChunk&& chunk);
  std::size_t rows() const noexcept { return data_.valid.size(); }
  core::Column finish(std::string name);

 private:
  void widen(ChunkKind to);

  std::optional<core::Kind> forced_;
  double categorical_max_share_;
  std::size_t categorical_min_levels_;
  std::size_t reserved_ = 0;
  ColumnChunk data_;  // kind, values and, for text, the column's dictionary
};

}  // namespace assay::io
