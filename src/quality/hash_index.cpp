#include "quality/hash_index.hpp"

#include <bit>

namespace assay::quality {

HashIndex::HashIndex(std::size_t expected) {
  const std::size_t capacity = std::bit_ceil(std::max<std::size_t>(16, expected * 2));
  slots_.resize(capacity);
  mask_ = capacity - 1;
}

std::uint64_t HashIndex::insert(const core::Hash128& hash, std::uint64_t row) {
  if ((size_ + 1) * 2 > slots_.size()) grow();
  for (std::size_t i = hash.low & mask_;; i = (i + 1) & mask_) {
    Slot& slot = slots_[i];
    if (slot.row == kAbsent) {
      slot.hash = hash;
      slot.row = row;
      ++size_;
      return row;
    }
    if (slot.hash == hash) return slot.row;
  }
}

std::uint64_t HashIndex::find(const core::Hash128& hash) const noexcept {
  for (std::size_t i = hash.low & mask_;; i = (i + 1) & mask_) {
    const Slot& slot = slots_[i];
    if (slot.row == kAbsent) return kAbsent;
    if (slot.hash == hash) return slot.row;
  }
}

void HashIndex::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot{});
  mask_ = slots_.size() - 1;
  size_ = 0;
  for (const Slot& slot : old) {
    if (slot.row != kAbsent) insert(slot.hash, slot.row);
  }
}

std::vector<std::uint64_t> first_occurrences(std::span<const core::Hash128> hashes) {
  HashIndex index(hashes.size());
  std::vector<std::uint64_t> first(hashes.size());
  for (std::size_t row = 0; row < hashes.size(); ++row) {
    const std::uint64_t seen = index.insert(hashes[row], row);
    first[row] = seen == row ? HashIndex::kAbsent : seen;
  }
  return first;
}

}  // namespace assay::quality
