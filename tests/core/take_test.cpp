// Gathering rows into a sub-table: values, nulls and dictionaries kept, in
// the order asked, named columns once; a missing column's error names the
// flag that asked for it.

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/take.hpp"

namespace assay::core {
namespace {

TEST(Take, GathersNamedColumnsAtRowsWithTheirNulls) {
  Table t;
  t.add(Column::float64("x", {1.0, 2.0, 3.0}, {1, 0, 1}));
  t.add(Column::categorical("c", {1, 0, -1}, {"a", "b"}, {1, 1, 0}));
  t.add(Column::string("s", {"p", "q", "r"}));
  const std::vector<std::uint32_t> rows{2, 0, 1};
  const Table out = take_rows(t, {"c", "x", "c"}, rows);
  ASSERT_EQ(out.columns(), 2u);
  EXPECT_EQ(out.names(), (std::vector<std::string>{"c", "x"}));
  EXPECT_EQ(out.column("x").f64()[1], 1.0);
  EXPECT_FALSE(out.column("x").is_valid(2));
  EXPECT_EQ(out.column("c").dictionary(), t.column("c").dictionary());
  EXPECT_FALSE(out.column("c").is_valid(0));
  EXPECT_EQ(out.column("c").text(1), "b");
  EXPECT_EQ(take_rows(t.column("s"), rows).str(0), "r");
  EXPECT_THROW(take_rows(t, {"nope"}, rows), Error);
}

TEST(Take, ColumnForFlagPlacesTheErrorAtTheFlag) {
  Table t;
  t.add(Column::float64("country", {1.0}));
  EXPECT_EQ(&column_for_flag(t, "country", "--by"), &t.column("country"));
  try {
    column_for_flag(t, "contry", "--by");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where().path, "--by");
    EXPECT_NE(e.message().find("did you mean 'country'"), std::string::npos) << e.message();
  }
}

}  // namespace
}  // namespace assay::core
