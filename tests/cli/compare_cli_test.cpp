// `assay compare` end to end on real models (tests/data/compare_*.csv):
// the verdict drives the exit code (0 promote, 1 keep or inconclusive), the
// assay.compare/v1 document agrees with the reference values, the two-file
// form joins on an id, and bad input exits 2 with one line on stderr and
// nothing on stdout.

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "cli/run_assay.hpp"

namespace assay::testing {
namespace {

using nlohmann::json;

const std::string kData = std::string(ASSAY_TEST_DATA);
const std::string kBinary = kData + "/compare_binary.csv";

json reference() {
  std::ifstream in(std::string(ASSAY_SOURCE_DIR) + "/tests/reference/compare_reference.json");
  return json::parse(in);
}

std::vector<std::string> base_args(std::vector<std::string> extra) {
  std::vector<std::string> args{"--format", "json", "compare", "--data", kBinary, "--target", "target",
                                "--champion", "champion", "--challenger", "challenger", "--resamples", "200"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

TEST(CompareCli, BetterChallengerIsPromotedWithExitZero) {
  const RunResult r = run_assay(base_args({"--by", "texture", "--max-slice-loss", "0.01"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::ordered_json::parse(r.out).begin().key(), "schema");
  const json doc = json::parse(r.out);
  const json want = reference()["binary"];
  EXPECT_EQ(doc["schema"], "assay.compare/v1");
  EXPECT_EQ(doc["verdict"]["decision"], "promote");
  EXPECT_EQ(doc["metric"], "roc_auc");
  EXPECT_EQ(doc["n"], 569);
  EXPECT_EQ(doc["overall"]["test"], "delong");
  EXPECT_NEAR(doc["overall"]["delta"].get<double>(), want["delong"]["delta"].get<double>(), 1e-12);
  EXPECT_NEAR(doc["overall"]["p_value"].get<double>(), want["delong"]["p_value"].get<double>(), 1e-9);
  ASSERT_EQ(doc["slices"].size(), 3u);
  EXPECT_EQ(doc["slices"][0]["level"], "low");
  EXPECT_NEAR(doc["slices"][2]["p_adjusted"].get<double>() / want["slices_by_texture"][2]["p_adjusted"].get<double>(),
              1.0, 1e-7);
  EXPECT_EQ(doc["findings"][0]["id"], "compare.roc_auc");
  EXPECT_EQ(doc["findings"][0]["status"], "pass");
  EXPECT_EQ(doc["findings"].size(), 4u);
}

TEST(CompareCli, SwappedModelsAreKeptWithExitOne) {
  const RunResult r = run_assay({"--format", "json", "compare", "--data", kBinary, "--target", "target", "--champion",
                                 "challenger", "--challenger", "champion", "--resamples", "0"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  const json doc = json::parse(r.out);
  EXPECT_EQ(doc["verdict"]["decision"], "keep");
  EXPECT_EQ(doc["findings"][0]["status"], "fail");
  EXPECT_TRUE(doc["overall"]["ci"].is_null());
  EXPECT_FALSE(doc["overall"]["ci_note"].get<std::string>().empty());
}

TEST(CompareCli, MinGainAboveTheGainIsInconclusive) {
  const RunResult r = run_assay(base_args({"--metric", "accuracy", "--min-gain", "0.5"}));
  ASSERT_EQ(r.exit_code, 1) << r.err;
  const json doc = json::parse(r.out);
  EXPECT_EQ(doc["verdict"]["decision"], "inconclusive");
  EXPECT_EQ(doc["overall"]["test"], "mcnemar");
  EXPECT_EQ(doc["overall"]["mcnemar"]["method"], "chi_square");
  EXPECT_EQ(doc["findings"][0]["threshold"]["value"], 0.5);
}

TEST(CompareCli, OneClassIsAnErrorFindingNotAPass) {
  const std::string dir = temp_dir();
  const std::string path = dir + "/one_class.csv";
  std::ofstream(path) << "y,a,b\n1,0.2,0.3\n1,0.4,0.1\n1,0.9,0.8\n";
  const RunResult r = run_assay({"--format", "json", "compare", "--data", path, "--target", "y", "--champion", "a",
                                 "--challenger", "b"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  const json doc = json::parse(r.out);
  EXPECT_EQ(doc["verdict"]["decision"], "inconclusive");
  EXPECT_TRUE(doc["verdict"]["error"].get<bool>());
  EXPECT_EQ(doc["findings"][0]["status"], "error");
  EXPECT_TRUE(doc["findings"][0]["value"].is_null());
  EXPECT_NE(doc["findings"][0]["reason"].get<std::string>().find("one class"), std::string::npos);
}

TEST(CompareCli, TableShowsTheVerdictFirst) {
  const RunResult r = run_assay({"compare", "--data", kData + "/compare_regression.csv", "--task", "regression",
                                 "--target", "target", "--champion", "champion", "--challenger", "challenger", "--by",
                                 "age", "--resamples", "200"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("verdict: promote\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("paired_bootstrap"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("by age, in quantile bins"), std::string::npos) << r.out;
}

TEST(CompareCli, MulticlassPredictedLabels) {
  const RunResult r = run_assay({"--format", "json", "compare", "--data", kData + "/compare_multiclass.csv", "--task",
                                 "multiclass", "--target", "target", "--champion", "champion", "--challenger",
                                 "challenger", "--resamples", "100"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json doc = json::parse(r.out);
  EXPECT_EQ(doc["metric"], "accuracy");
  EXPECT_EQ(doc["overall"]["mcnemar"]["c"], reference()["multiclass"]["mcnemar"]["c"]);
}

// Splits compare_binary.csv into a champion file and a challenger file whose
// rows are in reverse order, optionally editing the challenger's rows.
struct TwoFiles {
  std::string champion, challenger;
};

TwoFiles split_binary(const std::string& dir, const std::string& extra_challenger_rows = "", bool drop_last = false) {
  std::ifstream in(kBinary);
  std::string header, line;
  std::getline(in, header);
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream s(line);
    for (std::string cell; std::getline(s, cell, ',');) cells.push_back(cell);
    rows.push_back(cells);
  }
  TwoFiles f{dir + "/champion.csv", dir + "/challenger.csv"};
  std::ofstream a(f.champion), b(f.challenger);
  a << "id,target,score,texture\n";
  b << "id,score\n";
  for (const auto& c : rows) a << c[0] << "," << c[1] << "," << c[2] << "," << c[5] << "\n";
  for (std::size_t k = rows.size() - (drop_last ? 1 : 0); k-- > 0;) b << rows[k][0] << "," << rows[k][3] << "\n";
  b << extra_challenger_rows;
  return f;
}

TEST(CompareCli, TwoFilesJoinedOnIdGiveTheSameResult) {
  const TwoFiles f = split_binary(temp_dir());
  const RunResult two = run_assay({"--format", "json", "compare", "--champion-data", f.champion, "--challenger-data",
                                   f.challenger, "--id", "id", "--target", "target", "--champion", "score",
                                   "--challenger", "score", "--by", "texture", "--resamples", "200"});
  ASSERT_EQ(two.exit_code, 0) << two.err;
  const RunResult one = run_assay(base_args({"--by", "texture"}));
  const json a = json::parse(one.out), b = json::parse(two.out);
  EXPECT_EQ(b["inputs"].size(), 2u);
  EXPECT_EQ(b["parameters"]["challenger"], "score_challenger");
  EXPECT_EQ(a["overall"]["delta"], b["overall"]["delta"]);
  EXPECT_EQ(a["overall"]["p_value"], b["overall"]["p_value"]);
  EXPECT_EQ(a["overall"]["ci"], b["overall"]["ci"]);
  EXPECT_EQ(a["slices"], b["slices"]);
}

TEST(CompareCli, TwoFileIdProblemsExitTwo) {
  {
    const TwoFiles f = split_binary(temp_dir(), "5,0.5\n");
    expect_bad({"compare", "--champion-data", f.champion, "--challenger-data", f.challenger, "--id", "id", "--target",
                "target", "--champion", "score", "--challenger", "score"},
               "repeats 1 ids (e.g. '5')");
  }
  {
    const TwoFiles f = split_binary(temp_dir(), "", true);
    expect_bad({"compare", "--champion-data", f.champion, "--challenger-data", f.challenger, "--id", "id", "--target",
                "target", "--champion", "score", "--challenger", "score"},
               "1 of 569 ids are not in --challenger-data (e.g. '568')");
  }
  {
    const TwoFiles f = split_binary(temp_dir(), "9999,0.5\n");
    expect_bad({"compare", "--champion-data", f.champion, "--challenger-data", f.challenger, "--id", "id", "--target",
                "target", "--champion", "score", "--challenger", "score"},
               "1 of 570 ids are not in --champion-data (e.g. '9999')");
  }
  {
    const TwoFiles f = split_binary(temp_dir());
    expect_bad({"compare", "--champion-data", f.champion, "--challenger-data", f.challenger, "--target", "target",
                "--champion", "score", "--challenger", "score"},
               "--id");
  }
}

TEST(CompareCli, BadInputExitsTwo) {
  expect_bad(base_args({"--metric", "mae"}), "--metric");
  expect_bad(base_args({"--by", "nope"}), "no column named 'nope'");
  expect_bad(base_args({"--by", "champion"}), "--by");
  expect_bad(base_args({"--min-gain", "-1"}), "--min-gain");
  expect_bad(base_args({"--max-slice-loss", "0.1"}), "--max-slice-loss");
  expect_bad(base_args({"--alpha", "1.5"}), "--alpha");
  expect_bad(base_args({"--ci", "2"}), "--ci");
  expect_bad({"compare", "--target", "target", "--champion", "a", "--challenger", "b"}, "--data");
  expect_bad({"compare", "--data", kData + "/does_not_exist.csv", "--target", "target", "--champion", "champion",
              "--challenger", "challenger"},
             "does_not_exist.csv");
  expect_bad({"compare", "--data", kBinary, "--target", "target", "--champion", "texture", "--challenger",
              "challenger"},
             "champion column 'texture'");
  const std::string path = temp_dir() + "/inf.csv";
  std::ofstream(path) << "y,a,b\n1,0.2,0.3\n0,inf,0.1\n1,0.9,0.8\n0,0.1,0.2\n";
  expect_bad({"compare", "--data", path, "--target", "y", "--champion", "a", "--challenger", "b"},
             "champion column 'a' has 1 infinite or NaN values (first at data row 2");
}

}  // namespace
}  // namespace assay::testing
