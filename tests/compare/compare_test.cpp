// The whole comparison on real models (tests/data/compare_*.csv) against
// tests/reference/compare_reference.json: DeLong overall and per slice with
// Benjamini-Hochberg, McNemar on accuracy per slice, the metrics themselves
// against scikit-learn; slices of a numeric column with nulls; and inputs
// that cannot be compared (empty, one class) or are bad (NaN, inf, unknown
// metric or column).

#include "compare/compare.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "compare/reference.hpp"
#include "core/error.hpp"

namespace assay::compare {
namespace {

using nlohmann::json;
using testing::dataset;
using testing::reference;

Spec binary_spec() {
  Spec spec;
  spec.task = metrics::Task::binary;
  spec.target = "target";
  spec.champion = "champion";
  spec.challenger = "challenger";
  spec.bootstrap.resamples = 200;
  return spec;
}

TEST(Compare, BinaryRocAucByTextureMatchesDeLongAndBenjaminiHochberg) {
  Spec spec = binary_spec();
  spec.by = "texture";
  const Comparison c = compare(dataset("compare_binary.csv"), spec);
  const json& want = reference()["binary"];
  EXPECT_EQ(c.metric, "roc_auc");
  EXPECT_EQ(c.rows, want["n"].get<std::size_t>());
  EXPECT_EQ(c.overall.test, compare::Test::delong);
  ASSERT_TRUE(c.overall.delta && c.overall.p_value) << c.overall.reason;
  EXPECT_NEAR(*c.overall.champion.value, want["delong"]["auc_champion"].get<double>(), 1e-12);
  EXPECT_NEAR(*c.overall.delta, want["delong"]["delta"].get<double>(), 1e-12);
  EXPECT_NEAR(*c.overall.statistic, want["delong"]["z"].get<double>(), 1e-8);
  EXPECT_NEAR(*c.overall.p_value, want["delong"]["p_value"].get<double>(), 1e-9);
  EXPECT_TRUE(c.overall.interval.defined);
  EXPECT_LT(c.overall.interval.low, *c.overall.delta);
  EXPECT_GT(c.overall.interval.high, *c.overall.delta);

  ASSERT_EQ(c.slices.size(), want["slices_by_texture"].size());
  for (std::size_t k = 0; k < c.slices.size(); ++k) {
    const SliceDelta& s = c.slices[k];
    const json& w = want["slices_by_texture"][k];
    SCOPED_TRACE(s.level);
    EXPECT_EQ(s.level, w["level"].get<std::string>());
    EXPECT_EQ(s.delta.size, w["size"].get<std::size_t>());
    EXPECT_NEAR(*s.delta.delta, w["delta"].get<double>(), 1e-12);
    EXPECT_NEAR(*s.delta.p_value / w["p_value"].get<double>(), 1.0, 1e-7);
    EXPECT_NEAR(*s.p_adjusted / w["p_adjusted"].get<double>(), 1.0, 1e-7);
  }
}

TEST(Compare, AccuracyUsesMcNemarPerSlice) {
  Spec spec = binary_spec();
  spec.metric = "accuracy";
  spec.by = "texture";
  const Comparison c = compare(dataset("compare_binary.csv"), spec);
  const json& want = reference()["binary"];
  EXPECT_EQ(c.overall.test, compare::Test::mcnemar);
  ASSERT_TRUE(c.overall.mcnemar);
  EXPECT_EQ(c.overall.mcnemar->b, want["mcnemar"]["b"].get<std::uint64_t>());
  EXPECT_EQ(c.overall.mcnemar->c, want["mcnemar"]["c"].get<std::uint64_t>());
  EXPECT_EQ(c.overall.mcnemar->method, McNemarMethod::chi_square);
  EXPECT_NEAR(*c.overall.p_value, want["mcnemar"]["chi_square"]["p_value"].get<double>(), 1e-12);
  EXPECT_NEAR(*c.overall.champion.value, want["accuracy_champion"].get<double>(), 1e-12);
  EXPECT_NEAR(*c.overall.challenger.value, want["accuracy_challenger"].get<double>(), 1e-12);
  ASSERT_EQ(c.slices.size(), 3u);
  for (std::size_t k = 0; k < 3; ++k) {
    const json& w = want["accuracy_by_texture"][k];
    const SliceDelta& s = c.slices[k];
    SCOPED_TRACE(s.level);
    EXPECT_EQ(s.delta.mcnemar->b, w["b"].get<std::uint64_t>());
    EXPECT_EQ(s.delta.mcnemar->c, w["c"].get<std::uint64_t>());
    EXPECT_EQ(mcnemar_method_name(s.delta.mcnemar->method), w["method"].get<std::string>());
    EXPECT_NEAR(*s.delta.p_value, w["p_value"].get<double>(), 1e-12);
    EXPECT_NEAR(*s.p_adjusted, w["p_adjusted"].get<double>(), 1e-12);
    EXPECT_NEAR(*s.delta.delta, w["delta"].get<double>(), 1e-12);
  }
}

TEST(Compare, MulticlassAccuracyAndF1Macro) {
  Spec spec = binary_spec();
  spec.task = metrics::Task::multiclass;
  const core::Table table = dataset("compare_multiclass.csv");
  const json& want = reference()["multiclass"];
  const Comparison a = compare(table, spec);
  EXPECT_EQ(a.metric, "accuracy");
  EXPECT_EQ(a.classes, (std::vector<std::string>{"class_0", "class_1", "class_2"}));
  EXPECT_NEAR(*a.overall.champion.value, want["accuracy_champion"].get<double>(), 1e-12);
  EXPECT_EQ(a.overall.mcnemar->b, want["mcnemar"]["b"].get<std::uint64_t>());
  EXPECT_EQ(a.overall.mcnemar->c, want["mcnemar"]["c"].get<std::uint64_t>());
  EXPECT_NEAR(*a.overall.p_value, want["mcnemar"]["chi_square"]["p_value"].get<double>(), 1e-12);

  spec.metric = "f1_macro";
  const Comparison f = compare(table, spec);
  EXPECT_EQ(f.overall.test, compare::Test::paired_bootstrap);
  EXPECT_NEAR(*f.overall.champion.value, want["f1_macro_champion"].get<double>(), 1e-12);
  EXPECT_NEAR(*f.overall.challenger.value, want["f1_macro_challenger"].get<double>(), 1e-12);
  ASSERT_TRUE(f.overall.p_value) << f.overall.reason;
  EXPECT_LT(*f.overall.p_value, 0.05);
  EXPECT_GT(f.overall.interval.low, 0.0);
}

TEST(Compare, RegressionMaeIsLowerIsBetter) {
  Spec spec = binary_spec();
  spec.task = metrics::Task::regression;
  spec.by = "sex";
  const Comparison c = compare(dataset("compare_regression.csv"), spec);
  const json& want = reference()["regression"];
  EXPECT_EQ(c.metric, "mae");
  EXPECT_FALSE(c.higher_is_better);
  EXPECT_NEAR(*c.overall.champion.value, want["mae_champion"].get<double>(), 1e-9);
  EXPECT_NEAR(*c.overall.challenger.value, want["mae_challenger"].get<double>(), 1e-9);
  EXPECT_LT(*c.overall.delta, 0.0);
  EXPECT_DOUBLE_EQ(*c.overall.gain, -*c.overall.delta);
  ASSERT_TRUE(c.overall.p_value);
  EXPECT_LT(*c.overall.p_value, 0.05);
  EXPECT_LT(c.overall.interval.high, 0.0);
  ASSERT_EQ(c.slices.size(), 2u);
  EXPECT_EQ(c.slices[0].delta.size + c.slices[1].delta.size, c.rows);
  EXPECT_TRUE(c.slices[0].p_adjusted && c.slices[1].p_adjusted);
}

TEST(Compare, NumericSliceColumnIsBinnedWithNullsAsTheirOwnSlice) {
  Spec spec = binary_spec();
  spec.by = "radius";
  spec.bootstrap.resamples = 0;
  const Comparison c = compare(dataset("compare_binary.csv"), spec);
  EXPECT_TRUE(c.binned);
  ASSERT_EQ(c.slices.size(), 6u);  // 5 quantile bins + null
  EXPECT_TRUE(c.slices.back().null);
  EXPECT_EQ(c.slices.back().level, "null");
  EXPECT_EQ(c.slices.back().delta.size, 14u);  // every 40th of 569 rows
  std::size_t total = 0;
  for (const auto& s : c.slices) total += s.delta.size;
  EXPECT_EQ(total, c.rows);
  EXPECT_FALSE(c.overall.interval.defined);  // no resamples: DeLong still tests
  EXPECT_TRUE(c.overall.p_value);
}

core::Table small_binary(std::vector<double> truth, std::vector<double> one, std::vector<double> two) {
  return core::Table({core::Column::float64("target", std::move(truth)), core::Column::float64("champion", std::move(one)),
                      core::Column::float64("challenger", std::move(two))});
}

TEST(Compare, EmptyInputIsUndefinedNotAPass) {
  const Comparison c = compare(small_binary({}, {}, {}), binary_spec());
  EXPECT_EQ(c.rows, 0u);
  EXPECT_FALSE(c.overall.delta);
  EXPECT_FALSE(c.overall.p_value);
  EXPECT_EQ(c.overall.reason, "no rows to compare");
}

TEST(Compare, AllNullRowsAreDroppedAndUndefined) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const core::Table t({core::Column::float64("target", {1, 0}, {0, 0}), core::Column::float64("champion", {0.1, nan}),
                       core::Column::float64("challenger", {0.2, 0.3})});
  const Comparison c = compare(t, binary_spec());
  EXPECT_EQ(c.dropped_rows, 2u);
  EXPECT_FALSE(c.overall.p_value);
}

TEST(Compare, OneClassTargetIsUndefinedWithAReason) {
  const Comparison c = compare(small_binary({1, 1, 1, 1}, {0.1, 0.4, 0.3, 0.9}, {0.2, 0.8, 0.1, 0.7}), binary_spec());
  EXPECT_FALSE(c.overall.delta);
  EXPECT_NE(c.overall.reason.find("one class"), std::string::npos) << c.overall.reason;
}

TEST(Compare, SliceWithOneClassIsUndefinedOthersTested) {
  Spec spec = binary_spec();
  spec.by = "g";
  spec.bootstrap.resamples = 50;
  core::Table t = small_binary({1, 0, 1, 0, 1, 1, 1, 0, 1, 0}, {0.9, 0.2, 0.6, 0.4, 0.8, 0.3, 0.7, 0.68, 0.65, 0.75},
                               {0.8, 0.1, 0.7, 0.3, 0.9, 0.6, 0.75, 0.2, 0.55, 0.15});
  t.add(core::Column::string("g", {"a", "a", "a", "a", "b", "b", "a", "a", "a", "a"}));
  const Comparison c = compare(t, spec);
  ASSERT_EQ(c.slices.size(), 2u);
  EXPECT_TRUE(c.slices[0].delta.p_value) << c.slices[0].delta.reason;
  EXPECT_FALSE(c.slices[1].delta.delta);
  EXPECT_FALSE(c.slices[1].p_adjusted);
  EXPECT_NE(c.slices[1].delta.reason.find("one class"), std::string::npos);
  EXPECT_EQ(*c.slices[0].p_adjusted, *c.slices[0].delta.p_value);  // a family of one
}

TEST(Compare, NonFiniteScoresAreBadInput) {
  const double inf = std::numeric_limits<double>::infinity();
  try {
    compare(small_binary({1, 0, 1, 0}, {0.1, inf, 0.3, 0.9}, {0.2, 0.8, 0.1, 0.7}), binary_spec());
    FAIL() << "expected core::Error";
  } catch (const core::Error& e) {
    EXPECT_NE(std::string(e.what()).find("champion column 'champion'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("data row 2"), std::string::npos) << e.what();
  }
}

TEST(Compare, BadSpecsThrowNamingTheFlag) {
  const core::Table t = small_binary({1, 0, 1, 0}, {0.1, 0.4, 0.3, 0.9}, {0.2, 0.8, 0.1, 0.7});
  Spec spec = binary_spec();
  spec.metric = "mae";
  EXPECT_THROW(compare(t, spec), core::Error);
  spec = binary_spec();
  spec.challenger = "champion";
  EXPECT_THROW(compare(t, spec), core::Error);
  spec = binary_spec();
  spec.challenger = "nope";
  EXPECT_THROW(compare(t, spec), core::Error);
  spec = binary_spec();
  spec.by = "target";
  EXPECT_THROW(compare(t, spec), core::Error);
  spec = binary_spec();
  spec.threshold = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(compare(t, spec), core::Error);
}

TEST(Compare, ConstantRegressionTargetIsComparable) {
  Spec spec = binary_spec();
  spec.task = metrics::Task::regression;
  spec.metric = "r2";
  const core::Table t = small_binary({3, 3, 3, 3, 3}, {2, 3, 4, 3, 3}, {3, 3, 3.5, 3, 3});
  const Comparison c = compare(t, spec);
  // scikit-learn's force_finite: r2 of a constant target is 0 (or 1 when exact), not an error.
  EXPECT_TRUE(c.overall.delta);
  spec.metric = "mae";
  EXPECT_TRUE(compare(t, spec).overall.delta);
}

}  // namespace
}  // namespace assay::compare
