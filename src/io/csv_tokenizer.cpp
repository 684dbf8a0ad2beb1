#include "io/csv_tokenizer.hpp"

#include <fmt/format.h>

#include <array>
#include <cstring>

namespace assay::io {

namespace {

std::array<bool, 256> special_bytes(char delimiter) {
  std::array<bool, 256> special{};
  special[static_cast<unsigned char>(delimiter)] = true;
  special['\n'] = true;
  special['\r'] = true;
  return special;
}

// Scans one field starting at `pos`; on success sets `field` and returns the
// offset just past it; on failure sets `error`.
std::size_t scan_field(std::string_view text, std::size_t pos, const std::array<bool, 256>& special, FieldRef& field,
                       std::optional<TokenizeError>& error) {
  const std::size_t n = text.size();
  if (pos < n && text[pos] == '"') {
    std::size_t q = pos + 1;
    bool escaped = false;
    while (true) {
      const void* hit = std::memchr(text.data() + q, '"', n - q);
      if (hit == nullptr) {
        error = TokenizeError{pos, "unterminated quoted field (the quote opened here is never closed)"};
        return n;
      }
      const auto h = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
      if (h + 1 < n && text[h + 1] == '"') {
        escaped = true;
        q = h + 2;
        continue;
      }
      field = FieldRef{static_cast<std::uint32_t>(pos + 1), static_cast<std::uint32_t>(h), escaped ? 1u : 0u};
      pos = h + 1;
      break;
    }
    if (pos < n && !special[static_cast<unsigned char>(text[pos])]) {
      error = TokenizeError{pos, fmt::format("unexpected character '{}' after a closing quote (expected a delimiter "
                                             "or the end of the row)",
                                             text[pos])};
    }
    return pos;
  }
  const std::size_t begin = pos;
  while (pos < n && !special[static_cast<unsigned char>(text[pos])]) ++pos;
  field = FieldRef{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(pos), 0u};
  return pos;
}

}  // namespace

TokenizedChunk tokenize_csv(std::string_view text, char delimiter, std::size_t columns) {
  const auto special = special_bytes(delimiter);
  TokenizedChunk out;
  out.fields.reserve(text.size() / 6 + columns);
  const std::size_t n = text.size();
  std::size_t pos = 0;
  while (pos < n) {
    if (text[pos] == '\n' || text[pos] == '\r') {  // blank line
      pos += (text[pos] == '\r' && pos + 1 < n && text[pos + 1] == '\n') ? 2 : 1;
      continue;
    }
    const std::size_t row_start = pos;
    std::size_t fields = 0;
    while (true) {
      FieldRef field{};
      pos = scan_field(text, pos, special, field, out.error);
      if (out.error) return out;
      out.fields.push_back(field);
      ++fields;
      if (pos >= n) break;
      const char c = text[pos++];
      if (c == delimiter) continue;
      if (c == '\r' && pos < n && text[pos] == '\n') ++pos;
      break;
    }
    if (fields != columns) {
      out.error = TokenizeError{row_start, fmt::format("row has {} field{}, expected {} as in the header", fields,
                                                       fields == 1 ? "" : "s", columns)};
      return out;
    }
    ++out.rows;
  }
  return out;
}

std::optional<HeaderRow> tokenize_header(std::string_view text, char delimiter) {
  const auto special = special_bytes(delimiter);
  HeaderRow header;
  std::size_t pos = 0;
  std::string scratch;
  while (true) {
    FieldRef field{};
    std::optional<TokenizeError> error;
    pos = scan_field(text, pos, special, field, error);
    if (error) return std::nullopt;
    header.names.emplace_back(field_text(text, field, scratch));
    if (pos >= text.size()) break;
    const char c = text[pos++];
    if (c == delimiter) continue;
    if (c == '\r' && pos < text.size() && text[pos] == '\n') ++pos;
    break;
  }
  header.end = pos;
  return header;
}

std::string_view field_text(std::string_view chunk, FieldRef field, std::string& scratch) {
  const std::string_view raw = chunk.substr(field.begin, field.end - field.begin);
  if (!field.escaped) return raw;
  scratch.clear();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    scratch.push_back(raw[i]);
    if (raw[i] == '"' && i + 1 < raw.size() && raw[i + 1] == '"') ++i;
  }
  return scratch;
}

RowSplit split_rows(std::string_view text, std::size_t target, bool at_eof, char delimiter) {
  RowSplit split;
  split.cuts.push_back(0);
  const std::size_t n = text.size();
  if (std::memchr(text.data(), '"', n) == nullptr) {
    if (at_eof) {
      split.complete = n;
    } else if (const void* last = memrchr(text.data(), '\n', n)) {
      split.complete = static_cast<std::size_t>(static_cast<const char*>(last) - text.data()) + 1;
    } else if (const void* last_cr = memrchr(text.data(), '\r', n)) {
      split.complete = static_cast<std::size_t>(static_cast<const char*>(last_cr) - text.data()) + 1;
    }
    std::size_t next = target;
    while (next < split.complete) {
      const void* hit = std::memchr(text.data() + next, '\n', split.complete - next);
      if (hit == nullptr) break;
      const auto cut = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data()) + 1;
      if (cut >= split.complete) break;
      split.cuts.push_back(cut);
      next = cut + target;
    }
    return split;
  }
  bool in_quotes = false;
  bool field_start = true;
  std::size_t last_row_end = 0;
  std::size_t next = target;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < n && text[i + 1] == '"') {
          ++i;
        } else {
          in_quotes = false;
        }
      }
      continue;
    }
    if (c == '"' && field_start) {
      in_quotes = true;
      field_start = false;
    } else if (c == delimiter) {
      field_start = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
      last_row_end = i + 1;
      field_start = true;
      if (last_row_end >= next) {
        split.cuts.push_back(last_row_end);
        next = last_row_end + target;
      }
    } else {
      field_start = false;
    }
  }
  split.complete = at_eof ? n : last_row_end;
  while (split.cuts.size() > 1 && split.cuts.back() >= split.complete) split.cuts.pop_back();
  return split;
}

std::size_t count_line_breaks(std::string_view text) noexcept {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++count;
    } else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) {
      ++count;
    }
  }
  return count;
}

}  // namespace assay::io
