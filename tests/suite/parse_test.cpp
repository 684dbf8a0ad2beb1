// The suite parser: what a valid file gives, and the error (with file,
// line and column) for each kind of mistake.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "suite/suite_file.hpp"

namespace assay::suite {
namespace {

const char* const kMinimal = R"(task: binary
data: {current: data/current.csv, reference: data/reference.csv}
columns: {target: label, score: proba, prediction: pred}
checks:
  - {metric: f1, min: 0.8}
  - {metric: roc_auc, max_drop: 0.02}
  - {metric: roc_auc, ci: lower, min: 0.75, id: auc_floor, severity: warn, description: AUC floor}
)";

std::string parse_error(const std::string& text, ParseOptions options = {}) {
  try {
    parse_suite(text, "dir/suite.yaml", options);
  } catch (const core::Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(SuiteParse, ReadsAValidSuite) {
  const Suite suite = parse_suite(kMinimal, "dir/suite.yaml");
  EXPECT_EQ(suite.task, metrics::Task::binary);
  EXPECT_EQ(suite.data.current, "dir/data/current.csv");
  ASSERT_TRUE(suite.data.reference);
  EXPECT_EQ(*suite.data.reference, "dir/data/reference.csv");
  EXPECT_EQ(suite.columns.target, "label");
  ASSERT_EQ(suite.checks.size(), 3u);
  EXPECT_EQ(suite.checks[0]->header().id, "metric.f1");
  EXPECT_EQ(suite.checks[1]->header().id, "metric.roc_auc.drop");
  const CheckHeader& third = suite.checks[2]->header();
  EXPECT_EQ(third.id, "auc_floor");
  EXPECT_EQ(third.severity, Severity::warn);
  EXPECT_EQ(third.limits.ci, Bound::lower);
  EXPECT_EQ(third.description, "AUC floor");
  EXPECT_EQ(third.where.line, 7u);
  EXPECT_EQ(suite.hash.size(), 32u);
}

TEST(SuiteParse, DerivedIdsAreUnique) {
  const Suite suite = parse_suite(
      "task: binary\ndata: {current: c.csv}\ncolumns: {target: y, score: p}\nchecks:\n  - {metric: f1, min: 0.1}\n"
      "  - {metric: f1, min: 0.2}\n",
      "s.yaml");
  EXPECT_EQ(suite.checks[0]->header().id, "metric.f1");
  EXPECT_EQ(suite.checks[1]->header().id, "metric.f1.2");
}

TEST(SuiteParse, UnknownMetricSuggestsTheClosest) {
  const std::string e = parse_error("task: binary\ndata: {current: c.csv}\nchecks:\n  - {metric: roc_acu, min: 0.7}\n");
  EXPECT_THAT(e, ::testing::StartsWith("dir/suite.yaml:4:14"));
  EXPECT_THAT(e, ::testing::HasSubstr("did you mean 'roc_auc'?"));
}

TEST(SuiteParse, UnknownKeySuggestsTheClosest) {
  const std::string e = parse_error("task: binary\ndata: {current: c.csv}\nchecks:\n  - {metric: f1, mni: 0.7}\n");
  EXPECT_THAT(e, ::testing::StartsWith("dir/suite.yaml:4:18"));
  EXPECT_THAT(e, ::testing::HasSubstr("unknown key 'mni'"));
  EXPECT_THAT(e, ::testing::HasSubstr("did you mean 'min'?"));
}

TEST(SuiteParse, UnknownTopLevelKeyAndKind) {
  EXPECT_THAT(parse_error("task: binary\ndata: {current: c.csv}\ncheks: []\n"), ::testing::HasSubstr("did you mean 'checks'?"));
  EXPECT_THAT(parse_error("task: binary\ndata: {current: c.csv}\nchecks:\n  - {metrc: f1, min: 1}\n"),
              ::testing::HasSubstr("did you mean 'metric'?"));
}

TEST(SuiteParse, WrongTypesAndValues) {
  EXPECT_THAT(parse_error("task: binary\ndata: {current: c.csv}\nchecks:\n  - {metric: f1, min: high}\n"),
              ::testing::HasSubstr("expected a finite number, got 'high'"));
  EXPECT_THAT(parse_error("task: binary\ndata: {current: c.csv}\nchecks:\n  - {metric: f1, min: .nan}\n"),
              ::testing::HasSubstr("finite"));
  EXPECT_THAT(parse_error("task: binary\ndata: {current: c.csv}\nchecks:\n  - {metric: f1, min: [1]}\n"),
              ::testing::HasSubstr("expected a value, got a list"));
  EXPECT_THAT(parse_error("task: binary\ndata: {current: c.csv}\nchecks:\n  - {metric: f1}\n"),
              ::testing::HasSubstr("needs a limit"));
  EXPECT_THAT(parse_error("task: binary\ndata: {current: c.csv}\nchecks:\n  - {metric: f1, max_drop: 0.1}\n"),
              ::testing::HasSubstr("data.reference"));
  EXPECT_THAT(parse_error("task: binary\ndata: {current: c.csv}\nchecks:\n  - {drift: features, max_drop: 0.1}\n"),
              ::testing::HasSubstr("max_drop: drift checks have no reference value"));
  EXPECT_THAT(parse_error("task: binary\ndata: {current: c.csv}\nchecks:\n  - {metric: f1, min: 0.9, max: 0.1}\n"),
              ::testing::HasSubstr("above max"));
  EXPECT_THAT(parse_error("task: binary\ndata: {current: c.csv}\nchecks:\n  - {metric: f1, min: 1, metric: f1}\n"),
              ::testing::HasSubstr("duplicate key 'metric'"));
  EXPECT_THAT(parse_error("task: trinary\ndata: {current: c.csv}\nchecks:\n  - {metric: f1, min: 1}\n"),
              ::testing::HasSubstr("did you mean 'binary'?"));
}

TEST(SuiteParse, YamlSyntaxErrorHasALine) {
  EXPECT_THAT(parse_error("task: binary\ndata: {current: c.csv\nchecks: []\n"), ::testing::StartsWith("dir/suite.yaml:"));
  EXPECT_THAT(parse_error(""), ::testing::HasSubstr("empty"));
  EXPECT_THAT(parse_error("- a\n- b\n"), ::testing::HasSubstr("must be a map"));
}

TEST(SuiteParse, EnvironmentVariables) {
  ParseOptions options;
  options.getenv = [](const std::string& name) -> std::optional<std::string> {
    if (name == "FLOOR") return "0.9";
    return std::nullopt;
  };
  const Suite suite = parse_suite(
      "task: binary\ndata: {current: \"${DATA:-c.csv}\"}\nchecks:\n  - {metric: f1, min: \"${FLOOR}\"}\n", "s.yaml", options);
  EXPECT_EQ(suite.data.current, "c.csv");
  EXPECT_EQ(*suite.checks[0]->header().limits.min, 0.9);
  const std::string e =
      parse_error("task: binary\ndata: {current: c.csv}\nchecks:\n  - {metric: f1, min: \"${UNSET_X}\"}\n", options);
  EXPECT_THAT(e, ::testing::StartsWith("dir/suite.yaml:4:23"));
  EXPECT_THAT(e, ::testing::HasSubstr("UNSET_X is not set"));
}

TEST(SuiteParse, HashFollowsEnvironmentAndOverrides) {
  ParseOptions a, b;
  a.getenv = [](const std::string&) -> std::optional<std::string> { return "x.csv"; };
  b.getenv = [](const std::string&) -> std::optional<std::string> { return "y.csv"; };
  const char* text = "task: binary\ndata: {current: \"${D}\"}\nchecks:\n  - {metric: f1, min: 0.5}\n";
  EXPECT_NE(parse_suite(text, "s.yaml", a).hash, parse_suite(text, "s.yaml", b).hash);
  EXPECT_EQ(parse_suite(text, "s.yaml", a).hash, parse_suite(text, "s.yaml", a).hash);
  ParseOptions c = a;
  c.set = {"checks.0.min=0.6"};
  EXPECT_NE(parse_suite(text, "s.yaml", a).hash, parse_suite(text, "s.yaml", c).hash);
}

TEST(SuiteParse, OverridesByPositionAndId) {
  ParseOptions options;
  options.set = {"checks.floor.min=0.85", "checks.1.max=0.2", "data.current=other.csv", "outputs.junit=j.xml"};
  const Suite suite = parse_suite(
      "task: binary\ndata: {current: c.csv}\nchecks:\n  - {metric: f1, min: 0.5, id: floor}\n  - {metric: log_loss, max: 0.5}\n",
      "d/s.yaml", options);
  EXPECT_EQ(*suite.checks[0]->header().limits.min, 0.85);
  EXPECT_EQ(*suite.checks[1]->header().limits.max, 0.2);
  EXPECT_EQ(suite.data.current, "d/other.csv");
  EXPECT_EQ(*suite.outputs.junit, "d/j.xml");
  options.set = {"checks.nope.min=1"};
  EXPECT_THAT(parse_error("task: binary\ndata: {current: c.csv}\nchecks:\n  - {metric: f1, min: 0.5}\n", options),
              ::testing::HasSubstr("--set checks.nope.min=1"));
  options.set = {"checks.0.min=abc"};
  EXPECT_THAT(parse_error("task: binary\ndata: {current: c.csv}\nchecks:\n  - {metric: f1, min: 0.5}\n", options),
              ::testing::HasSubstr("--set checks[0].min: checks[0].min: expected a finite number, got 'abc'"));
}

TEST(SuiteParse, OverrideIdsMayHoldDots) {
  ParseOptions options;
  options.set = {"checks.gate.v2.min=0.7"};
  const Suite suite = parse_suite(
      "task: binary\ndata: {current: c.csv}\nchecks:\n  - {metric: f1, min: 0.5, id: gate.v2}\n", "s.yaml", options);
  EXPECT_EQ(*suite.checks[0]->header().limits.min, 0.7);
}

TEST(SuiteParse, MetricNamesDependOnTheTask) {
  EXPECT_THAT(parse_error("task: regression\ndata: {current: c.csv}\nchecks:\n  - {metric: f1, min: 0.5}\n"),
              ::testing::HasSubstr("unknown metric check 'f1'"));
  EXPECT_NO_THROW(parse_suite("task: regression\ndata: {current: c.csv}\nchecks:\n  - {metric: mae, max: 0.5}\n", "s"));
}

}  // namespace
}  // namespace assay::suite
