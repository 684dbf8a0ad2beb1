#pragma once
// HashIndex: an open-addressing hash table (linear probing) from 128-bit
// hashes to the first row that produced them. Rows are compared by hash, never
// by their text: with xxh3-128 the chance that two of a billion distinct rows
// collide is about 1e-21.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/hash.hpp"

namespace assay::quality {

// Both words of a key mixed into 64 well-spread bits (the murmur3 64-bit
// finaliser), so keys that are not random - cell codes of sequential ids -
// do not pile up into one probe run.
inline std::uint64_t spread(const core::Hash128& hash) noexcept {
  std::uint64_t x = hash.low ^ ((hash.high << 32) | (hash.high >> 32));
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

class HashIndex {
 public:
  static constexpr std::uint64_t kAbsent = ~std::uint64_t{0};

  // Sized for `expected` distinct hashes at a load factor of at most 1/2.
  explicit HashIndex(std::size_t expected);

  // Inserts `hash` for `row` unless present; returns the row stored for it
  // (`row` itself when it was new).
  std::uint64_t insert(const core::Hash128& hash, std::uint64_t row);

  // The row stored for `hash`, or kAbsent.
  std::uint64_t find(const core::Hash128& hash) const noexcept;

  std::size_t size() const noexcept { return size_; }

 private:
  struct Slot {
    core::Hash128 hash;
    std::uint64_t row = kAbsent;
  };
  void grow();

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

// An index of many rows' hashes, split by the top 8 bits of the hash into
// 256 HashIndex parts built in parallel. Each part receives its rows in row
// order, so for every hash it keeps the first row that has it: the result
// does not depend on the thread count. Small parts stay in cache, which
// makes building and probing several times faster than one large table.
class PartitionedIndex {
 public:
  explicit PartitionedIndex(std::span<const core::Hash128> hashes);

  // The first row with `hash`, or HashIndex::kAbsent.
  std::uint64_t find(const core::Hash128& hash) const noexcept { return parts_[spread(hash) >> 56].find(hash); }

 private:
  std::vector<HashIndex> parts_;
};

// For each row, the first earlier row with the same hash, or kAbsent when the
// row is the first of its kind.
std::vector<std::uint64_t> first_occurrences(std::span<const core::Hash128> hashes);

}  // namespace assay::quality
