#pragma once
// TextBlocks: the text a reader parses, one block at a time, either read
// into buffers (any input, gzip included) or viewed in a file mapped into
// memory (plain files: nothing is copied). The next block is prepared
// (read, or hashed and paged in) on another thread while the current one is
// parsed; a block starts with the unparsed tail of the previous one. Every
// block is followed by kShortDecimalPadding readable bytes.

#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>

namespace assay::io {

// Supplies up to n bytes into dst; fewer only at the end of the input.
using ReadFn = std::function<std::size_t(char* dst, std::size_t n)>;

class TextBlocks {
 public:
  virtual ~TextBlocks() = default;

  // The current block, valid until advance().
  virtual std::string_view current() const = 0;
  // Whether the current block reaches the end of the input.
  virtual bool current_is_last() const = 0;
  // Extends the current block by up to `more` bytes (the first block, a
  // header longer than it).
  virtual void extend(std::size_t more) = 0;

  // Prepares the block that starts at byte `tail` of the current one: what
  // is left of it, then at least `block` more bytes (or as many again as
  // were left, for rows longer than a block).
  virtual void prepare_next(std::size_t tail, std::size_t block) = 0;
  virtual std::string_view next() const = 0;
  virtual bool next_is_last() const = 0;
  // Makes the prepared block current.
  virtual void advance() = 0;
};

std::unique_ptr<TextBlocks> buffered_blocks(const ReadFn& read);

// `text` must be followed by kShortDecimalPadding readable bytes.
// `reached(end)` is told, in order, the end of each new stretch of `text`
// that enters a block (to hash it, to report progress); `done(begin)` that
// the bytes before `begin` will not be read again (to unmap them, so that
// a file being parsed does not count whole in the process's memory).
std::unique_ptr<TextBlocks> mapped_blocks(std::string_view text, std::function<void(std::size_t)> reached,
                                          std::function<void(std::size_t)> done);

}  // namespace assay::io
