#include "core/string_dictionary.hpp"

// Inlined: the hash of a long string is still short work, less than the
// cost of a call into the shared library.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <fmt/format.h>

#include <cstring>
#include <limits>

#include "core/error.hpp"

namespace assay::core {

StringDictionary::StringDictionary() : slots_(16, Slot{0, -1}), mask_(15) {}

namespace {

constexpr std::uint64_t kLong = ~std::uint64_t{0};

template <class Word>
std::uint64_t load(const char* p) noexcept {
  Word w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

}  // namespace

// Two loads that overlap for lengths below 16 (and below 8, and below 4)
// between them hold every byte, so equal keys mean equal strings.
StringDictionary::ShortKey StringDictionary::short_key(std::string_view value) noexcept {
  const char* p = value.data();
  const std::size_t n = value.size();
  if (n > 16) return ShortKey{0, 0, kLong};
  if (n >= 8) return ShortKey{load<std::uint64_t>(p), load<std::uint64_t>(p + n - 8), n};
  if (n >= 4) return ShortKey{load<std::uint32_t>(p), load<std::uint32_t>(p + n - 4), n};
  if (n == 0) return ShortKey{0, 0, 0};
  const auto byte = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])); };
  return ShortKey{byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16, 0, n};
}

std::uint64_t StringDictionary::hash_of(std::string_view value, const ShortKey& key) noexcept {
  if (key.length == kLong) return XXH3_64bits(value.data(), value.size());
  // A multiply-xorshift mix of the two words (the finaliser of SplitMix64).
  std::uint64_t h = key.first * 0x9E3779B97F4A7C15ULL ^ (key.last + key.length) * 0xC2B2AE3D27D4EB4FULL;
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ULL;
  return h ^ (h >> 29);
}

std::size_t StringDictionary::slot_of(std::string_view value, const ShortKey& key, std::uint64_t hash) const noexcept {
  const auto tag = static_cast<std::uint32_t>(hash >> 32);
  std::size_t slot = hash & mask_;
  while (true) {
    const Slot s = slots_[slot];
    if (s.code < 0) return slot;
    if (s.tag == tag) {
      const auto c = static_cast<std::size_t>(s.code);
      if (key.length != kLong ? keys_[c] == key
                              : offsets_[c + 1] - offsets_[c] == value.size() &&
                                    std::memcmp(bytes_.data() + offsets_[c], value.data(), value.size()) == 0) {
        return slot;
      }
    }
    slot = (slot + 1) & mask_;
  }
}

std::int32_t StringDictionary::find(std::string_view value) const noexcept {
  const ShortKey key = short_key(value);
  return slots_[slot_of(value, key, hash_of(value, key))].code;
}

std::int32_t StringDictionary::intern(std::string_view value) {
  const ShortKey key = short_key(value);
  const std::uint64_t hash = hash_of(value, key);
  const std::size_t slot = slot_of(value, key, hash);
  if (slots_[slot].code >= 0) return slots_[slot].code;
  // Codes are int32: a column past that many distinct values is an error,
  // not a wrapped code.
  if (size() >= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
    throw Error(fmt::format("a text column has more than {} distinct values (codes are 32-bit)",
                            std::numeric_limits<std::int32_t>::max()));
  }
  const auto code = static_cast<std::int32_t>(size());
  bytes_.append(value);
  offsets_.push_back(bytes_.size());
  hashes_.push_back(hash);
  keys_.push_back(key);
  slots_[slot] = Slot{static_cast<std::uint32_t>(hash >> 32), code};
  if (size() * 2 > slots_.size()) grow();
  return code;
}

void StringDictionary::grow() {
  slots_.assign(slots_.size() * 2, Slot{0, -1});
  mask_ = slots_.size() - 1;
  for (std::size_t c = 0; c < size(); ++c) {
    std::size_t slot = hashes_[c] & mask_;
    while (slots_[slot].code >= 0) slot = (slot + 1) & mask_;
    slots_[slot] = Slot{static_cast<std::uint32_t>(hashes_[c] >> 32), static_cast<std::int32_t>(c)};
  }
}

std::vector<std::string> StringDictionary::strings() const {
  std::vector<std::string> out;
  out.reserve(size());
  for (std::size_t c = 0; c < size(); ++c) out.emplace_back(at(static_cast<std::int32_t>(c)));
  return out;
}

}  // namespace assay::core
