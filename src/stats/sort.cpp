#include "stats/sort.hpp"

#include <array>
#include <bit>
#include <cmath>
#include <cstring>

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
constexpr int kPasses = 6;  // 6 x 11 bits >= 64
constexpr std::size_t kBuckets = std::size_t{1} << kDigitBits;
constexpr std::uint64_t kSign = std::uint64_t{1} << 63;

double key_to_double(std::uint64_t key) noexcept { return std::bit_cast<double>((key & kSign) != 0 ? key & ~kSign : ~key); }

// LSD radix sort of 64-bit keys stored in `words` (any 8-byte type holding
// the key's bits), carrying an optional payload. Passes whose digit is the
// same for every key are skipped. Stable.
template <class Word, class Payload>
void radix_words(std::span<Word> words, Payload* payload) {
  static_assert(sizeof(Word) == 8);
  const std::size_t n = words.size();
  if (n < 2) return;
  const auto key = [](Word w) { return std::bit_cast<std::uint64_t>(w); };
  std::array<std::array<std::size_t, kBuckets>, kPasses> counts{};
  for (const Word w : words) {
    const std::uint64_t k = key(w);
    for (int p = 0; p < kPasses; ++p) ++counts[p][(k >> (p * kDigitBits)) & (kBuckets - 1)];
  }
  std::vector<Word> buffer(n);
  std::vector<std::uint32_t> payload_buffer(payload ? n : 0);
  Word* src = words.data();
  Word* dst = buffer.data();
  std::uint32_t* psrc = payload ? payload : nullptr;
  std::uint32_t* pdst = payload ? payload_buffer.data() : nullptr;
  for (int p = 0; p < kPasses; ++p) {
    const int shift = p * kDigitBits;
    auto& count = counts[p];
    if (count[(key(src[0]) >> shift) & (kBuckets - 1)] == n) continue;
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
    if (payload) std::memcpy(payload, psrc, n * sizeof(std::uint32_t));
  }
}

}  // namespace

void radix_sort(std::span<double> values) {
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
  std::vector<std::uint64_t> keys(values.size());
  std::vector<std::uint32_t> order(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    keys[i] = order_key(values[i]);
    order[i] = static_cast<std::uint32_t>(i);
  }
  radix_words<std::uint64_t, std::uint32_t>(keys, order.data());
  return order;
}

std::vector<double> sorted_values(std::span<const double> values, std::span<const std::uint8_t> validity) {
  std::vector<double> out;
  out.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if ((validity.empty() || validity[i]) && !std::isnan(values[i])) out.push_back(values[i]);
  }
  radix_sort(out);
  return out;
}

}  // namespace assay::stats
