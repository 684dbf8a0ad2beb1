#include "io/csv_tokenizer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "io/short_decimal.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace assay::io {

namespace detail {

std::size_t scan_quoted_field(std::string_view text, std::size_t pos, const bool* special, FieldRef& field,
                              std::optional<TokenizeError>& error, std::size_t& line_breaks) {
  const std::size_t n = text.size();
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
    if (const void* nul = std::memchr(text.data() + pos + 1, '\0', h - pos - 1)) {
      error = TokenizeError{static_cast<std::size_t>(static_cast<const char*>(nul) - text.data()), kNulMessage};
      return n;
    }
    line_breaks += count_line_breaks(text.substr(pos + 1, h - pos - 1));
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

// The next delimiter, CR, LF or NUL at or after pos (or text.size()).
// Sixteen bytes at a time with SSE2, which every x86-64 CPU has; fields are
// short, so this usually takes one compare per field. NUL is found here so
// that binary input costs no separate pass over the text.
std::size_t find_special(std::string_view text, std::size_t pos, char delimiter) noexcept {
  const std::size_t n = text.size();
#if defined(__SSE2__)
  const __m128i d = _mm_set1_epi8(delimiter);
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i nul = _mm_setzero_si128();
  while (pos + 16 <= n) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, d), _mm_cmpeq_epi8(bytes, lf)),
                                     _mm_or_si128(_mm_cmpeq_epi8(bytes, cr), _mm_cmpeq_epi8(bytes, nul)));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (mask != 0) return pos + static_cast<std::size_t>(__builtin_ctz(mask));
    pos += 16;
  }
#endif
  while (pos < n && text[pos] != delimiter && text[pos] != '\n' && text[pos] != '\r' && text[pos] != '\0') ++pos;
  return pos;
}

}  // namespace detail

std::optional<HeaderRow> tokenize_header(std::string_view text, char delimiter) {
  bool special[256] = {};
  special[static_cast<unsigned char>(delimiter)] = true;
  special[static_cast<unsigned char>('\n')] = true;
  special[static_cast<unsigned char>('\r')] = true;
  HeaderRow header;
  std::size_t pos = 0;
  std::string scratch;
  while (true) {
    FieldRef field{};
    std::optional<TokenizeError> error;
    std::size_t line_breaks = 0;
    if (pos < text.size() && text[pos] == '"') {
      pos = detail::scan_quoted_field(text, pos, special, field, error, line_breaks);
      if (error) return std::nullopt;
    } else {
      const std::size_t begin = pos;
      pos = detail::find_special(text, pos, delimiter);
      field = FieldRef{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(pos), 0u};
    }
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

std::string_view unescape_field(std::string_view raw, std::string& scratch) {
  scratch.clear();
  // Like the reader's buffers, readable past the end (short_decimal.hpp).
  scratch.reserve(raw.size() + kShortDecimalPadding);
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
  if (std::memchr(text.data(), '\r', text.size()) == nullptr) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  }
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
