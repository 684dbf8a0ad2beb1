// Profiles do not depend on the thread count (DESIGN.md, Computation
// principles): a table with a column of every kind and 4 x 2^16 rows,
// profiled under a one-thread and a two-thread arena, gives bit-identical
// profiles. (profile_table runs columns in parallel and each column in one
// task; this test fails if a column's work is ever split in a way whose
// result depends on the split.)

#include <gtest/gtest.h>

#include <oneapi/tbb/task_arena.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "core/random.hpp"
#include "profile/column_profile.hpp"

namespace assay::profile {
namespace {

constexpr std::size_t kRows = 4 * (std::size_t{1} << 16) + 77;

core::Table mixed_table() {
  core::Random rng(17);
  std::vector<double> wide(kRows), decimals(kRows);
  std::vector<std::uint8_t> valid(kRows), flag(kRows);
  std::vector<std::int64_t> count(kRows), when(kRows);
  std::vector<std::int32_t> code(kRows);
  std::vector<std::string> text(kRows);
  for (std::size_t i = 0; i < kRows; ++i) {
    wide[i] = rng.normal(1e6, 3e5);
    decimals[i] = std::round(rng.normal(5.0, 2.0) * 100.0) / 100.0;
    valid[i] = rng.bernoulli(0.95) ? 1 : 0;
    flag[i] = rng.bernoulli(0.3) ? 1 : 0;
    count[i] = static_cast<std::int64_t>(rng.below(1000));
    when[i] = 1'700'000'000'000'000'000 + static_cast<std::int64_t>(rng.below(1'000'000'000'000));
    code[i] = static_cast<std::int32_t>(rng.below(7));
    text[i] = "t" + std::to_string(rng.below(5000));
  }
  return core::Table({core::Column::float64("wide", wide), core::Column::float64("decimals", decimals, valid),
                      core::Column::int64("count", count), core::Column::timestamp("when", when),
                      core::Column::boolean("flag", flag),
                      core::Column::categorical("code", code, {"a", "b", "c", "d", "e", "f", "g"}),
                      core::Column::string("text", text)});
}

bool same_bits(std::optional<double> x, std::optional<double> y) {
  if (x.has_value() != y.has_value()) return false;
  return !x || std::memcmp(&*x, &*y, sizeof(double)) == 0;
}

TEST(ProfileThreads, OneAndTwoThreadsGiveBitIdenticalProfiles) {
  const core::Table table = mixed_table();
  std::vector<ColumnProfile> one, two;
  tbb::task_arena(1).execute([&] { one = profile_table(table); });
  tbb::task_arena(2).execute([&] { two = profile_table(table); });
  ASSERT_EQ(one.size(), table.columns());
  ASSERT_EQ(one.size(), two.size());
  for (std::size_t c = 0; c < one.size(); ++c) {
    const ColumnProfile& x = one[c];
    const ColumnProfile& z = two[c];
    SCOPED_TRACE(x.name);
    EXPECT_EQ(x.count, z.count);
    EXPECT_EQ(x.nulls, z.nulls);
    EXPECT_EQ(x.distinct, z.distinct);
    EXPECT_EQ(x.positive_infinities, z.positive_infinities);
    EXPECT_EQ(x.negative_infinities, z.negative_infinities);
    EXPECT_EQ(x.nans, z.nans);
    EXPECT_TRUE(same_bits(x.min, z.min));
    EXPECT_TRUE(same_bits(x.max, z.max));
    EXPECT_TRUE(same_bits(x.mean, z.mean));
    EXPECT_TRUE(same_bits(x.std, z.std));
    ASSERT_EQ(x.percentiles.size(), z.percentiles.size());
    for (std::size_t k = 0; k < x.percentiles.size(); ++k) {
      EXPECT_TRUE(same_bits(x.percentiles[k].value, z.percentiles[k].value)) << x.percentiles[k].q;
    }
    ASSERT_EQ(x.top.size(), z.top.size());
    for (std::size_t k = 0; k < x.top.size(); ++k) {
      EXPECT_EQ(x.top[k].value, z.top[k].value);
      EXPECT_EQ(x.top[k].count, z.top[k].count);
    }
  }
}

}  // namespace
}  // namespace assay::profile
