#pragma once
// 128-bit content hashing with XXH3 (xxHash 0.8), one-shot and streaming.
// Used for file fingerprints, row hashes (duplicates, contamination) and
// config hashes. The hex form is the canonical 32-digit big-endian rendering
// that `xxhsum -H2` prints.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace assay::core {

struct Hash128 {
  std::uint64_t high = 0;
  std::uint64_t low = 0;

  std::string hex() const;
  friend bool operator==(const Hash128&, const Hash128&) = default;
};

Hash128 xxh3_128(std::span<const std::byte> data);
Hash128 xxh3_128(std::string_view data);
std::uint64_t xxh3_64(std::string_view data, std::uint64_t seed = 0);

// Streaming XXH3-128: update() in any chunking gives the one-shot digest.
class Xxh3Stream {
 public:
  Xxh3Stream();
  ~Xxh3Stream();
  Xxh3Stream(Xxh3Stream&&) noexcept;
  Xxh3Stream& operator=(Xxh3Stream&&) noexcept;

  void update(std::string_view data);
  Hash128 digest() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace assay::core
