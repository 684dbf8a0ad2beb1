// The Bar: on 100,000-row train/test files with planted duplicates,
// out-of-range values, a leaked feature, contaminated test rows, temporal
// leakage and shared ids, the quality and leakage runs find each problem
// with the right count, and nothing on a clean twin.
//
// Counts are checked against the construction (planted_data.hpp) and
// against pandas/scikit-learn computing them independently on the same
// files (tests/reference/quality_planted.py, run on files written with
// ASSAY_PLANTED_DIR=dir).

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "io/table_reader.hpp"
#include "planted_data.hpp"
#include "quality/leakage.hpp"
#include "quality/quality.hpp"
#include "tables.hpp"
#include "report/details_json.hpp"

namespace assay::quality {
namespace {

using namespace testing;
using core::Status;

struct Scenario {
  Planted planted;
  io::ReadResult train, test;
  std::vector<core::Finding> quality, leakage;
};

const nlohmann::json& pandas_counts() {
  static const nlohmann::json doc = [] {
    std::ifstream in(std::string(ASSAY_REFERENCE_DIR) + "/quality_planted.json");
    return nlohmann::json::parse(in);
  }();
  return doc;
}

Scenario run(bool clean) {
  const char* keep = std::getenv("ASSAY_PLANTED_DIR");
  std::string dir = keep != nullptr ? std::string(keep) + (clean ? "/clean" : "/planted")
                                    : (std::filesystem::temp_directory_path() /
                                       ("assay_planted_" + std::to_string(::getpid()) + (clean ? "_clean" : "")))
                                          .string();
  std::filesystem::create_directories(dir);
  Scenario s;
  s.planted = write_planted(dir, clean);
  s.train = io::read_table(dir + "/train.csv");
  s.test = io::read_table(dir + "/test.csv");
  if (keep == nullptr) std::filesystem::remove_all(dir);
  const Roles roles{.target = "target", .id = "id", .timestamp = "ts"};
  s.quality = run_quality({&s.test.table, &s.train.table, nullptr, roles}, Options{});
  s.leakage = run_leakage({&s.train.table, &s.test.table, roles}, Options{});
  return s;
}

std::set<std::string> flagged(const std::vector<core::Finding>& findings) {
  std::set<std::string> out;
  for (const auto* f : not_passing(findings)) out.insert(f->id);
  return out;
}

std::size_t count(const std::vector<core::Finding>& findings, const std::string& id, const char* key = "count") {
  return report::details_json(get(findings, id).details).value(key, std::size_t{0});
}

TEST(Planted, TheFilesAreThoseThePandasCountsDescribe) {
  // Guards the golden file: if the generator changes, regenerate it.
  for (const bool clean : {false, true}) {
    const Scenario s = run(clean);
    const auto& golden = pandas_counts()[clean ? "clean" : "planted"];
    EXPECT_EQ(s.train.table.rows(), golden["train_rows"].get<std::size_t>());
    EXPECT_EQ(s.test.fingerprint.bytes, golden["test_bytes"].get<std::uint64_t>());
    EXPECT_EQ(s.train.fingerprint.bytes, golden["train_bytes"].get<std::uint64_t>());
  }
}

TEST(Planted, QualityFindsEachPlantedProblemWithItsCount) {
  const Scenario s = run(false);
  const auto& p = s.planted;
  const auto& golden = pandas_counts()["planted"];
  EXPECT_EQ(flagged(s.quality), (std::set<std::string>{"quality.duplicate_rows.dataset", "quality.out_of_range.x0",
                                                        "quality.unseen_categories.cat", "leakage.target.leak"}));
  EXPECT_EQ(count(s.quality, "quality.duplicate_rows.dataset"), p.duplicates);
  EXPECT_EQ(count(s.quality, "quality.duplicate_rows.dataset"), golden["duplicates"].get<std::size_t>());
  EXPECT_EQ(count(s.quality, "quality.duplicate_rows.dataset", "distinct_duplicated"),
            golden["distinct_duplicated"].get<std::size_t>());
  EXPECT_EQ(count(s.quality, "quality.out_of_range.x0", "above"), p.out_of_range_above);
  EXPECT_EQ(count(s.quality, "quality.out_of_range.x0", "below"), p.out_of_range_below);
  EXPECT_EQ(count(s.quality, "quality.out_of_range.x0", "above"), golden["x0_above"].get<std::size_t>());
  EXPECT_EQ(count(s.quality, "quality.out_of_range.x0", "below"), golden["x0_below"].get<std::size_t>());
  EXPECT_EQ(count(s.quality, "quality.unseen_categories.cat"), p.near_copies);
  EXPECT_EQ(count(s.quality, "quality.unseen_categories.cat"), golden["unseen_cat"].get<std::size_t>());
  const auto& leak = get(s.quality, "leakage.target.leak");
  EXPECT_EQ(leak.status, Status::fail);
  EXPECT_NEAR(report::details_json(leak.details)["auc"].get<double>(), golden["test_auc"]["leak"].get<double>(), 1e-12);
  EXPECT_NEAR(*get(s.quality, "leakage.target.weak").value, golden["test_auc"]["weak"].get<double>(), 1e-12);
}

TEST(Planted, LeakageFindsEachPlantedProblemWithItsCount) {
  const Scenario s = run(false);
  const auto& p = s.planted;
  const auto& golden = pandas_counts()["planted"];
  EXPECT_EQ(flagged(s.leakage),
            (std::set<std::string>{"leakage.contamination.dataset", "leakage.contamination_normalised.dataset",
                                   "leakage.temporal.ts", "leakage.id_overlap.id", "leakage.target.leak"}));
  EXPECT_EQ(count(s.leakage, "leakage.contamination.dataset"), p.exact_copies);
  EXPECT_EQ(count(s.leakage, "leakage.contamination.dataset"), golden["contaminated_exact"].get<std::size_t>());
  EXPECT_EQ(count(s.leakage, "leakage.contamination_normalised.dataset"), p.exact_copies + p.near_copies);
  EXPECT_EQ(count(s.leakage, "leakage.contamination_normalised.dataset"),
            golden["contaminated_normalised"].get<std::size_t>());
  EXPECT_EQ(count(s.leakage, "leakage.temporal.ts"), p.temporal);
  EXPECT_EQ(count(s.leakage, "leakage.temporal.ts"), golden["temporal"].get<std::size_t>());
  EXPECT_EQ(count(s.leakage, "leakage.id_overlap.id"), p.id_overlap);
  EXPECT_EQ(count(s.leakage, "leakage.id_overlap.id"), golden["id_overlap"].get<std::size_t>());
  EXPECT_NEAR(report::details_json(get(s.leakage, "leakage.target.leak").details)["auc"].get<double>(),
              golden["train_auc"]["leak"].get<double>(), 1e-12);
}

TEST(Planted, CleanTwinRaisesNothing) {
  const Scenario s = run(true);
  const auto& golden = pandas_counts()["clean"];
  for (const char* key : {"duplicates", "x0_above", "x0_below", "unseen_cat", "contaminated_exact",
                          "contaminated_normalised", "temporal", "id_overlap", "other_out_of_range"}) {
    EXPECT_EQ(golden[key].get<std::size_t>(), 0u) << key;  // pandas agrees there is nothing to find
  }
  EXPECT_TRUE(flagged(s.quality).empty()) << ::testing::PrintToString(flagged(s.quality));
  EXPECT_TRUE(flagged(s.leakage).empty()) << ::testing::PrintToString(flagged(s.leakage));
  EXPECT_EQ(count(s.leakage, "leakage.contamination_normalised.dataset"), 0u);
}

}  // namespace
}  // namespace assay::quality
