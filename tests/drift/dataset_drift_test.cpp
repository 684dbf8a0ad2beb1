// Table-level behaviour: column selection and its errors, corrections,
// the dataset verdict, Findings, and thread-count independence.

#include <gtest/gtest.h>
#include <oneapi/tbb/task_arena.h>

#include "core/error.hpp"
#include "drift/correction.hpp"
#include "drift/dataset_drift.hpp"
#include "synthetic.hpp"

namespace assay::drift {
namespace {

using testing::synthetic_table;

core::Table small_table(std::vector<double> x, std::vector<std::string> cat) {
  std::vector<core::Column> cols;
  cols.push_back(core::Column::float64("x", std::move(x)));
  cols.push_back(core::Column::string("note", cat));
  return core::Table(std::move(cols));
}

TEST(Correction, BonferroniMultipliesAndCaps) {
  const std::vector<double> p{0.01, 0.04, 0.5};
  EXPECT_EQ(adjust_p_values(p, Correction::bonferroni), (std::vector<double>{0.03, 0.12, 1.0}));
  EXPECT_EQ(adjust_p_values(p, Correction::none), p);
}

TEST(Correction, BenjaminiHochbergStepUp) {
  // Sorted p: 0.01 0.02 0.03 0.04 0.2 (m = 5): m p / rank = 0.05 0.05 0.05
  // 0.05 0.2, then the running minimum from the top.
  const std::vector<double> p{0.04, 0.2, 0.01, 0.03, 0.02};
  const auto adj = adjust_p_values(p, Correction::bh);
  const std::vector<double> expected{0.05, 0.2, 0.05, 0.05, 0.05};
  for (std::size_t i = 0; i < p.size(); ++i) EXPECT_NEAR(adj[i], expected[i], 1e-15);
}

TEST(Selection, DefaultTakesComparableColumnsAndSkipsText) {
  const core::Table ref = small_table({1, 2, 3}, {"a", "b", "c"});
  const core::Table cur = small_table({1, 2, 4}, {"a", "b", "d"});
  const ColumnSelection s = select_columns(ref, cur, {});
  ASSERT_EQ(s.columns.size(), 1u);
  EXPECT_EQ(s.columns[0].name, "x");
  ASSERT_EQ(s.skipped.size(), 1u);
  EXPECT_EQ(s.skipped[0].column, "note");
}

TEST(Selection, RolesAreComparedWithTheirRole) {
  const core::Table t = synthetic_table(50, 1, std::vector<bool>(20, false));
  ColumnRequest request;
  request.columns = {"x0", "c1"};
  request.target = "b0";
  request.prediction = "b1";
  const ColumnSelection s = select_columns(t, t, request);
  ASSERT_EQ(s.columns.size(), 4u);
  EXPECT_EQ(s.columns[2].role, Role::target);
  EXPECT_EQ(s.columns[3].role, Role::prediction);
}

TEST(Selection, ErrorsNameTheProblem) {
  const core::Table t = synthetic_table(50, 1, std::vector<bool>(20, false));
  std::vector<core::Column> fewer;
  fewer.push_back(core::Column::float64("x0", std::vector<double>(10, 1.0)));
  const core::Table cur(std::move(fewer));
  try {
    select_columns(t, cur, {});
    FAIL() << "expected an error";
  } catch (const core::Error& e) {
    EXPECT_NE(std::string(e.what()).find("lacks 19 reference columns"), std::string::npos) << e.what();
  }
  ColumnRequest typo;
  typo.columns = {"x00"};
  EXPECT_THROW(select_columns(t, t, typo), core::Error);
  std::vector<core::Column> kinds;
  kinds.push_back(core::Column::categorical("x0", {0, 1}, {"a", "b"}));
  const core::Table mismatched(std::move(kinds));
  ColumnRequest one;
  one.columns = {"x0"};
  try {
    select_columns(t, mismatched, one);
    FAIL() << "expected an error";
  } catch (const core::Error& e) {
    EXPECT_NE(std::string(e.what()).find("float64 in the reference but categorical"), std::string::npos) << e.what();
  }
}

TEST(Verdict, DatasetDriftNeedsMoreThanTheShare) {
  std::vector<bool> mask(20, false);
  for (std::size_t j = 0; j < 10; ++j) mask[j] = true;  // exactly half
  const core::Table ref = synthetic_table(3000, 11, std::vector<bool>(20, false));
  const core::Table cur = synthetic_table(3000, 12, mask);
  std::vector<ColumnSpec> specs;
  for (const auto& name : ref.names()) specs.push_back({name, Role::feature});
  const Comparison c = compare_tables(ref, cur, specs, {});
  EXPECT_EQ(c.verdict.drifted, 10u);
  EXPECT_DOUBLE_EQ(c.verdict.drifted_share, 0.5);
  EXPECT_FALSE(c.verdict.dataset_drift);
  DriftOptions lower;
  lower.drift_share = 0.45;
  EXPECT_TRUE(compare_tables(ref, cur, specs, lower).verdict.dataset_drift);

  const auto findings = drift_findings(c, {});
  ASSERT_EQ(findings.size(), 21u);
  EXPECT_EQ(findings[0].id, "drift.x0");
  EXPECT_EQ(findings[0].status, core::Status::fail);
  EXPECT_EQ(findings[0].metric, "wasserstein_normed");
  EXPECT_EQ(findings[19].status, core::Status::pass);
  EXPECT_EQ(findings[20].id, "drift.dataset");
  EXPECT_EQ(findings[20].status, core::Status::pass);
}

TEST(Verdict, UndefinedColumnsAreErrorsAndDoNotCount) {
  std::vector<double> nan(5, std::nan(""));
  std::vector<std::uint8_t> invalid(5, 0);
  std::vector<core::Column> a;
  a.push_back(core::Column::float64("x", {1, 2, 3, 4, 5}));
  std::vector<core::Column> b;
  b.push_back(core::Column::float64("x", nan, invalid));
  const core::Table ref(std::move(a));
  const core::Table cur(std::move(b));
  const Comparison c = compare_tables(ref, cur, std::vector<ColumnSpec>{{"x", Role::feature}}, {});
  EXPECT_FALSE(c.columns[0].statistic.has_value());
  EXPECT_EQ(c.columns[0].reason, "no non-null values in the current data");
  EXPECT_EQ(c.verdict.compared, 0u);
  EXPECT_EQ(drift_findings(c, {})[0].status, core::Status::error);
}

TEST(Parallel, SameResultWhateverTheThreadCount) {
  std::vector<bool> mask(20, false);
  mask[3] = mask[15] = true;
  const core::Table ref = synthetic_table(800, 21, std::vector<bool>(20, false));
  const core::Table cur = synthetic_table(900, 22, mask);
  std::vector<ColumnSpec> specs;
  for (const auto& name : ref.names()) specs.push_back({name, Role::feature});
  DriftOptions options;
  options.method = Method::anderson;
  auto run = [&](int threads) {
    tbb::task_arena arena(threads);
    return arena.execute([&] { return compare_tables(ref, cur, specs, options); });
  };
  const Comparison one = run(1);
  const Comparison two = run(2);
  ASSERT_EQ(one.columns.size(), two.columns.size());
  for (std::size_t i = 0; i < one.columns.size(); ++i) {
    EXPECT_EQ(one.columns[i].statistic, two.columns[i].statistic);
    EXPECT_EQ(one.columns[i].p_value, two.columns[i].p_value);
    EXPECT_EQ(one.columns[i].drifted, two.columns[i].drifted);
  }
}

}  // namespace
}  // namespace assay::drift
