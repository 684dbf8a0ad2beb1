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

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/column.hpp"
#include "core/string_dictionary.hpp"

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
};

// Cells equal to one of the tokens are null.
class NaTokens {
 public:
  explicit NaTokens(std::vector<std::string> tokens);
  bool contains(std::string_view text) const noexcept;

 private:
  std::vector<std::string> tokens_;
  std::uint64_t length_mask_ = 0;  // bit L set when a token has length L < 64
  bool has_long_ = false;
};

class ChunkBuilder {
 public:
  enum class Result { ok, restart_as_text, error };

  // `forced`: the kind the user fixed for this column, if any.
  ChunkBuilder(const NaTokens& na, std::optional<core::Kind> forced, std::size_t expected_rows);

  Result append(CellView cell);
  // Drops what was appended and continues in text mode; the caller replays.
  void restart_as_text();
  // Set when append returned Result::error.
  const std::string& error() const noexcept { return error_; }
  ColumnChunk finish() { return std::move(chunk_); }

 private:
  void push_null();
  bool start(CellView cell);
  bool widen_to_float();
  Result fail(std::string message);

  const NaTokens& na_;
  std::optional<core::Kind> forced_;
  std::size_t expected_rows_;
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

template <class CellAt>
std::optional<ConversionError> build_chunk(std::size_t rows, const CellAt& cell_at, ChunkBuilder& builder) {
  for (std::size_t r = 0; r < rows; ++r) {
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

struct MergeOptions {
  std::optional<core::Kind> forced;
  double categorical_max_share = 0.5;
};

// Concatenates the chunks of one column (consuming them) into a Column.
core::Column merge_chunks(std::string name, std::vector<ColumnChunk>& chunks, const MergeOptions& options);

}  // namespace assay::io
