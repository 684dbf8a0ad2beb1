// Canonical cell encodings, row hashes and the 128-bit hash index.

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstring>

#include "quality/cell_encoding.hpp"
#include "quality/hash_index.hpp"
#include "tables.hpp"

namespace assay::quality {
namespace {

using namespace testing;

core::Hash128 encode(const core::Column& c, std::size_t row, Normalisation n = {}) { return CellEncoder(c, n).code(row); }

TEST(CellEncoding, WholeNumbersEncodeAlikeWhateverTheKind) {
  const auto i = ints("a", {1, -3});
  const auto d = doubles("a", {1.0, -3.0});
  const auto b = core::Column::boolean("a", {1, 0});
  EXPECT_EQ(encode(i, 0), encode(d, 0));
  EXPECT_EQ(encode(i, 1), encode(d, 1));
  EXPECT_EQ(encode(b, 0), encode(i, 0));
  EXPECT_NE(encode(d, 0), encode(doubles("a", {1.5}), 0));
  EXPECT_EQ(encode(doubles("a", {-0.0}), 0), encode(doubles("a", {0.0}), 0));
}

TEST(CellEncoding, TextEncodesAlikeForCategoricalAndString) {
  const auto s = texts("a", {"x", "yz"});
  const auto c = categories("a", {"yz", "x"});
  EXPECT_EQ(encode(s, 0), encode(c, 1));
  EXPECT_EQ(encode(s, 1), encode(c, 0));
}

TEST(CellEncoding, NullDiffersFromEveryValue) {
  const auto s = texts("a", {"", "x"}, {0, 1});
  const auto e = texts("a", {""});
  EXPECT_NE(encode(s, 0), encode(e, 0));  // null is not the empty string
  EXPECT_NE(encode(ints("a", {0}, {0}), 0), encode(ints("a", {0}), 0));
}

TEST(CellEncoding, WriteMatchesCode) {
  const auto s = texts("a", {"x", "", "y"}, {1, 0, 1});
  std::vector<std::byte> out(3 * 32);
  CellEncoder(s, {}).write(0, 3, out.data(), 32);
  for (std::size_t r = 0; r < 3; ++r) {
    core::Hash128 h;
    std::memcpy(&h.high, out.data() + r * 32, 8);
    std::memcpy(&h.low, out.data() + r * 32 + 8, 8);
    EXPECT_EQ(h, encode(s, r));
  }
  EXPECT_EQ(encode(s, 1), (core::Hash128{0, 0}));
}

TEST(CellEncoding, CellBoundariesAreKept) {
  // ("ab", "c") and ("a", "bc") must not hash alike.
  core::Table t1({texts("x", {"ab"}), texts("y", {"c"})});
  core::Table t2({texts("x", {"a"}), texts("y", {"bc"})});
  const std::vector<std::size_t> cols{0, 1};
  EXPECT_NE(row_hashes(t1, cols)[0], row_hashes(t2, cols)[0]);
}

TEST(CellEncoding, NormalisationTrimsCaseFoldsAndRounds) {
  const Normalisation n{true, 6};
  EXPECT_EQ(encode(texts("a", {"  Paris\t"}), 0, n), encode(categories("a", {"paris"}), 0, n));
  EXPECT_NE(encode(texts("a", {"  Paris\t"}), 0), encode(categories("a", {"paris"}), 0));
  EXPECT_EQ(encode(doubles("a", {0.1234567}), 0, n), encode(doubles("a", {0.123457}), 0, n));
  EXPECT_EQ(encode(doubles("a", {2.0000001}), 0, n), encode(ints("a", {2}), 0, n));
}

TEST(RoundSignificant, MatchesDecimalRounding) {
  EXPECT_DOUBLE_EQ(round_significant(0.123456789, 6), 0.123457);
  EXPECT_DOUBLE_EQ(round_significant(123456789.0, 3), 123000000.0);
  EXPECT_DOUBLE_EQ(round_significant(-9.9999999, 3), -10.0);
  EXPECT_DOUBLE_EQ(round_significant(1e-300 * 1.23456, 2), 1.2e-300);
  EXPECT_EQ(round_significant(0.0, 3), 0.0);
  EXPECT_TRUE(std::isinf(round_significant(INFINITY, 3)));
  EXPECT_DOUBLE_EQ(round_significant(1e308 * 1.7, 2), 1.7e308);
}

TEST(RowHashes, SameForAnyThreadCountAndColumnKinds) {
  std::vector<double> v(10000);
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<double>(i % 100);
  std::vector<std::int64_t> w(v.begin(), v.end());
  core::Table a({doubles("v", v)});
  core::Table b({ints("v", w)});
  const std::vector<std::size_t> cols{0};
  EXPECT_EQ(row_hashes(a, cols), row_hashes(b, cols));
}

TEST(HashIndex, FirstRowWinsAndGrows) {
  HashIndex index(2);
  for (std::uint64_t i = 0; i < 1000; ++i) EXPECT_EQ(index.insert({i * 7919, i}, i), i);
  EXPECT_EQ(index.insert({7919, 1}, 5000), 1u);
  EXPECT_EQ(index.size(), 1000u);
  EXPECT_EQ(index.find({3 * 7919, 3}), 3u);
  EXPECT_EQ(index.find({1, 2}), HashIndex::kAbsent);
}

TEST(FirstOccurrences, PointsAtTheFirstEqualRow) {
  const std::vector<core::Hash128> h{{1, 1}, {2, 2}, {1, 1}, {1, 1}, {3, 3}};
  const auto first = first_occurrences(h);
  EXPECT_EQ(first, (std::vector<std::uint64_t>{HashIndex::kAbsent, HashIndex::kAbsent, 0, 0, HashIndex::kAbsent}));
}

}  // namespace
}  // namespace assay::quality

namespace assay::quality {
namespace {

TEST(PartitionedIndex, KeepsTheFirstRowLikeASerialIndex) {
  // 300k hashes drawn from 100k values: many repeats across chunks and parts.
  std::vector<core::Hash128> hashes(300'000);
  std::uint64_t x = 12345;
  for (auto& h : hashes) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const std::uint64_t v = (x >> 33) % 100'000;
    h = core::xxh3_128(std::to_string(v));
  }
  HashIndex serial(hashes.size());
  std::vector<std::uint64_t> expected(hashes.size());
  for (std::size_t r = 0; r < hashes.size(); ++r) {
    const auto first = serial.insert(hashes[r], r);
    expected[r] = first == r ? HashIndex::kAbsent : first;
  }
  EXPECT_EQ(first_occurrences(hashes), expected);
  const PartitionedIndex index(hashes);
  EXPECT_EQ(index.find(core::xxh3_128("not there")), HashIndex::kAbsent);
  EXPECT_TRUE(first_occurrences(std::vector<core::Hash128>{}).empty());
}

}  // namespace
}  // namespace assay::quality

namespace assay::quality {
namespace {

TEST(HashIndex, SequentialCellCodesDoNotClusterIntoOneProbeRun) {
  // Cell codes of ids 1..200000 are {1, id}: without mixing the key, linear
  // probing would scan the whole run for every absent id (minutes, not ms).
  const auto ids = testing::ints("id", [] {
    std::vector<std::int64_t> v(200'000);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<std::int64_t>(i + 1);
    return v;
  }());
  const CellEncoder encoder(ids, {});
  HashIndex index(ids.size());
  for (std::size_t r = 0; r < ids.size(); ++r) index.insert(encoder.code(r), r);
  const auto start = std::chrono::steady_clock::now();
  std::size_t found = 0;
  for (std::int64_t id = 1'000'000; id < 1'200'000; ++id) found += index.find({1, static_cast<std::uint64_t>(id)}) != HashIndex::kAbsent;
  EXPECT_EQ(found, 0u);
  EXPECT_EQ(index.find({1, 5}), 4u);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
}

}  // namespace
}  // namespace assay::quality
