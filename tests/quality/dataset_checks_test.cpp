// Duplicate rows and columns, class balance and missing labels.

#include <gtest/gtest.h>

#include "quality/classes.hpp"
#include "quality/dataset_checks.hpp"
#include "tables.hpp"
#include "report/details_json.hpp"

namespace assay::quality {
namespace {

using namespace testing;
using core::Status;

const Options kDatasetDefaults;

TEST(DuplicateRows, CountsRepeatsAfterTheFirst) {
  core::Table t({ints("a", {1, 2, 1, 1, 3}), texts("b", {"x", "y", "x", "x", "x"})});
  const std::vector<std::size_t> cols{0, 1};
  const auto f = check_duplicate_rows(t, cols, kDatasetDefaults);
  EXPECT_EQ(report::details_json(f.details)["count"], 2);
  EXPECT_EQ(report::details_json(f.details)["distinct_duplicated"], 1);
  EXPECT_EQ(report::details_json(f.details)["examples"][0]["row"], 3);
  EXPECT_EQ(report::details_json(f.details)["examples"][0]["same_as"], 1);
  EXPECT_EQ(f.status, Status::fail);  // 40%
  const std::vector<std::size_t> a_only{0};
  EXPECT_EQ(report::details_json(check_duplicate_rows(t, a_only, kDatasetDefaults).details)["count"], 2);
}

TEST(DuplicateRows, NullsAreEqualToEachOtherOnly) {
  core::Table t({doubles("a", {1, 0, 0, 1}, {1, 0, 0, 1}), texts("b", {"", "", "x", ""}, {1, 1, 1, 1})});
  const std::vector<std::size_t> cols{0, 1};
  // rows: (1,""), (null,""), (null,"x"), (1,"") -> one duplicate.
  EXPECT_EQ(report::details_json(check_duplicate_rows(t, cols, kDatasetDefaults).details)["count"], 1);
  core::Table clean({ints("a", {1, 2, 3})});
  const std::vector<std::size_t> one{0};
  EXPECT_EQ(check_duplicate_rows(clean, one, kDatasetDefaults).status, Status::pass);
}

TEST(DuplicateColumns, SameContentUnderAnotherName) {
  core::Table t({ints("a", {1, 2, 3}), doubles("b", {1, 2, 3}), texts("c", {"1", "2", "3"}), ints("d", {1, 2, 4})});
  const std::vector<std::size_t> cols{0, 1, 2, 3};
  const auto f = check_duplicate_columns(t, cols, kDatasetDefaults);
  EXPECT_EQ(f.status, Status::warn);
  EXPECT_EQ(*f.value, 1.0);  // b repeats a; "1" text is not the number 1
  EXPECT_EQ(report::details_json(f.details)["groups"][0], (nlohmann::ordered_json{"a", "b"}));
  const std::vector<std::size_t> distinct{0, 2, 3};
  EXPECT_EQ(check_duplicate_columns(t, distinct, kDatasetDefaults).status, Status::pass);
}

TEST(DuplicateColumns, EmptyColumnsAreNotDuplicates) {
  core::Table t({ints("a", {0, 0}, {0, 0}), doubles("b", {0, 0}, {0, 0}), ints("c", {1, 2})});
  const std::vector<std::size_t> cols{0, 1, 2};
  EXPECT_EQ(check_duplicate_columns(t, cols, kDatasetDefaults).status, Status::pass);
}

TEST(ClassLabels, OrderedByValue) {
  const auto labels = class_labels(texts("y", {"b", "a", "b", ""}, {1, 1, 1, 0}), 50);
  ASSERT_TRUE(labels);
  EXPECT_EQ(labels->names, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(labels->counts, (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(labels->index, (std::vector<std::int32_t>{1, 0, 1, -1}));
  EXPECT_EQ(labels->missing, 1u);
  EXPECT_FALSE(class_labels(doubles("y", ramp(60)), 50));
  EXPECT_EQ(class_labels(ints("y", {10, 2, 10}), 50)->names, (std::vector<std::string>{"2", "10"}));
}

TEST(ClassImbalance, MinorityShare) {
  std::vector<std::int64_t> y(100, 0);
  for (int i = 0; i < 30; ++i) y[static_cast<std::size_t>(i)] = 1;
  EXPECT_EQ(check_class_imbalance(ints("y", y), kDatasetDefaults)->status, Status::pass);
  for (int i = 5; i < 30; ++i) y[static_cast<std::size_t>(i)] = 0;
  const auto f = check_class_imbalance(ints("y", y), kDatasetDefaults);
  EXPECT_EQ(f->status, Status::warn);
  EXPECT_EQ(*f->value, 0.05);
  EXPECT_EQ(report::details_json(f->details)["imbalance_ratio"], 19.0);
  EXPECT_EQ(report::details_json(f->details)["classes"]["1"], 5);
  EXPECT_EQ(check_class_imbalance(ints("y", {1, 1, 1}), kDatasetDefaults)->status, Status::fail);
  EXPECT_FALSE(check_class_imbalance(doubles("y", ramp(100, 0.5)), kDatasetDefaults));
}

TEST(LabelMissing, AnyMissingWarns) {
  EXPECT_EQ(check_label_missing(ints("y", {0, 1}), kDatasetDefaults).status, Status::pass);
  std::vector<std::uint8_t> valid(1000, 1);
  valid[3] = 0;
  EXPECT_EQ(check_label_missing(ints("y", std::vector<std::int64_t>(1000, 1), valid), kDatasetDefaults).status, Status::warn);
  EXPECT_EQ(check_label_missing(ints("y", {0, 1}, {0, 1}), kDatasetDefaults).status, Status::fail);
}

}  // namespace
}  // namespace assay::quality
