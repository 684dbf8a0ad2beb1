// Files: a plain CSV file is parsed in place (mapped), anything else through
// read buffers; both give the same table and the same fingerprint, the hash
// of every byte on disk, even when --max-rows stops the parse early.

#include "io/table_reader.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/hash.hpp"
#include "io/csv_reader.hpp"

namespace assay::io {
namespace {

class TempFile {
 public:
  TempFile(const std::string& name, const std::string& bytes)
      : path_(std::filesystem::temp_directory_path() / fmt::format("assay_{}_{}", ::getpid(), name)) {
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// A CSV of exactly `size` bytes whose last cell is a short decimal with no
// line break after it: a cell that ends where the file (and its last page)
// ends, where reading a word past it must still be safe.
std::string csv_of_size(std::size_t size) {
  std::string text = "x,y,label\n";
  for (int i = 0; text.size() + 40 < size; ++i) text += fmt::format("{:.3f},c{},{}\n", i * 0.25 - 7.0, i % 5, i % 2);
  text += "1,c1,";
  while (text.size() + 3 < size) text.insert(text.size() - 5, "0");  // pad the last x with leading zeros
  text += "1.5";
  return text;
}

void expect_same(const core::Table& a, const core::Table& b) {
  ASSERT_EQ(a.rows(), b.rows());
  ASSERT_EQ(a.columns(), b.columns());
  for (std::size_t c = 0; c < a.columns(); ++c) {
    ASSERT_EQ(a.column(c).kind(), b.column(c).kind());
    for (std::size_t r = 0; r < a.rows(); ++r) ASSERT_EQ(a.column(c).text(r), b.column(c).text(r)) << c << " " << r;
  }
}

TEST(TableReader, MappedFileReadsAsTheSameTextInMemory) {
  for (const std::size_t size : {std::size_t{4096}, std::size_t{8192}, std::size_t{8190}, std::size_t{300'001}}) {
    const std::string text = csv_of_size(size);
    ASSERT_EQ(text.size(), size);
    const TempFile file("mapped.csv", text);
    const auto from_file = read_table(file.path());
    expect_same(from_file.table, read_csv_text(text));
    EXPECT_EQ(from_file.table.column("label").f64().back(), 1.5);
    EXPECT_EQ(from_file.fingerprint.content, core::xxh3_128(std::string_view(text)));
    EXPECT_EQ(from_file.fingerprint.bytes, size);
  }
}

TEST(TableReader, FingerprintCoversTheWholeFileWhenMaxRowsStopsEarly) {
  const std::string text = csv_of_size(200'000);
  const TempFile file("early.csv", text);
  ReadOptions options;
  options.max_rows = 10;
  const auto result = read_table(file.path(), options);
  EXPECT_EQ(result.table.rows(), 10U);
  EXPECT_EQ(result.fingerprint.content, core::xxh3_128(std::string_view(text)));
}

TEST(TableReader, GzipGoesThroughBuffersToTheSameTable) {
  const std::string text = csv_of_size(50'000);
  std::string gz(compressBound(static_cast<uLong>(text.size())) + 64, '\0');
  z_stream stream{};
  ASSERT_EQ(deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(gz.data());
  stream.avail_out = static_cast<uInt>(gz.size());
  ASSERT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  gz.resize(stream.total_out);
  deflateEnd(&stream);
  const TempFile file("packed.csv.gz", gz);
  const auto result = read_table(file.path());
  expect_same(result.table, read_csv_text(text));
  EXPECT_EQ(result.fingerprint.content, core::xxh3_128(std::string_view(gz)));
}

}  // namespace
}  // namespace assay::io
