// Grouping rows by the slices' levels (`--by` of metrics and drift):
// categories in first-seen order with null last, combinations that occur,
// quantile bins, and another table's rows matched to the same groups.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numeric>

#include "core/error.hpp"
#include "slices/groups.hpp"

namespace assay::slices {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<std::uint32_t> all_rows(const core::Table& t) {
  std::vector<std::uint32_t> rows(t.rows());
  std::iota(rows.begin(), rows.end(), std::uint32_t{0});
  return rows;
}

core::Table table() {
  core::Table t;
  t.add(core::Column::string("country", {"FR", "DE", "", "FR", "DE", "FR"}, {1, 1, 0, 1, 1, 1}));
  t.add(core::Column::boolean("new", {1, 0, 1, 1, 0, 0}));
  t.add(core::Column::float64("x", {1.0, 2.0, 3.0, kNaN, 5.0, 6.0}));
  t.add(core::Column::timestamp("ts", {1, 2, 3, 4, 5, 6}));
  return t;
}

TEST(Groups, OneColumnLevelsInFirstSeenOrderNullLast) {
  const core::Table t = table();
  const Grouping g = group_rows(t, {"country"}, all_rows(t), 5, "--by");
  ASSERT_EQ(g.groups.size(), 3u);
  EXPECT_EQ(predicates_label(g.groups[0].predicates), "country = FR");
  EXPECT_EQ(g.groups[0].rows, (std::vector<std::uint32_t>{0, 3, 5}));
  EXPECT_EQ(g.groups[1].rows, (std::vector<std::uint32_t>{1, 4}));
  EXPECT_TRUE(g.groups[2].predicates[0].null);
  EXPECT_EQ(predicates_label(g.groups[2].predicates), "country is null");
}

TEST(Groups, TwoColumnsGiveTheCombinationsThatOccur) {
  const core::Table t = table();
  const Grouping g = group_rows(t, {"country", "new"}, all_rows(t), 5, "--by");
  std::vector<std::string> labels;
  for (const auto& group : g.groups) labels.push_back(predicates_label(group.predicates));
  EXPECT_EQ(labels, (std::vector<std::string>{"country = FR AND new = false", "country = FR AND new = true",
                                              "country = DE AND new = false", "country is null AND new = true"}));
}

TEST(Groups, NumericColumnsAreBinnedWithNanAsNull) {
  const core::Table t = table();
  const Grouping g = group_rows(t, {"x"}, all_rows(t), 2, "--by");
  ASSERT_EQ(g.groups.size(), 3u);  // <= 3, > 3, null
  EXPECT_EQ(predicates_label(g.groups[0].predicates), "x <= 3");
  EXPECT_EQ(g.groups[0].rows, (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_EQ(g.groups[2].rows, (std::vector<std::uint32_t>{3}));
}

TEST(Groups, OnlyTheGivenRowsAreGrouped) {
  const core::Table t = table();
  const std::vector<std::uint32_t> rows{1, 4};
  const Grouping g = group_rows(t, {"country"}, rows, 5, "--by");
  ASSERT_EQ(g.groups.size(), 1u);
  EXPECT_EQ(g.groups[0].rows, rows);
}

TEST(Groups, BadColumnsThrowAtTheFlag) {
  const core::Table t = table();
  for (const std::vector<std::string>& by :
       {std::vector<std::string>{}, {"nope"}, {"country", "country"}, {"ts"}}) {
    try {
      group_rows(t, by, all_rows(t), 5, "--by");
      ADD_FAILURE() << "no error";
    } catch (const core::Error& e) {
      EXPECT_EQ(e.where().path, "--by");
    }
  }
}

TEST(Groups, AnotherTableMatchesByLabelAndBin) {
  const core::Table t = table();
  const Grouping by_country = group_rows(t, {"country"}, all_rows(t), 5, "--by");
  core::Table other;
  other.add(core::Column::categorical("country", {0, 1, 2, -1, 0}, {"DE", "IT", "FR"}, {1, 1, 1, 0, 1}));
  other.add(core::Column::float64("x", {-kInf, 3.0, 3.5, kNaN, kInf}));
  const auto matched = match_groups(by_country, other, "--by");
  EXPECT_EQ(matched[0], (std::vector<std::uint32_t>{2}));     // FR
  EXPECT_EQ(matched[1], (std::vector<std::uint32_t>{0, 4}));  // DE
  EXPECT_EQ(matched[2], (std::vector<std::uint32_t>{3}));     // null; IT in no group

  const Grouping by_x = group_rows(t, {"x"}, all_rows(t), 2, "--by");
  const auto bins = match_groups(by_x, other, "--by");
  EXPECT_EQ(bins[0], (std::vector<std::uint32_t>{0, 1}));  // -inf and 3 in <= 3
  EXPECT_EQ(bins[1], (std::vector<std::uint32_t>{2, 4}));  // 3.5 and inf in > 3
  EXPECT_EQ(bins[2], (std::vector<std::uint32_t>{3}));

  core::Table wrong_kind;
  wrong_kind.add(core::Column::string("x", {"a"}));
  EXPECT_THROW(match_groups(by_x, wrong_kind, "--by"), core::Error);
  EXPECT_THROW(match_groups(by_x, core::Table{}, "--by"), core::Error);
}

TEST(Groups, ByValueLevelsMatchOnlyTheirValues) {
  core::Table t;
  t.add(core::Column::int64("k", {3, 3, 4, 3}));
  const Grouping g = group_rows(t, {"k"}, all_rows(t), 5, "--by");
  ASSERT_EQ(g.groups.size(), 2u);
  EXPECT_EQ(predicates_label(g.groups[0].predicates), "k = 3");
  core::Table other;
  other.add(core::Column::float64("k", {3.0, 3.5, 4.0}));
  const auto matched = match_groups(g, other, "--by");
  EXPECT_EQ(matched[0], (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(matched[1], (std::vector<std::uint32_t>{2}));
}

}  // namespace
}  // namespace assay::slices
