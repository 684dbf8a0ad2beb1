#pragma once
// ByteBuffer: a growable byte array that, unlike std::string::resize, does
// not zero what it allocates (a 4 MiB read buffer would otherwise cost a
// 4 MiB memset per file, however small the file). Every allocation carries
// kShortDecimalPadding readable bytes past its size, so cells at the very end
// can be read a word at a time (short_decimal.hpp).

#include <cstddef>
#include <cstring>
#include <memory>

#include "io/short_decimal.hpp"

namespace assay::io {

class ByteBuffer {
 public:
  char* data() noexcept { return bytes_.get(); }
  const char* data() const noexcept { return bytes_.get(); }
  std::size_t size() const noexcept { return size_; }
  char& operator[](std::size_t i) noexcept { return bytes_[i]; }
  char operator[](std::size_t i) const noexcept { return bytes_[i]; }

  // Grows to at least n bytes, keeping the current bytes; never shrinks.
  // Sizes round up to whole 2 MiB so that a reader asking for a block plus a
  // varying tail gets the same buffer back instead of a fresh one each time.
  void resize(std::size_t n) {
    if (n <= size_) return;
    constexpr std::size_t kGrain = std::size_t{2} << 20;
    if (n > kGrain) n = (n + kGrain - 1) / kGrain * kGrain;
    std::unique_ptr<char[]> bigger(new char[n + kShortDecimalPadding]);
    if (size_ > 0) std::memcpy(bigger.get(), bytes_.get(), size_);
    bytes_ = std::move(bigger);
    size_ = n;
  }

  void release() noexcept {
    bytes_.reset();
    size_ = 0;
  }

 private:
  std::unique_ptr<char[]> bytes_;
  std::size_t size_ = 0;
};

}  // namespace assay::io
