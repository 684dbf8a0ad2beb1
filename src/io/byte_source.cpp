#include "io/byte_source.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "core/error.hpp"

namespace assay::io {

struct ByteSource::Gzip {
  z_stream stream{};
  std::vector<unsigned char> input = std::vector<unsigned char>(std::size_t{1} << 20);
  bool finished_member = false;
  bool eof = false;
  Gzip() {
    if (inflateInit2(&stream, 15 + 32) != Z_OK) throw core::Error("cannot initialise zlib");
  }
  ~Gzip() { inflateEnd(&stream); }
};

ByteSource::ByteSource(const std::string& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw core::Error(core::Location{path}, std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd_, &st) != 0 || S_ISDIR(st.st_mode)) {
    ::close(fd_);
    throw core::Error(core::Location{path}, "cannot read: not a regular file");
  }
  size_ = static_cast<std::uint64_t>(st.st_size);
  ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  char magic[2];
  pending_.resize(2);
  const std::size_t got = read_raw(magic, 2);
  pending_.assign(magic, got);
  if (got == 2 && static_cast<unsigned char>(magic[0]) == 0x1f && static_cast<unsigned char>(magic[1]) == 0x8b) {
    gzip_ = std::make_unique<Gzip>();
  }
}

ByteSource::~ByteSource() {
  if (mapping_ != nullptr) ::munmap(mapping_, mapping_bytes_);
  if (fd_ >= 0) ::close(fd_);
}

std::optional<std::string_view> ByteSource::map() {
  if (gzip_ || size_ == 0 || mapping_ != nullptr) return std::nullopt;
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const auto bytes = static_cast<std::size_t>(size_);
  // Reserve the file's pages and one more, then map the file over the start:
  // the last page's bytes past the end of the file read as zeros, and so
  // does the page after it.
  const std::size_t span = (bytes + page - 1) / page * page + page;
  void* region = ::mmap(nullptr, span, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (region == MAP_FAILED) return std::nullopt;
  if (::mmap(region, bytes, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd_, 0) == MAP_FAILED) {
    ::munmap(region, span);
    return std::nullopt;
  }
  mapping_ = region;
  mapping_bytes_ = span;
  return std::string_view(static_cast<const char*>(region), bytes);
}

void ByteSource::done_before(std::size_t begin) {
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t end = begin / page * page;
  if (mapping_ == nullptr || end <= released_) return;
  // Clean file pages: dropping them only unmaps them from this process.
  ::madvise(static_cast<char*>(mapping_) + released_, end - released_, MADV_DONTNEED);
  released_ = end;
}

void ByteSource::reached(std::size_t end) {
  // The magic-number sniff already hashed the first bytes (consumed_).
  if (mapping_ == nullptr || end <= consumed_) return;
  hash_.update(std::string_view(static_cast<const char*>(mapping_) + consumed_, end - consumed_));
  consumed_ = end;
}

bool ByteSource::compressed() const noexcept { return gzip_ != nullptr; }

core::Hash128 ByteSource::content_hash() const { return hash_.digest(); }

std::size_t ByteSource::read_raw(char* dst, std::size_t n) {
  std::size_t done = 0;
  while (done < n) {
    const ssize_t got = ::read(fd_, dst + done, n - done);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw core::Error(core::Location{path_}, std::string("read failed: ") + std::strerror(errno));
    }
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  hash_.update(std::string_view(dst, done));
  consumed_ += done;
  return done;
}

std::size_t ByteSource::read(char* dst, std::size_t n) {
  if (!gzip_) {
    std::size_t done = 0;
    if (!pending_.empty()) {
      done = std::min(n, pending_.size());
      std::memcpy(dst, pending_.data(), done);
      pending_.erase(0, done);
    }
    return done + read_raw(dst + done, n - done);
  }
  Gzip& gz = *gzip_;
  gz.stream.next_out = reinterpret_cast<unsigned char*>(dst);
  gz.stream.avail_out = static_cast<uInt>(n);
  while (gz.stream.avail_out > 0) {
    if (gz.stream.avail_in == 0) {
      std::size_t filled = 0;
      if (!pending_.empty()) {
        filled = pending_.size();
        std::memcpy(gz.input.data(), pending_.data(), filled);
        pending_.clear();
      }
      filled += read_raw(reinterpret_cast<char*>(gz.input.data()) + filled, gz.input.size() - filled);
      if (filled == 0) {
        if (!gz.finished_member) throw core::Error(core::Location{path_}, "truncated gzip data");
        break;
      }
      gz.stream.next_in = gz.input.data();
      gz.stream.avail_in = static_cast<uInt>(filled);
    }
    if (gz.finished_member) {
      // Concatenated gzip members are one stream (RFC 1952, 2.2).
      inflateReset(&gz.stream);
      gz.finished_member = false;
    }
    const int rc = inflate(&gz.stream, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      gz.finished_member = true;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      throw core::Error(core::Location{path_},
                        std::string("corrupt gzip data: ") + (gz.stream.msg ? gz.stream.msg : "inflate failed"));
    }
  }
  return n - gz.stream.avail_out;
}

void ByteSource::finish_hash() {
  if (mapping_ != nullptr) {
    reached(static_cast<std::size_t>(size_));
    return;
  }
  pending_.clear();
  std::vector<char> sink(std::size_t{1} << 20);
  while (read_raw(sink.data(), sink.size()) > 0) {
  }
}

}  // namespace assay::io
