// Judging a value against a check's limits.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "suite/limits.hpp"

namespace assay::suite {
namespace {

TEST(SuiteLimits, AbsoluteLimits) {
  Limits l;
  l.min = 0.8;
  EXPECT_EQ(judge(l, 0.81, std::nullopt, Direction::higher_is_better, Severity::fail).status, core::Status::pass);
  EXPECT_EQ(judge(l, 0.8, std::nullopt, Direction::higher_is_better, Severity::fail).status, core::Status::pass);
  const Judgement j = judge(l, 0.79, std::nullopt, Direction::higher_is_better, Severity::fail);
  EXPECT_EQ(j.status, core::Status::fail);
  ASSERT_TRUE(j.threshold);
  EXPECT_EQ(j.threshold->op, ">=");
  EXPECT_EQ(judge(l, 0.79, std::nullopt, Direction::higher_is_better, Severity::warn).status, core::Status::warn);
  l.max = 0.9;
  EXPECT_EQ(judge(l, 0.95, std::nullopt, Direction::higher_is_better, Severity::fail).threshold->op, "<=");
}

TEST(SuiteLimits, DropsFollowTheMetricsDirection) {
  Limits l;
  l.max_drop = 0.02;
  EXPECT_EQ(judge(l, 0.89, 0.90, Direction::higher_is_better, Severity::fail).status, core::Status::pass);
  EXPECT_EQ(judge(l, 0.87, 0.90, Direction::higher_is_better, Severity::fail).status, core::Status::fail);
  // A loss may rise by at most max_drop.
  EXPECT_EQ(judge(l, 0.31, 0.30, Direction::lower_is_better, Severity::fail).status, core::Status::pass);
  EXPECT_EQ(judge(l, 0.33, 0.30, Direction::lower_is_better, Severity::fail).status, core::Status::fail);
  EXPECT_EQ(judge(l, 0.10, 0.30, Direction::lower_is_better, Severity::fail).status, core::Status::pass);
  Limits r;
  r.max_rel_drop = 0.1;
  EXPECT_EQ(judge(r, 0.72, 0.80, Direction::higher_is_better, Severity::fail).status, core::Status::pass);
  EXPECT_EQ(judge(r, 0.71, 0.80, Direction::higher_is_better, Severity::fail).status, core::Status::fail);
}

TEST(SuiteLimits, NothingUndefinedPasses) {
  Limits l;
  l.max = 1.0;
  EXPECT_EQ(judge(l, std::nan(""), std::nullopt, Direction::higher_is_better, Severity::fail).status, core::Status::error);
  EXPECT_EQ(judge(l, std::numeric_limits<double>::infinity(), std::nullopt, Direction::higher_is_better, Severity::warn).status,
            core::Status::error);
  Limits d;
  d.max_drop = 0.1;
  EXPECT_EQ(judge(d, 0.5, std::nullopt, Direction::higher_is_better, Severity::fail).status, core::Status::error);
  EXPECT_EQ(judge(d, 0.5, std::nan(""), Direction::higher_is_better, Severity::fail).status, core::Status::error);
}

}  // namespace
}  // namespace assay::suite
