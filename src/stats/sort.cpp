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

// Counts all digits in one pass; a pass whose digit is constant is skipped.
std::array<std::array<std::size_t, kBuckets>, kPasses> digit_counts(std::span<const std::uint64_t> keys) {
  std::array<std::array<std::size_t, kBuckets>, kPasses> counts{};
  for (const std::uint64_t k : keys) {
    for (int p = 0; p < kPasses; ++p) ++counts[p][(k >> (p * kDigitBits)) & (kBuckets - 1)];
  }
  return counts;
}

// Sorts keys (and a payload alongside, if any) by radix passes.
template <class Payload>
void radix_pairs(std::vector<std::uint64_t>& keys, std::vector<Payload>* payload) {
  const std::size_t n = keys.size();
  if (n < 2) return;
  auto counts = digit_counts(keys);
  std::vector<std::uint64_t> key_buf(n);
  std::vector<Payload> payload_buf(payload ? n : 0);
  for (int p = 0; p < kPasses; ++p) {
    auto& count = counts[p];
    if (count[(keys[0] >> (p * kDigitBits)) & (kBuckets - 1)] == n) continue;
    std::size_t sum = 0;
    for (auto& c : count) {
      const std::size_t c0 = c;
      c = sum;
      sum += c0;
    }
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t dst = count[(keys[i] >> (p * kDigitBits)) & (kBuckets - 1)]++;
      key_buf[dst] = keys[i];
      if (payload) payload_buf[dst] = (*payload)[i];
    }
    keys.swap(key_buf);
    if (payload) payload->swap(payload_buf);
  }
}

double from_key(std::uint64_t key) noexcept {
  const std::uint64_t bits = (key & (std::uint64_t{1} << 63)) != 0 ? key & ~(std::uint64_t{1} << 63) : ~key;
  return std::bit_cast<double>(bits);
}

}  // namespace

void radix_sort(std::span<double> values) {
  std::vector<std::uint64_t> keys(values.size());
  std::size_t nans = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    keys[i] = order_key(values[i]);
    nans += std::isnan(values[i]) ? 1 : 0;
  }
  radix_pairs<std::uint32_t>(keys, nullptr);
  const std::size_t finite = values.size() - nans;
  for (std::size_t i = 0; i < finite; ++i) values[i] = from_key(keys[i]);
  for (std::size_t i = finite; i < values.size(); ++i) values[i] = std::nan("");
}

void radix_sort(std::span<std::int64_t> values) {
  std::vector<std::uint64_t> keys(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    keys[i] = static_cast<std::uint64_t>(values[i]) ^ (std::uint64_t{1} << 63);
  }
  radix_pairs<std::uint32_t>(keys, nullptr);
  for (std::size_t i = 0; i < values.size(); ++i) {
    values[i] = static_cast<std::int64_t>(keys[i] ^ (std::uint64_t{1} << 63));
  }
}

std::vector<std::uint32_t> argsort(std::span<const double> values) {
  std::vector<std::uint64_t> keys(values.size());
  std::vector<std::uint32_t> order(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    keys[i] = order_key(values[i]);
    order[i] = static_cast<std::uint32_t>(i);
  }
  radix_pairs(keys, &order);
  return order;
}

}  // namespace assay::stats
