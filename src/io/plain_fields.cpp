#include "io/plain_fields.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace assay::io {

namespace {

struct ByteMasks {
  std::uint64_t separators;  // delimiter or LF
  std::uint64_t newlines;
  std::uint64_t unusual;  // quote, CR or NUL
  std::uint64_t high;     // bytes >= 0x80
};

#if defined(__SSE2__)
ByteMasks masks_of_64(const char* at, char delimiter) {
  __m128i lane[4];
  for (int i = 0; i < 4; ++i) lane[i] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at + 16 * i));
  const auto mask = [&](auto&& per_lane) {
    std::uint64_t bits = 0;
    for (int i = 0; i < 4; ++i) {
      bits |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(per_lane(lane[i])))) << (16 * i);
    }
    return bits;
  };
  const auto equal = [&](char c) { return mask([v = _mm_set1_epi8(c)](__m128i x) { return _mm_cmpeq_epi8(x, v); }); };
  const std::uint64_t newlines = equal('\n');
  return ByteMasks{equal(delimiter) | newlines, newlines, equal('"') | equal('\r') | equal('\0'),
                   mask([](__m128i x) { return x; })};
}
#endif

ByteMasks masks_of_tail(const char* at, std::size_t n, char delimiter) {
  ByteMasks m{0, 0, 0, 0};
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t bit = std::uint64_t{1} << i;
    const char c = at[i];
    if (c == delimiter || c == '\n') m.separators |= bit;
    if (c == '\n') m.newlines |= bit;
    if (c == '"' || c == '\r' || c == '\0') m.unusual |= bit;
    if (static_cast<unsigned char>(c) >= 0x80) m.high |= bit;
  }
  return m;
}

}  // namespace

bool split_plain_fields(std::string_view text, char delimiter, std::size_t columns, PlainFields& out) {
  const std::size_t n = text.size();
  if (n == 0 || columns == 0 || n >= (std::size_t{1} << 32)) return false;
  // Room for 64 more entries than found so far, growing by doubling.
  const auto make_room = [&out](std::size_t count, std::size_t want) {
    if (out.capacity >= want) return;
    const std::size_t capacity = std::max(want, out.capacity * 2);
    std::unique_ptr<std::uint32_t[]> bigger(new std::uint32_t[capacity]);
    if (count > 0) std::memcpy(bigger.get(), out.storage.get(), count * sizeof(std::uint32_t));
    out.storage = std::move(bigger);
    out.capacity = capacity;
  };
  make_room(0, n / 4 + 64);
  std::size_t count = 0;
  std::size_t newlines = 0;
  std::uint64_t high = 0;
  for (std::size_t base = 0; base < n; base += 64) {
#if defined(__SSE2__)
    const ByteMasks m = base + 64 <= n ? masks_of_64(text.data() + base, delimiter)
                                       : masks_of_tail(text.data() + base, n - base, delimiter);
#else
    const ByteMasks m = masks_of_tail(text.data() + base, std::min<std::size_t>(64, n - base), delimiter);
#endif
    if (m.unusual != 0) return false;
    high |= m.high;
    newlines += static_cast<std::size_t>(std::popcount(m.newlines));
    make_room(count, count + 65);
    std::uint32_t* at = out.storage.get() + count;
    for (std::uint64_t bits = m.separators; bits != 0; bits &= bits - 1) {
      *at++ = static_cast<std::uint32_t>(base + static_cast<std::size_t>(std::countr_zero(bits)));
    }
    count = static_cast<std::size_t>(at - out.storage.get());
  }
  std::uint32_t* ends = out.storage.get();
  if (text.back() != '\n') {
    ends[count++] = static_cast<std::uint32_t>(n);  // room: the 65 above
    ++newlines;                                     // the end of the text closes the last row
  }
  // Every row's last field must end at a row end, and there must be no other
  // row ends: then every other separator is a delimiter.
  const std::size_t rows = count / columns;
  if (count % columns != 0 || newlines != rows) return false;
  for (std::size_t i = columns - 1; i < count; i += columns) {
    if (ends[i] != n && text[ends[i]] != '\n') return false;
  }
  if (columns == 1) {  // an empty field would be a blank line, which rows skip
    for (std::size_t k = 0; k < count; ++k) {
      if (ends[k] == (k == 0 ? 0 : ends[k - 1] + 1)) return false;
    }
  }
  out.count = count;
  out.ascii = high == 0;
  return true;
}

}  // namespace assay::io
