#include "io/csv_dialect.hpp"

#include <gtest/gtest.h>

namespace assay::io {
namespace {

TEST(DetectDelimiter, PicksTheConsistentOne) {
  EXPECT_EQ(detect_delimiter("a,b,c\n1,2,3\n4,5,6\n"), ',');
  EXPECT_EQ(detect_delimiter("a;b;c\n1,5;2,5;3\n"), ';');  // decimal commas do not fool it
  EXPECT_EQ(detect_delimiter("a\tb\n1\t2\n"), '\t');
  EXPECT_EQ(detect_delimiter("a|b|c\n1|2|3\n"), '|');
}

TEST(DetectDelimiter, IgnoresDelimitersInsideQuotes) {
  EXPECT_EQ(detect_delimiter("name;note\nx;\"a,b,c,d\"\ny;\"e,f,g\"\n"), ';');
}

TEST(DetectDelimiter, FallsBackToCommaForOneColumn) { EXPECT_EQ(detect_delimiter("value\n1\n2\n"), ','); }

}  // namespace
}  // namespace assay::io
