// Per-slice values against tests/reference/slices_reference.json: metrics
// from scikit-learn on the same subsets (pandas groupby), sizes and mean
// errors, and Welch p-values from scipy.stats.ttest_ind(equal_var=False),
// for every slice of --by columns up to depth 2.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>

#include "reference_json.hpp"
#include "slices/slicing.hpp"

namespace assay::slices {
namespace {

using nlohmann::json;

const json& reference() { return assay::testing::reference_json("slices_reference.json"); }

core::Column column_of(const json& c) {
  const std::string name = c["name"];
  const json& values = c["values"];
  std::vector<std::uint8_t> valid(values.size(), 1);
  bool text = false, real = false;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].is_null()) valid[i] = 0;
    text = text || values[i].is_string();
    real = real || values[i].is_number_float();
  }
  if (text) {
    std::vector<std::string> v;
    for (const auto& x : values) v.push_back(x.is_null() ? "" : x.get<std::string>());
    return core::Column::string(name, v, valid);
  }
  if (real) {
    std::vector<double> v;
    for (const auto& x : values) v.push_back(x.is_null() ? std::nan("") : x.get<double>());
    return core::Column::float64(name, v, valid);
  }
  std::vector<std::int64_t> v;
  for (const auto& x : values) v.push_back(x.is_null() ? 0 : x.get<std::int64_t>());
  return core::Column::int64(name, v, valid);
}

core::Table table_of(const json& c) {
  std::vector<core::Column> columns;
  for (const auto& col : c["columns"]) columns.push_back(column_of(col));
  return core::Table(std::move(columns));
}

Spec spec_of(const json& c) {
  const json& s = c["spec"];
  Spec spec;
  const std::string task = s["task"];
  spec.task = task == "binary" ? metrics::Task::binary : task == "multiclass" ? metrics::Task::multiclass : metrics::Task::regression;
  spec.target = s["target"];
  spec.prediction = s["prediction"].get<std::string>();
  if (s.contains("score")) spec.score = s["score"].get<std::string>();
  spec.by = s["by"].get<std::vector<std::string>>();
  spec.bins = s["bins"];
  spec.depth = s["depth"];
  spec.bootstrap.resamples = 0;
  return spec;
}

std::string key_of(const std::vector<SlicePredicate>& predicates) {
  std::string out;
  for (const auto& p : predicates) out += p.column + "=" + p.level + ";";
  return out;
}

std::string key_of(const json& predicates) {
  std::string out;
  for (const auto& p : predicates) out += p[0].get<std::string>() + "=" + p[1].get<std::string>() + ";";
  return out;
}

void expect_close(double expected, double actual, double relative, const std::string& what) {
  EXPECT_LE(std::abs(expected - actual), relative * std::max(1.0, std::abs(expected))) << what << ": expected " << expected
                                                                                      << ", got " << actual;
}

class Reference : public ::testing::TestWithParam<std::size_t> {};

TEST_P(Reference, EverySliceMatchesScikitLearnAndScipy) {
  const json& c = reference()["cases"][GetParam()];
  const core::Table table = table_of(c);
  const json& expected = c["slices"];
  std::vector<std::string> metric_names;
  for (const auto& [name, value] : expected[0]["metrics"].items()) metric_names.push_back(name);
  for (const auto& metric : metric_names) {
    Spec spec = spec_of(c);
    spec.metric = metric;
    const SliceReport r = run_slices(table, spec);
    EXPECT_EQ(r.slices.size(), expected.size()) << metric;
    std::map<std::string, const SliceRow*> by_key;
    for (const auto& s : r.slices) by_key[key_of(s.predicates)] = &s;
    for (const auto& e : expected) {
      const std::string key = key_of(e["predicates"]);
      ASSERT_TRUE(by_key.count(key)) << "no slice " << key;
      const SliceRow& s = *by_key[key];
      EXPECT_EQ(s.size, e["size"].get<std::size_t>()) << key;
      expect_close(e["error"], s.error, 1e-12, key + " error");
      const json& value = e["metrics"][metric];
      if (value.is_null()) {
        EXPECT_FALSE(s.metric.value.value.has_value()) << key << " " << metric;
      } else {
        ASSERT_TRUE(s.metric.value.value.has_value()) << key << " " << metric << ": " << s.metric.value.reason;
        expect_close(value.get<double>(), *s.metric.value.value, 1e-12, key + " " + metric);
      }
      if (e["p_value"].is_null()) {
        EXPECT_FALSE(s.p_value.has_value()) << key;
      } else {
        ASSERT_TRUE(s.p_value.has_value()) << key << ": " << s.test_note;
        const double p = e["p_value"];
        EXPECT_LE(std::abs(*s.p_value - p), 1e-9 * p + 1e-15) << key << " p: expected " << p << ", got " << *s.p_value;
        expect_close(e["t"], s.t, 1e-9, key + " t");
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, Reference, ::testing::Range(std::size_t{0}, std::size_t{4}),
                         [](const ::testing::TestParamInfo<std::size_t>& info) {
  return reference()["cases"][info.param]["name"].get<std::string>();
});

}  // namespace
}  // namespace assay::slices
