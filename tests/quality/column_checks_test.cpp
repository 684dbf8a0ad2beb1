// Each per-column check on data that triggers it and on data that does not.

#include <gtest/gtest.h>

#include "quality/column_checks.hpp"
#include "quality/column_facts.hpp"
#include "tables.hpp"
#include "report/details_json.hpp"

namespace assay::quality {
namespace {

using namespace testing;
using core::Status;

const Options kColumnDefaults;

TEST(ColumnFacts, CountsDistinctAndTopPerKind) {
  const auto f = column_facts(doubles("x", {3, 1, 3, 2, 3}));
  EXPECT_EQ(f.distinct, 3u);
  EXPECT_EQ(f.top_count, 3u);
  EXPECT_EQ(f.top_value, "3");
  EXPECT_EQ(f.sorted, (std::vector<double>{1, 2, 3, 3, 3}));
  const auto s = column_facts(texts("s", {"b", "a", "b", "a", "c"}));
  EXPECT_EQ(s.distinct, 3u);
  EXPECT_EQ(s.top_value, "a");  // ties go to the smallest text
  const auto c = column_facts(categories("c", {"b", "a", "b", "a", "c"}, {1, 1, 1, 1, 0}));
  EXPECT_EQ(c.values, 4u);
  EXPECT_EQ(c.distinct, 2u);
  EXPECT_EQ(c.top_value, "a");
  const auto i = column_facts(ints("i", {5, 6, 9}));
  EXPECT_TRUE(i.increasing);
  EXPECT_FALSE(i.decreasing);
  EXPECT_FALSE(column_facts(ints("i", {5, 5, 9})).increasing);
}

TEST(Missing, TriggersAboveShare) {
  EXPECT_EQ(check_missing(doubles("x", {1, 2, 3, 4}), kColumnDefaults).status, Status::pass);
  const auto f = check_missing(doubles("x", {1, 2, 3, 4}, {1, 0, 0, 1}), kColumnDefaults);
  EXPECT_EQ(f.status, Status::warn);  // 0.5 is not above the fail level 0.5
  EXPECT_EQ(*f.value, 0.5);
  EXPECT_EQ(report::details_json(f.details)["count"], 2);
  EXPECT_EQ(check_missing(doubles("x", {1, 2, 3, 4}, {1, 0, 0, 0}), kColumnDefaults).status, Status::fail);
}

TEST(NonFinite, FloatOnly) {
  EXPECT_FALSE(check_non_finite(ints("x", {1}), kColumnDefaults));
  EXPECT_EQ(check_non_finite(doubles("x", {1, 2}), kColumnDefaults)->status, Status::pass);
  const auto f = check_non_finite(doubles("x", {1, INFINITY, -INFINITY, 2}), kColumnDefaults);
  EXPECT_EQ(f->status, Status::fail);
  EXPECT_EQ(report::details_json(f->details)["positive"], 1);
  EXPECT_EQ(report::details_json(f->details)["negative"], 1);
  EXPECT_EQ(report::details_json(f->details)["examples"][0]["row"], 2);
}

TEST(NonFinite, NanValuesCountNullsDoNot) {
  // Row 2 is a NaN value (valid), row 3 a null: only the value counts, and
  // the share is over the three non-null values.
  const auto f = check_non_finite(doubles("x", {1, NAN, NAN, 2}, {1, 1, 0, 1}), kColumnDefaults);
  EXPECT_EQ(f->status, Status::fail);
  EXPECT_EQ(report::details_json(f->details)["nan"], 1);
  EXPECT_EQ(report::details_json(f->details)["count"], 1);
  EXPECT_DOUBLE_EQ(*f->value, 1.0 / 3.0);
  EXPECT_EQ(f->metric, "non_finite_share");
}

TEST(NonFinite, WarnAndFailLevelsComeFromOptions) {
  Options options;
  options.non_finite = Limit{Bad::above, 0.1, 0.5};
  const auto column = doubles("x", {1, 2, 3, 4, 5, INFINITY});
  EXPECT_EQ(check_non_finite(column, options)->status, Status::warn);
  options.non_finite = Limit{Bad::above, std::nullopt, std::nullopt};
  EXPECT_EQ(check_non_finite(column, options)->status, Status::pass);
}

TEST(Constant, OneDistinctValue) {
  const auto c = texts("x", {"a", "a", "a"});
  EXPECT_EQ(check_constant(c, column_facts(c), kColumnDefaults).status, Status::warn);
  const auto n = doubles("x", {1, 2}, {0, 0});
  EXPECT_EQ(check_constant(n, column_facts(n), kColumnDefaults).status, Status::warn);
  const auto ok = texts("x", {"a", "b"});
  EXPECT_EQ(check_constant(ok, column_facts(ok), kColumnDefaults).status, Status::pass);
}

TEST(NearConstant, TopShareAboveLevel) {
  std::vector<double> v(1000, 1.0);
  v[0] = 2.0;
  const auto c = doubles("x", v);
  EXPECT_EQ(check_near_constant(c, column_facts(c), kColumnDefaults)->status, Status::warn);  // 99.9%
  v[1] = v[2] = v[3] = v[4] = v[5] = v[6] = v[7] = v[8] = v[9] = v[10] = 3.0;
  const auto ok = doubles("x", v);
  EXPECT_EQ(check_near_constant(ok, column_facts(ok), kColumnDefaults)->status, Status::pass);  // 98.9%
  const auto one = doubles("x", {1, 1});
  EXPECT_FALSE(check_near_constant(one, column_facts(one), kColumnDefaults));
}

TEST(IdLike, UniqueOrMonotonicIntegers) {
  std::vector<std::int64_t> ids(200);
  for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<std::int64_t>((i * 7919) % 200);
  const auto unique = ints("user", ids);
  EXPECT_EQ(check_id_like(unique, column_facts(unique), kColumnDefaults)->status, Status::warn);
  std::vector<std::int64_t> steps(200);
  for (std::size_t i = 0; i < steps.size(); ++i) steps[i] = static_cast<std::int64_t>(i / 2);  // increasing, 50% unique
  const auto increasing = ints("seq", steps);
  EXPECT_EQ(check_id_like(increasing, column_facts(increasing), kColumnDefaults)->status, Status::pass);  // not strict
  std::vector<std::int64_t> strict(200);
  for (std::size_t i = 0; i < strict.size(); ++i) strict[i] = static_cast<std::int64_t>(i * 3);
  strict[10] = strict[9];  // one repeat: 99.5% unique, no longer strictly increasing
  const auto almost = ints("seq", strict);
  EXPECT_EQ(check_id_like(almost, column_facts(almost), kColumnDefaults)->status, Status::warn);
  std::vector<std::int64_t> small(200);
  for (std::size_t i = 0; i < small.size(); ++i) small[i] = static_cast<std::int64_t>(i % 7);
  const auto feature = ints("f", small);
  EXPECT_EQ(check_id_like(feature, column_facts(feature), kColumnDefaults)->status, Status::pass);
  const auto floats = doubles("x", ramp(200));
  EXPECT_FALSE(check_id_like(floats, column_facts(floats), kColumnDefaults));  // floats are naturally unique
  const auto few = ints("x", {1, 2, 3});
  EXPECT_FALSE(check_id_like(few, column_facts(few), kColumnDefaults));  // fewer than min_rows
}

TEST(HighCardinality, TextWithManyDistinctValues) {
  std::vector<std::string> many, few;
  for (int i = 0; i < 300; ++i) {
    many.push_back("v" + std::to_string(i % 200));
    few.push_back("v" + std::to_string(i % 10));
  }
  const auto m = texts("m", many), f = texts("f", few);
  EXPECT_EQ(check_high_cardinality(m, column_facts(m), kColumnDefaults)->status, Status::warn);
  EXPECT_EQ(check_high_cardinality(f, column_facts(f), kColumnDefaults)->status, Status::pass);
  const auto n = doubles("x", ramp(300));
  EXPECT_FALSE(check_high_cardinality(n, column_facts(n), kColumnDefaults));
}

TEST(BlankStrings, EmptyAndWhiteSpace) {
  const auto f = check_blank_strings(texts("s", {"a", " ", "", "\t\xC2\xA0", "b"}), kColumnDefaults);
  EXPECT_EQ(f->status, Status::warn);
  EXPECT_EQ(report::details_json(f->details)["count"], 3);
  EXPECT_EQ(report::details_json(f->details)["examples"][0]["row"], 2);
  EXPECT_EQ(check_blank_strings(categories("s", {"a", " b "}), kColumnDefaults)->status, Status::pass);
  EXPECT_FALSE(check_blank_strings(doubles("x", {1}), kColumnDefaults));
}

TEST(MixedTypes, NumbersAmongText) {
  const auto f = check_mixed_types(texts("s", {"1.5", "2", "oops", "3e2", "-4"}), kColumnDefaults);
  EXPECT_EQ(f->status, Status::warn);
  EXPECT_DOUBLE_EQ(*f->value, 0.2);
  EXPECT_EQ(report::details_json(f->details)["numbers"], 4);
  EXPECT_EQ(report::details_json(f->details)["examples"][0]["value"], "oops");
  EXPECT_EQ(report::details_json(f->details)["examples"][0]["row"], 3);
  EXPECT_EQ(check_mixed_types(categories("s", {"red", "green", "red"}), kColumnDefaults)->status, Status::pass);
  EXPECT_EQ(check_mixed_types(texts("s", {"1", "2"}), kColumnDefaults)->status, Status::pass);
}

TEST(Outliers, ModifiedZScore) {
  std::vector<double> v = ramp(100);  // median 49.5, MAD 25
  v.push_back(1000.0);
  v.push_back(-1000.0);
  const auto c = doubles("x", v);
  const auto f = check_outliers(c, column_facts(c), kColumnDefaults);
  ASSERT_TRUE(f);
  EXPECT_EQ(report::details_json(f->details)["count"], 2);
  EXPECT_EQ(report::details_json(f->details)["above"], 1);
  EXPECT_EQ(report::details_json(f->details)["examples"][0]["row"], 101);
  EXPECT_EQ(f->status, Status::warn);  // 2 / 102 > 1%
  const auto clean = doubles("x", ramp(100));
  EXPECT_EQ(report::details_json(check_outliers(clean, column_facts(clean), kColumnDefaults)->details)["count"], 0);
  EXPECT_EQ(check_outliers(clean, column_facts(clean), kColumnDefaults)->status, Status::pass);
}

TEST(Outliers, IqrRuleAndDegenerateSpread) {
  Options iqr;
  iqr.outlier_rule = OutlierRule::iqr;
  std::vector<double> v = ramp(100);
  v.push_back(200.0);  // Q1 25, Q3 75 (101 values: 25, 75): fence 150
  const auto c = doubles("x", v);
  const auto f = check_outliers(c, column_facts(c), iqr);
  EXPECT_EQ(report::details_json(f->details)["count"], 1);
  EXPECT_EQ(report::details_json(f->details)["upper_fence"], 150.0);
  const auto flat = doubles("x", {1, 1, 1, 1});
  EXPECT_FALSE(check_outliers(flat, column_facts(flat), kColumnDefaults));
  // MAD 0 but not constant: the mean absolute deviation stands in.
  std::vector<double> mostly(100, 5.0);
  mostly[0] = 500.0;
  const auto m = doubles("x", mostly);
  EXPECT_EQ(report::details_json(check_outliers(m, column_facts(m), kColumnDefaults)->details)["count"], 1);
}

}  // namespace
}  // namespace assay::quality
