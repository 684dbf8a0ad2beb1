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
  std::size_t offset;  // byte offset in the text where the problem is
  std::string message;
};

struct RowScan {
  std::size_t rows = 0;
  std::size_t line_breaks = 0;  // LF, CRLF or lone CR, including blank lines and inside quotes
  std::optional<TokenizeError> error;
};

inline constexpr const char* kNulMessage = "binary data (a NUL byte): not a text file";

namespace detail {
// Scans one field at `pos`; sets `field` (or `error`) and returns the offset
// just past it.
std::size_t scan_quoted_field(std::string_view text, std::size_t pos, const bool* special, FieldRef& field,
                              std::optional<TokenizeError>& error, std::size_t& line_breaks);
std::size_t find_special(std::string_view text, std::size_t pos, char delimiter) noexcept;
}  // namespace detail

// Walks the rows of `text` (which starts at a row start), at most `max_rows`,
// calling on_field(column, FieldRef) for each field of each row in order.
// Every row must have `columns` fields; the scan stops at the first error.
// Fields are handed over as they are found, so a reader can convert them in
// the same pass over the text.
template <class OnField>
RowScan scan_rows(std::string_view text, char delimiter, std::size_t columns, std::size_t max_rows,
                  OnField&& on_field) {
  bool special[256] = {};
  special[static_cast<unsigned char>(delimiter)] = true;
  special[static_cast<unsigned char>('\n')] = true;
  special[static_cast<unsigned char>('\r')] = true;
  RowScan out;
  const std::size_t n = text.size();
  std::size_t pos = 0;
  while (pos < n && out.rows < max_rows) {
    if (text[pos] == '\n' || text[pos] == '\r') {  // blank line
      ++out.line_breaks;
      pos += (text[pos] == '\r' && pos + 1 < n && text[pos + 1] == '\n') ? 2 : 1;
      continue;
    }
    const std::size_t row_start = pos;
    std::size_t fields = 0;
    while (true) {
      FieldRef field{};
      if (pos < n && text[pos] == '"') {
        pos = detail::scan_quoted_field(text, pos, special, field, out.error, out.line_breaks);
        if (out.error) return out;
      } else {
        const std::size_t begin = pos;
        pos = detail::find_special(text, pos, delimiter);
        if (pos < n && text[pos] == '\0') {
          out.error = TokenizeError{pos, kNulMessage};
          return out;
        }
        field = FieldRef{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(pos), 0u};
      }
      if (fields < columns) on_field(fields, field);
      ++fields;
      if (pos >= n) break;
      const char c = text[pos++];
      if (c == delimiter) continue;
      if (c == '\r' && pos < n && text[pos] == '\n') ++pos;
      ++out.line_breaks;
      break;
    }
    if (fields != columns) {
      out.error = TokenizeError{row_start, "row has " + std::to_string(fields) + (fields == 1 ? " field" : " fields") +
                                               ", expected " + std::to_string(columns) + " as in the header"};
      return out;
    }
    ++out.rows;
  }
  return out;
}

// The fields of the first row of `text` (the header), unescaped, and the
// offset just past it. Throws nothing; an unterminated quote gives nullopt.
struct HeaderRow {
  std::vector<std::string> names;
  std::size_t end = 0;
};
std::optional<HeaderRow> tokenize_header(std::string_view text, char delimiter);

std::string_view unescape_field(std::string_view raw, std::string& scratch);

// A field's value with doubled quotes collapsed; `scratch` backs the result
// when unescaping is needed (with kShortDecimalPadding bytes of capacity
// past its end, as the reader's buffers have).
inline std::string_view field_text(std::string_view chunk, FieldRef field, std::string& scratch) {
  if (!field.escaped) return chunk.substr(field.begin, field.end - field.begin);
  return unescape_field(chunk.substr(field.begin, field.end - field.begin), scratch);
}

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
