// CSV reader: RFC 4180 syntax, inference, nulls, overrides and large inputs.

#include "io/csv_reader.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <oneapi/tbb/task_arena.h>

#include <bit>
#include <cmath>
#include <string>

#include "core/error.hpp"

namespace assay::io {
namespace {

using core::Kind;

core::Table read(const std::string& text, ReadOptions options = {}) { return read_csv_text(text, options); }

std::string error_of(const std::string& text, ReadOptions options = {}) {
  try {
    read(text, options);
  } catch (const core::Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(CsvReader, InfersEachKind) {
  const auto t = read("i,f,b,c,t\n1,0.5,true,red,2024-01-01\n2,1.5,false,red,2024-01-02T10:00:00Z\n3,2,True,blue,2024-01-03\n");
  EXPECT_EQ(t.column("i").kind(), Kind::int64);
  EXPECT_EQ(t.column("f").kind(), Kind::float64);
  EXPECT_EQ(t.column("b").kind(), Kind::boolean);
  EXPECT_EQ(t.column("c").kind(), Kind::categorical);
  EXPECT_EQ(t.column("t").kind(), Kind::timestamp);
  EXPECT_EQ(t.column("f").f64()[2], 2.0);
  EXPECT_EQ(t.column("c").text(2), "blue");
  EXPECT_EQ(t.column("t").text(1), "2024-01-02T10:00:00Z");
}

TEST(CsvReader, FreeTextIsStringCategoriesAreCategorical) {
  std::string text = "id,name,tier\n";
  for (int i = 0; i < 30; ++i) text += std::to_string(i) + ",person " + std::to_string(i) + (i % 3 ? ",a\n" : ",b\n");
  const auto t = read(text);
  EXPECT_EQ(t.column("name").kind(), Kind::string);  // 30 distinct of 30: free text
  EXPECT_EQ(t.column("tier").kind(), Kind::categorical);
  EXPECT_EQ(t.column("name").str(1), "person 1");
  EXPECT_EQ(read("id,name\n1,ann\n2,bob\n").column("name").kind(), Kind::categorical);  // few levels
}

TEST(CsvReader, NullTokensAndQuotedEmptyAreNull) {
  const auto t = read("x,s\n1,a\nNA,\"\"\n,N/A\nnan,None\n5,b\n");
  const auto& x = t.column("x");
  EXPECT_EQ(x.kind(), Kind::int64);  // nulls do not demote integers to floats
  EXPECT_EQ(x.null_count(), 3u);
  EXPECT_EQ(x.i64()[4], 5);
  EXPECT_EQ(t.column("s").null_count(), 3u);
}

TEST(CsvReader, CustomNullTokensReplaceTheDefaults) {
  ReadOptions options;
  options.na_tokens = {"-999"};
  const auto t = read("x\n1.5\n-999\nNA\n", options);
  EXPECT_EQ(t.column("x").kind(), Kind::categorical);  // "NA" is now a value, not a null
  EXPECT_EQ(t.column("x").null_count(), 1u);
}

TEST(CsvReader, QuotedFieldsHoldDelimitersQuotesAndNewlines) {
  const auto t = read("id,note\r\n1,\"a, b\"\r\n2,\"she said \"\"hi\"\"\"\r\n3,\"two\nlines\"\r\n4,plain\r\n");
  const auto& note = t.column("note");
  ASSERT_EQ(t.rows(), 4u);
  EXPECT_EQ(note.text(0), "a, b");
  EXPECT_EQ(note.text(1), "she said \"hi\"");
  EXPECT_EQ(note.text(2), "two\nlines");
  EXPECT_EQ(note.text(3), "plain");
}

TEST(CsvReader, BomBlankLinesAndMissingFinalNewline) {
  const auto t = read("\xEF\xBB\xBF" "a,b\n\n1,2\n\n3,4");
  EXPECT_EQ(t.names(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(t.rows(), 2u);
  EXPECT_EQ(t.column("b").i64()[1], 4);
}

TEST(CsvReader, DetectsOrTakesTheDelimiter) {
  EXPECT_EQ(read("a;b\n1;2\n").columns(), 2u);
  EXPECT_EQ(read("a\tb\n1\t2\n").columns(), 2u);
  ReadOptions options;
  options.delimiter = '|';
  EXPECT_EQ(read("a,b|c\n1,2|3\n", options).column("a,b").kind(), Kind::categorical);
}

TEST(CsvReader, NamesNamelessColumnsAsPandasDoes) {
  const auto t = read(",x\n0,1\n1,2\n");
  EXPECT_EQ(t.column(0).name(), "Unnamed: 0");
}

TEST(CsvReader, WidensIntegersToFloatsAndMixedToText) {
  const auto t = read("a,b\n1,1\n2,x\n2.5,2\n");
  EXPECT_EQ(t.column("a").kind(), Kind::float64);
  EXPECT_EQ(t.column("a").f64()[2], 2.5);
  EXPECT_EQ(t.column("b").text(0), "1");
  EXPECT_EQ(t.column("b").text(1), "x");
}

TEST(CsvReader, OverridesKinds) {
  ReadOptions options;
  options.kinds = {{"zip", Kind::categorical}, {"n", Kind::float64}, {"flag", Kind::boolean}};
  const auto t = read("zip,n,flag\n02134,1,1\n10001,2,0\n", options);
  EXPECT_EQ(t.column("zip").kind(), Kind::categorical);
  EXPECT_EQ(t.column("zip").text(0), "02134");  // leading zero kept
  EXPECT_EQ(t.column("n").kind(), Kind::float64);
  EXPECT_EQ(t.column("flag").booleans()[0], 1);
}

TEST(CsvReader, AllNullColumnIsFloatOfNulls) {
  const auto t = read("a,b\n1,\n2,NA\n");
  EXPECT_EQ(t.column("b").kind(), Kind::float64);
  EXPECT_EQ(t.column("b").null_count(), 2u);
}

TEST(CsvReader, HeaderOnlyGivesZeroRows) {
  const auto t = read("a,b\n");
  EXPECT_EQ(t.rows(), 0u);
  EXPECT_EQ(t.columns(), 2u);
}

TEST(CsvReader, MaxRowsStopsEarlyAndIgnoresWhatFollows) {
  ReadOptions options;
  options.max_rows = 2;
  const auto t = read("a\n1\n2\nnot a number\n4,5\n", options);
  EXPECT_EQ(t.rows(), 2u);
  EXPECT_EQ(t.column("a").kind(), Kind::int64);
}

TEST(CsvReader, ErrorsNameLineAndColumn) {
  EXPECT_EQ(error_of("a,b\n1,2\n3\n"), "<text>:3:1: row has 1 field, expected 2 as in the header");
  EXPECT_EQ(error_of(""), "<text>: empty file");
  EXPECT_EQ(error_of("a,a\n1,2\n"), "<text>:1: duplicate column name 'a' (columns 1 and 2)");
}

// Many blocks and pieces: quoted newlines straddle piece and block
// boundaries, a column turns from integer to float far into the file and
// another from integer to text, and the result must not depend on threads.
std::string big_csv(std::size_t rows) {
  std::string text = "id,quoted,late_float,late_text\n";
  for (std::size_t i = 0; i < rows; ++i) {
    text += std::to_string(i) + ",\"row " + std::to_string(i) + "\nsecond, line\"," +
            (i == rows - 3 ? "0.5" : std::to_string(i % 7)) + "," + (i == rows - 2 ? "word" : std::to_string(i % 5)) +
            "\n";
  }
  return text;
}

TEST(CsvReader, LargeInputAcrossBlocksIsExactAndThreadIndependent) {
  const std::size_t rows = 700'000;  // ~ 30 MB: eight blocks, ~120 pieces
  const std::string text = big_csv(rows);
  const auto one = tbb::task_arena(1).execute([&] { return read(text); });
  const auto two = tbb::task_arena(2).execute([&] { return read(text); });
  for (const auto* t : {&one, &two}) {
    ASSERT_EQ(t->rows(), rows);
    EXPECT_EQ(t->column("id").i64()[rows - 1], static_cast<std::int64_t>(rows - 1));
    EXPECT_EQ(t->column("quoted").text(123'456), "row 123456\nsecond, line");
    EXPECT_EQ(t->column("late_float").kind(), Kind::float64);
    EXPECT_EQ(t->column("late_float").f64()[rows - 3], 0.5);
    EXPECT_EQ(t->column("late_float").f64()[10], 3.0);
    EXPECT_EQ(t->column("late_text").kind(), Kind::categorical);
    EXPECT_EQ(t->column("late_text").text(rows - 2), "word");
    EXPECT_EQ(t->column("late_text").text(7), "2");
  }
  EXPECT_EQ(one.column("late_text").dictionary(), two.column("late_text").dictionary());
}

// Pieces without quotes or CR take a column-at-a-time path with a bit-mask
// tokenizer and a short-decimal parser; CRLF sends the same rows through the
// general row-at-a-time path. Both must give the same table, bit for bit.
std::string plain_csv(std::size_t rows, const char* line_end) {
  std::string text = std::string("f,g,n,i,w,c") + line_end;
  for (std::size_t i = 0; i < rows; ++i) {
    const double x = static_cast<double>(i % 1000) * 0.123456 - 61.5;
    text += fmt::format("{:.6f},{},{},{},{},c{}{}", x,
                        i % 97 == 0 ? "1.5e3" : (i % 89 == 0 ? "0.12345678912345" : std::to_string(i % 13)),
                        i % 11 == 0 ? "NA" : fmt::format("{:.3f}", x), i == rows - 5 ? "2.5" : std::to_string(i),
                        i == rows - 7 ? "late word" : std::to_string(i % 4), i % 6, line_end);
  }
  return text;
}

void expect_same_table(const core::Table& a, const core::Table& b) {
  ASSERT_EQ(a.rows(), b.rows());
  ASSERT_EQ(a.columns(), b.columns());
  for (std::size_t c = 0; c < a.columns(); ++c) {
    const auto& x = a.column(c);
    const auto& y = b.column(c);
    ASSERT_EQ(x.kind(), y.kind()) << x.name();
    for (std::size_t r = 0; r < a.rows(); ++r) {
      ASSERT_EQ(x.is_valid(r), y.is_valid(r)) << x.name() << " row " << r;
      if (x.kind() == Kind::float64) {
        ASSERT_EQ(std::bit_cast<std::uint64_t>(x.f64()[r]), std::bit_cast<std::uint64_t>(y.f64()[r])) << x.name() << " row " << r;
      } else {
        ASSERT_EQ(x.text(r), y.text(r)) << x.name() << " row " << r;
      }
    }
  }
}

TEST(CsvReader, PlainAndGeneralPathsGiveTheSameTable) {
  const std::size_t rows = 60'000;  // ~ 3 MB: a dozen pieces
  const auto plain = read(plain_csv(rows, "\n"));
  const auto crlf = read(plain_csv(rows, "\r\n"));
  expect_same_table(plain, crlf);
  EXPECT_EQ(plain.column("f").kind(), Kind::float64);
  EXPECT_EQ(plain.column("f").f64()[1], std::stod(fmt::format("{:.6f}", 0.123456 - 61.5)));
  EXPECT_EQ(plain.column("g").f64()[0], 1500.0);
  EXPECT_EQ(plain.column("n").null_count(), (rows + 10) / 11);
  EXPECT_EQ(plain.column("i").kind(), Kind::float64);
  EXPECT_EQ(plain.column("i").f64()[rows - 5], 2.5);
  EXPECT_EQ(plain.column("w").text(rows - 7), "late word");
  EXPECT_EQ(plain.column("c").kind(), Kind::categorical);
}

TEST(CsvReader, PlainPiecesReportErrorsWhereTheyAre) {
  ReadOptions options;
  options.kinds["f"] = Kind::float64;
  std::string text = plain_csv(20'000, "\n");
  const std::size_t line = 12'346;  // the header is line 1
  std::size_t at = 0;
  for (std::size_t l = 1; l < line; ++l) at = text.find('\n', at) + 1;
  text.replace(at, text.find(',', at) - at, "x1");
  EXPECT_EQ(error_of(text, options), fmt::format("<text>:{}:1: column 'f': 'x1' is not a number", line));
  std::string ragged = plain_csv(20'000, "\n");
  ragged.insert(ragged.find('\n', ragged.size() / 2) + 1, "1,2\n");
  EXPECT_NE(error_of(ragged).find("row has 2 fields, expected 6 as in the header"), std::string::npos);
}

TEST(CsvReader, LineNumbersCountQuotedNewlinesAcrossPieces) {
  std::string text = big_csv(300'000);
  text += "bad row\n";  // line 2 * 300000 + 2
  EXPECT_EQ(error_of(text), "<text>:600002:1: row has 1 field, expected 4 as in the header");
}

TEST(CsvReader, RejectsAFieldLargerThanTheLimit) {
  ReadOptions options;
  options.max_field_bytes = std::size_t{20} << 20;
  std::string text = "a,b\n1,\"";
  text.append(std::size_t{40} << 20, 'x');
  text += "\"\n";
  EXPECT_EQ(error_of(text, options), "<text>:2:1: a row longer than 20 MiB (an unterminated quote, or not a CSV file?)");
}

TEST(CsvReader, DefaultKindStringKeepsEveryCellAsWritten) {
  ReadOptions options;
  options.default_kind = core::Kind::string;
  options.kinds["n"] = core::Kind::int64;
  std::string text = "s,n,c\n";
  // More rows than one piece, so pieces are joined.
  for (int i = 0; i < 30000; ++i) text += (i % 3 == 0 ? "" : "1.50") + std::string(",") + std::to_string(i) + ",x\n";
  const core::Table t = read(text, options);
  ASSERT_EQ(t.column("s").kind(), core::Kind::string);
  EXPECT_EQ(t.column("c").kind(), core::Kind::string);  // one distinct value, still not categorical
  EXPECT_EQ(t.column("n").kind(), core::Kind::int64);
  EXPECT_FALSE(t.column("s").is_valid(0));                // the empty cell is an NA token
  EXPECT_EQ(t.column("s").str(1), "1.50");                // not re-rendered as 1.5
  EXPECT_EQ(t.column("s").str(29999), "1.50");
  EXPECT_EQ(t.column("c").str(29999), "x");
}

}  // namespace
}  // namespace assay::io
