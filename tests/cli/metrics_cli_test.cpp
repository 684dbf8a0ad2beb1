// `assay metrics` end to end: the binary on CSV files agrees with
// scikit-learn (golden cases of tests/reference/metrics_reference.json
// written out as CSV), and every bad input exits 2 with one clear line.

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cli/run_assay.hpp"

namespace assay::testing {
namespace {

using nlohmann::json;

const json& reference() {
  static const json doc = [] {
    std::ifstream in(std::string(ASSAY_SOURCE_DIR) + "/tests/reference/metrics_reference.json");
    return json::parse(in);
  }();
  return doc;
}

const json& reference_case(const std::string& name) {
  for (const auto& c : reference()["cases"]) {
    if (c["name"] == name) return c;
  }
  throw std::runtime_error("no reference case " + name);
}

std::string cell(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return fmt::format("{}", v.get<std::int64_t>());
  return fmt::format("{:.17g}", v.get<double>());
}

// Writes the case's columns as a CSV file in `dir`.
std::string write_csv(const json& c, const std::string& dir) {
  const std::string path = dir + "/" + c["name"].get<std::string>() + ".csv";
  std::ofstream out(path);
  const auto& columns = c["columns"];
  for (std::size_t j = 0; j < columns.size(); ++j) out << (j ? "," : "") << columns[j]["name"].get<std::string>();
  out << "\n";
  for (std::size_t i = 0; i < columns[0]["values"].size(); ++i) {
    for (std::size_t j = 0; j < columns.size(); ++j) out << (j ? "," : "") << cell(columns[j]["values"][i]);
    out << "\n";
  }
  return path;
}

std::vector<std::string> spec_args(const json& s) {
  std::vector<std::string> args{"--task", s["task"], "--target", s["target"]};
  for (const char* key : {"prediction", "score", "positive", "weight", "group"}) {
    if (s.contains(key)) args.insert(args.end(), {std::string("--") + key, s[key].get<std::string>()});
  }
  if (s.contains("scores")) {
    std::string joined;
    for (const auto& name : s["scores"]) joined += (joined.empty() ? "" : ",") + name.get<std::string>();
    args.insert(args.end(), {"--scores", joined});
  }
  if (s.contains("threshold")) args.insert(args.end(), {"--threshold", fmt::format("{:.17g}", s["threshold"].get<double>())});
  if (s.contains("k")) args.insert(args.end(), {"--k", fmt::format("{}", s["k"].get<int>())});
  if (s.contains("quantile")) args.insert(args.end(), {"--quantile", fmt::format("{:.17g}", s["quantile"].get<double>())});
  return args;
}

json run_json(std::vector<std::string> args) {
  args.insert(args.begin(), {"--format", "json", "metrics"});
  const auto r = run_assay(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

class MetricsCliReference : public ::testing::TestWithParam<std::string> {};

TEST_P(MetricsCliReference, JsonAgreesWithScikitLearn) {
  const json& c = reference_case(GetParam());
  const std::string dir = temp_dir();
  std::vector<std::string> args{"--data", write_csv(c, dir), "--bootstrap", "0"};
  for (auto& a : spec_args(c["spec"])) args.push_back(a);
  const json doc = run_json(args);
  EXPECT_EQ(doc["schema"], "assay.metrics/v1");
  EXPECT_EQ(doc["task"], c["spec"]["task"]);
  EXPECT_EQ(doc["inputs"][0]["rows"], c["columns"][0]["values"].size());
  EXPECT_EQ(doc["inputs"][0]["xxh3_128"].get<std::string>().size(), 32u);
  for (const auto& [name, expected] : c["expected"].items()) {
    if (name == "queries") {
      EXPECT_EQ(doc["queries"], expected.get<std::size_t>());
      continue;
    }
    ASSERT_TRUE(doc["metrics"].contains(name)) << name;
    if (expected.is_null()) {
      EXPECT_TRUE(doc["metrics"][name].is_null()) << name;
      EXPECT_TRUE(doc["notes"].contains(name)) << name << " is null without a note";
      continue;
    }
    const double a = doc["metrics"][name].get<double>();
    const double e = expected.get<double>();
    EXPECT_LE(std::abs(a - e), std::max(1e-12 * std::abs(e), 1e-15)) << name << ": " << a << " vs " << e;
  }
}

INSTANTIATE_TEST_SUITE_P(Golden, MetricsCliReference,
                         ::testing::Values("binary_weights_ties", "binary_strings_prediction", "binary_one_class",
                                           "binary_margins_outside_unit", "multiclass_strings_ties",
                                           "multiclass_absent_class", "regression_weights_q09", "ranking_ties_k10"));

// A small binary file written by hand.
std::string binary_csv(const std::string& dir, const std::string& body, const std::string& name = "b.csv") {
  const std::string path = dir + "/" + name;
  std::ofstream(path) << body;
  return path;
}

const char* kBinary =
    "label,proba,w,who\n1,0.9,1,spam\n0,0.2,2,ham\n1,0.6,1,spam\n0,0.7,1,ham\n1,0.4,0.5,spam\n0,0.1,1,ham\n"
    "1,0.8,1,spam\n0,0.3,1,ham\n";

TEST(MetricsCli, DefaultRunHasIntervalsCurvesAndConfusion) {
  const std::string data = binary_csv(temp_dir(), kBinary);
  const json doc = run_json({"--data", data, "--task", "binary", "--target", "label", "--score", "proba"});
  EXPECT_EQ(doc["bootstrap"]["resamples"], 1000);
  ASSERT_TRUE(doc["ci"].contains("roc_auc"));
  EXPECT_LE(doc["ci"]["roc_auc"][0].get<double>(), doc["metrics"]["roc_auc"].get<double>());
  EXPECT_GE(doc["ci"]["roc_auc"][1].get<double>(), doc["metrics"]["roc_auc"].get<double>());
  EXPECT_EQ(doc["confusion_matrix"]["labels"], json::array({"0", "1"}));
  EXPECT_EQ(doc["confusion_matrix"]["matrix"], json::parse("[[3, 1], [1, 3]]"));
  EXPECT_EQ(doc["curves"]["roc"]["fpr"].front(), 0.0);
  EXPECT_EQ(doc["curves"]["roc"]["tpr"].back(), 1.0);
  EXPECT_EQ(doc["parameters"]["positive"], "1");
}

TEST(MetricsCli, IntervalsDoNotDependOnThreads) {
  const std::string data = binary_csv(temp_dir(), kBinary);
  const std::vector<std::string> args{"--data", data, "--task", "binary", "--target", "label", "--score", "proba",
                                      "--seed", "42", "--bootstrap", "300"};
  auto one = args, two = args;
  one.insert(one.begin(), {"--threads", "1"});
  two.insert(two.begin(), {"--threads", "2"});
  EXPECT_EQ(run_json(one)["ci"], run_json(two)["ci"]);
}

TEST(MetricsCli, TableOutputListsMetricsWithIntervals) {
  const std::string data = binary_csv(temp_dir(), kBinary);
  const auto r = run_assay({"metrics", "--data", data, "--task", "binary", "--target", "who", "--positive", "spam",
                            "--score", "proba", "--bootstrap", "100"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("95% CI"), std::string::npos);
  EXPECT_NE(r.out.find("roc_auc"), std::string::npos);
  EXPECT_NE(r.out.find("true \\ predicted"), std::string::npos);
}

TEST(MetricsCli, OneClassGivesNullAucWithReasonNotACrash) {
  const std::string data = binary_csv(temp_dir(), "label,proba\n0,0.2\n0,0.7\n0,0.4\n");
  const json doc = run_json({"--data", data, "--task", "binary", "--target", "label", "--score", "proba"});
  EXPECT_TRUE(doc["metrics"]["roc_auc"].is_null());
  EXPECT_NE(doc["notes"]["roc_auc"].get<std::string>().find("one class"), std::string::npos);
}

TEST(MetricsCli, ProbabilitiesOutsideUnitWarnWithCount) {
  const std::string data = binary_csv(temp_dir(), "label,proba\n0,-0.2\n1,1.7\n0,0.4\n1,0.9\n");
  const auto r = run_assay({"metrics", "--data", data, "--task", "binary", "--target", "label", "--score", "proba"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("2 of 4 scores are outside [0, 1]"), std::string::npos) << r.err;
}

struct BadCase {
  const char* name;
  const char* csv;
  std::vector<std::string> args;
  const char* message;  // must appear in the one stderr line
};

// gtest prints this in test listings and failures instead of the bytes.
void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

class MetricsCliBadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(MetricsCliBadInput, ExitsTwoWithOneClearLine) {
  const BadCase& c = GetParam();
  std::vector<std::string> args{"metrics", "--data", binary_csv(temp_dir(), c.csv)};
  args.insert(args.end(), c.args.begin(), c.args.end());
  const auto r = run_assay(args);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

const std::vector<std::string> kBinaryArgs{"--task", "binary", "--target", "label", "--score", "proba"};

std::vector<std::string> with(std::vector<std::string> extra, const std::vector<std::string>& base = kBinaryArgs) {
  extra.insert(extra.begin(), base.begin(), base.end());
  return extra;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MetricsCliBadInput,
    ::testing::Values(
        BadCase{"MissingColumn", "label,proba\n1,0.5\n", {"--task", "binary", "--target", "lable", "--score", "proba"},
                "lable"},
        BadCase{"NegativeWeight", "label,proba,w\n1,0.5,1\n0,0.2,-3\n", with({"--weight", "w"}),
                "weight column 'w' has 1 negative weights (first at data row 2: -3)"},
        BadCase{"InfiniteScore", "label,proba\n1,inf\n0,0.2\n", kBinaryArgs, "score column 'proba' has 1 infinite"},
        BadCase{"TextScore", "label,proba\n1,high\n0,low\n", kBinaryArgs, "score column 'proba' is"},
        BadCase{"AllNull", "label,proba\n1,\n,0.2\n", kBinaryArgs, "no rows left after dropping 2 rows with a null"},
        BadCase{"ThreeLabels", "label,proba\n1,0.5\n0,0.2\n2,0.3\n", kBinaryArgs, "(more than two classes: the multiclass task)"},
        BadCase{"AmbiguousPositive", "label,proba\na,0.5\nb,0.2\n", kBinaryArgs, "pass --positive"},
        BadCase{"PositiveNotFound", "label,proba\n1,0.5\n0,0.2\n", with({"--positive", "yes"}),
                "positive label 'yes' is not among the labels 0, 1"},
        BadCase{"UnknownClass", "y,p_a,p_b\na,0.5,0.5\nc,0.2,0.8\n",
                {"--task", "multiclass", "--target", "y", "--scores", "p_a,p_b"}, "labels that are not among the classes"},
        BadCase{"RankingWithoutGroup", "rel,s\n1,0.5\n", {"--task", "ranking", "--target", "rel", "--score", "s"},
                "need --group"},
        BadCase{"RegressionWithoutPrediction", "y,p\n1,2\n", {"--task", "regression", "--target", "y"},
                "need --prediction"},
        BadCase{"BadLevel", "label,proba\n1,0.5\n0,0.2\n", with({"--ci", "95"}), "--ci"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace assay::testing
