#include "stats/sort.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>

namespace assay::stats {

std::uint64_t order_key(double value) noexcept {
  if (std::isnan(value)) return ~std::uint64_t{0};
  const auto bits = std::bit_cast<std::uint64_t>(value);
  // Negative numbers: flip all bits (reverses their order); positive: flip
  // the sign bit (puts them above the negatives).
  return (bits & (std::uint64_t{1} << 63)) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
}

namespace {

constexpr int kDigitBits = 11;
constexpr std::size_t kBuckets = std::size_t{1} << kDigitBits;
constexpr std::uint64_t kSign = std::uint64_t{1} << 63;

double key_to_double(std::uint64_t key) noexcept { return std::bit_cast<double>((key & kSign) != 0 ? key & ~kSign : ~key); }

template <class Word>
using KeyOf = std::conditional_t<sizeof(Word) == 8, std::uint64_t, std::uint32_t>;

// How many keys have each value of each radix digit: the histograms of all
// passes, taken in one sweep (or while the keys are being made).
template <class Key>
struct DigitCounts {
  static constexpr int kPasses = (8 * static_cast<int>(sizeof(Key)) + kDigitBits - 1) / kDigitBits;
  std::array<std::array<std::size_t, kBuckets>, kPasses> counts{};

  void add(Key k) noexcept {
    for (int p = 0; p < kPasses; ++p) ++counts[p][(k >> (p * kDigitBits)) & (kBuckets - 1)];
  }
};

// LSD radix sort of unsigned keys stored in `words` (any type of the key's
// size holding its bits), carrying an optional payload, given the keys'
// digit counts. Passes whose digit is the same for every key are skipped,
// so narrow keys cost fewer passes. Stable.
template <class Word, class Payload>
void radix_scatter(std::span<Word> words, Payload* payload, DigitCounts<KeyOf<Word>>& digits) {
  using Key = KeyOf<Word>;
  static_assert(sizeof(Word) == sizeof(Key));
  const std::size_t n = words.size();
  if (n < 2) return;
  const auto key = [](Word w) { return std::bit_cast<Key>(w); };
  std::unique_ptr<Word[]> buffer;  // uninitialised: every pass writes it whole
  std::unique_ptr<Payload[]> payload_buffer;
  Word* src = words.data();
  Word* dst = nullptr;
  Payload* psrc = payload;
  Payload* pdst = nullptr;
  for (int p = 0; p < DigitCounts<Key>::kPasses; ++p) {
    const int shift = p * kDigitBits;
    auto& count = digits.counts[p];
    if (count[(key(src[0]) >> shift) & (kBuckets - 1)] == n) continue;
    if (!buffer) {  // allocated only when some pass moves keys
      buffer.reset(new Word[n]);
      dst = buffer.get();
      if (payload) {
        payload_buffer.reset(new Payload[n]);
        pdst = payload_buffer.get();
      }
    }
    std::size_t sum = 0;
    for (auto& c : count) {
      const std::size_t c0 = c;
      c = sum;
      sum += c0;
    }
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t at = count[(key(src[i]) >> shift) & (kBuckets - 1)]++;
      dst[at] = src[i];
      if (psrc) pdst[at] = psrc[i];
    }
    std::swap(src, dst);
    std::swap(psrc, pdst);
  }
  if (src != words.data()) {
    std::memcpy(words.data(), src, n * sizeof(Word));
    if (payload) std::memcpy(payload, psrc, n * sizeof(Payload));
  }
}

template <class Word, class Payload>
void radix_words(std::span<Word> words, Payload* payload) {
  DigitCounts<KeyOf<Word>> digits;
  for (const Word w : words) digits.add(std::bit_cast<KeyOf<Word>>(w));
  radix_scatter(words, payload, digits);
}

// Exact decimals. Most columns hold values written with at most d decimal
// digits (a CSV written with "%.6f", prices, rounded scores). If every value
// x satisfies x == m / 10^d bit for bit, where m = round(x * 10^d) is an
// integer below 2^51, then x -> m is strictly increasing: IEEE division of
// exact operands rounds monotonically, and m determines x. Sorting the
// integers m - min(m) therefore sorts the values, and their range needs far
// fewer radix passes than 64-bit order keys: six decimals over a range of a
// thousand fit 32 bits (three passes of half the width instead of six).
// Anything else (NaN, infinities, more digits; -0.0 where it must stay
// apart from 0.0) keeps the general sort.
constexpr int kMaxDecimals = 15;
constexpr double kExactLimit = 2251799813685248.0;  // 2^51, where round_to_integer is exact
constexpr std::array<double, kMaxDecimals + 1> kPow10 = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                         1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

// Round to nearest (ties to even) for |x| < 2^51: adding 1.5 * 2^52 leaves
// no bits below the unit, and the default rounding mode rounds there.
// Inline, where std::nearbyint is a library call on baseline x86-64.
std::int64_t round_to_integer(double x) noexcept {
  constexpr double kShift = 6755399441055744.0;  // 1.5 * 2^52
  return static_cast<std::int64_t>((x + kShift) - kShift);
}

// Whether -0.0 must stay apart from 0.0 (a sort that returns the values
// themselves) or may become it (SortedValues, where they are one value).
enum class SignedZero { keep, merge };

// m for x at d digits, or false when x is not m / 10^d exactly.
bool decimal_mantissa(double x, int d, std::int64_t& m, SignedZero zero) noexcept {
  const double scaled = x * kPow10[d];
  if (!(std::fabs(scaled) < kExactLimit)) return false;  // also NaN
  m = round_to_integer(scaled);
  const double back = static_cast<double>(m) / kPow10[d];
  return zero == SignedZero::merge ? back == x : std::bit_cast<std::uint64_t>(back) == std::bit_cast<std::uint64_t>(x);
}

// The fewest digits that write x exactly, or -1.
int decimals_of(double x, SignedZero zero) noexcept {
  std::int64_t m = 0;
  for (int d = 0; d <= kMaxDecimals; ++d) {
    if (decimal_mantissa(x, d, m, zero)) return d;
  }
  return -1;
}

struct DecimalScale {
  int digits = 0;
  std::int64_t min = 0;
  std::uint64_t range = 0;  // max - min
};

// The scale that writes every included value exactly, if there is one. A
// sample guesses the digits; a value needing more raises them and the scan
// starts over (a few times at most: the digits only grow).
template <class Include>
std::optional<DecimalScale> decimal_scale(std::span<const double> values, const Include& include, SignedZero zero) {
  const std::size_t n = values.size();
  int digits = 0;
  const std::size_t step = std::max<std::size_t>(1, n / 256);
  for (std::size_t i = 0; i < n; i += step) {
    if (!include(i)) continue;
    const int d = decimals_of(values[i], zero);
    if (d < 0) return std::nullopt;
    digits = std::max(digits, d);
  }
  for (int attempt = 0; attempt < 4; ++attempt) {
    std::int64_t lo = std::numeric_limits<std::int64_t>::max();
    std::int64_t hi = std::numeric_limits<std::int64_t>::min();
    bool exact = true;
    for (std::size_t i = 0; i < n && exact; ++i) {
      if (!include(i)) continue;
      std::int64_t m = 0;
      if (decimal_mantissa(values[i], digits, m, zero)) {
        lo = std::min(lo, m);
        hi = std::max(hi, m);
        continue;
      }
      const int d = decimals_of(values[i], zero);
      if (d < 0) return std::nullopt;
      digits = std::max(digits, d);
      exact = false;
    }
    if (exact) return lo > hi ? std::nullopt : std::optional(DecimalScale{digits, lo, static_cast<std::uint64_t>(hi - lo)});
  }
  return std::nullopt;
}

std::optional<DecimalScale> decimal_scale(std::span<const double> values) {
  return decimal_scale(values, [](std::size_t) { return true; }, SignedZero::keep);
}

template <class Key>
void fill_decimal_keys(std::span<const double> values, const DecimalScale& scale, Key* keys) {
  const double p = kPow10[scale.digits];
  for (std::size_t i = 0; i < values.size(); ++i) keys[i] = static_cast<Key>(round_to_integer(values[i] * p) - scale.min);
}

// The values of sorted keys: (key + base) / scale, as SortedValues decodes one.
void decimal_values(std::span<const std::uint32_t> keys, std::int64_t base, double scale, std::span<double> out) {
  for (std::size_t i = 0; i < keys.size(); ++i) out[i] = static_cast<double>(static_cast<std::int64_t>(keys[i]) + base) / scale;
}

bool fits_32_bits(const DecimalScale& scale) { return scale.range <= std::numeric_limits<std::uint32_t>::max(); }

}  // namespace

void radix_sort(std::span<double> values) {
  if (values.size() < 2) return;
  if (const auto scale = decimal_scale(values)) {
    if (fits_32_bits(*scale)) {
      const std::unique_ptr<std::uint32_t[]> keys(new std::uint32_t[values.size()]);  // filled next
      fill_decimal_keys(values, *scale, keys.get());
      const std::span<std::uint32_t> sorted(keys.get(), values.size());
      radix_words<std::uint32_t, std::uint32_t>(sorted, nullptr);
      decimal_values(sorted, scale->min, kPow10[scale->digits], values);
    } else {  // 64-bit keys in the values' own storage, as below
      const double p = kPow10[scale->digits];
      for (double& v : values) {
        v = std::bit_cast<double>(static_cast<std::uint64_t>(round_to_integer(v * p) - scale->min));
      }
      radix_words<double, std::uint32_t>(values, nullptr);
      for (double& v : values) v = static_cast<double>(std::bit_cast<std::int64_t>(v) + scale->min) / p;
    }
    return;
  }
  // Sort the order keys in the values' own storage, then map them back.
  for (double& v : values) v = std::bit_cast<double>(order_key(v));
  radix_words<double, std::uint32_t>(values, nullptr);
  for (double& v : values) {
    const auto k = std::bit_cast<std::uint64_t>(v);
    v = k == ~std::uint64_t{0} ? std::nan("") : key_to_double(k);
  }
}

void radix_sort(std::span<std::int64_t> values) {
  for (auto& v : values) v = static_cast<std::int64_t>(static_cast<std::uint64_t>(v) ^ kSign);
  radix_words<std::int64_t, std::uint32_t>(values, nullptr);
  for (auto& v : values) v = static_cast<std::int64_t>(static_cast<std::uint64_t>(v) ^ kSign);
}

std::vector<std::uint32_t> argsort(std::span<const double> values) {
  std::vector<std::uint32_t> order(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
  const auto scale = values.size() < 2 ? std::nullopt : decimal_scale(values);
  if (scale && fits_32_bits(*scale)) {
    const std::unique_ptr<std::uint32_t[]> keys(new std::uint32_t[values.size()]);  // filled next
    fill_decimal_keys(values, *scale, keys.get());
    radix_words<std::uint32_t, std::uint32_t>(std::span(keys.get(), values.size()), order.data());
    return order;
  }
  std::vector<std::uint64_t> keys(values.size());
  if (scale) {
    fill_decimal_keys(values, *scale, keys.data());
  } else {
    for (std::size_t i = 0; i < values.size(); ++i) keys[i] = order_key(values[i]);
  }
  radix_words<std::uint64_t, std::uint32_t>(keys, order.data());
  return order;
}

namespace {

// What a sweep of SortedValues' decimal path found.
enum class Sweep { done, more_digits, outside, not_decimal };

// One pass over the column: checks each included value is m / 10^digits,
// writes its key m - base (which must fit 32 bits), counts the keys' radix
// digits and sums them. On anything else, says why and stops.
template <class Include>
Sweep sweep_decimals(std::span<const double> values, const Include& include, int& digits, std::int64_t base,
                     std::uint32_t* keys, std::size_t& size, DigitCounts<std::uint32_t>& counts, Uint128& sum,
                     Uint128& sum_squares) {
  std::uint32_t* out = keys;
  counts = DigitCounts<std::uint32_t>{};
  sum = 0;
  sum_squares = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!include(i)) continue;
    std::int64_t m = 0;
    if (!decimal_mantissa(values[i], digits, m, SignedZero::merge)) {
      // Fewer digits fail only when the mantissa at these is too long.
      const int d = decimals_of(values[i], SignedZero::merge);
      if (d <= digits) return Sweep::not_decimal;
      digits = d;  // more than the sample showed
      return Sweep::more_digits;
    }
    const std::int64_t k = m - base;
    if (k < 0 || k > static_cast<std::int64_t>(std::numeric_limits<std::uint32_t>::max())) return Sweep::outside;
    const auto key = static_cast<std::uint32_t>(k);
    *out++ = key;
    counts.add(key);
    sum += key;
    sum_squares += static_cast<std::uint64_t>(key) * key;
  }
  size = static_cast<std::size_t>(out - keys);
  return Sweep::done;
}

}  // namespace

SortedValues::SortedValues(std::span<const double> values, std::span<const std::uint8_t> validity) {
  const auto include = [&](std::size_t i) { return (validity.empty() || validity[i]) && !std::isnan(values[i]); };
  if (sort_decimals(values, include)) return;
  doubles_.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (include(i)) doubles_.push_back(values[i]);
  }
  radix_sort(doubles_);
  size_ = doubles_.size();
}

// Exact decimals: keys straight from the column in one pass that also checks
// them, counts their digits and sums them. The keys are taken from a base
// below the smallest mantissa of a sample, by twice the sample's range (the
// tails of a million values reach further than those of 256); a value
// outside that window costs one more pass, with the true minimum.
template <class Include>
bool SortedValues::sort_decimals(std::span<const double> values, const Include& include) {
  const std::size_t n = values.size();
  int digits = 0;
  const std::size_t step = std::max<std::size_t>(1, n / 256);
  for (std::size_t i = 0; i < n; i += step) {
    if (!include(i)) continue;
    const int d = decimals_of(values[i], SignedZero::merge);
    if (d < 0) return false;
    digits = std::max(digits, d);
  }
  // The sample's range at the current digits.
  const auto sample_window = [&](int d) {
    std::int64_t lo = std::numeric_limits<std::int64_t>::max();
    std::int64_t hi = std::numeric_limits<std::int64_t>::min();
    for (std::size_t i = 0; i < n; i += step) {
      std::int64_t m = 0;
      if (include(i) && decimal_mantissa(values[i], d, m, SignedZero::merge)) {
        lo = std::min(lo, m);
        hi = std::max(hi, m);
      }
    }
    return lo > hi ? std::int64_t{0} : lo - 2 * (hi - lo) - 1;
  };
  keys_.reset(new std::uint32_t[n]);  // uninitialised: filled by the sweep
  DigitCounts<std::uint32_t> counts;
  std::int64_t base = sample_window(digits);
  bool exact_base = false;
  for (int attempt = 0; attempt < 6; ++attempt) {
    switch (sweep_decimals(values, include, digits, base, keys_.get(), size_, counts, key_sum_, key_sum_squares_)) {
      case Sweep::done:
        radix_scatter<std::uint32_t, std::uint32_t>(std::span(keys_.get(), size_), nullptr, counts);
        scale_ = kPow10[digits];
        key_base_ = base;
        return true;
      case Sweep::more_digits:
        base = sample_window(digits);
        exact_base = false;
        break;
      case Sweep::outside: {
        if (exact_base) return release_keys();
        const auto scale = decimal_scale(values, include, SignedZero::merge);
        if (!scale || !fits_32_bits(*scale)) return release_keys();
        digits = scale->digits;
        base = scale->min;
        exact_base = true;
        break;
      }
      case Sweep::not_decimal: return release_keys();
    }
  }
  return release_keys();
}

bool SortedValues::release_keys() {
  keys_.reset();
  size_ = 0;
  key_sum_ = 0;
  key_sum_squares_ = 0;
  return false;
}

std::optional<MeanVariance> SortedValues::exact_mean_variance(double ddof) const {
  // Sums of keys below 2^32 over fewer than 2^31 values: n * sum(k^2) and
  // sum(k)^2 stay below 2^127, so the numerator below is exact.
  if (!keys_ || size_ == 0 || size_ >= (std::size_t{1} << 31)) return std::nullopt;
  using Wide = long double;
  const auto n = static_cast<Uint128>(size_);
  const Wide count = static_cast<Wide>(size_);
  // mean = (n * base + sum k) / (n * 10^d); the variance does not move with
  // the base: (n sum k^2 - (sum k)^2) / (n (n - ddof)) / 10^(2d).
  const Int128 total = static_cast<Int128>(n) * key_base_ + static_cast<Int128>(key_sum_);
  const Wide mean = static_cast<Wide>(total) / count / static_cast<Wide>(scale_);
  MeanVariance out{static_cast<double>(mean), std::numeric_limits<double>::quiet_NaN(),
                   std::numeric_limits<double>::quiet_NaN()};
  if (!(count > ddof)) return out;
  const Uint128 spread = n * key_sum_squares_ - key_sum_ * key_sum_;
  const Wide variance = static_cast<Wide>(spread) / (count * (count - ddof)) / (static_cast<Wide>(scale_) * scale_);
  // These are the moments of the decimals m / 10^d; each double differs from
  // its decimal by up to half an ulp, and so do the means and the standard
  // deviations. The mean is as close as a float sum gets; the deviation is
  // used only when half an ulp is below 2^-44 (6e-14) of it, a few times the
  // rounding of a two-pass sum over a million values (not so for
  // 1e9 + 0.000279, whose half-ulp 6e-8 is near a deviation of 1e-3).
  const double largest = std::max(std::fabs((*this)[0]), std::fabs((*this)[size_ - 1]));
  const double half_ulp = (std::nextafter(largest, std::numeric_limits<double>::infinity()) - largest) / 2.0;
  const auto std_dev = static_cast<double>(std::sqrt(variance));
  if (spread != 0 && !(half_ulp <= std::ldexp(std_dev, -44))) return std::nullopt;
  out.variance = static_cast<double>(variance);
  out.std_dev = std_dev;
  return out;
}

std::vector<double> SortedValues::to_vector() const {
  if (!keys_) return doubles_;
  std::vector<double> out(size_);
  decimal_values(std::span(keys_.get(), size_), key_base_, scale_, out);
  return out;
}

}  // namespace assay::stats
