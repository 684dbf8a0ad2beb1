#include "core/hash.hpp"

#include <fmt/format.h>
#include <xxhash.h>
#if defined(__x86_64__)
// libxxhash's run-time dispatch: the same hashes, computed with the widest
// vector instructions the CPU has (AVX2 or AVX-512 instead of SSE2 for the
// file fingerprints, which hash every byte read).
#include <xxh_x86dispatch.h>
#endif

namespace assay::core {

namespace {
Hash128 from_xxh(XXH128_hash_t h) { return Hash128{h.high64, h.low64}; }
}  // namespace

std::string Hash128::hex() const { return fmt::format("{:016x}{:016x}", high, low); }

Hash128 xxh3_128(std::span<const std::byte> data) { return from_xxh(XXH3_128bits(data.data(), data.size())); }

Hash128 xxh3_128(std::string_view data) { return from_xxh(XXH3_128bits(data.data(), data.size())); }

std::uint64_t xxh3_64(std::string_view data, std::uint64_t seed) {
  return XXH3_64bits_withSeed(data.data(), data.size(), seed);
}

struct Xxh3Stream::State {
  XXH3_state_t* state = XXH3_createState();
  State() { XXH3_128bits_reset(state); }
  ~State() { XXH3_freeState(state); }
};

Xxh3Stream::Xxh3Stream() : state_(std::make_unique<State>()) {}
Xxh3Stream::~Xxh3Stream() = default;
Xxh3Stream::Xxh3Stream(Xxh3Stream&&) noexcept = default;
Xxh3Stream& Xxh3Stream::operator=(Xxh3Stream&&) noexcept = default;

void Xxh3Stream::update(std::string_view data) { XXH3_128bits_update(state_->state, data.data(), data.size()); }

Hash128 Xxh3Stream::digest() const { return from_xxh(XXH3_128bits_digest(state_->state)); }

}  // namespace assay::core
