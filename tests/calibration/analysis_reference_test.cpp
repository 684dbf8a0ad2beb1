// The calibration analysis against the NumPy reference
// (tests/reference/calibration_reference.py): every metric, every reliability
// bin and the Murphy identity, 1e-9 relative.

#include <gtest/gtest.h>

#include "calibration/analysis.hpp"
#include "calibration/reference.hpp"
#include "core/error.hpp"

#include <oneapi/tbb/task_arena.h>

namespace assay::calibration {
namespace {

using testing::expect_close;
using testing::expect_value;
using testing::golden;

Options options_of(const nlohmann::json& c) {
  return {.bins = c["bins"].get<std::size_t>(),
          .strategy = c["strategy"] == "uniform" ? Strategy::uniform : Strategy::quantile};
}

void expect_curve(const nlohmann::json& expected, const std::vector<ReliabilityBin>& curve, const std::string& name) {
  ASSERT_EQ(curve.size(), expected.size()) << name;
  for (std::size_t k = 0; k < curve.size(); ++k) {
    const auto& e = expected[k];
    const std::string where = fmt::format("{} bin {}", name, k);
    expect_close(e["lower"], curve[k].lower, where + " lower");
    expect_close(e["upper"], curve[k].upper, where + " upper");
    EXPECT_EQ(curve[k].count, e["count"].get<std::size_t>()) << where;
    auto optional = [&](const char* key, const std::optional<double>& v) {
      if (e[key].is_null()) {
        EXPECT_FALSE(v.has_value()) << where << " " << key;
      } else {
        ASSERT_TRUE(v.has_value()) << where << " " << key;
        expect_close(e[key], *v, where + " " + key);
      }
    };
    optional("mean_score", curve[k].mean_score);
    optional("frequency", curve[k].frequency);
    optional("wilson_low", curve[k].wilson_low);
    optional("wilson_high", curve[k].wilson_high);
  }
}


TEST(CalibrationReference, HasBinaryAndMulticlassCases) {
  std::size_t binary = 0, multiclass = 0;
  for (const auto& c : golden()["cases"]) (c.contains("score") ? binary : multiclass)++;
  EXPECT_GE(binary, 5u);
  EXPECT_GE(multiclass, 2u);
}

TEST(CalibrationReference, EveryCaseMatches) {
  for (const auto& c : golden()["cases"]) {
    const std::string name = c["name"];
    SCOPED_TRACE(name);
    Analysis a;
    if (c.contains("score")) {
      const auto score = c["score"].get<std::vector<double>>();
      std::vector<std::uint8_t> outcome;
      for (const auto& y : c["target"]) outcome.push_back(y.get<int>() == 1 ? 1 : 0);
      a = analyse_binary(score, outcome, options_of(c));
    } else {
      const auto columns = c["scores"].get<std::vector<std::vector<double>>>();
      const auto truth = c["target"].get<std::vector<std::int32_t>>();
      std::vector<std::span<const double>> scores(columns.begin(), columns.end());
      std::vector<std::string> classes;
      for (std::size_t k = 0; k < columns.size(); ++k) classes.push_back(std::to_string(k));
      a = analyse_multiclass(scores, truth, classes, options_of(c));
      ASSERT_EQ(a.per_class.size(), c["per_class"].size());
      for (std::size_t k = 0; k < a.per_class.size(); ++k) {
        expect_value(c["per_class"][k]["ece"], &a.per_class[k].ece, fmt::format("class {} ece", k));
        expect_value(c["per_class"][k]["mce"], &a.per_class[k].mce, fmt::format("class {} mce", k));
      }
    }
    for (const auto& [metric, value] : c["metrics"].items()) expect_value(value, a.metrics.find(metric), metric);
    expect_curve(c["curve"], a.curve, name);
  }
}

// Murphy's binned decomposition is exact only with one forecast per bin; the
// two within-bin terms close the gap (analysis.hpp states the identity).
TEST(BrierDecomposition, IdentityHoldsWithWithinBinTerms) {
  for (const auto& c : golden()["cases"]) {
    if (!c.contains("score")) continue;
    const auto score = c["score"].get<std::vector<double>>();
    std::vector<std::uint8_t> outcome;
    for (const auto& y : c["target"]) outcome.push_back(y.get<int>() == 1 ? 1 : 0);
    const Analysis a = analyse_binary(score, outcome, options_of(c));
    auto m = [&](const char* name) { return *a.metrics.get(name); };
    const double sum = m("reliability") - m("resolution") + m("uncertainty") + m("within_bin_variance") -
                       m("within_bin_covariance");
    expect_close(m("brier_score"), sum, std::string(c["name"]) + " identity", 1e-12);
  }
}

TEST(BrierDecomposition, ExactWhenEachBinHasOneForecast) {
  const std::vector<double> score{0.05, 0.05, 0.05, 0.45, 0.45, 0.95, 0.95, 0.95, 0.95};
  const std::vector<std::uint8_t> outcome{0, 0, 1, 1, 0, 1, 1, 1, 0};
  const Analysis a = analyse_binary(score, outcome, {});
  // Zero up to the rounding of the bin means (3 x 0.05 / 3 is not 0.05 exactly).
  EXPECT_NEAR(*a.metrics.get("within_bin_variance"), 0.0, 1e-30);
  EXPECT_NEAR(*a.metrics.get("within_bin_covariance"), 0.0, 1e-30);
  expect_close(*a.metrics.get("brier_score"),
               *a.metrics.get("reliability") - *a.metrics.get("resolution") + *a.metrics.get("uncertainty"), "exact");
}

TEST(BinEdges, UniformEdgesBelongToTheUpperBin) {
  const BinIndex index(uniform_edges(10), true);
  EXPECT_EQ(index(0.0), 0u);
  EXPECT_EQ(index(0.1), 1u);
  EXPECT_EQ(index(0.3), 3u);
  EXPECT_EQ(index(0.7), 7u);
  EXPECT_EQ(index(std::nextafter(0.3, 0.0)), 2u);
  EXPECT_EQ(index(0.9), 9u);
  EXPECT_EQ(index(1.0), 9u);  // 1.0 is in the last bin
  for (int i = 0; i <= 1000; ++i) {
    const double p = i / 1000.0;
    std::size_t expected = 0;
    while (expected < 9 && index.edges()[expected + 1] <= p) ++expected;
    EXPECT_EQ(index(p), expected) << p;
  }
}

TEST(Analysis, HosmerLemeshowIsNullWithAReasonWhenABinIsCertain) {
  const std::vector<double> score{0.0, 0.0, 0.5, 0.5, 1.0, 1.0};
  const std::vector<std::uint8_t> outcome{0, 0, 1, 0, 1, 1};
  const Analysis a = analyse_binary(score, outcome, {});
  const metrics::Value* hl = a.metrics.find("hosmer_lemeshow_p_value");
  ASSERT_NE(hl, nullptr);
  EXPECT_FALSE(hl->value.has_value());
  EXPECT_NE(hl->reason.find("variance"), std::string::npos) << hl->reason;
}

TEST(Analysis, SameResultWhateverTheThreadCount) {
  std::vector<double> score(300000);
  std::vector<std::uint8_t> outcome(score.size());
  std::uint64_t state = 7;
  for (std::size_t i = 0; i < score.size(); ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    score[i] = static_cast<double>(state >> 11) / 9007199254740992.0;
    outcome[i] = ((state >> 7) & 1023) < score[i] * 1024 ? 1 : 0;
  }
  const Analysis all = analyse_binary(score, outcome, {});
  const Analysis one = tbb::task_arena(1).execute([&] { return analyse_binary(score, outcome, {}); });
  for (const auto& item : all.metrics.items()) {
    EXPECT_EQ(item.value.value, one.metrics.get(item.name)) << item.name;
  }
}

TEST(Analysis, RejectsBadOptions) {
  const std::vector<double> score{0.2, 0.8};
  const std::vector<std::uint8_t> outcome{0, 1};
  EXPECT_THROW(analyse_binary(score, outcome, {.bins = 0}), core::Error);
  EXPECT_THROW(analyse_binary(score, outcome, {.level = 1.0}), core::Error);
  EXPECT_THROW(analyse_binary({}, {}, {}), core::Error);
}

}  // namespace
}  // namespace assay::calibration
