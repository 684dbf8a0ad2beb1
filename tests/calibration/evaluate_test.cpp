// The table-level calibration entry point and the calibrator round trip on
// tables: nulls dropped with a warning, class names from score columns,
// bad input named, and fit -> apply -> check consistent with the engines.

#include <gtest/gtest.h>

#include <cmath>

#include "calibration/calibrator.hpp"
#include "calibration/evaluate.hpp"
#include "core/error.hpp"
#include "core/table.hpp"

namespace assay::calibration {
namespace {

std::string error_of(const core::Table& t, const Spec& spec) {
  try {
    evaluate(t, spec);
  } catch (const core::Error& e) {
    return e.what();
  }
  return "";
}

TEST(Evaluate, DropsNullRowsWithAWarningAndMatchesTheSpanEngine) {
  const core::Table t({core::Column::int64("y", {0, 1, 1, 0, 1}, {1, 1, 1, 1, 0}),
                       core::Column::float64("p", {0.1, 0.8, 0.6, 0.3, 0.9})});
  const Evaluation e = evaluate(t, {.target = "y", .score = "p"});
  EXPECT_EQ(e.dropped_rows, 1u);
  ASSERT_FALSE(e.analysis.warnings.empty());
  EXPECT_NE(e.analysis.warnings[0].find("dropped 1 of 5 rows"), std::string::npos);
  const std::vector<double> p{0.1, 0.8, 0.6, 0.3};
  const std::vector<std::uint8_t> y{0, 1, 1, 0};
  EXPECT_EQ(e.analysis.metrics.get("ece"), analyse_binary(p, y, {}).metrics.get("ece"));
  EXPECT_EQ(*e.positive, "1");
}

TEST(Evaluate, MulticlassClassesComeFromTheColumnNames) {
  const core::Table t({core::Column::string("y", std::vector<std::string>{"cat", "dog", "cat"}),
                       core::Column::float64("p_dog", {0.2, 0.7, 0.4}), core::Column::float64("p_cat", {0.8, 0.3, 0.6})});
  const Evaluation e = evaluate(t, {.target = "y", .scores = {"p_dog", "p_cat"}});
  EXPECT_EQ(e.classes, (std::vector<std::string>{"cat", "dog"}));
  ASSERT_EQ(e.analysis.per_class.size(), 2u);
  EXPECT_EQ(e.analysis.per_class[0].label, "cat");
  // Every top label is right: confidences 0.8, 0.7, 0.6 against outcome 1.
  EXPECT_NEAR(*e.analysis.metrics.get("ece"), (0.2 + 0.3 + 0.4) / 3.0, 1e-15);
}

TEST(Evaluate, NamesBadInput) {
  const core::Table t({core::Column::int64("y", {0, 1, 1}), core::Column::float64("p", {0.1, 1.2, NAN})});
  EXPECT_NE(error_of(t, {.target = "y", .score = "p"}).find("infinite or NaN"), std::string::npos);
  const core::Table outside({core::Column::int64("y", {0, 1}), core::Column::float64("p", {0.1, 1.2})});
  EXPECT_NE(error_of(outside, {.target = "y", .score = "p"}).find("outside [0, 1]"), std::string::npos);
  const core::Table one({core::Column::int64("y", {1, 1}), core::Column::float64("p", {0.1, 0.2})});
  EXPECT_NE(error_of(one, {.target = "y", .score = "p"}).find("one class only"), std::string::npos);
  EXPECT_NE(error_of(one, {.target = "y", .score = "q"}).find("'q'"), std::string::npos);
}

TEST(Calibrator, FitApplyAndCheckOnATable) {
  std::vector<std::int64_t> y;
  std::vector<double> p;
  for (int i = 0; i < 200; ++i) {
    p.push_back((i % 100) / 100.0);
    y.push_back((i * 37 % 100) < (i % 100) * 0.6 + 20 ? 1 : 0);
  }
  const core::Table t({core::Column::int64("y", y), core::Column::float64("p", p)});
  for (const Method m : {Method::platt, Method::isotonic, Method::histogram}) {
    const Calibrator c = fit(t, {.method = m, .target = "y", .score = "p"});
    EXPECT_EQ(c.fitted_rows, 200u);
    const Calibrated out = apply(c, t);
    ASSERT_EQ(out.names, std::vector<std::string>{"p_calibrated"});
    for (const double v : out.values[0]) {
      EXPECT_GE(v, 0.0);
      EXPECT_LE(v, 1.0);
    }
    const Check check_result = calibration::check(c, t);
    // Fitted and checked on the same rows, every method lowers the ECE.
    EXPECT_LT(*check_result.after.get("ece"), *check_result.before.get("ece")) << method_name(m);
  }
}

}  // namespace
}  // namespace assay::calibration
