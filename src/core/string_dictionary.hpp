#pragma once
// StringDictionary: interns strings to dense int32 codes in first-seen order.
// Open addressing on xxh3-64 hashes with strings kept in one byte arena, so
// a lookup is a hash, a probe and a memcmp: this is the hot loop of reading
// categorical columns and of counting distinct values.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace assay::core {

class StringDictionary {
 public:
  StringDictionary();

  // The code of `value`, inserting it if new.
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
  std::size_t slot_of(std::string_view value, std::uint64_t hash) const noexcept;

  std::string bytes_;
  std::vector<std::uint64_t> offsets_{0};
  std::vector<std::uint64_t> hashes_;  // per code
  std::vector<std::int32_t> slots_;    // -1 empty, else code
  std::size_t mask_ = 0;
};

}  // namespace assay::core
