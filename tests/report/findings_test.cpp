// Rendering of Findings: the JSON record and document, and the console table.

#include <gtest/gtest.h>

#include "report/findings_json.hpp"
#include "report/findings_table.hpp"

namespace assay::report {
namespace {

std::vector<core::Finding> sample() {
  core::Finding pass{.id = "quality.missing.age", .category = "quality", .subject = "age", .metric = "missing_share",
                     .value = 0.0, .threshold = core::Threshold{"<=", 0.05}, .status = core::Status::pass,
                     .message = "age is never missing"};
  core::Finding fail{.id = "quality.duplicate_rows.dataset", .category = "quality", .subject = "dataset",
                     .metric = "duplicate_share", .value = 0.25, .threshold = core::Threshold{"<=", 0.05},
                     .status = core::Status::fail, .message = "25% of rows repeat"};
  core::Finding undefined{.id = "leakage.target.x", .category = "leakage", .subject = "x", .metric = "roc_auc",
                          .status = core::Status::info, .message = "undefined", .reason = "one class"};
  fail.details["count"] = 5;
  return {pass, fail, undefined};
}

TEST(FindingsJson, RecordHasEveryFieldAndNullWithReason) {
  const auto f = findings_json(sample());
  EXPECT_EQ(f[1]["id"], "quality.duplicate_rows.dataset");
  EXPECT_EQ(f[1]["threshold"]["op"], "<=");
  EXPECT_EQ(f[1]["status"], "fail");
  EXPECT_EQ(f[1]["details"]["count"], 5);
  EXPECT_TRUE(f[2]["value"].is_null());
  EXPECT_EQ(f[2]["reason"], "one class");
  EXPECT_TRUE(f[2]["threshold"].is_null());
  EXPECT_FALSE(f[0].contains("reason"));
}

TEST(FindingsJson, DocumentRollsUpStatusAndCarriesInputs) {
  core::FileFingerprint input{.path = "d.csv", .bytes = 10, .format = "csv", .rows = 2, .columns = 1};
  const auto doc = findings_document("quality", sample(), {input}, 0.5, {{"roles", {{"target", "y"}}}});
  EXPECT_EQ(doc["schema"], "assay.quality/v1");
  EXPECT_EQ(doc["status"], "fail");
  EXPECT_EQ(doc["summary"]["pass"], 1);
  EXPECT_EQ(doc["summary"]["info"], 1);
  EXPECT_EQ(doc["inputs"][0]["path"], "d.csv");
  EXPECT_EQ(doc["roles"]["target"], "y");
  EXPECT_EQ(doc.back().size(), 3u);  // findings come last
  EXPECT_EQ(json_text(doc).back(), '\n');
}

TEST(FindingsJson, InvalidUtf8FromDataIsReplacedNotThrown) {
  core::Finding f{.id = "x", .message = "bad \xff byte"};
  f.details["value"] = "\xfe";
  EXPECT_NO_THROW(json_text(findings_document("quality", {f}, {}, 0.0)));
}

TEST(FindingsTable, WorstFirstPassingHiddenAndSummarised) {
  const std::string text = findings_table(sample());
  EXPECT_EQ(text.find("quality.missing"), std::string::npos);
  EXPECT_NE(text.find("fail    quality.duplicate_rows  dataset"), std::string::npos) << text;
  EXPECT_NE(text.find("<= 0.05"), std::string::npos);
  EXPECT_NE(text.find("3 findings: 1 fail, 1 pass, 1 info (passing checks hidden; --all shows them)"), std::string::npos) << text;
  const std::string all = findings_table(sample(), {.show_passing = true});
  EXPECT_LT(all.find("quality.duplicate_rows"), all.find("quality.missing"));
  EXPECT_NE(all.find("-"), std::string::npos);  // undefined value
}

TEST(FindingsTable, ColourOnlyOnStatusWords) {
  const std::string text = findings_table(sample(), {.color = true});
  EXPECT_NE(text.find("\x1b[31mfail\x1b[0m"), std::string::npos);
  EXPECT_EQ(findings_table({}), "0 findings\n");
}

}  // namespace
}  // namespace assay::report
