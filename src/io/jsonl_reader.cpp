#include "io/jsonl_reader.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <oneapi/tbb/parallel_for.h>
#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <map>
#include <optional>
#include <unordered_map>

#include "core/error.hpp"
#include "core/row_limit.hpp"
#include "io/byte_buffer.hpp"
#include "io/column_chunk.hpp"
#include "io/csv_tokenizer.hpp"
#include "io/utf8.hpp"

namespace assay::io {

namespace {

constexpr std::size_t kJsonlBlockBytes = std::size_t{16} << 20;
constexpr std::size_t kJsonlPieceBytes = std::size_t{1} << 20;

struct JsonCell {
  std::uint32_t offset = 0;  // into JsonPiece::arena
  std::uint32_t length = 0;
  CellType type = CellType::null;
};

struct PieceError {
  std::size_t offset;  // byte offset in the piece
  std::string message;
};

// One piece of lines, parsed: its own column order and cells.
struct JsonPiece {
  std::string_view text;
  std::size_t first_line = 0;
  std::size_t rows = 0;
  std::vector<std::string> keys;
  std::vector<std::vector<JsonCell>> cells;  // [local column][row]
  std::string arena;
  std::optional<PieceError> error;
};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

class LineParser {
 public:
  explicit LineParser(JsonPiece& piece) : piece_(piece) {}

  void parse_all() {
    const std::string_view text = piece_.text;
    std::size_t pos = 0;
    while (pos < text.size() && !piece_.error) {
      const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
      const std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
      parse_line(pos, end);
      pos = end + 1;
    }
  }

 private:
  void fail(std::size_t offset, std::string message) {
    if (!piece_.error) piece_.error = PieceError{offset, std::move(message)};
  }

  std::size_t column_of(std::string_view key) {
    if (auto it = index_.find(key); it != index_.end()) return it->second;
    const std::size_t c = piece_.keys.size();
    piece_.keys.emplace_back(key);
    index_.emplace(piece_.keys.back(), c);
    piece_.cells.emplace_back(piece_.rows + 1, JsonCell{});  // null up to and including this row
    return c;
  }

  JsonCell store(std::string_view text, CellType type) {
    const JsonCell cell{static_cast<std::uint32_t>(piece_.arena.size()), static_cast<std::uint32_t>(text.size()), type};
    piece_.arena.append(text);
    return cell;
  }

  void parse_line(std::size_t begin, std::size_t end) {
    std::string_view line = piece_.text.substr(begin, end - begin);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    std::size_t lead = 0;
    while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\t')) ++lead;
    if (lead == line.size()) return;  // blank line
    if (line[lead] != '{') {
      fail(begin + lead, line[lead] == '['
                             ? "a JSON array, not a JSON object per line (JSON Lines expects one object per line)"
                             : "expected a JSON object at the start of the line");
      return;
    }
    const std::size_t row = piece_.rows;
    // The DOM parser dispatches at run time to the best SIMD kernel this CPU
    // has (On-Demand would be fixed to the build's baseline ISA).
    simdjson::dom::element doc;
    const auto json_error = [&](simdjson::error_code code) {
      fail(begin + lead, fmt::format("invalid JSON: {}", simdjson::error_message(code)));
    };
    if (auto code = parser_.parse(piece_.text.data() + begin, line.size(), false).get(doc)) return json_error(code);
    simdjson::dom::object object;
    if (auto code = doc.get(object)) return json_error(code);
    seen_.assign(piece_.keys.size(), 0);
    for (auto& column : piece_.cells) column.emplace_back();  // null unless the line has the key
    char digits[32];
    for (const auto [key, value] : object) {
      const std::size_t c = column_of(key);
      if (seen_.size() < piece_.keys.size()) seen_.resize(piece_.keys.size(), 0);
      if (seen_[c]) return fail(begin + lead, fmt::format("duplicate key '{}' in one object", key));
      seen_[c] = 1;
      JsonCell cell;
      switch (value.type()) {
        case simdjson::dom::element_type::INT64: {
          const auto r = std::to_chars(digits, digits + sizeof digits, value.get_int64().value_unsafe());
          cell = store(std::string_view(digits, static_cast<std::size_t>(r.ptr - digits)), CellType::number);
          break;
        }
        case simdjson::dom::element_type::UINT64: {
          const auto r = std::to_chars(digits, digits + sizeof digits, value.get_uint64().value_unsafe());
          cell = store(std::string_view(digits, static_cast<std::size_t>(r.ptr - digits)), CellType::number);
          break;
        }
        case simdjson::dom::element_type::DOUBLE: {
          const auto end_ptr = fmt::format_to(digits, "{}", value.get_double().value_unsafe());
          cell = store(std::string_view(digits, static_cast<std::size_t>(end_ptr - digits)), CellType::number);
          break;
        }
        case simdjson::dom::element_type::STRING:
          cell = store(value.get_string().value_unsafe(), CellType::string);
          break;
        case simdjson::dom::element_type::BOOL:
          cell = store(value.get_bool().value_unsafe() ? "true" : "false", CellType::boolean);
          break;
        case simdjson::dom::element_type::NULL_VALUE:
          break;
        default:
          return fail(begin + lead, fmt::format("field '{}' holds a nested {}: only flat objects are supported", key,
                                                value.is_array() ? "array" : "object"));
      }
      piece_.cells[c][row] = cell;
    }
    ++piece_.rows;
  }

  JsonPiece& piece_;
  simdjson::dom::parser parser_;
  std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> index_;
  std::vector<std::uint8_t> seen_;
};

class JsonlParser {
 public:
  JsonlParser(const ReadFn& read, std::string name, const ReadOptions& options)
      : read_(read), name_(std::move(name)), options_(options), na_(options.na_tokens) {}

  CsvResult run(const std::function<std::size_t()>& bytes_done, std::size_t total_bytes);

 private:
  void fill(std::size_t want) {
    if (eof_) return;
    if (buffer_.size() < length_ + want + simdjson::SIMDJSON_PADDING) {
      buffer_.resize(length_ + want + simdjson::SIMDJSON_PADDING);
    }
    const std::size_t got = read_(buffer_.data() + length_, want);
    length_ += got;
    if (got < want) eof_ = true;
  }
  [[noreturn]] void fail_at(const JsonPiece& piece, std::size_t offset, const std::string& message) const {
    const std::string_view before = piece.text.substr(0, offset);
    const std::size_t line = piece.first_line + count_line_breaks(before);
    const std::size_t last = before.find_last_of('\n');
    throw core::Error(core::Location{name_, line, last == std::string_view::npos ? offset + 1 : offset - last},
                      message);
  }
  bool parse_block(std::size_t begin, std::size_t end);
  std::size_t column_of(const std::string& key);

  const ReadFn& read_;
  std::string name_;
  const ReadOptions& options_;
  NaTokens na_;
  ByteBuffer buffer_;
  std::size_t length_ = 0;
  bool eof_ = false;
  std::size_t line_ = 1;
  std::size_t rows_ = 0;
  std::vector<std::string> names_;
  std::map<std::string, std::size_t, std::less<>> index_;
  std::vector<ColumnAccumulator> columns_;
  std::size_t rows_before_block_ = 0;
};

std::size_t JsonlParser::column_of(const std::string& key) {
  if (auto it = index_.find(key); it != index_.end()) return it->second;
  const std::size_t c = names_.size();
  names_.push_back(key);
  index_.emplace(key, c);
  const auto forced = options_.kinds.find(key);
  columns_.emplace_back(forced == options_.kinds.end() ? options_.default_kind : std::optional(forced->second),
                        options_.categorical_max_share, options_.categorical_min_levels);
  if (rows_before_block_ > 0) {  // null in every earlier row
    ColumnChunk empty;
    empty.valid.assign(rows_before_block_, 0);
    columns_.back().append(std::move(empty));
  }
  return c;
}

bool JsonlParser::parse_block(std::size_t begin, std::size_t end) {
  std::vector<JsonPiece> pieces;
  for (std::size_t a = begin; a < end;) {
    std::size_t b = std::min(end, a + kJsonlPieceBytes);
    if (b < end) {
      const void* nl = std::memchr(buffer_.data() + b, '\n', end - b);
      b = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - buffer_.data()) + 1 : end;
    }
    JsonPiece piece;
    piece.text = std::string_view(buffer_.data() + a, b - a);
    pieces.push_back(std::move(piece));
    a = b;
  }
  std::vector<std::size_t> breaks(pieces.size());
  tbb::parallel_for(std::size_t{0}, pieces.size(), [&](std::size_t p) {
    JsonPiece& piece = pieces[p];
    breaks[p] = count_line_breaks(piece.text);
    if (auto bad = first_invalid_utf8(piece.text)) {
      piece.error = PieceError{*bad, fmt::format("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(piece.text[*bad]))};
      return;
    }
    LineParser(piece).parse_all();
  });
  bool more = true;
  std::size_t used = 0;
  for (std::size_t p = 0; p < pieces.size(); ++p) {
    JsonPiece& piece = pieces[p];
    piece.first_line = line_;
    line_ += breaks[p];
    const std::size_t room = options_.max_rows ? *options_.max_rows - rows_ : SIZE_MAX;
    if (piece.error && piece.rows < room) fail_at(piece, piece.error->offset, piece.error->message);
    used = p + 1;
    if (piece.rows >= room) {
      piece.rows = room;
      for (auto& column : piece.cells) column.resize(room);
      more = false;
    }
    rows_ += piece.rows;
    if (rows_ > core::kMaxRows) {
      fail_at(piece, 0, fmt::format("more than {} data rows; assay holds row numbers in 32 bits (read a part with "
                                    "--max-rows)", core::kMaxRows));
    }
    if (!more) break;
  }
  pieces.resize(used);

  // Map each piece's local columns to global ones (order of first appearance).
  std::vector<std::vector<std::size_t>> local_to_global(pieces.size());
  for (std::size_t p = 0; p < pieces.size(); ++p) {
    for (const auto& key : pieces[p].keys) local_to_global[p].push_back(column_of(key));
  }
  const std::size_t columns = names_.size();
  std::vector<std::vector<ColumnChunk>> chunks(columns, std::vector<ColumnChunk>(pieces.size()));
  std::vector<std::optional<ConversionError>> errors(pieces.size() * columns);
  std::vector<std::vector<long>> global_to_local(pieces.size(), std::vector<long>(columns, -1));
  for (std::size_t p = 0; p < pieces.size(); ++p) {
    for (std::size_t l = 0; l < local_to_global[p].size(); ++l) global_to_local[p][local_to_global[p][l]] = static_cast<long>(l);
  }
  tbb::parallel_for(std::size_t{0}, pieces.size() * columns, [&](std::size_t task) {
    const std::size_t p = task / columns;
    const std::size_t c = task % columns;
    const JsonPiece& piece = pieces[p];
    const auto forced = options_.kinds.find(names_[c]);
    ChunkBuilder builder(na_, forced == options_.kinds.end() ? options_.default_kind : std::optional(forced->second), piece.rows);
    const long local = global_to_local[p][c];
    if (local < 0) {
      for (std::size_t r = 0; r < piece.rows; ++r) builder.append(CellView{{}, CellType::null});
    } else {
      const auto& cells = piece.cells[static_cast<std::size_t>(local)];
      const auto cell_at = [&](std::size_t r) {
        return CellView{std::string_view(piece.arena).substr(cells[r].offset, cells[r].length), cells[r].type};
      };
      errors[task] = build_chunk(piece.rows, cell_at, builder);
    }
    chunks[c][p] = builder.finish();
  });
  for (std::size_t task = 0; task < errors.size(); ++task) {
    if (!errors[task]) continue;
    const JsonPiece& piece = pieces[task / columns];
    // Locate the row's line: the (row+1)-th non-blank line of the piece.
    std::size_t offset = 0;
    for (std::size_t seen = 0, pos = 0; pos < piece.text.size();) {
      const std::size_t nl = piece.text.find('\n', pos);
      const std::size_t stop = nl == std::string_view::npos ? piece.text.size() : nl;
      if (piece.text.substr(pos, stop - pos).find_first_not_of(" \t\r") != std::string_view::npos) {
        if (seen++ == errors[task]->row) {
          offset = pos;
          break;
        }
      }
      pos = stop + 1;
    }
    fail_at(piece, offset, fmt::format("field '{}': {}", names_[task % columns], errors[task]->message));
  }
  tbb::parallel_for(std::size_t{0}, columns, [&](std::size_t c) {
    for (auto& chunk : chunks[c]) columns_[c].append(std::move(chunk));
  });
  rows_before_block_ = rows_;
  return more;
}

CsvResult JsonlParser::run(const std::function<std::size_t()>& bytes_done, std::size_t total_bytes) {
  fill(kJsonlBlockBytes);
  if (length_ == 0) throw core::Error(core::Location{name_}, "empty file");
  std::size_t begin = 0;
  if (length_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) begin = 3;
  bool stopped_early = false;
  while (true) {
    std::size_t end = length_;
    if (!eof_) {
      const void* last = memrchr(buffer_.data() + begin, '\n', length_ - begin);
      end = last ? static_cast<std::size_t>(static_cast<const char*>(last) - buffer_.data()) + 1 : begin;
    }
    if (end > begin) {
      if (!parse_block(begin, end)) {
        stopped_early = true;
        break;
      }
      begin = end;
    } else if (!eof_ && length_ - begin > options_.max_field_bytes) {
      throw core::Error(core::Location{name_, line_, 1},
                        fmt::format("a line longer than {} MiB", options_.max_field_bytes >> 20));
    }
    if (eof_ && begin >= length_) break;
    std::memmove(buffer_.data(), buffer_.data() + begin, length_ - begin);
    length_ -= begin;
    begin = 0;
    fill(std::max(kJsonlBlockBytes, length_));
    if (options_.progress && bytes_done) options_.progress(bytes_done(), total_bytes);
  }
  buffer_.release();
  if (names_.empty()) throw core::Error(core::Location{name_}, "no JSON objects (the file holds only blank lines)");
  for (const auto& [column, kind] : options_.kinds) {
    if (index_.count(column) == 0) {
      throw core::Error(core::Location{name_, 0, 0, "--type"}, fmt::format("no field named '{}' in the file", column));
    }
  }
  std::vector<core::Column> columns(names_.size(), core::Column::float64("", {}));
  tbb::parallel_for(std::size_t{0}, names_.size(), [&](std::size_t c) {
    columns[c] = columns_[c].finish(names_[c]);
  });
  return CsvResult{core::Table(std::move(columns)), stopped_early};
}

}  // namespace

CsvResult read_jsonl(const ReadFn& read, const std::string& name, const ReadOptions& options,
                     const std::function<std::size_t()>& bytes_done, std::size_t total_bytes) {
  JsonlParser parser(read, name, options);
  return parser.run(bytes_done, total_bytes);
}

core::Table read_jsonl_text(std::string_view text, const ReadOptions& options, const std::string& name) {
  return read_jsonl(read_from_memory(text), name, options).table;
}

}  // namespace assay::io
