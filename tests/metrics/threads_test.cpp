// Results do not depend on the thread count (DESIGN.md, Computation
// principles): each task evaluated on data large enough to be split into
// several blocks of 2^16 rows, with weights, under a one-thread and a
// two-thread arena, gives bit-identical metrics, per-class reports, curves
// and bootstrap intervals for one seed.

#include <gtest/gtest.h>

#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "core/random.hpp"
#include "metrics/evaluate.hpp"

namespace assay::metrics {

// gtest prints the task's name in test listings (found by argument-dependent
// lookup, so it lives in Task's namespace).
void PrintTo(Task task, std::ostream* os) { *os << task_name(task); }

namespace {

constexpr std::size_t kRows = 4 * (std::size_t{1} << 16) + 1234;

core::Table large_table() {
  core::Random rng(2026);
  std::vector<double> y(kRows), p(kRows), w(kRows), a(kRows), b(kRows), c(kRows), target(kRows);
  std::vector<std::string> q(kRows), cls(kRows);
  for (std::size_t i = 0; i < kRows; ++i) {
    y[i] = rng.bernoulli(0.3) ? 1.0 : 0.0;
    // Rounded scores: many ties, as real model outputs have.
    p[i] = std::round((0.3 + 0.2 * y[i] + 0.15 * rng.normal()) * 1000.0) / 1000.0;
    p[i] = std::min(1.0, std::max(0.0, p[i]));
    w[i] = 0.5 + rng.uniform();
    const double sa = rng.uniform(), sb = rng.uniform(), sc = rng.uniform(), total = sa + sb + sc;
    a[i] = sa / total;
    b[i] = sb / total;
    c[i] = 1.0 - a[i] - b[i];
    cls[i] = std::string(1, static_cast<char>('a' + rng.below(3)));
    target[i] = 10.0 * p[i] + rng.normal();
    q[i] = "q" + std::to_string(i / 20);
  }
  return core::Table({core::Column::float64("y", y), core::Column::float64("p", p), core::Column::float64("w", w),
                      core::Column::float64("p_a", a), core::Column::float64("p_b", b),
                      core::Column::float64("p_c", c), core::Column::float64("target", target),
                      core::Column::string("q", q), core::Column::string("cls", cls)});
}

const core::Table& table() {
  static const core::Table t = large_table();
  return t;
}

bool same_bits(double x, double y) { return std::memcmp(&x, &y, sizeof x) == 0; }

void expect_same(const MetricSet& one, const MetricSet& two, const std::string& where) {
  ASSERT_EQ(one.items().size(), two.items().size()) << where;
  for (std::size_t k = 0; k < one.items().size(); ++k) {
    const auto& x = one.items()[k];
    const auto& z = two.items()[k];
    EXPECT_EQ(x.name, z.name) << where;
    ASSERT_EQ(x.value.value.has_value(), z.value.value.has_value()) << where << " " << x.name;
    if (x.value.value) {
      EXPECT_TRUE(same_bits(*x.value.value, *z.value.value)) << where << " " << x.name;
    }
  }
}

void expect_same(const std::optional<Curve>& one, const std::optional<Curve>& two, const std::string& what) {
  ASSERT_EQ(one.has_value(), two.has_value()) << what;
  if (!one) return;
  EXPECT_EQ(one->x, two->x) << what;
  EXPECT_EQ(one->y, two->y) << what;
  EXPECT_EQ(one->threshold, two->threshold) << what;
}

class ThreadCount : public ::testing::TestWithParam<Task> {};

TEST_P(ThreadCount, OneAndTwoThreadsGiveBitIdenticalResults) {
  Spec spec{.task = GetParam(), .target = "y", .weight = "w", .bootstrap = {.resamples = 24, .seed = 5}};
  switch (GetParam()) {
    case Task::binary: spec.score = "p"; break;
    case Task::multiclass: spec.target = "cls"; spec.scores = {"p_a", "p_b", "p_c"}; spec.classes = {"a", "b", "c"}; break;
    case Task::regression: spec.target = "target"; spec.prediction = "p"; break;
    case Task::ranking: spec.score = "p"; spec.group = "q"; spec.weight.reset(); break;
  }
  Evaluation one, two;
  tbb::task_arena(1).execute([&] { one = evaluate(table(), spec); });
  tbb::task_arena(2).execute([&] { two = evaluate(table(), spec); });
  expect_same(one.result.metrics, two.result.metrics, "metrics");
  ASSERT_EQ(one.result.per_class.size(), two.result.per_class.size());
  for (std::size_t c = 0; c < one.result.per_class.size(); ++c) {
    expect_same(one.result.per_class[c].metrics, two.result.per_class[c].metrics, one.result.per_class[c].label);
  }
  ASSERT_EQ(one.result.confusion.has_value(), two.result.confusion.has_value());
  if (one.result.confusion) {
    EXPECT_EQ(one.result.confusion->cells, two.result.confusion->cells);
  }
  expect_same(one.result.roc, two.result.roc, "roc curve");
  expect_same(one.result.pr, two.result.pr, "pr curve");
  const auto& x = one.result.bootstrap.intervals;
  const auto& z = two.result.bootstrap.intervals;
  ASSERT_FALSE(x.empty());
  ASSERT_EQ(x.size(), z.size());
  for (std::size_t k = 0; k < x.size(); ++k) {
    EXPECT_EQ(x[k].metric, z[k].metric);
    EXPECT_TRUE(same_bits(x[k].low, z[k].low)) << x[k].metric;
    EXPECT_TRUE(same_bits(x[k].high, z[k].high)) << x[k].metric;
    EXPECT_EQ(x[k].resamples, z[k].resamples) << x[k].metric;
    EXPECT_LT(x[k].low, x[k].high) << x[k].metric << ": a degenerate interval would compare equal trivially";
  }
}

INSTANTIATE_TEST_SUITE_P(Tasks, ThreadCount,
                         ::testing::Values(Task::binary, Task::multiclass, Task::regression, Task::ranking),
                         [](const auto& info) { return std::string(task_name(info.param)); });

}  // namespace
}  // namespace assay::metrics
