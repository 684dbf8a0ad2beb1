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

// For each row, the first earlier row with the same hash, or kAbsent when the
// row is the first of its kind. Built in row order, so deterministic.
std::vector<std::uint64_t> first_occurrences(std::span<const core::Hash128> hashes);

}  // namespace assay::quality
