// Profiles agree with pandas 1.5.3 (read_csv + describe/nunique/value_counts)
// to 1e-12 relative, on the files of tests/data/profile. Golden values come
// from tests/reference/profile_reference.py; where pandas itself loses
// precision (its std overflows on 1e300), the script's exact rational
// arithmetic is the reference instead.

#include <gtest/gtest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <string>

#include "core/column.hpp"
#include "core/cell_parse.hpp"
#include "io/table_reader.hpp"
#include "profile/column_profile.hpp"
#include "profile/percentile.hpp"

namespace assay::profile {
namespace {

nlohmann::json golden() {
  std::ifstream in(std::string(ASSAY_REFERENCE_DIR) + "/profile_pandas.json");
  return nlohmann::json::parse(in);
}

double as_number(const nlohmann::json& v) {
  if (v.is_string()) return v == "inf" ? INFINITY : v == "-inf" ? -INFINITY : NAN;
  if (v.is_null()) return NAN;
  return v.get<double>();
}

void expect_close(double expected, std::optional<double> actual, const std::string& what) {
  if (std::isnan(expected)) {
    EXPECT_TRUE(!actual || std::isnan(*actual)) << what;
    return;
  }
  ASSERT_TRUE(actual.has_value()) << what;
  if (std::isinf(expected) || expected == 0.0) {
    EXPECT_EQ(*actual, expected) << what;
  } else {
    EXPECT_NEAR(*actual / expected, 1.0, 1e-12) << what << ": expected " << expected << ", got " << *actual;
  }
}

std::string top_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  return fmt::format("{}", value.get<double>());
}

class ProfileAgainstPandas : public ::testing::TestWithParam<std::string> {};

TEST_P(ProfileAgainstPandas, EveryColumnMatches) {
  const auto reference = golden()["files"][GetParam()];
  const auto input = io::read_table(std::string(ASSAY_TEST_DATA) + "/profile/" + GetParam());
  ASSERT_EQ(input.table.rows(), reference["rows"].get<std::size_t>());
  const auto profiles = profile_table(input.table);
  for (const auto& p : profiles) {
    SCOPED_TRACE(GetParam() + ":" + p.name);
    const auto& ref = reference["columns"][p.name];
    ASSERT_FALSE(ref.is_null()) << "column missing from the reference";
    EXPECT_EQ(p.count, ref["count"].get<std::size_t>());
    EXPECT_EQ(p.nulls, ref["nulls"].get<std::size_t>());
    EXPECT_EQ(p.distinct, ref["nunique"].get<std::size_t>());
    if (ref.contains("numeric")) {
      // Where pandas is imprecise, the exact value is the reference.
      const auto& differs = ref["pandas_differs_from_exact"];
      const auto pick = [&](const std::string& key) {
        const bool use_exact = std::find(differs.begin(), differs.end(), key) != differs.end();
        return as_number((use_exact ? ref["exact"] : ref["numeric"])[key]);
      };
      expect_close(pick("mean"), p.mean, "mean");
      expect_close(pick("std"), p.std, "std");
      expect_close(pick("min"), p.min, "min");
      expect_close(pick("max"), p.max, "max");
      for (const auto& [key, q] : std::vector<std::pair<std::string, double>>{
               {"p1", 0.01}, {"p5", 0.05}, {"p25", 0.25}, {"p50", 0.5}, {"p75", 0.75}, {"p95", 0.95}, {"p99", 0.99}}) {
        expect_close(pick(key), percentile_at(p, q), key);
      }
    }
    if (ref.contains("timestamp")) {
      ASSERT_EQ(p.kind, core::Kind::timestamp);
      EXPECT_EQ(static_cast<std::int64_t>(*p.min), ref["timestamp"]["min_ns"].get<std::int64_t>());
      EXPECT_EQ(static_cast<std::int64_t>(*p.max), ref["timestamp"]["max_ns"].get<std::int64_t>());
    }
    const auto& top = ref["top"];
    ASSERT_EQ(p.top.size(), top.size());
    for (std::size_t i = 0; i < top.size(); ++i) {
      EXPECT_EQ(p.top[i].count, top[i]["count"].get<std::size_t>()) << "top " << i;
      if (p.kind == core::Kind::float64) {
        EXPECT_EQ(std::stod(p.top[i].value), top[i]["value"].get<double>()) << "top " << i;
      } else if (p.kind == core::Kind::timestamp) {
        // pandas keeps the file's text; assay renders ISO-8601 UTC: compare instants.
        std::int64_t ours = 0, theirs = 0;
        ASSERT_TRUE(core::parse_timestamp(p.top[i].value, ours)) << p.top[i].value;
        ASSERT_TRUE(core::parse_timestamp(top_text(top[i]["value"]), theirs)) << top[i]["value"];
        EXPECT_EQ(ours, theirs) << "top " << i;
      } else {
        EXPECT_EQ(p.top[i].value, top_text(top[i]["value"])) << "top " << i;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Files, ProfileAgainstPandas,
                         ::testing::Values("mixed.csv", "ties.csv", "extremes.csv", "single_row.csv",
                                           "crlf_quoted.csv"),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (auto& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

}  // namespace
}  // namespace assay::profile
