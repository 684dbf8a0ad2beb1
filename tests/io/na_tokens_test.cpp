// NA tokens: the default list is pandas' read_csv default, so a numeric
// column holding any of its spellings stays numeric with those cells null.
// Reference: tests/reference/na_tokens_reference.py (pandas read_csv).

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

#include "io/csv_reader.hpp"
#include "io/jsonl_reader.hpp"
#include "io/read_options.hpp"
#include "io/table_reader.hpp"

namespace assay::io {
namespace {

nlohmann::json golden() {
  std::ifstream in(std::string(ASSAY_REFERENCE_DIR) + "/na_tokens_pandas.json");
  return nlohmann::json::parse(in);
}

std::string kind_family(core::Kind kind) {
  switch (kind) {
    case core::Kind::int64: return "int64";
    case core::Kind::float64: return "float64";
    case core::Kind::boolean: return "bool";
    case core::Kind::categorical:
    case core::Kind::string: return "text";
    case core::Kind::timestamp: return "timestamp";
  }
  return "?";
}

TEST(NaTokens, DefaultsArePandasReadCsvDefaults) {
  const auto reference = golden();
  auto expected = reference["na_tokens"].get<std::vector<std::string>>();
  auto ours = ReadOptions{}.na_tokens;
  std::sort(expected.begin(), expected.end());
  std::sort(ours.begin(), ours.end());
  EXPECT_EQ(ours, expected);
}

TEST(NaTokens, KindsAndNullCountsMatchPandas) {
  const auto reference = golden();
  const auto input = read_table(std::string(ASSAY_TEST_DATA) + "/" + reference["file"].get<std::string>());
  ASSERT_EQ(input.table.rows(), reference["rows"].get<std::size_t>());
  ASSERT_EQ(input.table.columns(), reference["columns"].size());
  for (const auto& [name, ref] : reference["columns"].items()) {
    SCOPED_TRACE(name);
    const auto& column = input.table.column(name);
    EXPECT_EQ(kind_family(column.kind()), ref["kind"].get<std::string>());
    EXPECT_EQ(column.null_count(), ref["nulls"].get<std::size_t>());
  }
}

TEST(NaTokens, JsonStringsThatAreTokensAreNullInNumericColumns) {
  std::string text;
  for (const auto& token : ReadOptions{}.na_tokens) {
    text += "{\"x\": 1, \"y\": 0.5}\n";
    text += "{\"x\": \"" + token + "\", \"y\": \"" + token + "\"}\n";
  }
  const auto t = read_jsonl_text(text);
  EXPECT_EQ(t.column("x").kind(), core::Kind::int64);
  EXPECT_EQ(t.column("y").kind(), core::Kind::float64);
  EXPECT_EQ(t.column("x").null_count(), ReadOptions{}.na_tokens.size());
  EXPECT_EQ(t.column("y").null_count(), ReadOptions{}.na_tokens.size());
}

TEST(NaTokens, NumbersEndingLikeNoTokenAreNeverNull) {
  // Numbers of every token length (0 to 8) and with the last bytes of the
  // tokens' neighbours ('.', 'f', 'y') are values.
  const auto t = read_csv_text("x\n1\n12\n1.5\n-1.5\n1.#IN\n", {});
  EXPECT_EQ(t.column("x").null_count(), 0u);
  const auto f = read_csv_text("x\n1.\n-1.25e+3\n-1234567\ninf\n-infinity\n", {});
  EXPECT_EQ(f.column("x").kind(), core::Kind::float64);
  EXPECT_EQ(f.column("x").null_count(), 0u);
}

TEST(NaTokens, CustomTokensWithDigitsStillMatch) {
  ReadOptions options;
  options.na_tokens = {"-999", "0"};
  const auto t = read_csv_text("x\n1\n-999\n0\n-9990\n", options);
  EXPECT_EQ(t.column("x").kind(), core::Kind::int64);
  EXPECT_EQ(t.column("x").null_count(), 2u);
}

}  // namespace
}  // namespace assay::io
