#include "io/csv_reader.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_group.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <span>
#include <vector>

#include "core/error.hpp"
#include "core/row_limit.hpp"
#include "io/column_chunk.hpp"
#include "io/csv_dialect.hpp"
#include "io/csv_tokenizer.hpp"
#include "io/plain_fields.hpp"
#include "io/text_blocks.hpp"
#include "io/utf8.hpp"

namespace assay::io {

namespace {

constexpr std::size_t kBlockBytes = std::size_t{4} << 20;  // its pieces' columns stay in cache until appended
// The first read is small: nothing runs beside it, and its rows are parsed
// while the first full block is read.
constexpr std::size_t kFirstBytes = std::size_t{1} << 20;
constexpr std::size_t kPieceBytes = std::size_t{256} << 10;  // text + field index stay in L2

// A row-aligned piece of the current block, with its first line number.
struct Piece {
  std::string_view text;
  std::size_t first_line = 0;
};

// A piece tokenized and converted in one pass.
struct PieceResult {
  RowScan scan;
  std::vector<ColumnChunk> columns;
  std::optional<TokenizeError> bad_bytes;  // NUL or invalid UTF-8
  struct Conversion {
    std::size_t row;
    std::size_t offset;
    std::string message;
  };
  std::optional<Conversion> conversion_error;  // the first, by row
};

class CsvParser {
 public:
  CsvParser(TextBlocks& blocks, std::string name, const ReadOptions& options)
      : blocks_(blocks), name_(std::move(name)), options_(options), na_(options.na_tokens) {}

  CsvResult run(const std::function<std::size_t()>& bytes_done, std::size_t total_bytes, std::size_t size_hint);

 private:
  std::size_t read_header();
  void check_forced_kinds() const;
  // Parses [begin, end) of the buffer (whole rows); returns false once
  // max_rows is reached.
  bool parse_rows(std::size_t begin, const RowSplit& split);
  PieceResult convert_piece(std::string_view text, std::size_t max_rows) const;
  std::vector<ChunkBuilder> builders_for(std::string_view text) const;
  void convert_simple_piece(std::string_view text, std::span<const std::uint32_t> ends, std::size_t max_rows,
                            PieceResult& out) const;
  void convert_any_piece(std::string_view text, std::size_t max_rows, PieceResult& out) const;
  [[noreturn]] void fail_at(const Piece& piece, std::size_t offset, const std::string& message) const;
  core::Location locate(const Piece& piece, std::size_t offset) const;

  TextBlocks& blocks_;
  std::string name_;
  const ReadOptions& options_;
  NaTokens na_;
  RowSplit spare_split_;  // of the next block, made while preparing it
  std::optional<RowSplit> next_split_;
  char delimiter_ = ',';
  std::vector<std::string> names_;
  std::vector<std::optional<core::Kind>> forced_;
  std::vector<ColumnAccumulator> columns_;
  std::size_t size_hint_ = 0;  // expected bytes of text, 0 if unknown
  std::size_t line_ = 1;                          // line number of the next unparsed byte
  std::size_t rows_ = 0;
};

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

// Reads the header row; returns the offset in the first block where data
// starts.
std::size_t CsvParser::read_header() {
  blocks_.extend(size_hint_ > 0 ? std::min(kFirstBytes, size_hint_ + 1) : kFirstBytes);
  std::string_view text = blocks_.current();
  if (text.empty()) throw core::Error(core::Location{name_}, "empty file");
  std::size_t start = 0;
  if (text.starts_with("\xEF\xBB\xBF")) start = 3;
  while (start < text.size() && (text[start] == '\n' || text[start] == '\r')) {
    if (text[start] == '\n' || start + 1 >= text.size() || text[start + 1] != '\n') ++line_;
    ++start;
  }
  if (start == text.size()) throw core::Error(core::Location{name_}, "no header row (the file holds only blank lines)");
  if (std::memchr(text.data(), '\0', std::min(text.size(), kPieceBytes)) != nullptr) {
    fail_at(Piece{text, 1}, text.find('\0'), kNulMessage);
  }
  delimiter_ = options_.delimiter.value_or(detect_delimiter(text.substr(start, std::size_t{64} << 10)));
  std::optional<HeaderRow> header;
  while (true) {
    header = tokenize_header(text.substr(start), delimiter_);
    const bool complete = header && (start + header->end < text.size() || blocks_.current_is_last());
    if (complete) break;
    if (blocks_.current_is_last() || text.size() > options_.max_field_bytes) {
      fail_at(Piece{text, 1}, start,
              header ? fmt::format("header row longer than {} bytes", options_.max_field_bytes)
                     : "unterminated quoted field in the header");
    }
    blocks_.extend(text.size());
    text = blocks_.current();
  }
  const std::size_t end = start + header->end;
  if (auto bad = first_invalid_utf8(text.substr(0, end))) {
    fail_at(Piece{text, 1}, *bad, fmt::format("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(text[*bad])));
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
  line_ += count_line_breaks(text.substr(start, header->end));
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

PieceResult CsvParser::convert_piece(std::string_view text, std::size_t max_rows) const {
  PieceResult out;
  PlainFields plain;
  const bool is_plain = split_plain_fields(text, delimiter_, names_.size(), plain);
  if (!(is_plain && plain.ascii)) {
    if (auto bad = first_invalid_utf8(text)) {
      out.bad_bytes = TokenizeError{*bad, fmt::format("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(text[*bad]))};
      return out;
    }
  }
  if (is_plain) {
    convert_simple_piece(text, plain.ends(), max_rows, out);
  } else {
    convert_any_piece(text, max_rows, out);
  }
  return out;
}

std::vector<ChunkBuilder> CsvParser::builders_for(std::string_view text) const {
  const std::size_t expected_rows = text.size() / (4 * names_.size()) + 1;  // >= 4 bytes a field
  std::vector<ChunkBuilder> builders;
  builders.reserve(names_.size());
  for (std::size_t c = 0; c < names_.size(); ++c) builders.emplace_back(na_, forced_[c], expected_rows, true);
  return builders;
}

// Column by column within groups of rows: each column's cells go through
// one builder in a row, so its parse loop (and the branch predictor) sees one
// kind of value at a time, while the group's text stays in L1.
void CsvParser::convert_simple_piece(std::string_view text, std::span<const std::uint32_t> ends, std::size_t max_rows,
                                     PieceResult& out) const {
  constexpr std::size_t kGroupRows = 64;
  const std::size_t columns = names_.size();
  const std::size_t rows = std::min(ends.size() / columns, max_rows);
  out.scan.rows = rows;
  out.scan.line_breaks = rows > 0 && ends[rows * columns - 1] == text.size() ? rows - 1 : rows;
  std::vector<ChunkBuilder> builders = builders_for(text);
  std::vector<std::uint8_t> failed(columns, 0);
  for (std::size_t group = 0; group < rows; group += kGroupRows) {
    const std::size_t group_end = std::min(rows, group + kGroupRows);
    for (std::size_t c = 0; c < columns; ++c) {
      if (failed[c]) continue;
      const auto start_of = [&](std::size_t r) -> std::size_t {
        const std::size_t at = r * columns + c;
        return at == 0 ? 0 : ends[at - 1] + 1;
      };
      const auto cell_at = [&](std::size_t r) {
        const std::size_t begin = start_of(r);
        return CellView{text.substr(begin, ends[r * columns + c] - begin), CellType::raw};
      };
      if (const auto error = build_chunk(group, group_end, cell_at, builders[c])) {
        failed[c] = 1;
        if (!out.conversion_error || error->row < out.conversion_error->row) {
          out.conversion_error = PieceResult::Conversion{error->row, start_of(error->row),
                                                          fmt::format("column '{}': {}", names_[c], error->message)};
        }
      }
    }
  }
  out.columns.reserve(columns);
  for (auto& builder : builders) out.columns.push_back(builder.finish());
}

// Any row-aligned text: quoted fields, CRLF, blank lines, and the errors
// (ragged rows, stray quotes) found where they are. Row by row, converting
// each field as the tokenizer hands it over.
void CsvParser::convert_any_piece(std::string_view text, std::size_t max_rows, PieceResult& out) const {
  const std::size_t columns = names_.size();
  std::vector<ChunkBuilder> builders = builders_for(text);
  std::vector<std::uint8_t> failed(columns, 0);
  std::string scratch;
  std::size_t row = SIZE_MAX;  // wraps to 0 at the first field
  const auto on_field = [&](std::size_t c, FieldRef field) {
    if (c == 0) ++row;
    ChunkBuilder& builder = builders[c];
    const std::string_view cell = field_text(text, field, scratch);
    if (builder.in_float_mode() && builder.try_append_float(cell)) return;
    if (failed[c]) return;
    const auto result = builder.append(CellView{cell, CellType::raw});
    if (result == ChunkBuilder::Result::restart_as_text) {
      builder.restart_as_text();
      std::string replay_scratch;
      scan_rows(text, delimiter_, columns, row + 1, [&](std::size_t cc, FieldRef f) {
        if (cc == c) builder.append(CellView{field_text(text, f, replay_scratch), CellType::raw});
      });
    } else if (result == ChunkBuilder::Result::error) {
      failed[c] = 1;
      if (!out.conversion_error || row < out.conversion_error->row) {
        out.conversion_error = PieceResult::Conversion{row, field.begin, fmt::format("column '{}': {}", names_[c], builder.error())};
      }
    }
  };
  out.scan = scan_rows(text, delimiter_, columns, max_rows, on_field);
  out.columns.reserve(columns);
  for (auto& builder : builders) out.columns.push_back(builder.finish());
}

bool CsvParser::parse_rows(std::size_t begin, const RowSplit& split) {
  const std::size_t columns = names_.size();
  std::vector<Piece> pieces(split.cuts.size());
  for (std::size_t p = 0; p < pieces.size(); ++p) {
    const std::size_t a = split.cuts[p];
    const std::size_t b = p + 1 < split.cuts.size() ? split.cuts[p + 1] : split.complete;
    pieces[p].text = blocks_.current().substr(begin + a, b - a);
  }
  std::vector<PieceResult> results(pieces.size());
  tbb::parallel_for(std::size_t{0}, pieces.size(),
                    [&](std::size_t p) { results[p] = convert_piece(pieces[p].text, SIZE_MAX); });
  // In file order: line numbers, the first error, the --max-rows cap.
  bool more = true;
  std::size_t used = 0;
  for (std::size_t p = 0; p < pieces.size() && more; ++p) {
    pieces[p].first_line = line_;
    const std::size_t room = options_.max_rows ? *options_.max_rows - rows_ : SIZE_MAX;
    if (results[p].scan.rows > room) results[p] = convert_piece(pieces[p].text, room);  // the cap falls inside
    const PieceResult& r = results[p];
    if (r.bad_bytes) fail_at(pieces[p], r.bad_bytes->offset, r.bad_bytes->message);
    if (r.scan.error && r.scan.rows < room) fail_at(pieces[p], r.scan.error->offset, r.scan.error->message);
    if (r.conversion_error && r.conversion_error->row < room) {
      fail_at(pieces[p], r.conversion_error->offset, r.conversion_error->message);
    }
    line_ += r.scan.line_breaks;
    rows_ += r.scan.rows;
    if (rows_ > core::kMaxRows) {
      fail_at(pieces[p], 0, fmt::format("more than {} data rows; assay holds row numbers in 32 bits (read a part with "
                                        "--max-rows)", core::kMaxRows));
    }
    used = p + 1;
    if (r.scan.rows >= room) more = false;
  }
  results.resize(used);
  // Reserve the columns once the first block tells the bytes per row.
  if (columns_[0].rows() == 0 && size_hint_ > 0 && rows_ > 0) {
    const auto parsed =
        static_cast<std::size_t>(pieces[used - 1].text.data() + pieces[used - 1].text.size() - blocks_.current().data());
    const double per_row = static_cast<double>(parsed) / static_cast<double>(rows_);
    std::size_t expected = static_cast<std::size_t>(static_cast<double>(size_hint_) / per_row * 1.02) + 16;
    if (options_.max_rows) expected = std::min(expected, *options_.max_rows);
    for (auto& column : columns_) column.reserve(expected);
  }
  tbb::parallel_for(std::size_t{0}, columns, [&](std::size_t c) {
    for (auto& result : results) columns_[c].append(std::move(result.columns[c]));
  });
  return more;
}

CsvResult CsvParser::run(const std::function<std::size_t()>& bytes_done, std::size_t total_bytes,
                         std::size_t size_hint) {
  size_hint_ = size_hint;
  std::size_t begin = read_header();
  check_forced_kinds();
  forced_.resize(names_.size());
  for (std::size_t c = 0; c < names_.size(); ++c) {
    const auto it = options_.kinds.find(names_[c]);
    forced_[c] = it != options_.kinds.end() ? std::optional(it->second) : options_.default_kind;
  }
  for (std::size_t c = 0; c < names_.size(); ++c) columns_.emplace_back(forced_[c], options_.categorical_max_share, options_.categorical_min_levels);
  bool stopped_early = false;
  while (true) {
    const std::string_view block = blocks_.current();
    const std::string_view text = block.substr(begin);
    const bool last = blocks_.current_is_last();
    const RowSplit split = next_split_ ? std::move(*next_split_) : split_rows(text, kPieceBytes, last, delimiter_);
    next_split_.reset();
    if (split.complete == 0 && !last && text.size() > options_.max_field_bytes) {
      const Piece piece{text, line_};
      fail_at(piece, 0, fmt::format("a row longer than {} MiB (an unterminated quote, or not a CSV file?)",
                                    options_.max_field_bytes >> 20));
    }
    // Prepare the next block while this one is parsed: one thread reads (or
    // pages in) and hashes, and finds the next block's rows, while the
    // others convert.
    const std::size_t tail = begin + split.complete;
    tbb::task_group reading;
    if (!last) {
      reading.run([&] {
        blocks_.prepare_next(tail, kBlockBytes);
        spare_split_ = split_rows(blocks_.next(), kPieceBytes, blocks_.next_is_last(), delimiter_);
      });
    }
    bool more = true;
    try {
      if (split.complete > 0) more = parse_rows(begin, split);
    } catch (...) {
      try {
        reading.wait();
      } catch (...) {
      }
      throw;
    }
    reading.wait();
    if (!more) {
      stopped_early = !last || tail < block.size();
      break;
    }
    if (last) break;  // at the end every byte belongs to a complete row
    blocks_.advance();
    next_split_ = std::move(spare_split_);
    begin = 0;
    if (options_.progress && bytes_done) options_.progress(bytes_done(), total_bytes);
  }

  std::vector<core::Column> columns(names_.size(), core::Column::float64("", {}));
  tbb::parallel_for(std::size_t{0}, names_.size(), [&](std::size_t c) { columns[c] = columns_[c].finish(names_[c]); });
  return CsvResult{core::Table(std::move(columns)), stopped_early};
}

}  // namespace

CsvResult read_csv(TextBlocks& blocks, const std::string& name, const ReadOptions& options,
                   const std::function<std::size_t()>& bytes_done, std::size_t total_bytes, std::size_t size_hint) {
  CsvParser parser(blocks, name, options);
  return parser.run(bytes_done, total_bytes, size_hint);
}

CsvResult read_csv(const ReadFn& read, const std::string& name, const ReadOptions& options,
                   const std::function<std::size_t()>& bytes_done, std::size_t total_bytes, std::size_t size_hint) {
  const auto blocks = buffered_blocks(read);
  return read_csv(*blocks, name, options, bytes_done, total_bytes, size_hint);
}

ReadFn read_from_memory(std::string_view text) {
  return [text, pos = std::size_t{0}](char* dst, std::size_t n) mutable {
    const std::size_t k = std::min(n, text.size() - pos);
    std::memcpy(dst, text.data() + pos, k);
    pos += k;
    return k;
  };
}

core::Table read_csv_text(std::string_view text, const ReadOptions& options, const std::string& name) {
  return read_csv(read_from_memory(text), name, options, {}, 0, text.size()).table;
}

}  // namespace assay::io
