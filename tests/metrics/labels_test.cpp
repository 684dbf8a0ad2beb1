// Label handling: scikit-learn's label order, positive-label detection,
// class names from score columns, unknown labels.

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "metrics/labels.hpp"

namespace assay::metrics {
namespace {

std::vector<std::uint32_t> all_rows(std::size_t n) {
  std::vector<std::uint32_t> rows(n);
  for (std::size_t i = 0; i < n; ++i) rows[i] = static_cast<std::uint32_t>(i);
  return rows;
}

TEST(Labels, NumbersSortNumericallyTextByCodePoint) {
  std::vector<std::string> numbers{"10", "9", "-1", "2.5"};
  sort_labels(numbers);
  EXPECT_EQ(numbers, (std::vector<std::string>{"-1", "2.5", "9", "10"}));
  std::vector<std::string> text{"b", "B", "a", "10", "9"};
  sort_labels(text);
  EXPECT_EQ(text, (std::vector<std::string>{"10", "9", "B", "a", "b"}));
}

TEST(Labels, OneAndOnePointZeroAreOneLabel) {
  const auto floats = core::Column::float64("y", {1.0, 0.0, 1.0});
  const auto text = core::Column::string("y", std::vector<std::string>{"1", "0.0", "1.0"});
  auto a = distinct_labels(floats, all_rows(3));
  auto b = distinct_labels(text, all_rows(3));
  sort_labels(a);
  sort_labels(b);
  EXPECT_EQ(a, (std::vector<std::string>{"0", "1"}));
  EXPECT_EQ(a, b);
  EXPECT_EQ(encode_labels(text, all_rows(3), {"0", "1"}), (std::vector<std::int32_t>{1, 0, 1}));
}

TEST(Labels, PositiveDetectedOnlyWhenUnambiguous) {
  EXPECT_EQ(binary_labels({"0", "1"}, std::nullopt).positive, "1");
  EXPECT_EQ(binary_labels({"False", "True"}, std::nullopt).positive, "True");
  EXPECT_EQ(binary_labels({"yes", "no"}, std::nullopt).negative, "no");
  EXPECT_EQ(binary_labels({"-1", "1"}, std::nullopt).positive, "1");
  EXPECT_THROW(binary_labels({"cat", "dog"}, std::nullopt), core::Error);
  EXPECT_THROW(binary_labels({"1", "yes"}, std::nullopt), core::Error);  // two candidates
  EXPECT_EQ(binary_labels({"cat", "dog"}, std::string("dog")).negative, "cat");
}

TEST(Labels, OneClassDataStillHasBothLabels) {
  const BinaryLabels only_negatives = binary_labels({"0"}, std::nullopt);
  EXPECT_EQ(only_negatives.negative, "0");
  EXPECT_EQ(only_negatives.positive, "1");
  const BinaryLabels only_positives = binary_labels({"1"}, std::nullopt);
  EXPECT_EQ(only_positives.positive, "1");
  EXPECT_EQ(binary_labels({"ham"}, std::string("spam")).negative, "ham");
}

TEST(Labels, MoreThanTwoLabelsPointToMulticlass) {
  try {
    binary_labels({"0", "1", "2"}, std::nullopt);
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_NE(std::string(e.what()).find("the multiclass task"), std::string::npos);
  }
}

TEST(Labels, UnknownLabelsAreCountedAndNamed) {
  const auto y = core::Column::string("y", std::vector<std::string>{"a", "x", "b", "x", "z"});
  try {
    encode_labels(y, all_rows(5), {"a", "b"});
    FAIL();
  } catch (const core::Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("3 rows"), std::string::npos) << what;
    EXPECT_NE(what.find("x, z"), std::string::npos) << what;
  }
}

TEST(Labels, ManyUnknownIntegerLabelsAreAnErrorNotACrash) {
  // An id-like integer target: far more distinct values (all >= 64) than
  // classes. Used to end in unordered_map::at (exit 3).
  std::vector<std::int64_t> ids;
  for (std::int64_t i = 0; i < 40; ++i) ids.push_back(1000 + i);
  const auto y = core::Column::int64("id", ids);
  try {
    encode_labels(y, all_rows(ids.size()), {"0", "1", "2"});
    FAIL();
  } catch (const core::Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("40 rows"), std::string::npos) << what;
    EXPECT_NE(what.find("1000, 1001"), std::string::npos) << what;
  }
}

TEST(Labels, ClassesFromScoreColumnNames) {
  EXPECT_EQ(classes_from_columns({"p_cat", "p_dog"}), (std::vector<std::string>{"cat", "dog"}));
  EXPECT_EQ(classes_from_columns({"p_10", "p_11", "p_2"}), (std::vector<std::string>{"10", "11", "2"}));
  EXPECT_EQ(classes_from_columns({"cat_prob", "dog_prob"}), (std::vector<std::string>{"cat", "dog"}));
  EXPECT_EQ(classes_from_columns({"pcat", "pdog"}), (std::vector<std::string>{"pcat", "pdog"}));
  EXPECT_EQ(classes_from_columns({"score.0", "score.1"}), (std::vector<std::string>{"0", "1"}));
}

TEST(Labels, CategoricalAndIntegerColumnsEncode) {
  const auto cat = core::Column::categorical("y", {1, 0, 1, 2}, {"low", "high", "mid"});
  EXPECT_EQ(encode_labels(cat, all_rows(4), {"high", "low", "mid"}), (std::vector<std::int32_t>{0, 1, 0, 2}));
  const auto ints = core::Column::int64("y", {3, 1, 2, 3});
  EXPECT_EQ(encode_labels(ints, all_rows(4), {"1", "2", "3"}), (std::vector<std::int32_t>{2, 0, 1, 2}));
}

}  // namespace
}  // namespace assay::metrics
