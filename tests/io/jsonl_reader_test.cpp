// JSON Lines reader: typed values, missing keys, nulls and errors.

#include "io/jsonl_reader.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace assay::io {
namespace {

using core::Kind;

TEST(JsonlReader, KeepsJsonTypes) {
  const auto t = read_jsonl_text(
      "{\"i\": 1, \"f\": 0.25, \"b\": true, \"s\": \"x\", \"t\": \"2024-01-01T00:00:00Z\", \"n\": \"7\"}\n"
      "{\"i\": 2, \"f\": 1, \"b\": false, \"s\": \"x\", \"t\": \"2024-01-02\", \"n\": \"7\"}\n");
  EXPECT_EQ(t.column("i").kind(), Kind::int64);
  EXPECT_EQ(t.column("f").kind(), Kind::float64);
  EXPECT_EQ(t.column("f").f64()[1], 1.0);
  EXPECT_EQ(t.column("b").kind(), Kind::boolean);
  EXPECT_EQ(t.column("s").kind(), Kind::categorical);
  EXPECT_EQ(t.column("t").kind(), Kind::timestamp);
  EXPECT_EQ(t.column("n").kind(), Kind::categorical);  // a JSON string stays text even when it looks numeric
}

TEST(JsonlReader, MissingKeysAndNullsAreNull) {
  const auto t = read_jsonl_text("{\"a\": 1}\n\n{\"b\": \"x\", \"a\": null}\n{\"a\": 3, \"b\": \"NA\"}\n");
  ASSERT_EQ(t.rows(), 3u);
  EXPECT_EQ(t.names(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(t.column("a").null_count(), 1u);
  EXPECT_EQ(t.column("b").null_count(), 2u);  // missing in row 1, NA token in row 3
}

TEST(JsonlReader, MixedNumbersAndStringsBecomeText) {
  const auto t = read_jsonl_text("{\"v\": 1}\n{\"v\": \"one\"}\n{\"v\": 2}\n{\"v\": \"one\"}\n");
  EXPECT_EQ(t.column("v").kind(), Kind::categorical);
  EXPECT_EQ(t.column("v").text(2), "2");
}

TEST(JsonlReader, LargeIntegersStayExact) {
  const auto t = read_jsonl_text("{\"id\": 9007199254740993}\n{\"id\": -5}\n");
  EXPECT_EQ(t.column("id").i64()[0], 9007199254740993LL);
}

TEST(JsonlReader, ColumnsFirstSeenLateAreNullBefore) {
  std::string text;
  for (int i = 0; i < 200'000; ++i) text += "{\"a\": " + std::to_string(i) + "}\n";
  text += "{\"a\": 0, \"late\": \"x\"}\n";
  const auto t = read_jsonl_text(text);
  EXPECT_EQ(t.rows(), 200'001u);
  EXPECT_EQ(t.column("late").null_count(), 200'000u);
  EXPECT_EQ(t.column("late").text(200'000), "x");
}

TEST(JsonlReader, ErrorsNameTheLine) {
  try {
    read_jsonl_text("{\"a\": 1}\n{\"a\": [1]}\n");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(std::string(e.what()), "<text>:2:1: field 'a' holds a nested array: only flat objects are supported");
  }
}

TEST(JsonlReader, DefaultKindStringWithAKeyMissingFromEarlyRows) {
  ReadOptions options;
  options.default_kind = Kind::string;
  const auto t = read_jsonl_text("{\"a\": 1}\n{\"a\": 2.50, \"b\": \"x\"}\n{\"a\": true, \"b\": null}\n", options);
  ASSERT_EQ(t.column("a").kind(), Kind::string);
  EXPECT_EQ(t.column("a").str(1), "2.5");  // a JSON number, in the reader's rendering
  EXPECT_EQ(t.column("a").str(2), "true");
  ASSERT_EQ(t.column("b").kind(), Kind::string);
  EXPECT_FALSE(t.column("b").is_valid(0));
  EXPECT_EQ(t.column("b").str(1), "x");
  EXPECT_FALSE(t.column("b").is_valid(2));
}

}  // namespace
}  // namespace assay::io
