// Cell parsers: what each kind accepts and rejects.

#include "core/cell_parse.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace assay::core {
namespace {

TEST(ParseInt64, AcceptsSignsAndSurroundingBlanks) {
  std::int64_t v = 0;
  EXPECT_TRUE(parse_int64("42", v));
  EXPECT_EQ(v, 42);
  EXPECT_TRUE(parse_int64(" -7\t", v));
  EXPECT_EQ(v, -7);
  EXPECT_TRUE(parse_int64("+5", v));
  EXPECT_EQ(v, 5);
  EXPECT_TRUE(parse_int64("9223372036854775807", v));
  EXPECT_EQ(v, std::numeric_limits<std::int64_t>::max());
}

TEST(ParseInt64, RejectsFractionsOverflowAndJunk) {
  std::int64_t v = 0;
  for (const char* bad : {"", " ", "1.0", "1e3", "++1", "+-1", "12a", "9223372036854775808", "0x10", "-"}) {
    EXPECT_FALSE(parse_int64(bad, v)) << bad;
  }
}

TEST(ParseFloat64, ParsesDecimalScientificAndSpecials) {
  double v = 0.0;
  EXPECT_TRUE(parse_float64("0.1", v));
  EXPECT_EQ(v, 0.1);
  EXPECT_TRUE(parse_float64("-1.5e-3", v));
  EXPECT_EQ(v, -1.5e-3);
  EXPECT_TRUE(parse_float64("+2", v));
  EXPECT_EQ(v, 2.0);
  EXPECT_TRUE(parse_float64("inf", v));
  EXPECT_TRUE(std::isinf(v));
  EXPECT_TRUE(parse_float64("-Infinity", v));
  EXPECT_EQ(v, -INFINITY);
  EXPECT_TRUE(parse_float64("1e400", v));  // out of range reads as inf, as numpy does
  EXPECT_EQ(v, INFINITY);
  EXPECT_TRUE(parse_float64("4.9406564584124654e-324", v));
  EXPECT_EQ(v, std::numeric_limits<double>::denorm_min());
}

TEST(ParseFloat64, IsCorrectlyRounded) {
  // 2^53 + 1 lies exactly halfway between two doubles and must round to
  // the even one; 0.30000000000000004 is the shortest text of 0.1 + 0.2.
  double v = 0.0;
  EXPECT_TRUE(parse_float64("9007199254740993.0000", v));
  EXPECT_EQ(v, 9007199254740992.0);
  EXPECT_TRUE(parse_float64("0.30000000000000004", v));
  EXPECT_EQ(v, 0.1 + 0.2);
}

TEST(ParseFloat64, RejectsJunk) {
  double v = 0.0;
  for (const char* bad : {"", "abc", "1.2.3", "1,5", "--1", "0x1p3", "1e", "."}) EXPECT_FALSE(parse_float64(bad, v)) << bad;
}

TEST(ParseBool, AcceptsPandasSpellingsOnly) {
  std::uint8_t v = 2;
  EXPECT_TRUE(parse_bool("True", v));
  EXPECT_EQ(v, 1);
  EXPECT_TRUE(parse_bool("false", v));
  EXPECT_EQ(v, 0);
  EXPECT_TRUE(parse_bool("TRUE", v));
  for (const char* bad : {"yes", "1", "t", "tRuE", ""}) EXPECT_FALSE(parse_bool(bad, v)) << bad;
}

TEST(ParseTimestamp, DatesTimesFractionsAndZones) {
  std::int64_t ns = 0;
  ASSERT_TRUE(parse_timestamp("1970-01-01", ns));
  EXPECT_EQ(ns, 0);
  ASSERT_TRUE(parse_timestamp("2024-02-29T12:34:56Z", ns));
  EXPECT_EQ(ns, 1709210096LL * 1'000'000'000);
  ASSERT_TRUE(parse_timestamp("2024-02-29 12:34:56.5", ns));
  EXPECT_EQ(ns, 1709210096LL * 1'000'000'000 + 500'000'000);
  ASSERT_TRUE(parse_timestamp("2024-02-29T14:34:56+02:00", ns));
  EXPECT_EQ(ns, 1709210096LL * 1'000'000'000);
  ASSERT_TRUE(parse_timestamp("2024-02-29T07:04:56-0530", ns));
  EXPECT_EQ(ns, 1709210096LL * 1'000'000'000);
  ASSERT_TRUE(parse_timestamp("2001/01/01 00:47", ns));
  EXPECT_EQ(ns, 978310020LL * 1'000'000'000);
  ASSERT_TRUE(parse_timestamp("1969-12-31T23:59:59.999999999Z", ns));
  EXPECT_EQ(ns, -1);
}

TEST(ParseTimestamp, RejectsImpossibleDatesAndJunk) {
  std::int64_t ns = 0;
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-01-32", "2024-01-01T24:00", "2024-01-01T12:60",
                          "2024-1-1", "20240101", "2024-01-01X", "2024-01-01T12:00:00+25:00", "2024-01-01T12:00:00.",
                          "2024-01/01", "yesterday", "2350-01-01", "1600-01-01"}) {
    EXPECT_FALSE(parse_timestamp(bad, ns)) << bad;
  }
}

}  // namespace
}  // namespace assay::core
