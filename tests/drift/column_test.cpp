// One column end to end (nulls dropped, non-finite values left out and
// counted, categories matched by name across two dictionaries, the bins of
// stats/quantile_bins.hpp, smoothing) against the same pipeline written
// with scipy/numpy in tests/reference/drift_reference.py.

#include <gtest/gtest.h>

#include <map>

#include "drift/column_drift.hpp"
#include "stats/quantile_bins.hpp"
#include "reference.hpp"

namespace assay::drift {
namespace {

using testing::near_rel;
using testing::reference;

// null -> a null cell; "inf", "-inf", "nan" -> a valid non-finite cell.
double cell(const nlohmann::json& x) {
  if (x.is_null()) return std::nan("");
  if (!x.is_string()) return x.get<double>();
  const std::string s = x;
  if (s == "nan") return std::nan("");
  return s == "inf" ? INFINITY : -INFINITY;
}

core::Column numeric_column(const nlohmann::json& values) {
  std::vector<double> v;
  std::vector<std::uint8_t> valid;
  for (const auto& x : values) {
    v.push_back(cell(x));
    valid.push_back(x.is_null() ? 0 : 1);
  }
  return core::Column::float64("x", std::move(v), std::move(valid));
}

// Dictionary in order of first appearance, or reversed, so the two sides'
// codes differ and alignment must go through the labels.
core::Column categorical_column(const nlohmann::json& values, bool reverse_dictionary) {
  std::vector<std::string> dict;
  for (const auto& x : values) {
    if (!x.is_null() && std::find(dict.begin(), dict.end(), x.get<std::string>()) == dict.end()) dict.push_back(x);
  }
  if (reverse_dictionary) std::reverse(dict.begin(), dict.end());
  std::vector<std::int32_t> codes;
  std::vector<std::uint8_t> valid;
  for (const auto& x : values) {
    if (x.is_null()) {
      codes.push_back(-1);
      valid.push_back(0);
    } else {
      codes.push_back(static_cast<std::int32_t>(std::find(dict.begin(), dict.end(), x.get<std::string>()) - dict.begin()));
      valid.push_back(1);
    }
  }
  return core::Column::categorical("x", std::move(codes), std::move(dict), std::move(valid));
}

class ColumnCase : public ::testing::TestWithParam<std::size_t> {};

TEST_P(ColumnCase, EveryMethodMatchesTheReferencePipeline) {
  const auto& c = reference().at("columns").at(GetParam());
  const bool numeric = c.at("kind") == "float64";
  const core::Column ref = numeric ? numeric_column(c.at("reference")) : categorical_column(c.at("reference"), false);
  const core::Column cur = numeric ? numeric_column(c.at("current")) : categorical_column(c.at("current"), true);
  const PreparedSide ref_side = prepare_side(ref);
  const PreparedSide cur_side = prepare_side(cur);
  for (const auto& [name, expected] : c.at("expected").items()) {
    SCOPED_TRACE(name);
    DriftOptions options;
    options.method = *parse_method(name);
    options.bins = reference().at("bins");
    options.epsilon = reference().at("epsilon");
    const ColumnDrift r = compare_column({"x", Role::feature}, ref.kind(), ref_side, cur_side, options);
    EXPECT_EQ(r.method, options.method);
    EXPECT_FALSE(r.method_fallback);
    if (expected.at("statistic").is_null()) {
      EXPECT_FALSE(r.statistic.has_value());
      EXPECT_FALSE(r.reason.empty());
    } else {
      ASSERT_TRUE(r.statistic.has_value()) << r.reason;
      EXPECT_TRUE(near_rel(*r.statistic, expected.at("statistic")));
    }
    if (expected.contains("p_value")) {
      ASSERT_TRUE(r.p_value.has_value());
      // Cramer-von Mises' asymptotic p-value is scipy's 1 - CDF: ~1e-15
      // absolute rounding (see two_sample_test.cpp).
      EXPECT_TRUE(near_rel(*r.p_value, expected.at("p_value"), 1e-12, name == "cvm" ? 1e-14 : 0.0));
    }
    if (expected.contains("raw")) {
      ASSERT_TRUE(r.wasserstein_raw.has_value());
      EXPECT_TRUE(near_rel(*r.wasserstein_raw, expected.at("raw")));
    }
  }
}

TEST_P(ColumnCase, CountsNullsAndUnseenCategories) {
  const auto& c = reference().at("columns").at(GetParam());
  const bool numeric = c.at("kind") == "float64";
  const core::Column ref = numeric ? numeric_column(c.at("reference")) : categorical_column(c.at("reference"), false);
  const core::Column cur = numeric ? numeric_column(c.at("current")) : categorical_column(c.at("current"), true);
  const ColumnDrift r = compare_column({"x", Role::feature}, ref.kind(), prepare_side(ref), prepare_side(cur), {});
  std::size_t ref_nulls = 0;
  std::size_t cur_nulls = 0;
  for (const auto& x : c.at("reference")) ref_nulls += x.is_null() ? 1 : 0;
  for (const auto& x : c.at("current")) cur_nulls += x.is_null() ? 1 : 0;
  const std::size_t ref_bad = numeric ? c.at("reference_non_finite").get<std::size_t>() : 0;
  const std::size_t cur_bad = numeric ? c.at("current_non_finite").get<std::size_t>() : 0;
  EXPECT_EQ(r.reference_nulls, ref_nulls);
  EXPECT_EQ(r.current_nulls, cur_nulls);
  EXPECT_EQ(r.reference_non_finite.total(), ref_bad);
  EXPECT_EQ(r.current_non_finite.total(), cur_bad);
  EXPECT_EQ(r.non_finite_share.has_value(), ref_bad + cur_bad > 0);
  EXPECT_EQ(r.reference_rows, c.at("reference").size() - ref_nulls - ref_bad);
  EXPECT_EQ(r.current_rows, c.at("current").size() - cur_nulls - cur_bad);
  if (!numeric) {
    EXPECT_EQ(r.unseen_categories, c.at("unseen_categories").get<std::size_t>());
    EXPECT_EQ(r.unseen_rows, c.at("unseen_rows").get<double>());
  }
}

// The bins of the binned methods are the reference's, by the rule the
// script writes with numpy (stats/quantile_bins.hpp).
TEST_P(ColumnCase, BinsFollowTheOneRule) {
  const auto& c = reference().at("columns").at(GetParam());
  if (c.at("kind") != "float64") {
    // Categories are compared by value: the script writes no bins for them.
    EXPECT_FALSE(c.contains("bins"));
    return;
  }
  const PreparedSide ref = prepare_side(numeric_column(c.at("reference")));
  const stats::QuantileBins bins = stats::quantile_bins(ref.numeric.sorted, reference().at("bins"));
  EXPECT_EQ(bins.by_value, c.at("bins").at("by_value").get<bool>());
  const auto points = c.at("bins").at("points").get<std::vector<double>>();
  ASSERT_EQ(bins.points.size(), points.size());
  for (std::size_t i = 0; i < points.size(); ++i) EXPECT_EQ(bins.points[i], points[i]) << i;
}

INSTANTIATE_TEST_SUITE_P(Scipy, ColumnCase, ::testing::Range<std::size_t>(0, reference().at("columns").size()),
                         [](const ::testing::TestParamInfo<std::size_t>& info) {
                           return reference().at("columns").at(info.param).at("name").get<std::string>();
                         });

}  // namespace
}  // namespace assay::drift
