// `assay drift` end to end: the JSON contract (assay.drift/v1), exit codes,
// chunks, the multivariate block, and clear errors for bad usage. The CSVs
// are written by the test from a seeded generator.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "cli/run_assay.hpp"
#include "core/random.hpp"

namespace assay::testing {
namespace {

// x float (shift: +1 sd), n int counts, cat categorical a..e (shift: weights
// reversed, plus an unseen "z"), flag bool, note free text, ts one day per
// `per_day` rows starting 2024-03-01. Shifts apply from day `shift_from`.
void write_csv(const std::string& path, std::uint64_t seed, std::size_t days, std::size_t per_day, std::size_t shift_from) {
  core::Random rng(seed);
  // Poisson(20) by multiplying uniforms until the product drops below
  // e^-20 (Knuth, TAOCP vol. 2, 3.4.1); categories by inverse CDF.
  const auto poisson = [&rng] {
    int k = 0;
    for (double product = rng.uniform(); product >= std::exp(-20.0); product *= rng.uniform()) ++k;
    return k;
  };
  const auto pick = [&rng](const int (&weights)[5]) {
    double u = rng.uniform() * 15.0;  // the weights sum to 15
    int k = 0;
    while (k < 4 && u >= weights[k]) u -= weights[k++];
    return k;
  };
  const int rising[5] = {1, 2, 3, 4, 5}, falling[5] = {5, 4, 3, 2, 1};
  std::ofstream out(path);
  out << "x,n,cat,flag,note,ts\n";
  const char* cats = "abcde";
  for (std::size_t d = 0; d < days; ++d) {
    const bool shifted = d >= shift_from;
    for (std::size_t i = 0; i < per_day; ++i) {
      const double x = rng.normal() + (shifted ? 1.0 : 0.0);
      const char c = shifted && i % 50 == 0 ? 'z' : cats[pick(shifted ? rising : falling)];
      out << x << "," << poisson() << "," << c << "," << (rng.normal() > 0 ? "true" : "false") << ",note "
          << seed << "-" << d << "-" << i << ",2024-03-" << (d < 9 ? "0" : "") << d + 1 << "T"
          << (i % 24 < 10 ? "0" : "") << i % 24 << ":00:00Z\n";
    }
  }
}

class DriftCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(temp_dir());
    write_csv(*dir_ + "/ref.csv", 1, 5, 400, 99);
    write_csv(*dir_ + "/same.csv", 2, 5, 400, 99);
    write_csv(*dir_ + "/moved.csv", 3, 6, 400, 3);
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static std::string file(const std::string& name) { return *dir_ + "/" + name; }
  static nlohmann::json run_json(std::vector<std::string> args, int expected_exit) {
    args.insert(args.begin(), {"--format", "json", "drift"});
    const auto r = run_assay(args);
    EXPECT_EQ(r.exit_code, expected_exit) << r.err;
    return nlohmann::json::parse(r.out);
  }
  static std::string* dir_;
};

std::string* DriftCli::dir_ = nullptr;

TEST_F(DriftCli, JsonDocumentCarriesSchemaProvenanceAndColumns) {
  const auto doc = run_json({"--reference", file("ref.csv"), "--current", file("moved.csv")}, 1);
  EXPECT_EQ(doc["schema"], "assay.drift/v1");
  EXPECT_TRUE(doc["assay_version"].is_string());
  ASSERT_EQ(doc["inputs"].size(), 2u);
  EXPECT_EQ(doc["inputs"][0]["role"], "reference");
  EXPECT_EQ(doc["inputs"][1]["rows"], 2400);
  const std::string hash = doc["inputs"][0]["xxh3_128"];
  EXPECT_EQ(hash.size(), 32u);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos) << hash;
  EXPECT_EQ(doc["settings"]["method"], "auto");
  EXPECT_EQ(doc["settings"]["correction"], "bonferroni");
  std::map<std::string, nlohmann::json> by_name;
  for (const auto& c : doc["columns"]) by_name[c["column"]] = c;
  ASSERT_EQ(by_name.size(), 4u);  // x, n, cat, flag; note is free text, ts a timestamp
  EXPECT_EQ(doc["skipped"].size(), 2u);
  const auto& x = by_name["x"];
  EXPECT_EQ(x["method"], "wasserstein");  // 2,000 reference rows: distances
  EXPECT_TRUE(x["drifted"].get<bool>());
  EXPECT_TRUE(x["p_value"].is_null());
  EXPECT_EQ(x["reference_hist"]["edges"].size(), 21u);
  EXPECT_EQ(x["current_hist"]["counts"].size(), 20u);
  const auto& cat = by_name["cat"];
  EXPECT_EQ(cat["method"], "js");
  EXPECT_EQ(cat["unseen_categories"]["count"], 1);
  EXPECT_EQ(cat["unseen_categories"]["examples"][0], "z");
  EXPECT_EQ(cat["reference_hist"]["categories"].size(), 6u);
  EXPECT_FALSE(by_name["n"]["drifted"].get<bool>());
  EXPECT_FALSE(by_name["flag"]["drifted"].get<bool>());
  EXPECT_EQ(doc["drifted_columns"], 2);
  EXPECT_FALSE(doc["dataset_drift"].get<bool>());  // 2 of 4 is not more than half
  EXPECT_EQ(doc["status"], "fail");
  EXPECT_EQ(doc["findings"].back()["id"], "drift.dataset");
  EXPECT_TRUE(doc["chunks"].empty());
  EXPECT_TRUE(doc["multivariate"].is_null());
}

TEST_F(DriftCli, SameDistributionExitsZero) {
  const auto doc = run_json({"--reference", file("ref.csv"), "--current", file("same.csv")}, 0);
  EXPECT_EQ(doc["drifted_columns"], 0);
  EXPECT_EQ(doc["status"], "pass");
}

TEST_F(DriftCli, SmallSamplesUseTestsWithCorrectedPValues) {
  const auto doc = run_json({"--reference", file("ref.csv"), "--current", file("moved.csv"), "--max-rows", "600",
                             "--columns", "x,n", "--correction", "bh"},
                            0);
  for (const auto& c : doc["columns"]) {
    EXPECT_EQ(c["method"], "ks");
    EXPECT_TRUE(c["p_value_adjusted"].is_number());
  }
}

TEST_F(DriftCli, ChunksShowWhenTheShiftStarted) {
  const auto doc = run_json({"--reference", file("ref.csv"), "--current", file("moved.csv"), "--timestamp", "ts",
                             "--chunk", "1d", "--columns", "x,cat"},
                            1);
  ASSERT_EQ(doc["chunks"].size(), 6u);
  for (std::size_t i = 0; i < 6; ++i) {
    const auto& c = doc["chunks"][i];
    EXPECT_EQ(c["rows"], 400);
    EXPECT_EQ(c["dataset_drift"].get<bool>(), i >= 3) << c.dump();
  }
  EXPECT_EQ(doc["chunks"][3]["start"], "2024-03-04T00:00:00Z");
}

TEST_F(DriftCli, MultivariateClassifierNamesTheSeparatingColumns) {
  const auto doc = run_json({"--reference", file("ref.csv"), "--current", file("moved.csv"), "--multivariate",
                             "classifier", "--seed", "3"},
                            1);
  const auto& mv = doc["multivariate"];
  EXPECT_EQ(mv["method"], "classifier");
  EXPECT_GT(mv["statistic"].get<double>(), 0.55);
  EXPECT_TRUE(mv["drifted"].get<bool>());
  const std::string top = mv["top_features"][0]["column"];
  EXPECT_TRUE(top == "x" || top == "cat") << top;
}

TEST_F(DriftCli, TableOutputForPeople) {
  const auto r = run_assay({"drift", "--reference", file("ref.csv"), "--current", file("moved.csv")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("DRIFT"), std::string::npos);
  EXPECT_NE(r.out.find("dataset drift: no - 2 of 4 columns drifted"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped note: free text"), std::string::npos) << r.out;
}

TEST_F(DriftCli, BadUsageExitsTwoWithAReason) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases{
      {{"--reference", file("ref.csv")}, "--current"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--chunk", "1d"}, "need --timestamp"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--timestamp", "ts"}, "--chunk"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--chunk", "1y", "--timestamp", "ts"},
       "not a chunk size"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--columns", "xx"}, "xx"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--method", "bogus"}, "bogus"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--timestamp", "x", "--chunk", "1d"},
       "not a timestamp"},
      // Hostile numbers: overflowing chunk arithmetic, NaN and inf in flags.
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--timestamp", "ts", "--chunk", "3000000h"},
       "--chunk: a chunk of 3000000h is longer than timestamps can span"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--timestamp", "ts", "--chunk", "9223372036854775807w"},
       "longer than timestamps can span"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--chunk", "99999999999999999999"},
       "--chunk: '99999999999999999999' is too large a chunk size"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--chunk", "-5"}, "not a chunk size"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--threshold", "nan"}, "--threshold: must be"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--threshold", "inf"}, "--threshold: must be"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--threshold", "-1"}, "--threshold: must be"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--drift-share", "nan"}, "--drift-share"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--drift-share", "2"}, "--drift-share"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--multivariate", "mmd",
        "--multivariate-threshold", "nan"},
       "--multivariate-threshold: must be"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--multivariate", "classifier",
        "--multivariate-threshold", "1e308"},
       "--multivariate-threshold: must be"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--bins", "0"}, "--bins"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--bins", "1e400"}, "--bins"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--seed", "-1"}, "--seed"},
      {{"--reference", file("ref.csv"), "--current", file("same.csv"), "--seed", "99999999999999999999999"}, "--seed"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args{"drift"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const auto r = run_assay(args);
    EXPECT_EQ(r.exit_code, 2) << c.message;
    EXPECT_TRUE(r.out.empty()) << c.message;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << "expected '" << c.message << "' in: " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line on stderr, got: " << r.err;
  }
}

// Numeric cells "inf" in a CSV: written by the test, read by the real
// reader, so the whole path from text to Finding is covered.
void write_column(const std::string& path, const std::vector<std::string>& cells) {
  std::ofstream out(path);
  out << "x\n";
  for (const auto& c : cells) out << c << "\n";
}

std::vector<std::string> normal_cells(std::size_t n, double mean, std::uint64_t seed) {
  core::Random rng(seed);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(std::to_string(rng.normal(mean, 1.0)));
  return out;
}

// 1,500 normal values and one "inf".
void write_inf_reference(const std::string& path) {
  auto ref = normal_cells(1500, 0.0, 11);
  ref[100] = "inf";
  write_column(path, ref);
}

TEST_F(DriftCli, AnInfCellInTheReferenceDoesNotHideDrift) {
  write_inf_reference(file("inf_ref.csv"));
  write_column(file("moved5.csv"), normal_cells(1500, 5.0, 12));
  const auto doc = run_json({"--reference", file("inf_ref.csv"), "--current", file("moved5.csv")}, 1);
  const auto& x = doc["columns"][0];
  EXPECT_TRUE(x["statistic"].is_number()) << x.dump();
  EXPECT_TRUE(x["drifted"].get<bool>());
  EXPECT_EQ(x["reference_non_finite"]["positive_infinite"], 1);
  EXPECT_EQ(x["current_non_finite"]["count"], 0);
  EXPECT_FALSE(x["non_finite_share"]["drifted"].get<bool>());
  EXPECT_EQ(doc["findings"][0]["status"], "fail");
}

// XGBoost rejects infinite inputs; the domain classifier used to fail with
// an internal error (exit 3) on one inf cell.
TEST_F(DriftCli, DomainClassifierTreatsInfAsMissing) {
  write_inf_reference(file("inf_ref.csv"));
  write_column(file("moved5.csv"), normal_cells(1500, 5.0, 12));
  const auto doc = run_json({"--reference", file("inf_ref.csv"), "--current", file("moved5.csv"), "--multivariate",
                             "classifier"},
                            1);
  const auto& mv = doc["multivariate"];
  EXPECT_FALSE(mv.contains("reason")) << mv.dump();
  EXPECT_GT(mv["statistic"].get<double>(), 0.9);
}

TEST_F(DriftCli, AColumnThatCannotBeComparedIsAnErrorAndExitsOne) {
  write_inf_reference(file("inf_ref.csv"));
  write_column(file("inf_cur.csv"), std::vector<std::string>(50, "inf"));
  const auto doc = run_json({"--reference", file("inf_ref.csv"), "--current", file("inf_cur.csv")}, 1);
  EXPECT_EQ(doc["findings"][0]["status"], "error");
  EXPECT_EQ(doc["status"], "error");
  // Also when nothing else fails.
  const auto r = run_assay({"drift", "--reference", file("inf_ref.csv"), "--current", file("inf_cur.csv")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("no finite values in the current data"), std::string::npos) << r.out;
}

TEST_F(DriftCli, TableShowsRawAndAdjustedPValuesAndMarksCappedOnes) {
  const auto r = run_assay({"drift", "--reference", file("ref.csv"), "--current", file("moved.csv"), "--method",
                            "anderson", "--columns", "x,n"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("adjusted p"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("<=0.001"), std::string::npos) << r.out;  // x moved by 1 sd: past the table
  EXPECT_NE(r.out.find("<= and >= mark Anderson-Darling"), std::string::npos) << r.out;
  const auto doc = run_json({"--reference", file("ref.csv"), "--current", file("moved.csv"), "--method", "anderson",
                             "--columns", "x,n"},
                            1);
  const auto& x = doc["columns"][0];
  EXPECT_EQ(x["p_value"], 0.001);
  EXPECT_EQ(x["p_value_adjusted"], 0.002);  // Bonferroni over 2 columns
  EXPECT_TRUE(x["p_value_capped"].get<bool>());
  EXPECT_NE(x["note"].get<std::string>().find("true p-value is smaller"), std::string::npos);
}

TEST_F(DriftCli, TooFewRowsForTheMultivariateDetectorIsAnErrorFinding) {
  write_inf_reference(file("inf_ref.csv"));
  write_column(file("one_row.csv"), {"0.5"});
  const auto doc = run_json({"--reference", file("inf_ref.csv"), "--current", file("one_row.csv"), "--multivariate",
                             "classifier", "--method", "ks"},
                            1);
  EXPECT_NE(doc["multivariate"]["reason"].get<std::string>().find("at least 2 rows"), std::string::npos);
  bool found = false;
  for (const auto& f : doc["findings"]) {
    if (f["id"] == "drift.multivariate") {
      found = true;
      EXPECT_EQ(f["status"], "error");
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace assay::testing
