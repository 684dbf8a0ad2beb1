// The command line's contract: help, version, exit codes and where output goes.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "cli/run_assay.hpp"

namespace assay::testing {
namespace {

const std::string kData = ASSAY_TEST_DATA;

TEST(Cli, HelpListsSubcommandsAndExitsZero) {
  const auto r = run_assay({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("profile"), std::string::npos);
  EXPECT_NE(r.out.find("--threads"), std::string::npos);
}

TEST(Cli, VersionPrintsSemver) {
  const auto r = run_assay({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("assay 0."), std::string::npos);
}

TEST(Cli, UnknownSubcommandIsUsageError) {
  const auto r = run_assay({"frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty());
}

TEST(Cli, MissingFileIsBadInputWithPath) {
  const auto r = run_assay({"profile", "/nonexistent/x.csv"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("/nonexistent/x.csv: cannot open"), std::string::npos) << r.err;
}

TEST(Cli, OutputFlagWritesFileAndNothingOnStdout) {
  const std::string dir = temp_dir();
  const std::string target = dir + "/profile.json";
  const auto r = run_assay({"--format", "json", "--output", target, "profile", kData + "/profile/mixed.csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  std::ifstream in(target);
  const auto doc = nlohmann::json::parse(in);
  EXPECT_EQ(doc["schema"], "assay.profile/v1");
  std::filesystem::remove_all(dir);
}

TEST(Cli, FailedRunLeavesNoOutputFile) {
  const std::string dir = temp_dir();
  const std::string target = dir + "/profile.json";
  const auto r = run_assay({"--output", target, "profile", kData + "/bad/empty.csv"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(target));
  std::filesystem::remove_all(dir);
}

TEST(Cli, DemoRunsOnTheShippedExample) {
  const auto r = run_assay({"demo"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("rain_tomorrow"), std::string::npos);
}

}  // namespace
}  // namespace assay::testing
