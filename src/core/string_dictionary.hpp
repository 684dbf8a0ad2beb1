#pragma once
// StringDictionary: interns strings to dense int32 codes in first-seen order.
// Open addressing with strings kept in one byte arena. This is the hot loop
// of reading categorical columns and of counting distinct values, so a slot
// holds its code and part of its hash, and a string of up to 16 bytes (most
// category names) is also kept as two words that hold all its bytes: a hit
// is one probe and two word compares, with no walk into the arena.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace assay::core {

class StringDictionary {
 public:
  StringDictionary();

  // The code of `value`, inserting it if new; throws core::Error past INT32_MAX codes.
  std::int32_t intern(std::string_view value);
  // The code of `value`, or -1.
  std::int32_t find(std::string_view value) const noexcept;

  std::size_t size() const noexcept { return offsets_.size() - 1; }
  std::string_view at(std::int32_t code) const noexcept {
    const auto c = static_cast<std::size_t>(code);
    return std::string_view(bytes_).substr(offsets_[c], offsets_[c + 1] - offsets_[c]);
  }
  std::vector<std::string> strings() const;

 private:
  void grow();

  // A string of at most 16 bytes as two words covering all its bytes, with
  // its length (kLong for longer strings, compared in the arena).
  struct ShortKey {
    std::uint64_t first = 0;
    std::uint64_t last = 0;
    std::uint64_t length = 0;
    friend bool operator==(const ShortKey&, const ShortKey&) = default;
  };
  struct Slot {
    std::uint32_t tag;  // high half of the hash
    std::int32_t code;  // -1: empty
  };
  static ShortKey short_key(std::string_view value) noexcept;
  static std::uint64_t hash_of(std::string_view value, const ShortKey& key) noexcept;
  std::size_t slot_of(std::string_view value, const ShortKey& key, std::uint64_t hash) const noexcept;

  std::string bytes_;
  std::vector<std::uint64_t> offsets_{0};
  std::vector<std::uint64_t> hashes_;  // per code
  std::vector<ShortKey> keys_;         // per code
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

}  // namespace assay::core
