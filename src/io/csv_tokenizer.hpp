#pragma once
// CSV tokenizing (RFC 4180): splitting text into rows and fields without
// converting anything. Quoted fields may hold delimiters, doubled quotes and
// line breaks; rows end at LF, CRLF or a lone CR; blank lines are skipped (as
// pandas does). A quote inside an unquoted field is taken literally.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::io {

// A field's bytes within its chunk. Quoted fields exclude their outer quotes;
// `escaped` is set when doubled quotes inside must be collapsed.
struct FieldRef {
  std::uint32_t begin;
  std::uint32_t end : 31;
  std::uint32_t escaped : 1;
};

struct TokenizeError {
  std::size_t offset;  // byte offset in the chunk where the problem is
  std::string message;
};

struct TokenizedChunk {
  std::size_t rows = 0;
  std::vector<FieldRef> fields;  // rows x columns, row-major
  std::optional<TokenizeError> error;
};

// Tokenizes `text`, which starts at a row start and ends at a row end (or the
// end of the file). Every row must have `columns` fields.
TokenizedChunk tokenize_csv(std::string_view text, char delimiter, std::size_t columns);

// The fields of the first row of `text` (the header), unescaped, and the
// offset just past it. Throws nothing; an unterminated quote gives nullopt.
struct HeaderRow {
  std::vector<std::string> names;
  std::size_t end = 0;
};
std::optional<HeaderRow> tokenize_header(std::string_view text, char delimiter);

// A field's value with doubled quotes collapsed; `scratch` backs the result
// when unescaping is needed.
std::string_view field_text(std::string_view chunk, FieldRef field, std::string& scratch);

// Row-aligned split points of `text` (which starts at a row start):
// `cuts` are row-start offsets roughly every `target` bytes, beginning with 0;
// `complete` is the end of the last complete row (text.size() at EOF).
// Without quotes in the text this runs at memchr speed; with quotes it walks
// the quote state byte by byte.
struct RowSplit {
  std::vector<std::size_t> cuts;
  std::size_t complete = 0;
};
RowSplit split_rows(std::string_view text, std::size_t target, bool at_eof, char delimiter);

// Number of line breaks (LF, CRLF counted once, lone CR) in text.
std::size_t count_line_breaks(std::string_view text) noexcept;

}  // namespace assay::io
