#include "core/string_dictionary.hpp"

// Inlined: the hash of a short category name is a few instructions, less
// than the cost of a call into the shared library.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cstring>

namespace assay::core {

StringDictionary::StringDictionary() : slots_(16, -1), mask_(15) {}

namespace {

// Byte equality of two n-byte ranges; for category-sized strings, a few word
// compares inline instead of a call to memcmp (two overlapping words cover
// any length from 8 to 16, and so on down).
bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
  const auto word = [](const char* p, auto zero) {
    decltype(zero) w;
    std::memcpy(&w, p, sizeof w);
    return w;
  };
  if (n >= 8 && n <= 16) {
    return word(a, std::uint64_t{}) == word(b, std::uint64_t{}) &&
           word(a + n - 8, std::uint64_t{}) == word(b + n - 8, std::uint64_t{});
  }
  if (n >= 4 && n < 8) {
    return word(a, std::uint32_t{}) == word(b, std::uint32_t{}) &&
           word(a + n - 4, std::uint32_t{}) == word(b + n - 4, std::uint32_t{});
  }
  return std::memcmp(a, b, n) == 0;
}

}  // namespace

std::size_t StringDictionary::slot_of(std::string_view value, std::uint64_t hash) const noexcept {
  std::size_t slot = hash & mask_;
  while (true) {
    const std::int32_t code = slots_[slot];
    if (code < 0) return slot;
    const auto c = static_cast<std::size_t>(code);
    if (hashes_[c] == hash && offsets_[c + 1] - offsets_[c] == value.size() &&
        same_bytes(bytes_.data() + offsets_[c], value.data(), value.size())) {
      return slot;
    }
    slot = (slot + 1) & mask_;
  }
}

std::int32_t StringDictionary::find(std::string_view value) const noexcept {
  return slots_[slot_of(value, XXH3_64bits(value.data(), value.size()))];
}

std::int32_t StringDictionary::intern(std::string_view value) {
  const std::uint64_t hash = XXH3_64bits(value.data(), value.size());
  std::size_t slot = slot_of(value, hash);
  if (slots_[slot] >= 0) return slots_[slot];
  const auto code = static_cast<std::int32_t>(size());
  bytes_.append(value);
  offsets_.push_back(bytes_.size());
  hashes_.push_back(hash);
  slots_[slot] = code;
  if (size() * 2 > slots_.size()) grow();
  return code;
}

void StringDictionary::grow() {
  slots_.assign(slots_.size() * 2, -1);
  mask_ = slots_.size() - 1;
  for (std::size_t c = 0; c < size(); ++c) {
    std::size_t slot = hashes_[c] & mask_;
    while (slots_[slot] >= 0) slot = (slot + 1) & mask_;
    slots_[slot] = static_cast<std::int32_t>(c);
  }
}

std::vector<std::string> StringDictionary::strings() const {
  std::vector<std::string> out;
  out.reserve(size());
  for (std::size_t c = 0; c < size(); ++c) out.emplace_back(at(static_cast<std::int32_t>(c)));
  return out;
}

}  // namespace assay::core
