// Table and Column: the contracts engines rely on.

#include "core/table.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "core/error.hpp"
#include "core/hash.hpp"
#include "core/row_limit.hpp"

namespace assay::core {
namespace {

TEST(Table, LooksUpColumnsByName) {
  Table t;
  t.add(Column::float64("score", {0.1, 0.9}));
  t.add(Column::int64("label", {0, 1}, {1, 0}));
  EXPECT_EQ(t.rows(), 2u);
  EXPECT_EQ(t.column("label").null_count(), 1u);
  EXPECT_FALSE(t.column("label").is_valid(1));
  EXPECT_EQ(t.find("nope"), nullptr);
}

TEST(Table, MissingColumnSuggestsCloseNames) {
  Table t;
  t.add(Column::float64("score", {0.1}));
  t.add(Column::float64("label", {1.0}));
  try {
    t.column("scroe");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "no column named 'scroe'; did you mean 'score'?");
  }
  EXPECT_THROW(t.column("zzzzzz"), Error);
}

TEST(Table, RejectsDuplicatesAndRaggedColumns) {
  Table t;
  t.add(Column::float64("a", {1.0, 2.0}));
  EXPECT_THROW(t.add(Column::float64("a", {1.0, 2.0})), Error);
  EXPECT_THROW(t.add(Column::float64("b", {1.0})), Error);
}

TEST(Column, WrongKindAccessorThrows) {
  const auto c = Column::int64("n", {1, 2});
  EXPECT_THROW(c.f64(), Error);
  EXPECT_EQ(c.i64()[1], 2);
  EXPECT_EQ(c.as_double(1), 2.0);
}

TEST(Column, CategoricalCodesMustFitTheDictionary) {
  EXPECT_THROW(Column::categorical("c", {0, 2}, {"a", "b"}), Error);
  const auto c = Column::categorical("c", {1, 0, 5}, {"a", "b"}, {1, 1, 0});
  EXPECT_EQ(c.codes()[2], -1);
  EXPECT_EQ(c.text(0), "b");
}

TEST(Column, RendersTimestampsAsIso) {
  EXPECT_EQ(format_timestamp(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_timestamp(1'500'000'000), "1970-01-01T00:00:01.5Z");
  EXPECT_EQ(format_timestamp(-1), "1969-12-31T23:59:59.999999999Z");
}

TEST(Table, RowCountsPastThirtyTwoBitsAreAnError) {
  // Engines index rows with uint32_t: 2^32 - 1 rows fit, one more does not.
  EXPECT_EQ(kMaxRows, std::size_t{std::numeric_limits<std::uint32_t>::max()});
  EXPECT_NO_THROW(check_row_count(kMaxRows));
  try {
    check_row_count(kMaxRows + 1);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("more than 4294967295 data rows"), std::string::npos) << e.what();
  }
}

TEST(Hash, Xxh3StreamEqualsOneShotAndKnownVector) {
  // XXH3-128 of the empty input (xxHash's published test vector).
  EXPECT_EQ(xxh3_128(std::string_view()).hex(), "99aa06d3014798d86001c324468d497f");
  Xxh3Stream s;
  s.update("hello ");
  s.update("world");
  EXPECT_EQ(s.digest(), xxh3_128(std::string_view("hello world")));
}

}  // namespace
}  // namespace assay::core
