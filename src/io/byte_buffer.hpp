#pragma once
// ByteBuffer: a growable byte array that, unlike std::string::resize, does
// not zero what it allocates (a 16 MiB read buffer would otherwise cost a
// 16 MiB memset per file, however small the file).

#include <cstddef>
#include <cstring>
#include <memory>

namespace assay::io {

class ByteBuffer {
 public:
  char* data() noexcept { return bytes_.get(); }
  const char* data() const noexcept { return bytes_.get(); }
  std::size_t size() const noexcept { return size_; }
  char& operator[](std::size_t i) noexcept { return bytes_[i]; }
  char operator[](std::size_t i) const noexcept { return bytes_[i]; }

  // Grows to at least n bytes, keeping the current bytes; never shrinks.
  void resize(std::size_t n) {
    if (n <= size_) return;
    std::unique_ptr<char[]> bigger(new char[n]);
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
