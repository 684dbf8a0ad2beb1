#pragma once
// Reading short plain decimals without branching on their digits.
//
// Most numeric CSV cells look like -56.702983: a sign, a few digits, a dot,
// a few more. A general parser (fast_float) walks them byte by byte and
// mispredicts where each run of digits ends, which costs more than the
// arithmetic. Here a cell of at most 16 bytes with at most 8 digits on each
// side of the dot is classified with one SSE2 compare per character class,
// each side is turned into an integer with the 8-digits-at-once SWAR
// multiplication (Lemire, "Faster integer parsing", 2018), and the value is
// m / 10^k with m < 2^53: both operands exact, so IEEE division gives the
// correctly rounded result (Clinger 1990), the same double fast_float gives.
// Anything else (exponents, more digits, inf, blanks) returns false and the
// caller takes the general path.
//
// The cell's bytes must be followed by kShortDecimalPadding readable bytes:
// words are loaded whole and masked.

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace assay::io {

inline constexpr std::size_t kShortDecimalPadding = 32;

namespace detail {

// k <= 8 ASCII digits at `at`, right-aligned in a word padded with '0's.
inline std::uint64_t digit_word(const char* at, unsigned k) noexcept {
  constexpr std::uint64_t kZeros = 0x3030303030303030ULL;
  std::uint64_t word = 0;
  std::memcpy(&word, at, 8);
  const unsigned shift = 8 * (8 - k);  // 0..64
  const std::uint64_t kept = shift == 64 ? 0 : word << shift;
  const std::uint64_t pad = shift == 0 ? 0 : kZeros >> (64 - shift);
  return kept | pad;
}

// The value of 8 ASCII digits, most significant first in memory.
inline std::uint64_t eight_digits(std::uint64_t word) noexcept {
  word -= 0x3030303030303030ULL;
  word = (word * 10) + (word >> 8);  // pairs
  return (((word & 0x000000FF000000FFULL) * 0x000F424000000064ULL) +
          (((word >> 16) & 0x000000FF000000FFULL) * 0x0000271000000001ULL)) >>
         32;
}

}  // namespace detail

inline bool parse_short_decimal(std::string_view text, double& out) noexcept {
#if defined(__SSE2__)
  const std::size_t len = text.size();
  if (len == 0 || len > 16) return false;
  const char* p = text.data();
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const unsigned in_cell = (1U << len) - 1;
  const __m128i shifted = _mm_sub_epi8(bytes, _mm_set1_epi8('0'));
  const __m128i is_digit = _mm_and_si128(_mm_cmpgt_epi8(shifted, _mm_set1_epi8(-1)),
                                         _mm_cmplt_epi8(shifted, _mm_set1_epi8(10)));
  const unsigned digits = static_cast<unsigned>(_mm_movemask_epi8(is_digit)) & in_cell;
  const unsigned dots = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('.')))) & in_cell;
  const unsigned sign = p[0] == '-' ? 1U : 0U;
  if ((digits | dots | sign) != in_cell || digits == 0 || (dots & (dots - 1)) != 0) return false;
  const unsigned dot = dots != 0 ? static_cast<unsigned>(__builtin_ctz(dots)) : static_cast<unsigned>(len);
  const unsigned whole_digits = dot - sign;
  const unsigned fraction_digits = dots != 0 ? static_cast<unsigned>(len) - dot - 1 : 0;
  if (whole_digits > 8 || fraction_digits > 8) return false;
  constexpr std::uint64_t kPow10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
  constexpr double kPow10Double[9] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
  const std::uint64_t whole = detail::eight_digits(detail::digit_word(p + sign, whole_digits));
  const std::uint64_t fraction = detail::eight_digits(detail::digit_word(p + dot + 1, fraction_digits));
  const std::uint64_t m = whole * kPow10[fraction_digits] + fraction;
  if (m > (std::uint64_t{1} << 53)) return false;
  const double value = static_cast<double>(m) / kPow10Double[fraction_digits];
  // The sign by its bit: a branch on it would mispredict on every other
  // cell of a column centred on zero.
  out = std::bit_cast<double>(std::bit_cast<std::uint64_t>(value) | (static_cast<std::uint64_t>(sign) << 63));
  return true;
#else
  (void)text;
  (void)out;
  return false;
#endif
}

}  // namespace assay::io
