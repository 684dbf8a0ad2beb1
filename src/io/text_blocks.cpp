#include "io/text_blocks.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include "io/byte_buffer.hpp"

namespace assay::io {

namespace {

class BufferedBlocks final : public TextBlocks {
 public:
  explicit BufferedBlocks(const ReadFn& read) : read_(read) {}

  std::string_view current() const override { return {buffer_.data(), length_}; }
  bool current_is_last() const override { return eof_; }

  void extend(std::size_t more) override {
    if (eof_) return;
    buffer_.resize(length_ + more);
    const std::size_t got = read_(buffer_.data() + length_, more);
    length_ += got;
    eof_ = got < more;
  }

  void prepare_next(std::size_t tail, std::size_t block) override {
    const std::size_t kept = length_ - tail;
    const std::size_t want = std::max(block, kept);
    spare_.resize(kept + want);
    std::memcpy(spare_.data(), buffer_.data() + tail, kept);
    const std::size_t got = read_(spare_.data() + kept, want);
    spare_length_ = kept + got;
    spare_eof_ = got < want;
  }
  std::string_view next() const override { return {spare_.data(), spare_length_}; }
  bool next_is_last() const override { return spare_eof_; }

  void advance() override {
    std::swap(buffer_, spare_);
    length_ = spare_length_;
    eof_ = spare_eof_;
  }

 private:
  const ReadFn& read_;
  ByteBuffer buffer_;
  std::size_t length_ = 0;
  bool eof_ = false;
  ByteBuffer spare_;
  std::size_t spare_length_ = 0;
  bool spare_eof_ = false;
};

class MappedBlocks final : public TextBlocks {
 public:
  MappedBlocks(std::string_view text, std::function<void(std::size_t)> reached, std::function<void(std::size_t)> done)
      : text_(text), reached_(std::move(reached)), done_(std::move(done)) {}

  std::string_view current() const override { return text_.substr(at_, length_); }
  bool current_is_last() const override { return at_ + length_ == text_.size(); }

  void extend(std::size_t more) override {
    length_ = std::min(length_ + more, text_.size() - at_);
    reach(at_ + length_);
  }

  void prepare_next(std::size_t tail, std::size_t block) override {
    const std::size_t kept = length_ - tail;
    next_at_ = at_ + tail;
    next_length_ = std::min(kept + std::max(block, kept), text_.size() - next_at_);
    reach(next_at_ + next_length_);
  }
  std::string_view next() const override { return text_.substr(next_at_, next_length_); }
  bool next_is_last() const override { return next_at_ + next_length_ == text_.size(); }

  void advance() override {
    at_ = next_at_;
    length_ = next_length_;
    done_(at_);
  }

 private:
  void reach(std::size_t end) {
    if (end <= reached_end_) return;
    reached_(end);
    reached_end_ = end;
  }

  std::string_view text_;
  std::function<void(std::size_t)> reached_;
  std::function<void(std::size_t)> done_;
  std::size_t reached_end_ = 0;
  std::size_t at_ = 0;
  std::size_t length_ = 0;
  std::size_t next_at_ = 0;
  std::size_t next_length_ = 0;
};

}  // namespace

std::unique_ptr<TextBlocks> buffered_blocks(const ReadFn& read) { return std::make_unique<BufferedBlocks>(read); }

std::unique_ptr<TextBlocks> mapped_blocks(std::string_view text, std::function<void(std::size_t)> reached,
                                          std::function<void(std::size_t)> done) {
  return std::make_unique<MappedBlocks>(text, std::move(reached), std::move(done));
}

}  // namespace assay::io
