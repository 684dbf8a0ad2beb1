#include "io/csv_reader.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "io/column_chunk.hpp"
#include "io/csv_dialect.hpp"
#include "io/csv_tokenizer.hpp"
#include "io/utf8.hpp"

namespace assay::io {

namespace {

constexpr std::size_t kBlockBytes = std::size_t{16} << 20;
constexpr std::size_t kPieceBytes = std::size_t{1} << 20;

// A row-aligned piece of the current block, with its first line number.
struct Piece {
  std::string_view text;
  std::size_t first_line = 0;
  TokenizedChunk tokens;
};

class CsvParser {
 public:
  CsvParser(const ReadFn& read, std::string name, const ReadOptions& options)
      : read_(read), name_(std::move(name)), options_(options), na_(options.na_tokens) {}

  CsvResult run(const std::function<std::size_t()>& bytes_done, std::size_t total_bytes);

 private:
  void fill(std::size_t want);
  std::size_t read_header();
  void check_forced_kinds() const;
  // Parses [begin, end) of the buffer (whole rows); returns false once
  // max_rows is reached.
  bool parse_rows(std::size_t begin, const RowSplit& split);
  [[noreturn]] void fail_at(const Piece& piece, std::size_t offset, const std::string& message) const;
  core::Location locate(const Piece& piece, std::size_t offset) const;

  const ReadFn& read_;
  std::string name_;
  const ReadOptions& options_;
  NaTokens na_;
  std::string buffer_;
  std::size_t length_ = 0;  // valid bytes in buffer_
  bool eof_ = false;
  char delimiter_ = ',';
  std::vector<std::string> names_;
  std::vector<std::optional<core::Kind>> forced_;
  std::vector<std::vector<ColumnChunk>> chunks_;  // [column][piece]
  std::size_t line_ = 1;                          // line number of the next unparsed byte
  std::size_t rows_ = 0;
};

void CsvParser::fill(std::size_t want) {
  if (eof_) return;
  if (buffer_.size() < length_ + want) buffer_.resize(length_ + want);
  const std::size_t got = read_(buffer_.data() + length_, want);
  length_ += got;
  if (got < want) eof_ = true;
}

core::Location CsvParser::locate(const Piece& piece, std::size_t offset) const {
  const std::string_view before = piece.text.substr(0, offset);
  const std::size_t line = piece.first_line + count_line_breaks(before);
  const std::size_t last_break = before.find_last_of("\r\n");
  const std::size_t column = last_break == std::string_view::npos ? offset + 1 : offset - last_break;
  return core::Location{name_, line, column};
}

void CsvParser::fail_at(const Piece& piece, std::size_t offset, const std::string& message) const {
  throw core::Error(locate(piece, offset), message);
}

// Reads the header row; returns the buffer offset where data starts.
std::size_t CsvParser::read_header() {
  fill(kBlockBytes);
  if (length_ == 0) throw core::Error(core::Location{name_}, "empty file");
  std::size_t start = 0;
  if (length_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) start = 3;
  while (start < length_ && (buffer_[start] == '\n' || buffer_[start] == '\r')) {
    if (buffer_[start] == '\n' || start + 1 >= length_ || buffer_[start + 1] != '\n') ++line_;
    ++start;
  }
  if (start == length_) throw core::Error(core::Location{name_}, "no header row (the file holds only blank lines)");
  const Piece head{std::string_view(buffer_.data(), length_), 1, {}};
  if (std::memchr(buffer_.data(), '\0', std::min(length_, kPieceBytes)) != nullptr) {
    const auto at = static_cast<std::size_t>(static_cast<const char*>(std::memchr(buffer_.data(), '\0', length_)) -
                                             buffer_.data());
    fail_at(head, at, "binary data (a NUL byte): not a text file");
  }
  delimiter_ = options_.delimiter.value_or(
      detect_delimiter(std::string_view(buffer_.data() + start, std::min(length_ - start, std::size_t{64} << 10))));
  std::optional<HeaderRow> header;
  while (true) {
    header = tokenize_header(std::string_view(buffer_.data() + start, length_ - start), delimiter_);
    const bool complete = header && (start + header->end < length_ || eof_);
    if (complete) break;
    if (eof_ || length_ > options_.max_field_bytes) {
      fail_at(head, start, header ? fmt::format("header row longer than {} bytes", options_.max_field_bytes)
                                  : "unterminated quoted field in the header");
    }
    fill(length_);
  }
  const std::size_t end = start + header->end;
  if (auto bad = first_invalid_utf8(std::string_view(buffer_.data(), end))) {
    fail_at(head, *bad, fmt::format("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(buffer_[*bad])));
  }
  std::map<std::string, std::size_t, std::less<>> seen;
  for (std::size_t i = 0; i < header->names.size(); ++i) {
    auto& name = header->names[i];
    if (name.empty()) name = fmt::format("Unnamed: {}", i);  // pandas' name for a nameless column
    if (auto [it, inserted] = seen.emplace(name, i); !inserted) {
      throw core::Error(core::Location{name_, line_, 0},
                        fmt::format("duplicate column name '{}' (columns {} and {})", name, it->second + 1, i + 1));
    }
  }
  names_ = std::move(header->names);
  line_ += count_line_breaks(std::string_view(buffer_.data() + start, header->end));
  return end;
}

void CsvParser::check_forced_kinds() const {
  for (const auto& [column, kind] : options_.kinds) {
    if (std::find(names_.begin(), names_.end(), column) != names_.end()) continue;
    const auto near = core::closest_names(column, names_);
    throw core::Error(core::Location{name_, 0, 0, "--type"},
                      fmt::format("no column named '{}' in the header{}", column,
                                  near.empty() ? "" : fmt::format("; did you mean {}?", fmt::join(near, ", "))));
  }
}

bool CsvParser::parse_rows(std::size_t begin, const RowSplit& split) {
  const std::size_t columns = names_.size();
  std::vector<Piece> pieces(split.cuts.size());
  for (std::size_t p = 0; p < pieces.size(); ++p) {
    const std::size_t a = split.cuts[p];
    const std::size_t b = p + 1 < split.cuts.size() ? split.cuts[p + 1] : split.complete;
    pieces[p].text = std::string_view(buffer_.data() + begin + a, b - a);
  }
  struct Check {
    std::size_t breaks = 0;
    std::optional<TokenizeError> error;
  };
  std::vector<Check> checks(pieces.size());
  tbb::parallel_for(std::size_t{0}, pieces.size(), [&](std::size_t p) {
    const std::string_view text = pieces[p].text;
    checks[p].breaks = count_line_breaks(text);
    if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
      checks[p].error = TokenizeError{static_cast<std::size_t>(static_cast<const char*>(nul) - text.data()),
                                      "binary data (a NUL byte): not a text file"};
    } else if (auto bad = first_invalid_utf8(text)) {
      checks[p].error = TokenizeError{*bad, fmt::format("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(text[*bad]))};
    } else {
      pieces[p].tokens = tokenize_csv(text, delimiter_, columns);
    }
  });
  // In file order: line numbers, the first error, the --max-rows cap.
  bool more = true;
  std::size_t used = 0;
  for (std::size_t p = 0; p < pieces.size(); ++p) {
    pieces[p].first_line = line_;
    line_ += checks[p].breaks;
    auto& tokens = pieces[p].tokens;
    const std::size_t room = options_.max_rows ? *options_.max_rows - rows_ : SIZE_MAX;
    if (checks[p].error) fail_at(pieces[p], checks[p].error->offset, checks[p].error->message);
    if (tokens.error && tokens.rows < room) fail_at(pieces[p], tokens.error->offset, tokens.error->message);
    used = p + 1;
    if (tokens.rows >= room) {
      tokens.rows = room;
      tokens.fields.resize(room * columns);
      more = false;
    }
    rows_ += tokens.rows;
    if (!more) break;
  }
  pieces.resize(used);

  const std::size_t first = chunks_.empty() ? 0 : chunks_[0].size();
  for (auto& column : chunks_) column.resize(first + pieces.size());
  std::vector<std::optional<ConversionError>> errors(pieces.size() * columns);
  tbb::parallel_for(std::size_t{0}, pieces.size() * columns, [&](std::size_t task) {
    const std::size_t p = task / columns;
    const std::size_t c = task % columns;
    const Piece& piece = pieces[p];
    std::string scratch;
    const auto cell_at = [&](std::size_t r) {
      return CellView{field_text(piece.text, piece.tokens.fields[r * columns + c], scratch), CellType::raw};
    };
    ChunkBuilder builder(na_, forced_[c], piece.tokens.rows);
    errors[task] = build_chunk(piece.tokens.rows, cell_at, builder);
    chunks_[c][first + p] = builder.finish();
  });
  for (std::size_t task = 0; task < errors.size(); ++task) {
    if (!errors[task]) continue;
    const Piece& piece = pieces[task / columns];
    const std::size_t c = task % columns;
    const FieldRef field = piece.tokens.fields[errors[task]->row * columns + c];
    fail_at(piece, field.begin, fmt::format("column '{}': {}", names_[c], errors[task]->message));
  }
  return more;
}

CsvResult CsvParser::run(const std::function<std::size_t()>& bytes_done, std::size_t total_bytes) {
  std::size_t begin = read_header();
  check_forced_kinds();
  forced_.resize(names_.size());
  for (std::size_t c = 0; c < names_.size(); ++c) {
    if (auto it = options_.kinds.find(names_[c]); it != options_.kinds.end()) forced_[c] = it->second;
  }
  chunks_.resize(names_.size());
  bool stopped_early = false;
  while (true) {
    const std::string_view text(buffer_.data() + begin, length_ - begin);
    const RowSplit split = split_rows(text, kPieceBytes, eof_, delimiter_);
    if (split.complete > 0) {
      if (!parse_rows(begin, split)) {
        stopped_early = !eof_ || split.complete < text.size();
        break;
      }
      begin += split.complete;
    } else if (!eof_ && text.size() > options_.max_field_bytes) {
      const Piece piece{text, line_, {}};
      fail_at(piece, 0, fmt::format("a row longer than {} MiB (an unterminated quote, or not a CSV file?)",
                                    options_.max_field_bytes >> 20));
    }
    if (eof_ && begin == length_) break;
    // Keep the unparsed tail, then read the next block after it.
    std::memmove(buffer_.data(), buffer_.data() + begin, length_ - begin);
    length_ -= begin;
    begin = 0;
    fill(std::max(kBlockBytes, length_));
    if (options_.progress && bytes_done) options_.progress(bytes_done(), total_bytes);
  }
  buffer_ = {};

  std::vector<core::Column> columns(names_.size(), core::Column::float64("", {}));
  tbb::parallel_for(std::size_t{0}, names_.size(), [&](std::size_t c) {
    MergeOptions merge{forced_[c], options_.categorical_max_share};
    columns[c] = merge_chunks(names_[c], chunks_[c], merge);
  });
  return CsvResult{core::Table(std::move(columns)), stopped_early};
}

}  // namespace

CsvResult read_csv(const ReadFn& read, const std::string& name, const ReadOptions& options,
                   const std::function<std::size_t()>& bytes_done, std::size_t total_bytes) {
  CsvParser parser(read, name, options);
  return parser.run(bytes_done, total_bytes);
}

core::Table read_csv_text(std::string_view text, const ReadOptions& options, const std::string& name) {
  std::size_t pos = 0;
  const ReadFn read = [&](char* dst, std::size_t n) {
    const std::size_t k = std::min(n, text.size() - pos);
    std::memcpy(dst, text.data() + pos, k);
    pos += k;
    return k;
  };
  return read_csv(read, name, options).table;
}

}  // namespace assay::io
