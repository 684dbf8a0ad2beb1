// A whole drift report (every column, per-row chunks, the MMD detector whose
// permutations run in parallel) is bit-identical with 1 and with 2 threads.

#include <gtest/gtest.h>
#include <oneapi/tbb/task_arena.h>

#include <cstring>

#include "drift/drift_run.hpp"
#include "synthetic.hpp"

namespace assay::drift {
namespace {

// Bitwise: NaN == NaN and -0 != +0 here, unlike operator==.
bool same_bits(const std::optional<double>& a, const std::optional<double>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || std::memcmp(&*a, &*b, sizeof(double)) == 0;
}

void expect_same(const Comparison& a, const Comparison& b) {
  ASSERT_EQ(a.columns.size(), b.columns.size());
  for (std::size_t i = 0; i < a.columns.size(); ++i) {
    SCOPED_TRACE(a.columns[i].column);
    EXPECT_TRUE(same_bits(a.columns[i].statistic, b.columns[i].statistic));
    EXPECT_TRUE(same_bits(a.columns[i].p_value, b.columns[i].p_value));
    EXPECT_TRUE(same_bits(a.columns[i].p_value_adjusted, b.columns[i].p_value_adjusted));
    EXPECT_EQ(a.columns[i].reference_hist, b.columns[i].reference_hist);
    EXPECT_EQ(a.columns[i].current_hist, b.columns[i].current_hist);
    EXPECT_EQ(a.columns[i].drifted, b.columns[i].drifted);
  }
  EXPECT_TRUE(same_bits(a.verdict.drifted_share, b.verdict.drifted_share));
}

TEST(ThreadCount, DriftReportIsBitIdenticalWithOneAndTwoThreads) {
  std::vector<bool> mask(testing::kSyntheticColumns, false);
  mask[2] = mask[13] = mask[18] = true;
  const core::Table ref = testing::synthetic_table(12000, 31, std::vector<bool>(testing::kSyntheticColumns, false));
  const core::Table cur = testing::synthetic_table(16000, 32, mask);
  DriftRequest request;
  request.chunk = ChunkSpec{ChunkSpec::Unit::rows, 4000};  // 4 chunks, each compared column by column in parallel
  MultivariateOptions mv;
  mv.method = Multivariate::mmd;
  mv.seed = 5;
  mv.mmd_rows = 300;  // the permutations still split across threads; keeps the test quick under ASan
  request.multivariate = mv;
  auto run = [&](int threads) {
    tbb::task_arena arena(threads);
    return arena.execute([&] { return run_drift(ref, cur, request); });
  };
  const DriftReport one = run(1);
  const DriftReport two = run(2);
  expect_same(one.overall, two.overall);
  ASSERT_EQ(one.chunks.size(), 4u);
  ASSERT_EQ(two.chunks.size(), 4u);
  for (std::size_t k = 0; k < one.chunks.size(); ++k) {
    SCOPED_TRACE(k);
    expect_same(one.chunks[k].comparison, two.chunks[k].comparison);
    ASSERT_TRUE(one.chunks[k].multivariate && two.chunks[k].multivariate);
    EXPECT_TRUE(same_bits(one.chunks[k].multivariate->statistic, two.chunks[k].multivariate->statistic));
    EXPECT_TRUE(same_bits(one.chunks[k].multivariate->p_value, two.chunks[k].multivariate->p_value));
  }
  ASSERT_TRUE(one.multivariate && two.multivariate);
  EXPECT_TRUE(same_bits(one.multivariate->statistic, two.multivariate->statistic));
  EXPECT_TRUE(same_bits(one.multivariate->p_value, two.multivariate->p_value));
  ASSERT_EQ(one.findings.size(), two.findings.size());
  for (std::size_t i = 0; i < one.findings.size(); ++i) EXPECT_EQ(one.findings[i].message, two.findings[i].message);
}

}  // namespace
}  // namespace assay::drift
