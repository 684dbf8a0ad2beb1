// Every metric against scikit-learn 1.2.1 on the generated test matrix in
// tests/reference/metrics_reference.json (written by metrics_reference.py):
// 1e-12 relative, null exactly where scikit-learn raises. The inputs come
// from the same JSON, so both sides compute from identical data.

#include <gtest/gtest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <string>

#include "core/table.hpp"
#include "metrics/evaluate.hpp"

namespace assay::metrics {
namespace {

using nlohmann::json;

const json& matrix() {
  static const json doc = [] {
    std::ifstream in(std::string(ASSAY_REFERENCE_DIR) + "/metrics_reference.json");
    return json::parse(in);
  }();
  return doc;
}

core::Column column_of(const json& c) {
  const std::string name = c["name"];
  const std::string kind = c["kind"];
  if (kind == "float64") return core::Column::float64(name, c["values"].get<std::vector<double>>());
  if (kind == "int64") return core::Column::int64(name, c["values"].get<std::vector<std::int64_t>>());
  if (kind == "bool") {
    std::vector<std::uint8_t> v;
    for (const auto& b : c["values"]) v.push_back(b.get<bool>() ? 1 : 0);
    return core::Column::boolean(name, v);
  }
  return core::Column::string(name, c["values"].get<std::vector<std::string>>());
}

Spec spec_of(const json& s) {
  Spec spec;
  const std::string task = s["task"];
  spec.task = task == "binary" ? Task::binary : task == "multiclass" ? Task::multiclass
            : task == "regression" ? Task::regression : Task::ranking;
  spec.target = s["target"];
  if (s.contains("prediction")) spec.prediction = s["prediction"].get<std::string>();
  if (s.contains("score")) spec.score = s["score"].get<std::string>();
  if (s.contains("scores")) spec.scores = s["scores"].get<std::vector<std::string>>();
  if (s.contains("positive")) spec.positive = s["positive"].get<std::string>();
  if (s.contains("threshold")) spec.threshold = s["threshold"];
  if (s.contains("weight")) spec.weight = s["weight"].get<std::string>();
  if (s.contains("group")) spec.group = s["group"].get<std::string>();
  if (s.contains("k")) spec.k = s["k"].get<std::size_t>();
  if (s.contains("quantile")) spec.quantile = s["quantile"];
  spec.bootstrap.resamples = 0;
  return spec;
}

// |a - b| <= 1e-12 max(|a|, |b|); values that are differences of large sums
// (mcc, kappa near 0) get an absolute floor of 1e-15.
void expect_close(double expected, const Value* actual, const std::string& what) {
  ASSERT_NE(actual, nullptr) << what << " missing";
  ASSERT_TRUE(actual->value.has_value()) << what << " is null: " << actual->reason;
  const double a = *actual->value;
  EXPECT_LE(std::abs(a - expected), std::max(1e-12 * std::max(std::abs(a), std::abs(expected)), 1e-15))
      << what << ": assay " << fmt::format("{:.17g}", a) << ", scikit-learn " << fmt::format("{:.17g}", expected);
}

void expect_metrics(const json& expected, const MetricSet& actual, const std::string& where) {
  for (const auto& [name, value] : expected.items()) {
    if (name == "queries" || name == "support") continue;
    const Value* got = actual.find(name);
    const std::string what = where + " " + name;
    if (value.is_null()) {
      ASSERT_NE(got, nullptr) << what << " missing";
      EXPECT_FALSE(got->value.has_value()) << what << " should be null (scikit-learn raises), got " << *got->value;
      EXPECT_FALSE(got->reason.empty()) << what << " is null without a reason";
    } else {
      expect_close(value.get<double>(), got, what);
    }
  }
}

class Reference : public ::testing::TestWithParam<std::size_t> {};

TEST_P(Reference, MatchesScikitLearn) {
  const json& c = matrix()["cases"][GetParam()];
  const std::string name = c["name"];
  SCOPED_TRACE(name + ": " + c["note"].get<std::string>());
  std::vector<core::Column> columns;
  for (const auto& col : c["columns"]) columns.push_back(column_of(col));
  const core::Table table(std::move(columns));
  const Evaluation e = evaluate(table, spec_of(c["spec"]));

  expect_metrics(c["expected"], e.result.metrics, name);
  if (c["expected"].contains("queries")) {
    EXPECT_EQ(e.result.queries, c["expected"]["queries"].get<std::size_t>());
  }
  if (c.contains("confusion")) {
    ASSERT_TRUE(e.result.confusion.has_value());
    EXPECT_EQ(e.result.confusion->labels, c["confusion"]["labels"].get<std::vector<std::string>>());
    const auto& m = c["confusion"]["matrix"];
    const std::size_t k = m.size();
    ASSERT_EQ(e.result.confusion->cells.size(), k * k);
    for (std::size_t i = 0; i < k; ++i) {
      for (std::size_t j = 0; j < k; ++j) {
        EXPECT_NEAR(e.result.confusion->at(i, j), m[i][j].get<double>(), 1e-12 * std::max(1.0, m[i][j].get<double>()))
            << "confusion[" << i << "][" << j << "]";
      }
    }
  }
  if (c.contains("per_class")) {
    ASSERT_EQ(e.result.per_class.size(), c["per_class"].size());
    for (const auto& report : e.result.per_class) {
      ASSERT_TRUE(c["per_class"].contains(report.label)) << report.label;
      const json& expected = c["per_class"][report.label];
      expect_metrics(expected, report.metrics, name + " class " + report.label);
      expect_close(expected["support"].get<double>(), report.metrics.find("support"), name + " support");
    }
  }
}

std::string case_name(const ::testing::TestParamInfo<std::size_t>& info) {
  return matrix()["cases"][info.param]["name"].get<std::string>();
}

INSTANTIATE_TEST_SUITE_P(Metrics, Reference, ::testing::Range<std::size_t>(0, matrix()["cases"].size()), case_name);

TEST(Reference, MatrixWasMadeWithTheInstalledScikitLearnVersion) {
  EXPECT_EQ(matrix()["sklearn"], "1.2.1");
  EXPECT_GE(matrix()["cases"].size(), 20u);
}

}  // namespace
}  // namespace assay::metrics
