// `assay metrics --by` and `assay drift --by` end to end: per-group metrics
// agree with pandas groupby + scikit-learn, per-segment drift with scipy
// (tests/reference/by_reference.json, from tests/reference/by_reference.py
// on the files in tests/data/by), to 1e-9; groups too small, groups with one
// class, levels absent from the reference and NaN, inf and constant --by
// columns are reported, never dropped or crashed on. Bad usage is in the
// tests/data/bad corpus (metrics_by_*, drift_by_*).

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cli/run_assay.hpp"

namespace assay::testing {
namespace {

using nlohmann::json;

const std::string kData = std::string(ASSAY_TEST_DATA) + "/by/";

const json& reference() {
  static const json doc = [] {
    std::ifstream in(std::string(ASSAY_SOURCE_DIR) + "/tests/reference/by_reference.json");
    return json::parse(in);
  }();
  return doc;
}

const json& reference_case(const char* section, const std::string& key, const std::string& name) {
  for (const auto& c : reference()[section]) {
    if (c[key] == name) return c;
  }
  throw std::runtime_error("no reference case " + name);
}

void expect_near(const json& actual, const json& expected, const std::string& what) {
  if (expected.is_null()) {
    EXPECT_TRUE(actual.is_null()) << what << ": " << actual;
    return;
  }
  ASSERT_TRUE(actual.is_number()) << what << ": " << actual;
  const double e = expected.get<double>();
  EXPECT_NEAR(actual.get<double>(), e, 1e-9 * std::max(1.0, std::abs(e))) << what;
}

// "country = FR", "country is null", "age <= 32.2", "age in (32.2, 40.2]".
std::string label(const std::string& column, const std::string& level) {
  if (level == "null") return column + " is null";
  if (level.starts_with("(")) return column + " in " + level;
  if (level.starts_with("<") || level.starts_with(">") || level.starts_with("= ")) return column + " " + level;
  return column + " = " + level;
}

const json& group_named(const json& groups, const std::string& name) {
  for (const auto& g : groups) {
    if (g["label"] == name) return g;
  }
  throw std::runtime_error("no group " + name);
}

json run_json(std::vector<std::string> args, int expected_exit = 0) {
  args.insert(args.begin(), {"--format", "json"});
  const RunResult r = run_assay(args);
  EXPECT_EQ(r.exit_code, expected_exit) << r.err;
  return json::parse(r.out);
}

void check_metrics_case(const std::string& name, std::vector<std::string> model) {
  const json& c = reference_case("metrics", "name", name);
  std::vector<std::string> args{"metrics", "--data", kData + "scored.csv"};
  args.insert(args.end(), model.begin(), model.end());
  args.insert(args.end(), {"--by", c["by"], "--bootstrap", "0"});
  if (c.contains("bins")) args.insert(args.end(), {"--bins", std::to_string(c["bins"].get<int>())});
  const json doc = run_json(args);
  for (const auto& [metric, value] : c["overall"].items()) expect_near(doc["metrics"][metric], value, "overall " + metric);
  ASSERT_EQ(doc["groups"].size(), c["groups"].size());
  for (const auto& expected : c["groups"]) {
    const std::string name_of = label(c["by"], expected["level"]);
    const json& g = group_named(doc["groups"], name_of);
    EXPECT_EQ(g["rows"], expected["rows"]) << name_of;
    if (!expected.contains("metrics")) {
      EXPECT_EQ(g["status"], "too_small") << name_of;
      EXPECT_NE(g["reason"].get<std::string>().find("--min-support 50"), std::string::npos);
      EXPECT_FALSE(g.contains("metrics"));
      continue;
    }
    EXPECT_EQ(g["status"], "evaluated") << name_of;
    EXPECT_EQ(g["n"], expected["rows"]);
    for (const auto& [metric, value] : expected["metrics"].items()) {
      expect_near(g["metrics"][metric], value, name_of + " " + metric);
      if (value.is_null()) EXPECT_TRUE(g["notes"].contains(metric)) << name_of << " " << metric;
    }
  }
}

TEST(ByCli, BinaryMetricsPerCountryMatchScikitLearn) {
  check_metrics_case("binary_by_country", {"--task", "binary", "--target", "y", "--prediction", "pred", "--score", "score"});
}

TEST(ByCli, BinaryMetricsPerAgeBinMatchScikitLearn) {
  check_metrics_case("binary_by_age", {"--task", "binary", "--target", "y", "--prediction", "pred", "--score", "score"});
}

TEST(ByCli, RegressionMetricsPerCountryMatchScikitLearn) {
  check_metrics_case("regression_by_country", {"--task", "regression", "--target", "y_reg", "--prediction", "pred_reg"});
}

TEST(ByCli, GroupsCarryTheTopLevelShapeWithIntervals) {
  const json doc = run_json({"metrics", "--data", kData + "scored.csv", "--task", "binary", "--target", "y", "--score",
                             "score", "--by", "country", "--bootstrap", "50", "--seed", "3"});
  EXPECT_EQ(doc["by"]["columns"][0]["column"], "country");
  EXPECT_EQ(doc["by"]["min_support"], 50);
  const json& fr = group_named(doc["groups"], "country = FR");
  for (const char* key : {"n", "parameters", "metrics", "notes", "ci", "bootstrap", "confusion_matrix", "warnings"}) {
    EXPECT_TRUE(fr.contains(key)) << key;
  }
  EXPECT_EQ(fr["ci"].size(), doc["ci"].size());
  EXPECT_EQ(fr["bootstrap"]["resamples"], 50);
  EXPECT_EQ(fr["parameters"]["positive"], "1");
  // One class in the target: ROC AUC undefined with its reason, and no interval.
  const json& mt = group_named(doc["groups"], "country = MT");
  EXPECT_TRUE(mt["metrics"]["roc_auc"].is_null());
  EXPECT_NE(mt["notes"]["roc_auc"].get<std::string>().find("one class"), std::string::npos);
  EXPECT_FALSE(mt["ci"].contains("roc_auc"));
  EXPECT_EQ(mt["parameters"]["positive"], "1");
}

TEST(ByCli, TwoColumnsGiveEveryOccurringCombination) {
  const json doc = run_json({"metrics", "--data", kData + "scored.csv", "--task", "regression", "--target", "y_reg",
                             "--prediction", "pred_reg", "--by", "country,age", "--bins", "2", "--min-support", "1",
                             "--bootstrap", "0"});
  std::size_t rows = 0;
  for (const auto& g : doc["groups"]) {
    ASSERT_EQ(g["predicates"].size(), 2u);
    EXPECT_EQ(g["predicates"][0]["column"], "country");
    EXPECT_EQ(g["predicates"][1]["column"], "age");
    EXPECT_GT(g["rows"], 0);
    rows += g["rows"].get<std::size_t>();
  }
  EXPECT_EQ(rows, 500u);
  // 6 countries x (2 bins + null), less the combinations that do not occur.
  EXPECT_LE(doc["groups"].size(), 18u);
  EXPECT_GE(doc["groups"].size(), 12u);
}

TEST(ByCli, MetricsTableListsEveryGroup) {
  const RunResult r = run_assay({"metrics", "--data", kData + "scored.csv", "--task", "binary", "--target", "y",
                                 "--score", "score", "--by", "country", "--bootstrap", "0"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("6 groups by country"), std::string::npos);
  EXPECT_NE(r.out.find("== country = MT (60 rows)"), std::string::npos);
  EXPECT_NE(r.out.find("== country = LU (8 rows): too small"), std::string::npos);
  EXPECT_NE(r.out.find("== country is null (22 rows): too small"), std::string::npos);
}

// A multiclass group with one class cannot be evaluated: listed with the
// engine's reason, and the other groups are still reported.
TEST(ByCli, AGroupTheEngineRefusesIsAnErrorWithItsReason) {
  const std::string path = temp_dir() + "/multi.csv";
  std::ofstream out(path);
  out << "g,y,pred\n";
  for (int i = 0; i < 30; ++i) out << "a," << "xyz"[i % 3] << "," << "xyz"[(i / 2) % 3] << "\n";
  for (int i = 0; i < 10; ++i) out << "b,x,x\n";
  out.close();
  const json doc = run_json({"metrics", "--data", path, "--task", "multiclass", "--target", "y", "--prediction", "pred",
                             "--by", "g", "--min-support", "5", "--bootstrap", "0"});
  EXPECT_EQ(group_named(doc["groups"], "g = a")["status"], "evaluated");
  const json& b = group_named(doc["groups"], "g = b");
  EXPECT_EQ(b["status"], "error");
  EXPECT_NE(b["reason"].get<std::string>().find("at least two classes"), std::string::npos) << b["reason"];
  EXPECT_FALSE(b.contains("metrics"));
}

// NaN is the null level, infinities fall in the outer bins, a constant
// column is one group, numeric or text.
TEST(ByCli, NanInfAndConstantByColumns) {
  const std::string path = temp_dir() + "/odd.csv";
  std::ofstream out(path);
  out << "g,k,c,y,s\n";
  const char* values[] = {"nan", "inf", "-inf", "1", "2", "3", "4", "5", "6", "7"};
  for (int i = 0; i < 200; ++i) {
    out << values[i % 10] << ",3,same," << (i / 10) % 2 << "," << fmt::format("{:.3f}", ((i * 37) % 100) / 100.0) << "\n";
  }
  out.close();
  const std::vector<std::string> model{"metrics", "--data", path, "--task", "binary", "--target", "y", "--score", "s",
                                       "--min-support", "1", "--bootstrap", "0", "--by"};
  auto run = [&](const std::string& by) {
    std::vector<std::string> args = model;
    args.push_back(by);
    return run_json(args);
  };
  const json g = run("g");
  std::size_t rows = 0;
  for (const auto& group : g["groups"]) rows += group["rows"].get<std::size_t>();
  EXPECT_EQ(rows, 200u);
  EXPECT_EQ(group_named(g["groups"], "g is null")["rows"], 20);
  const json& first = g["groups"].front();
  const json& last = g["groups"][g["groups"].size() - 2];
  EXPECT_EQ(first["label"], "g <= 1");  // the first edge is the 0.2 quantile, 1: -inf and 1
  EXPECT_EQ(first["rows"], 40);
  EXPECT_TRUE(last["predicates"][0].contains("low"));
  EXPECT_FALSE(last["predicates"][0].contains("high"));  // +inf in the open top bin
  for (const char* by : {"k", "c"}) {
    const json one = run(by);
    ASSERT_EQ(one["groups"].size(), 1u) << by;
    EXPECT_EQ(one["groups"][0]["rows"], 200);
    expect_near(one["groups"][0]["metrics"]["roc_auc"], one["metrics"]["roc_auc"], by);
  }
  EXPECT_EQ(run("k")["groups"][0]["label"], "k = 3");
  EXPECT_EQ(run("c")["groups"][0]["label"], "c = same");
}

void check_drift_case(const std::string& method) {
  const json& c = reference_case("drift", "method", method);
  const json doc = run_json({"drift", "--reference", kData + "drift_reference.csv", "--current",
                             kData + "drift_current.csv", "--method", method == "auto" ? "auto" : "psi", "--by",
                             "country"},
                            1);
  auto check_columns = [&](const json& columns, const json& expected, const std::string& where) {
    ASSERT_EQ(columns.size(), 3u) << where;  // x, z, plan: never the segment column
    for (const auto& col : columns) {
      const std::string name = col["column"];
      const json& e = expected[name];
      EXPECT_EQ(col["method"], e["method"]) << where << " " << name;
      expect_near(col["statistic"], e["statistic"], where + " " + name + " statistic");
      if (e.contains("p_value")) {
        expect_near(col["p_value"], e["p_value"], where + " " + name + " p");
        expect_near(col["p_value_adjusted"], e["p_value_adjusted"], where + " " + name + " adjusted p");
      }
    }
  };
  check_columns(doc["columns"], c["overall"], "overall");
  ASSERT_EQ(doc["segments"].size(), c["segments"].size());
  for (const auto& expected : c["segments"]) {
    const std::string name = label("country", expected["level"]);
    const json& s = group_named(doc["segments"], name);
    EXPECT_EQ(s["reference_rows"], expected["reference_rows"]) << name;
    EXPECT_EQ(s["current_rows"], expected["current_rows"]) << name;
    if (expected.contains("columns")) {
      ASSERT_TRUE(s["compared"].get<bool>()) << name;
      check_columns(s["columns"], expected["columns"], name);
    } else {
      EXPECT_FALSE(s["compared"].get<bool>()) << name;
      EXPECT_FALSE(s["reason"].get<std::string>().empty());
    }
  }
}

TEST(ByCli, DriftPerSegmentMatchesScipy) { check_drift_case("auto"); }

TEST(ByCli, PsiPerSegmentMatchesTheBinningRule) { check_drift_case("psi"); }

TEST(ByCli, SegmentsAbsentFromTheReferenceOrTooSmallAreErrors) {
  const json doc = run_json({"drift", "--reference", kData + "drift_reference.csv", "--current",
                             kData + "drift_current.csv", "--by", "country"},
                            1);
  EXPECT_EQ(doc["settings"]["by"], json::array({"country"}));
  const json& it = group_named(doc["segments"], "country = IT");
  EXPECT_EQ(it["reason"], "absent from the reference");
  const json& lu = group_named(doc["segments"], "country = LU");
  EXPECT_NE(lu["reason"].get<std::string>().find("too few rows"), std::string::npos);
  std::map<std::string, std::string> status;
  for (const auto& f : doc["findings"]) status[f["subject"]] = f["status"];
  EXPECT_EQ(status["country = IT"], "error");
  EXPECT_EQ(status["country = LU"], "error");
  EXPECT_EQ(status["country = FR"], "pass");
  EXPECT_EQ(doc["status"], "error");
  // The segment column is never compared.
  for (const auto& c : doc["columns"]) EXPECT_NE(c["column"], "country");

  const RunResult table = run_assay({"drift", "--reference", kData + "drift_reference.csv", "--current",
                                     kData + "drift_current.csv", "--by", "country"});
  EXPECT_EQ(table.exit_code, 1);
  EXPECT_NE(table.out.find("absent from the reference"), std::string::npos);
  EXPECT_NE(table.out.find("country is null"), std::string::npos);
}

// A numeric segment column: the current data's bins, the reference rows
// matched by the same edges; NaN rows in the null segment of both files.
TEST(ByCli, NumericSegmentsWithNulls) {
  const std::string dir = temp_dir();
  for (const char* side : {"ref", "cur"}) {
    std::ofstream out(dir + "/" + side + ".csv");
    out << "g,x\n";
    for (int i = 0; i < 300; ++i) {
      const std::string g = i % 10 == 0 ? "nan" : fmt::format("{}", i % 7);
      out << g << "," << fmt::format("{:.3f}", ((i * 53) % 97) / 10.0 + (side[0] == 'c' && i % 7 == 6 ? 5.0 : 0.0)) << "\n";
    }
  }
  const json doc = run_json({"drift", "--reference", dir + "/ref.csv", "--current", dir + "/cur.csv", "--by", "g",
                             "--by-bins", "3", "--min-support", "20"},
                            1);
  std::size_t reference_rows = 0, current_rows = 0;
  for (const auto& s : doc["segments"]) {
    reference_rows += s["reference_rows"].get<std::size_t>();
    current_rows += s["current_rows"].get<std::size_t>();
    EXPECT_TRUE(s["compared"].get<bool>()) << s["label"];
  }
  EXPECT_EQ(reference_rows, 300u);
  EXPECT_EQ(current_rows, 300u);
  EXPECT_EQ(group_named(doc["segments"], "g is null")["current_rows"], 30);
  EXPECT_TRUE(doc["segments"].back()["columns"][0]["drifted"].is_boolean());
}

}  // namespace
}  // namespace assay::testing
