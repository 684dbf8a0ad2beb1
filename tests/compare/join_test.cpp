// The two-file form: rows matched on an id whatever their order; duplicate,
// null and unmatched ids are errors that say how many and give an example.

#include "compare/join.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace assay::compare {
namespace {

core::Table champion_table() {
  return core::Table({core::Column::string("id", {"a", "b", "c"}), core::Column::int64("y", {1, 0, 1}),
                      core::Column::float64("score", {0.9, 0.2, 0.6}), core::Column::string("g", {"x", "y", "x"})});
}

JoinSpec spec() { return JoinSpec{.id = "id", .target = "y", .champion = "score", .challenger = "score", .by = "g"}; }

std::string message_of(const core::Table& a, const core::Table& b) {
  try {
    join_on_id(a, b, spec());
  } catch (const core::Error& e) {
    return e.what();
  }
  return "";
}

TEST(Join, MatchesRowsByIdInTheChampionsOrder) {
  const core::Table other({core::Column::string("id", {"c", "a", "b"}), core::Column::float64("score", {0.7, 0.8, 0.1})});
  const Joined j = join_on_id(champion_table(), other, spec());
  EXPECT_EQ(j.champion, "score");
  EXPECT_EQ(j.challenger, "score_challenger");
  EXPECT_EQ(j.table.names(), (std::vector<std::string>{"y", "score", "score_challenger", "g"}));
  EXPECT_EQ(j.table.column("score_challenger").as_double(0), 0.8);
  EXPECT_EQ(j.table.column("score_challenger").as_double(2), 0.7);
  EXPECT_EQ(j.table.column("g").text(1), "y");
}

TEST(Join, DuplicateIdsAreAnError) {
  const core::Table other({core::Column::string("id", {"a", "a", "b", "c"}),
                           core::Column::float64("score", {0.7, 0.8, 0.1, 0.2})});
  const std::string m = message_of(champion_table(), other);
  EXPECT_NE(m.find("repeats 1 ids (e.g. 'a')"), std::string::npos) << m;
  EXPECT_NE(m.find("--challenger-data"), std::string::npos) << m;
}

TEST(Join, MissingIdsAreAnErrorEitherWay) {
  const core::Table fewer({core::Column::string("id", {"a", "b"}), core::Column::float64("score", {0.7, 0.8})});
  std::string m = message_of(champion_table(), fewer);
  EXPECT_NE(m.find("1 of 3 ids are not in --challenger-data (e.g. 'c')"), std::string::npos) << m;
  const core::Table more({core::Column::string("id", {"a", "b", "c", "d"}),
                          core::Column::float64("score", {0.7, 0.8, 0.1, 0.2})});
  m = message_of(champion_table(), more);
  EXPECT_NE(m.find("1 of 4 ids are not in --champion-data (e.g. 'd')"), std::string::npos) << m;
}

TEST(Join, NullIdsAndMissingColumnsAreErrors) {
  const core::Table nulls({core::Column::string("id", {"a", "", "c"}, {1, 0, 1}), core::Column::float64("score", {0.7, 0.8, 0.1})});
  EXPECT_NE(message_of(champion_table(), nulls).find("empty on 1 rows"), std::string::npos);
  const core::Table no_id({core::Column::float64("score", {0.7, 0.8, 0.1})});
  EXPECT_NE(message_of(champion_table(), no_id).find("no column named 'id'"), std::string::npos);
}

TEST(Join, TargetsInBothFilesMustAgree) {
  const core::Table other({core::Column::string("id", {"a", "b", "c"}), core::Column::int64("y", {1, 1, 1}),
                           core::Column::float64("score", {0.7, 0.8, 0.1})});
  const std::string m = message_of(champion_table(), other);
  EXPECT_NE(m.find("differs from --champion-data on 1 ids (e.g. id 'b'"), std::string::npos) << m;
}

}  // namespace
}  // namespace assay::compare
