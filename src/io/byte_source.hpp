#pragma once
// ByteSource: the bytes of an input file, read forward in pieces, with
// gzip decompressed transparently (detected by its magic bytes, so the
// extension does not matter). It hashes the bytes on disk as it goes, so a
// file's fingerprint costs no second read.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/hash.hpp"

namespace assay::io {

class ByteSource {
 public:
  // Throws core::Error("path: cannot open: reason").
  explicit ByteSource(const std::string& path);
  ~ByteSource();
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;

  // Reads up to n decompressed bytes into dst; 0 only at the end.
  std::size_t read(char* dst, std::size_t n);

  // Reads and hashes the rest of the file without decompressing it (used
  // when the caller stops early, e.g. --max-rows), so content_hash() is
  // always the hash of the whole file.
  void finish_hash();

  // Instead of read(): the whole file mapped into memory, followed by at
  // least one page of zeros, for a plain (not gzip) non-empty file that can
  // be mapped; nullopt otherwise. Its bytes count as consumed (and are
  // hashed) as the caller reports them with reached(), in order.
  std::optional<std::string_view> map();
  void reached(std::size_t end);
  // Unmaps the whole pages before `begin` (they stay in the page cache).
  void done_before(std::size_t begin);

  const std::string& path() const noexcept { return path_; }
  bool compressed() const noexcept;
  std::uint64_t size_on_disk() const noexcept { return size_; }
  std::uint64_t consumed_on_disk() const noexcept { return consumed_; }
  core::Hash128 content_hash() const;

 private:
  std::size_t read_raw(char* dst, std::size_t n);

  struct Gzip;
  std::string path_;
  int fd_ = -1;
  std::uint64_t size_ = 0;
  std::uint64_t consumed_ = 0;
  core::Xxh3Stream hash_;
  std::unique_ptr<Gzip> gzip_;
  void* mapping_ = nullptr;  // with map(): the region, file then zeros
  std::size_t mapping_bytes_ = 0;
  std::size_t released_ = 0;  // bytes of the mapping given back
  std::string pending_;  // raw bytes read while sniffing the magic number
};

}  // namespace assay::io
