// Checks against a reference dataset or an expected kind.

#include <gtest/gtest.h>

#include "quality/column_facts.hpp"
#include "quality/kind_conformance.hpp"
#include "quality/reference_checks.hpp"
#include "quality/text_parse.hpp"
#include "tables.hpp"
#include "report/details_json.hpp"

namespace assay::quality {
namespace {

using namespace testing;
using core::Kind;
using core::Status;

const Options kReferenceDefaults;

TEST(TextParse, KindsAccepted) {
  EXPECT_TRUE(parses_as(" 1.5e3 ", Kind::float64));
  EXPECT_TRUE(parses_as("+2", Kind::float64));
  EXPECT_FALSE(parses_as("1,5", Kind::float64));
  EXPECT_TRUE(parses_as("-42", Kind::int64));
  EXPECT_FALSE(parses_as("4.2", Kind::int64));
  EXPECT_FALSE(parses_as("99999999999999999999", Kind::int64));
  EXPECT_TRUE(parses_as("True", Kind::boolean));
  EXPECT_FALSE(parses_as("yes", Kind::boolean));
  EXPECT_FALSE(parses_as("2", Kind::boolean));
  EXPECT_TRUE(parses_as("2024-02-29", Kind::timestamp));
  EXPECT_FALSE(parses_as("2023-02-29", Kind::timestamp));
  EXPECT_TRUE(parses_as("2024-03-01T12:30:00.5+01:00", Kind::timestamp));
  EXPECT_FALSE(parses_as("2024-03-01T25:00", Kind::timestamp));
  EXPECT_TRUE(parses_as("anything", Kind::string));
  EXPECT_EQ(*parse_timestamp("1970-01-01T00:00:01Z"), 1'000'000'000);
  EXPECT_EQ(*parse_timestamp("1970-01-01T01:00:00+01:00"), 0);
}

TEST(KindConformance, ValuesDecideNotTheReadKind) {
  EXPECT_EQ(kind_conformance(doubles("x", {1.0, 2.0}), Kind::int64, 5).violations, 0u);
  const auto c = kind_conformance(doubles("x", {1.0, 2.5, 3.0}), Kind::int64, 5);
  EXPECT_EQ(c.violations, 1u);
  EXPECT_EQ(report::detail_value_json(c.examples.list()[0])["value"], "2.5");
  EXPECT_EQ(kind_conformance(texts("x", {"1", "x", "2", "y"}), Kind::float64, 5).violations, 2u);
  EXPECT_EQ(kind_conformance(categories("x", {"true", "FALSE", "maybe"}), Kind::boolean, 5).violations, 1u);
  EXPECT_EQ(kind_conformance(ints("x", {0, 1, 2}), Kind::boolean, 5).violations, 1u);
  EXPECT_EQ(kind_conformance(ints("x", {0, 1, 2}), Kind::string, 5).violations, 0u);
  EXPECT_EQ(kind_conformance(ints("x", {5}), Kind::timestamp, 5).violations, 1u);
}

TEST(TypeCheck, FailsOnAnyViolation) {
  EXPECT_EQ(check_type(ints("x", {1, 2}), Kind::float64, "reference", kReferenceDefaults).status, Status::pass);
  const auto f = check_type(texts("x", {"1", "2", "n/a!"}), Kind::int64, "reference", kReferenceDefaults);
  EXPECT_EQ(f.status, Status::fail);
  EXPECT_EQ(report::details_json(f.details)["count"], 1);
  EXPECT_EQ(report::details_json(f.details)["examples"][0]["row"], 3);
}

TEST(OutOfRange, AgainstReferenceMinMax) {
  const auto ref = doubles("x", ramp(1001, 0.1));  // [0, 100]
  std::vector<double> cur = ramp(1000, 0.1);
  EXPECT_EQ(check_out_of_range(doubles("x", cur), ref, kReferenceDefaults)->status, Status::pass);
  cur[3] = 100.5;
  cur[7] = -1.0;
  cur[9] = INFINITY;
  const auto f = check_out_of_range(doubles("x", cur), ref, kReferenceDefaults);
  EXPECT_EQ(report::details_json(f->details)["count"], 3);
  EXPECT_EQ(report::details_json(f->details)["below"], 1);
  EXPECT_EQ(report::details_json(f->details)["above"], 2);
  EXPECT_EQ(f->status, Status::warn);  // 0.3% is above 0.1%, below 1%
  EXPECT_EQ(report::details_json(f->details)["examples"][0]["row"], 4);
  EXPECT_FALSE(check_out_of_range(texts("x", {"a"}), ref, kReferenceDefaults));
}

TEST(OutOfRange, QuantileBand) {
  Options o;
  o.out_of_range_quantile = 0.05;
  const auto ref = doubles("x", ramp(101));  // Q(0.05) = 5, Q(0.95) = 95
  const auto f = check_out_of_range(doubles("x", {4.9, 5, 50, 95, 95.1}), ref, o);
  EXPECT_EQ(report::details_json(f->details)["count"], 2);
  EXPECT_EQ(report::details_json(f->details)["low"], 5.0);
  EXPECT_EQ(report::details_json(f->details)["high"], 95.0);
}

TEST(UnseenCategories, CountsPerValue) {
  const auto ref = categories("c", {"a", "b", "c"});
  EXPECT_EQ(check_unseen_categories(categories("c", {"a", "c"}), ref, kReferenceDefaults)->status, Status::pass);
  const auto f = check_unseen_categories(texts("c", {"a", "d", "e", "d", "b"}), ref, kReferenceDefaults);
  EXPECT_EQ(f->status, Status::fail);  // 60% > 5%
  EXPECT_EQ(report::details_json(f->details)["count"], 3);
  EXPECT_EQ(report::details_json(f->details)["distinct_unseen"], 2);
  EXPECT_EQ(report::details_json(f->details)["values"][0]["value"], "d");
  EXPECT_EQ(report::details_json(f->details)["values"][0]["count"], 2);
  EXPECT_FALSE(check_unseen_categories(texts("c", {"a"}), texts("c", {"a"}), kReferenceDefaults));  // free text reference
}

TEST(RowCount, RelativeChange) {
  EXPECT_EQ(check_row_count(100, 120, kReferenceDefaults).status, Status::pass);
  EXPECT_EQ(check_row_count(40, 100, kReferenceDefaults).status, Status::warn);
  EXPECT_EQ(check_row_count(300, 100, kReferenceDefaults).status, Status::warn);
  EXPECT_EQ(check_row_count(5, 0, kReferenceDefaults).status, Status::info);
}

TEST(Columns, MissingAndNew) {
  core::Table data({doubles("a", {1}), doubles("new", {1})});
  core::Table ref({doubles("a", {1}), doubles("gone", {1})});
  const auto f = check_columns(data, ref);
  EXPECT_EQ(get(f, "quality.missing_column.gone").status, Status::fail);
  EXPECT_EQ(get(f, "quality.new_column.new").status, Status::warn);
  EXPECT_EQ(check_columns(ref, ref)[0].status, Status::pass);
}

}  // namespace
}  // namespace assay::quality
