// `assay calibration`, `assay calibrate` and `assay fairness` end to end on
// the breast-cancer scores (tests/data/breast_cancer_scores.csv): the JSON
// agrees with the NumPy / scikit-learn / Fairlearn-formula references, a
// fitted calibrator applies to a file, and every bad input exits 2 with one
// line on stderr and nothing on stdout.

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/run_assay.hpp"

namespace assay::testing {
namespace {

using nlohmann::json;

const std::string kScores = std::string(ASSAY_TEST_DATA) + "/breast_cancer_scores.csv";

json load(const std::string& relative) {
  std::ifstream in(std::string(ASSAY_SOURCE_DIR) + "/" + relative);
  return json::parse(in);
}

void expect_close(const json& expected, const json& actual, const std::string& what, double tolerance = 1e-9) {
  if (expected.is_null()) {
    EXPECT_TRUE(actual.is_null()) << what;
    return;
  }
  ASSERT_TRUE(actual.is_number()) << what << ": " << actual.dump();
  const double e = expected.get<double>(), a = actual.get<double>();
  EXPECT_LE(std::abs(a - e), std::max(tolerance * std::abs(e), 1e-14)) << what << ": " << a << " vs " << e;
}

std::string write_file(const std::string& dir, const std::string& name, const std::string& text) {
  const std::string path = dir + "/" + name;
  std::ofstream(path) << text;
  return path;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(CalibrationCli, BreastCancerMatchesTheReference) {
  const json golden = load("tests/reference/calibration_reference.json")["breast_cancer"];
  for (const auto& c : golden["cases"]) {
    const std::string strategy = c["strategy"];
    const auto r = run_assay({"--format", "json", "calibration", "--data", kScores, "--target", "target", "--score",
                              "score", "--bins", "10", "--strategy", strategy});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json doc = json::parse(r.out);
    EXPECT_EQ(nlohmann::ordered_json::parse(r.out).begin().key(), "schema");
    EXPECT_EQ(doc["schema"], "assay.calibration/v1");
    EXPECT_EQ(doc["inputs"][0]["rows"], 569);
    EXPECT_EQ(doc["n"], 569);
    for (const auto& [name, value] : c["metrics"].items()) expect_close(value, doc["metrics"][name], strategy + " " + name);
    ASSERT_EQ(doc["reliability_curve"].size(), c["curve"].size());
    for (std::size_t k = 0; k < c["curve"].size(); ++k) {
      for (const char* key : {"lower", "upper", "count", "mean_score", "frequency", "wilson_low", "wilson_high"}) {
        expect_close(c["curve"][k][key], doc["reliability_curve"][k][key], fmt::format("{} bin {} {}", strategy, k, key));
      }
    }
  }
}

TEST(CalibrationCli, TableOutputNamesTheMetrics) {
  const auto r = run_assay({"calibration", "--data", kScores, "--target", "target", "--score", "score"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* m : {"ece", "adaptive_ece", "within_bin_covariance", "hosmer_lemeshow_p_value", "reliability curve"}) {
    EXPECT_NE(r.out.find(m), std::string::npos) << m;
  }
  EXPECT_NE(r.out.find("[0.9, 1]"), std::string::npos) << r.out;  // the closed last bin
}

TEST(CalibrateCli, PlattAndIsotonicFitsEqualScikitLearnAndApply) {
  const json golden = load("tests/reference/calibration_reference.json")["breast_cancer"];
  const std::string dir = temp_dir();
  const std::string cal = dir + "/platt.json";
  auto r = run_assay({"calibrate", "fit", "--method", "platt", "--data", kScores, "--target", "target", "--score",
                      "score", "--eval", kScores, "--output", cal});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("log_loss"), std::string::npos) << r.out;
  const json platt = json::parse(read_file(cal));
  EXPECT_EQ(nlohmann::ordered_json::parse(read_file(cal)).begin().key(), "schema");
  EXPECT_EQ(platt["schema"], "assay.calibrator/v1");
  EXPECT_NEAR(platt["parameters"]["a"].get<double>(), golden["platt"]["a"].get<double>(), 1e-6);
  EXPECT_NEAR(platt["parameters"]["b"].get<double>(), golden["platt"]["b"].get<double>(), 1e-6);

  // Apply both calibrators to a grid of scores and compare with scikit-learn.
  std::string grid = "target,score\n";
  for (std::size_t i = 0; i < golden["isotonic_grid"].size(); ++i) {
    grid += fmt::format("{},{:.17g}\n", i % 2, golden["isotonic_grid"][i].get<double>());
  }
  const std::string grid_csv = write_file(dir, "grid.csv", grid);
  for (const std::string method : {"platt", "isotonic"}) {
    const std::string file = dir + "/" + method + ".json";
    if (method == "isotonic") {
      r = run_assay({"calibrate", "fit", "--method", method, "--data", kScores, "--target", "target", "--score", "score",
                     "--output", file});
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    const std::string out = dir + "/" + method + ".csv";
    r = run_assay({"calibrate", "apply", "--calibrator", file, "--data", grid_csv, "--output", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "");
    std::istringstream lines(read_file(out));
    std::string line;
    std::getline(lines, line);
    EXPECT_EQ(line, "target,score,score_calibrated");
    const json& expected = golden[method + "_predictions"];
    for (std::size_t i = 0; std::getline(lines, line); ++i) {
      ASSERT_LT(i, expected.size());
      const double got = std::stod(line.substr(line.rfind(',') + 1));
      EXPECT_NEAR(got, expected[i].get<double>(), 1e-6) << method << " row " << i;
    }
  }
}

TEST(FairnessCli, BreastCancerMatchesTheReference) {
  const json golden = load("tests/reference/fairness_reference.json")["cases"][1];
  const auto r = run_assay({"--format", "json", "fairness", "--data", kScores, "--target", "target", "--prediction",
                            "prediction", "--score", "score", "--sensitive", "size,texture", "--bootstrap", "50"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json doc = json::parse(r.out);
  EXPECT_EQ(doc["schema"], "assay.fairness/v1");
  ASSERT_EQ(doc["groupings"].size(), golden["groupings"].size());
  for (std::size_t k = 0; k < golden["groupings"].size(); ++k) {
    const json& e = golden["groupings"][k];
    const json& a = doc["groupings"][k];
    for (const auto& [name, value] : e["summary"].items()) expect_close(value, a["summary"][name], name);
    for (std::size_t g = 0; g < e["groups"].size(); ++g) {
      EXPECT_EQ(a["groups"][g]["size"], e["groups"][g]["size"]);
      for (const char* m : {"selection_rate", "tpr", "fpr", "precision", "ece"}) {
        expect_close(e["groups"][g][m], a["groups"][g]["metrics"][m], fmt::format("group {} {}", g, m));
      }
    }
    EXPECT_EQ(a["ci"].size(), 8u);
    EXPECT_EQ(a["four_fifths_rule"], "fail");
  }
}

struct BadCase {
  std::string name;
  std::vector<std::string> args;
  std::string message;  // expected stderr after "assay: "
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

class CalibrationBadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(CalibrationBadInput, ExitsTwoWithOneLineAndNothingOnStdout) {
  static const std::string dir = [] {
    const std::string d = temp_dir();
    write_file(d, "outside.csv", "y,p\n0,0.2\n1,1.5\n");
    write_file(d, "nan.csv", "y,p\n0,0.2\n1,NAN\n");  // "nan" is a null token; "NAN" is a NaN value
    write_file(d, "inf.csv", "y,p\n0,0.2\n1,inf\n");
    write_file(d, "one_class.csv", "y,p,h,g\n1,0.2,1,a\n1,0.9,0,b\n");
    write_file(d, "groups.csv", "y,p,h,g\n1,0.2,1,a\n0,0.9,0,a\n");
    write_file(d, "foreign.json", R"({"schema": "assay.metrics/v1"})");
    write_file(d, "broken.json", R"({"schema": "assay.calibrator/v1", "method": "platt", "target": "y",)");
    write_file(d, "no_b.json", R"({"schema": "assay.calibrator/v1", "method": "platt", "target": "y",
      "input": {"score": "p"}, "labels": {"negative": "0", "positive": "1"}, "fitted_rows": 2,
      "parameters": {"a": 1.0}})");
    write_file(d, "other_column.json", R"({"schema": "assay.calibrator/v1", "method": "platt", "target": "y",
      "input": {"score": "nope"}, "labels": {"negative": "0", "positive": "1"}, "fitted_rows": 2,
      "parameters": {"a": 1.0, "b": 0.5}})");
    return d;
  }();
  std::vector<std::string> args = GetParam().args;
  for (auto& a : args) {
    const auto at = a.find("$D");
    if (at != std::string::npos) a.replace(at, 2, dir);
  }
  const auto r = run_assay(args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "");
  std::string expected = GetParam().message;
  const auto at = expected.find("$D");
  if (at != std::string::npos) expected.replace(at, 2, dir);
  EXPECT_EQ(r.err, "assay: " + expected + "\n");
}

const std::string kData = std::string(ASSAY_TEST_DATA) + "/breast_cancer_scores.csv";

INSTANTIATE_TEST_SUITE_P(
    Commands, CalibrationBadInput,
    ::testing::Values(
        BadCase{"calibration_unknown_column", {"calibration", "--data", kData, "--target", "target", "--score", "nope"},
                kData + ": no column named 'nope'"},
        BadCase{"calibration_outside_unit", {"calibration", "--data", "$D/outside.csv", "--target", "y", "--score", "p"},
                "$D/outside.csv: score column 'p' has 1 values outside [0, 1] (first at data row 2: 1.5); expected probabilities"},
        BadCase{"calibration_nan", {"calibration", "--data", "$D/nan.csv", "--target", "y", "--score", "p"},
                "$D/nan.csv: score column 'p' has 1 infinite or NaN values (first at data row 2: nan)"},
        BadCase{"calibration_inf", {"calibration", "--data", "$D/inf.csv", "--target", "y", "--score", "p"},
                "$D/inf.csv: score column 'p' has 1 infinite or NaN values (first at data row 2: inf)"},
        BadCase{"calibration_one_class", {"calibration", "--data", "$D/one_class.csv", "--target", "y", "--score", "p"},
                "$D/one_class.csv: column 'y' holds one class only (1); calibration and fairness need both outcomes"},
        BadCase{"calibration_zero_bins", {"calibration", "--data", kData, "--target", "target", "--score", "score", "--bins", "0"},
                "--bins: expected a whole number from 1 to 100000, got \"0\""},
        BadCase{"calibration_negative_bins", {"calibration", "--data", kData, "--target", "target", "--score", "score", "--bins", "-3"},
                "--bins: expected a whole number from 1 to 100000, got \"-3\""},
        BadCase{"calibration_no_score", {"calibration", "--data", kData, "--target", "target"},
                "--score: give --score (binary) or --scores (multiclass)"},
        BadCase{"fit_unknown_method", {"calibrate", "fit", "--method", "beta", "--data", kData, "--target", "target", "--score", "score", "--output", "$D/c.json"},
                "--method: expected platt, isotonic, temperature or histogram, got 'beta'"},
        BadCase{"fit_histogram_outside_unit", {"calibrate", "fit", "--method", "histogram", "--data", "$D/outside.csv", "--target", "y", "--score", "p", "--output", "$D/c.json"},
                "score column 'p' has 1 values outside [0, 1] (first at data row 2: 1.5); expected probabilities"},
        BadCase{"fit_one_class", {"calibrate", "fit", "--method", "platt", "--data", "$D/one_class.csv", "--target", "y", "--score", "p", "--output", "$D/c.json"},
                "column 'y' holds one class only (1); calibration and fairness need both outcomes"},
        BadCase{"fit_unknown_column", {"calibrate", "fit", "--method", "isotonic", "--data", kData, "--target", "nope", "--score", "score", "--output", "$D/c.json"},
                "no column named 'nope'"},
        BadCase{"fit_bad_bins", {"calibrate", "fit", "--method", "histogram", "--data", kData, "--target", "target", "--score", "score", "--bins", "0", "--output", "$D/c.json"},
                "--bins: expected a whole number from 1 to 100000, got \"0\""},
        BadCase{"fit_without_output", {"calibrate", "fit", "--method", "platt", "--data", kData, "--target", "target", "--score", "score"},
                "--output: required: the file to write"},
        BadCase{"apply_foreign_file", {"calibrate", "apply", "--calibrator", "$D/foreign.json", "--data", kData, "--output", "$D/o.csv"},
                "$D/foreign.json: schema: expected \"assay.calibrator/v1\", got \"assay.metrics/v1\""},
        BadCase{"apply_broken_json", {"calibrate", "apply", "--calibrator", "$D/broken.json", "--data", kData, "--output", "$D/o.csv"},
                "$D/broken.json: not JSON (at byte 68)"},
        BadCase{"apply_missing_field", {"calibrate", "apply", "--calibrator", "$D/no_b.json", "--data", kData, "--output", "$D/o.csv"},
                "$D/no_b.json: parameters.b: missing field"},
        BadCase{"apply_unknown_column", {"calibrate", "apply", "--calibrator", "$D/other_column.json", "--data", kData, "--output", "$D/o.csv"},
                "no column named 'nope'"},
        BadCase{"apply_missing_file", {"calibrate", "apply", "--calibrator", "$D/none.json", "--data", kData, "--output", "$D/o.csv"},
                "$D/none.json: cannot open the calibrator file"},
        BadCase{"fairness_unknown_column", {"fairness", "--data", kData, "--target", "target", "--prediction", "prediction", "--sensitive", "nope"},
                kData + ": no column named 'nope'"},
        BadCase{"fairness_one_group", {"fairness", "--data", "$D/groups.csv", "--target", "y", "--prediction", "h", "--sensitive", "g"},
                "--sensitive: column 'g' has 1 group on the rows evaluated; fairness compares two or more"},
        BadCase{"fairness_one_class", {"fairness", "--data", "$D/one_class.csv", "--target", "y", "--prediction", "h", "--sensitive", "g"},
                "$D/one_class.csv: column 'y' holds one class only; fairness rates need both outcomes"},
        BadCase{"fairness_score_outside_unit", {"fairness", "--data", "$D/outside.csv", "--target", "y", "--prediction", "y", "--score", "p", "--sensitive", "y"},
                "$D/outside.csv: score column 'p' has 1 values outside [0, 1] (first at data row 2: 1.5); expected probabilities"},
        BadCase{"fairness_bad_bins", {"fairness", "--data", kData, "--target", "target", "--prediction", "prediction", "--score", "score", "--sensitive", "size", "--bins", "0"},
                "--bins: expected a whole number from 1 to 100000, got \"0\""},
        BadCase{"fairness_bad_min_group", {"fairness", "--data", kData, "--target", "target", "--prediction", "prediction", "--sensitive", "size", "--min-group", "0"},
                "--min-group: expected a whole number from 1 to 18446744073709551615, got \"0\""}),
    [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace assay::testing
