// Examples shown in quality findings: a value is non-finite because its
// column holds numbers, never because of how its text reads. In a string or
// categorical column "inf", "-inf" and "nan" are ordinary text.

#include "quality/wording.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/column.hpp"

namespace assay::quality {
namespace {

const core::Details& example(const Examples& examples, std::size_t i) {
  return std::get<core::Details>(examples.list().at(i).value);
}

std::string text_value(const core::Details& d) { return std::get<std::string>(d.find("value")->value); }

TEST(Examples, TextThatReadsLikeANumberStaysText) {
  const core::Column words = core::Column::string("w", std::vector<std::string>{"inf", "-inf", "nan"});
  Examples examples(5);
  for (std::size_t row = 0; row < 3; ++row) examples.add_cell(words, row);
  ASSERT_EQ(examples.list().size(), 3u);
  EXPECT_EQ(text_value(example(examples, 0)), "inf");
  EXPECT_EQ(text_value(example(examples, 1)), "-inf");
  EXPECT_EQ(text_value(example(examples, 2)), "nan");
  EXPECT_EQ(example(examples, 0).find("reason"), nullptr);
  EXPECT_EQ(examples.describe(), "'inf' (row 1), '-inf' (row 2), 'nan' (row 3)");
}

TEST(Examples, CategoricalInfIsACategory) {
  const core::Column category = core::Column::categorical("c", {0, 1}, {"inf", "a"});
  Examples examples(5);
  examples.add_cell(category, 0);
  EXPECT_EQ(text_value(example(examples, 0)), "inf");
}

TEST(Examples, AddKeepsTheTextItIsGiven) {
  Examples examples(5);
  examples.add(7, "nan");
  EXPECT_EQ(text_value(example(examples, 0)), "nan");
}

TEST(Examples, NonFiniteNumbersAreNullWithAReason) {
  const core::Column numbers = core::Column::float64("x", {INFINITY, -INFINITY, std::nan(""), 2.5});
  Examples examples(5);
  for (std::size_t row = 0; row < 4; ++row) examples.add_cell(numbers, row);
  ASSERT_EQ(examples.list().size(), 4u);
  const char* reasons[] = {"positive infinity", "negative infinity", "not a number"};
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_TRUE(example(examples, i).find("value")->is_null()) << i;
    EXPECT_EQ(std::get<std::string>(example(examples, i).find("reason")->value), reasons[i]);
  }
  EXPECT_EQ(text_value(example(examples, 3)), "2.5");
}

}  // namespace
}  // namespace assay::quality
