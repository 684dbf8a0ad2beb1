// `assay slices` end to end: discovery finds a planted weak slice in a CSV
// file and writes the assay.slices/v1 document; --by lists every slice; bad
// input exits 2 with one line on stderr and nothing on stdout.

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <fstream>

#include "cli/run_assay.hpp"

namespace assay::testing {
namespace {

using nlohmann::json;

double uniform(std::uint64_t row, std::uint64_t stream) {
  std::uint64_t z = row * 0x9e3779b97f4a7c15ULL + stream * 0xbf58476d1ce4e5b9ULL + 12345;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) * 0x1.0p-53;
}

// region x device x age with 10% errors, 55% in region = r3 AND device = d2.
std::string write_planted(const std::string& dir) {
  const std::string path = dir + "/planted.csv";
  std::ofstream out(path);
  out << "id,region,device,age,y,pred,score\n";
  for (std::size_t i = 0; i < 6000; ++i) {
    const int region = static_cast<int>(uniform(i, 1) * 10);
    const int device = static_cast<int>(uniform(i, 2) * 5);
    const double age = 18 + std::floor(uniform(i, 3) * 600) / 10;
    const int y = uniform(i, 4) < 0.4 ? 1 : 0;
    const bool planted = region == 3 && device == 2;
    const int pred = uniform(i, 5) < (planted ? 0.55 : 0.1) ? 1 - y : y;
    const double score = pred ? 0.6 : 0.3;
    out << fmt::format("{},r{},d{},{},{},{},{}\n", i, region, device, age, y, pred, score);
  }
  return path;
}

TEST(SlicesCli, DiscoveryFindsThePlantedSlice) {
  const std::string data = write_planted(temp_dir());
  const RunResult r = run_assay({"--format", "json", "slices", "--data", data, "--task", "binary", "--target", "y",
                                 "--prediction", "pred", "--bootstrap", "200"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json doc = json::parse(r.out);
  EXPECT_EQ(nlohmann::ordered_json::parse(r.out).begin().key(), "schema");
  EXPECT_EQ(doc["schema"], "assay.slices/v1");
  EXPECT_EQ(doc["mode"], "discover");
  EXPECT_EQ(doc["inputs"][0]["rows"], 6000);
  // id is an id, and the model's columns (y, pred) are not candidates; a
  // score column not named as the model's --score is a feature like any other.
  std::vector<std::string> columns;
  for (const auto& c : doc["columns"]) columns.push_back(c["name"]);
  EXPECT_EQ(columns, (std::vector<std::string>{"region", "device", "age", "score"}));
  ASSERT_FALSE(doc["slices"].empty());
  const json& top = doc["slices"][0];
  EXPECT_EQ(top["label"], "region = r3 AND device = d2");
  EXPECT_TRUE(top["significant"].get<bool>());
  EXPECT_LT(top["p_adjusted"].get<double>(), 0.05);
  EXPECT_TRUE(top["ci"].is_array());
  EXPECT_NEAR(top["metric"].get<double>(), 1.0 - top["error"].get<double>(), 1e-12);
}

TEST(SlicesCli, ByListsEverySliceAsATable) {
  const std::string data = write_planted(temp_dir());
  const RunResult r = run_assay({"slices", "--data", data, "--task", "binary", "--target", "y", "--score", "score",
                                 "--by", "device,age", "--bins", "3", "--metric", "roc_auc", "--bootstrap", "50"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("device = d2 AND age"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("roc_auc"), std::string::npos);
}

TEST(SlicesCli, BadInputExitsTwoWithOneLine) {
  const std::string dir = temp_dir();
  const std::string data = write_planted(dir);
  const std::vector<std::string> base{"slices", "--data", data, "--task", "binary", "--target", "y", "--prediction", "pred"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  };
  expect_bad(with({"--by", "regoin"}), "regoin");
  expect_bad(with({"--depth", "0"}), "--depth");
  expect_bad(with({"--depth", "9"}), "--depth");
  expect_bad(with({"--bins", "1"}), "--bins");
  expect_bad(with({"--by", "y"}), "model column");
  expect_bad(with({"--exclude", "region,device,age,score"}), "no columns to slice by");
  expect_bad({"slices", "--data", data, "--task", "binary", "--target", "nope", "--prediction", "pred"}, "nope");

  const std::string only_model = dir + "/only_model.csv";
  std::ofstream(only_model) << "y,pred\n1,1\n0,1\n1,0\n";
  expect_bad({"slices", "--data", only_model, "--task", "binary", "--target", "y", "--prediction", "pred"},
             "no columns to slice by");

  const std::string empty = dir + "/empty.csv";
  std::ofstream(empty) << "region,y,pred\n";
  expect_bad({"slices", "--data", empty, "--task", "binary", "--target", "y", "--prediction", "pred"}, "");

  const std::string outside = dir + "/outside.csv";
  std::ofstream(outside) << "region,y,score\na,1,0.9\nb,0,1.5\n";
  expect_bad({"slices", "--data", outside, "--task", "binary", "--target", "y", "--score", "score"}, "[0, 1]");
}

}  // namespace
}  // namespace assay::testing
