// Fairness against Fairlearn's definitions written with NumPy
// (tests/reference/fairness_reference.py): every group's size and rates, the
// per-group ECE, and every summary of each sensitive column and of their
// intersection, 1e-9 relative; groups below --min-group are marked and left
// out of the summaries exactly as the reference leaves them out.

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <oneapi/tbb/task_arena.h>

#include <cmath>
#include <fstream>

#include "core/error.hpp"
#include "core/table.hpp"
#include "fairness/evaluate.hpp"

namespace assay::fairness {
namespace {

using nlohmann::json;

const json& golden() {
  static const json doc = [] {
    std::ifstream in(std::string(ASSAY_REFERENCE_DIR) + "/fairness_reference.json");
    return json::parse(in);
  }();
  return doc;
}

core::Table table_of(const json& data) {
  core::Table t;
  for (const auto& [name, values] : data.items()) {
    if (values.front().is_string()) {
      t.add(core::Column::string(name, values.get<std::vector<std::string>>()));
    } else if (name == "score") {
      t.add(core::Column::float64(name, values.get<std::vector<double>>()));
    } else {
      t.add(core::Column::int64(name, values.get<std::vector<std::int64_t>>()));
    }
  }
  return t;
}

Spec spec_of(const json& c, std::size_t resamples) {
  Spec spec;
  spec.target = "target";
  spec.prediction = "prediction";
  spec.score = "score";
  spec.sensitive = c["sensitive"].get<std::vector<std::string>>();
  spec.options.min_group = c["min_group"];
  spec.options.bootstrap.resamples = resamples;
  return spec;
}

void expect_close(const json& expected, const metrics::Value* actual, const std::string& what) {
  ASSERT_NE(actual, nullptr) << what << " missing";
  if (expected.is_null()) {
    EXPECT_FALSE(actual->value.has_value()) << what;
    EXPECT_FALSE(actual->reason.empty()) << what;
    return;
  }
  ASSERT_TRUE(actual->value.has_value()) << what << ": " << actual->reason;
  const double e = expected.get<double>(), a = *actual->value;
  EXPECT_LE(std::abs(a - e), std::max(1e-9 * std::abs(e), 1e-15))
      << what << ": assay " << fmt::format("{:.17g}", a) << ", reference " << fmt::format("{:.17g}", e);
}

TEST(FairnessReference, EveryGroupAndSummaryMatches) {
  ASSERT_GE(golden()["cases"].size(), 2u);
  for (const auto& c : golden()["cases"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const Evaluation e = evaluate(table_of(c["data"]), spec_of(c, 0));
    ASSERT_EQ(e.groupings.size(), c["groupings"].size());
    for (std::size_t k = 0; k < e.groupings.size(); ++k) {
      const Grouping& g = e.groupings[k];
      const json& expected = c["groupings"][k];
      EXPECT_EQ(g.columns, expected["columns"].get<std::vector<std::string>>());
      ASSERT_EQ(g.groups.size(), expected["groups"].size());
      for (std::size_t i = 0; i < g.groups.size(); ++i) {
        const json& eg = expected["groups"][i];
        const std::string where = fmt::format("{} group {}", fmt::join(g.columns, "x"), fmt::join(g.groups[i].values, "&"));
        EXPECT_EQ(g.groups[i].values, eg["values"].get<std::vector<std::string>>()) << where;
        EXPECT_EQ(g.groups[i].size, eg["size"].get<std::size_t>()) << where;
        EXPECT_EQ(g.groups[i].too_small, eg["too_small"].get<bool>()) << where;
        for (const char* m : {"selection_rate", "base_rate", "tpr", "fpr", "precision", "ece"}) {
          expect_close(eg[m], g.groups[i].metrics.find(m), where + " " + m);
        }
      }
      for (const auto& [name, value] : expected["summary"].items()) {
        expect_close(value, g.summary.find(name), fmt::format("{} {}", fmt::join(g.columns, "x"), name));
      }
    }
  }
}

// Resampling rows once for all groups: every interval holds its point
// estimate's neighbourhood, intervals are the same whatever the thread count,
// and a seed change moves them.
TEST(FairnessBootstrap, IntervalsAreDeterministicAndBracketTheEstimate) {
  const json& c = golden()["cases"][0];
  const core::Table t = table_of(c["data"]);
  Spec spec = spec_of(c, 200);
  const Evaluation all = evaluate(t, spec);
  const Evaluation one = tbb::task_arena(1).execute([&] { return evaluate(t, spec); });
  spec.options.bootstrap.seed = 1;
  const Evaluation other_seed = evaluate(t, spec);
  const Grouping& g = all.groupings[0];
  ASSERT_EQ(g.bootstrap.intervals.size(), 8u);
  for (std::size_t i = 0; i < g.bootstrap.intervals.size(); ++i) {
    const auto& interval = g.bootstrap.intervals[i];
    const double point = *g.summary.get(interval.metric);
    EXPECT_LE(interval.low, point) << interval.metric;
    EXPECT_GE(interval.high, point) << interval.metric;
    EXPECT_LT(interval.low, interval.high) << interval.metric;
    EXPECT_EQ(interval.low, one.groupings[0].bootstrap.intervals[i].low) << interval.metric;
    EXPECT_EQ(interval.high, one.groupings[0].bootstrap.intervals[i].high) << interval.metric;
    EXPECT_NE(interval.low, other_seed.groupings[0].bootstrap.intervals[i].low) << interval.metric;
  }
}

core::Table small_table(std::vector<std::int64_t> target, std::vector<std::int64_t> prediction,
                        std::vector<std::string> group) {
  return core::Table({core::Column::int64("y", std::move(target)), core::Column::int64("h", std::move(prediction)),
                      core::Column::string("g", group)});
}

std::string error_of(const core::Table& t, Spec spec) {
  try {
    evaluate(t, spec);
  } catch (const core::Error& e) {
    return e.what();
  }
  return "";
}

TEST(Fairness, UndefinedRatesAreNullWithReasonsAndSoAreTheirSummaries) {
  // Group b has no positive rows: its TPR is undefined, not 0.
  const core::Table t = small_table({1, 0, 1, 0, 0, 0}, {1, 0, 0, 1, 1, 0}, {"a", "a", "a", "b", "b", "b"});
  Spec spec{.target = "y", .prediction = "h", .sensitive = {"g"}};
  spec.options.min_group = 1;
  spec.options.bootstrap.resamples = 0;
  const Evaluation e = evaluate(t, spec);
  const Grouping& g = e.groupings[0];
  EXPECT_FALSE(g.groups[1].metrics.find("tpr")->value.has_value());
  EXPECT_EQ(g.groups[1].metrics.find("tpr")->reason, "no positive rows");
  const metrics::Value* eo = g.summary.find("equal_opportunity_difference");
  EXPECT_FALSE(eo->value.has_value());
  EXPECT_NE(eo->reason.find("group b"), std::string::npos) << eo->reason;
  ASSERT_TRUE(g.summary.get("demographic_parity_difference").has_value());
  EXPECT_DOUBLE_EQ(*g.summary.get("demographic_parity_difference"), 2.0 / 3.0 - 1.0 / 3.0);
}

TEST(Fairness, SmallGroupsAreReportedButNotSummarised) {
  const core::Table t = small_table({1, 0, 1, 0, 1, 0}, {1, 0, 1, 1, 1, 0}, {"a", "a", "a", "a", "b", "b"});
  Spec spec{.target = "y", .prediction = "h", .sensitive = {"g"}};
  spec.options.min_group = 3;
  spec.options.bootstrap.resamples = 0;
  const Evaluation e = evaluate(t, spec);
  EXPECT_TRUE(e.groupings[0].groups[1].too_small);
  EXPECT_FALSE(e.groupings[0].summary.find("demographic_parity_difference")->value.has_value());
  EXPECT_FALSE(e.warnings.empty());
}

TEST(Fairness, BadInputsAreErrors) {
  const core::Table t = small_table({1, 0, 1, 0}, {1, 0, 1, 1}, {"a", "a", "b", "b"});
  Spec spec{.target = "y", .prediction = "h", .sensitive = {"g"}};
  EXPECT_NE(error_of(t, {.target = "y", .prediction = "h", .sensitive = {"nope"}}).find("nope"), std::string::npos);
  EXPECT_NE(error_of(t, {.target = "y", .prediction = "h", .sensitive = {""}}).find("empty"), std::string::npos);
  const core::Table one_group = small_table({1, 0}, {1, 0}, {"a", "a"});
  EXPECT_NE(error_of(one_group, spec).find("1 group"), std::string::npos);
  const core::Table one_class = small_table({1, 1}, {1, 0}, {"a", "b"});
  EXPECT_NE(error_of(one_class, spec).find("one class"), std::string::npos);
}

}  // namespace
}  // namespace assay::fairness
