#include "quality/hash_index.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <bit>

namespace assay::quality {

HashIndex::HashIndex(std::size_t expected) {
  const std::size_t capacity = std::bit_ceil(std::max<std::size_t>(16, expected * 2));
  slots_.resize(capacity);
  mask_ = capacity - 1;
}

std::uint64_t HashIndex::insert(const core::Hash128& hash, std::uint64_t row) {
  if ((size_ + 1) * 2 > slots_.size()) grow();
  for (std::size_t i = spread(hash) & mask_;; i = (i + 1) & mask_) {
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
  for (std::size_t i = spread(hash) & mask_;; i = (i + 1) & mask_) {
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

PartitionedIndex::PartitionedIndex(std::span<const core::Hash128> hashes) {
  constexpr std::size_t kParts = 256;
  constexpr std::size_t kChunk = 1 << 16;
  const std::size_t chunks = (hashes.size() + kChunk - 1) / kChunk;
  // Rows grouped by part, each part in row order: count, offset, scatter.
  std::vector<std::array<std::uint32_t, kParts>> counts(chunks);
  tbb::parallel_for(std::size_t{0}, chunks, [&](std::size_t c) {
    counts[c].fill(0);
    const std::size_t end = std::min(hashes.size(), (c + 1) * kChunk);
    for (std::size_t r = c * kChunk; r < end; ++r) ++counts[c][spread(hashes[r]) >> 56];
  });
  std::vector<std::size_t> part_begin(kParts + 1, 0);
  std::vector<std::array<std::size_t, kParts>> offsets(chunks);
  std::size_t total = 0;
  for (std::size_t p = 0; p < kParts; ++p) {
    part_begin[p] = total;
    for (std::size_t c = 0; c < chunks; ++c) {
      offsets[c][p] = total;
      total += counts[c][p];
    }
  }
  part_begin[kParts] = total;
  std::vector<std::uint32_t> rows(hashes.size());
  tbb::parallel_for(std::size_t{0}, chunks, [&](std::size_t c) {
    auto next = offsets[c];
    const std::size_t end = std::min(hashes.size(), (c + 1) * kChunk);
    for (std::size_t r = c * kChunk; r < end; ++r) rows[next[spread(hashes[r]) >> 56]++] = static_cast<std::uint32_t>(r);
  });
  parts_.reserve(kParts);
  for (std::size_t p = 0; p < kParts; ++p) parts_.emplace_back(part_begin[p + 1] - part_begin[p]);
  tbb::parallel_for(std::size_t{0}, kParts, [&](std::size_t p) {
    for (std::size_t i = part_begin[p]; i < part_begin[p + 1]; ++i) parts_[p].insert(hashes[rows[i]], rows[i]);
  });
}

std::vector<std::uint64_t> first_occurrences(std::span<const core::Hash128> hashes) {
  const PartitionedIndex index(hashes);
  std::vector<std::uint64_t> first(hashes.size());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, hashes.size(), 1 << 14), [&](const auto& range) {
    for (std::size_t row = range.begin(); row != range.end(); ++row) {
      const std::uint64_t seen = index.find(hashes[row]);
      first[row] = seen == row ? HashIndex::kAbsent : seen;
    }
  });
  return first;
}

}  // namespace assay::quality
