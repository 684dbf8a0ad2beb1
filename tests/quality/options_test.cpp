// Limits judge values into pass/warn/fail; options are overridable by key
// with precise errors.

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "quality/limit.hpp"
#include "quality/options_json.hpp"
#include "report/details_json.hpp"

namespace assay::quality {
namespace {

using core::Status;

TEST(Limit, AboveIsExclusiveByDefault) {
  const Limit limit{Bad::above, 0.1, 0.5};
  EXPECT_EQ(limit.judge(0.0), Status::pass);
  EXPECT_EQ(limit.judge(0.1), Status::pass);
  EXPECT_EQ(limit.judge(0.11), Status::warn);
  EXPECT_EQ(limit.judge(0.5), Status::warn);
  EXPECT_EQ(limit.judge(0.51), Status::fail);
  EXPECT_EQ(limit.judge(NAN), Status::info);
}

TEST(Limit, InclusiveReachingCounts) {
  const Limit limit{Bad::above, 0.9, 0.95, true};
  EXPECT_EQ(limit.judge(0.89), Status::pass);
  EXPECT_EQ(limit.judge(0.9), Status::warn);
  EXPECT_EQ(limit.judge(0.95), Status::fail);
  EXPECT_EQ(limit.threshold(Status::fail)->op, "<");
  EXPECT_EQ(limit.threshold(Status::fail)->value, 0.95);
}

TEST(Limit, BelowFlagsSmallValues) {
  const Limit limit{Bad::below, 0.1, 0.01};
  EXPECT_EQ(limit.judge(0.5), Status::pass);
  EXPECT_EQ(limit.judge(0.05), Status::warn);
  EXPECT_EQ(limit.judge(0.001), Status::fail);
  EXPECT_EQ(limit.threshold(Status::warn)->op, ">=");
}

TEST(Limit, SwitchedOffLevelsNeverTrigger) {
  const Limit limit{Bad::above, std::nullopt, std::nullopt};
  EXPECT_EQ(limit.judge(1e300), Status::pass);
  EXPECT_FALSE(limit.threshold(Status::pass).has_value());
}

TEST(Limit, JudgedFindingCarriesPassConditionOfDecidingLevel) {
  const Limit limit{Bad::above, 0.1, 0.5};
  const auto f = judged("quality.missing.age", "age", "missing_share", 0.2, limit, "m");
  EXPECT_EQ(f.category, "quality");
  EXPECT_EQ(f.status, Status::warn);
  ASSERT_TRUE(f.threshold);
  EXPECT_EQ(f.threshold->op, "<=");
  EXPECT_EQ(f.threshold->value, 0.1);
  EXPECT_EQ(report::details_json(f.details)["fail"], 0.5);
}

TEST(Options, SetByKey) {
  Options o;
  set_option(o, "missing.warn", 0.2);
  set_option(o, "missing.fail", nullptr);
  set_option(o, "outliers.method", "iqr");
  set_option(o, "outliers.z", 3.0);
  set_option(o, "max_examples", 7);
  EXPECT_EQ(o.missing.warn, 0.2);
  EXPECT_FALSE(o.missing.fail.has_value());
  EXPECT_EQ(o.outlier_rule, OutlierRule::iqr);
  EXPECT_EQ(o.outlier_z, 3.0);
  EXPECT_EQ(o.max_examples, 7u);
}

TEST(Options, SettingParsesNumbersOffAndWords) {
  Options o;
  apply_setting(o, "target_auc.fail=0.99");
  apply_setting(o, "duplicate_rows.warn=off");
  apply_setting(o, "outliers.method=mad");
  EXPECT_EQ(o.target_auc.fail, 0.99);
  EXPECT_FALSE(o.duplicate_rows.warn.has_value());
}

TEST(Options, ErrorsNameTheKey) {
  Options o;
  try {
    apply_setting(o, "missng.warn=0.1");
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.where().path, "--set.missng.warn");
    EXPECT_NE(e.message().find("unknown setting"), std::string::npos);
  }
  EXPECT_THROW(apply_setting(o, "missing.warn=abc"), core::Error);
  EXPECT_THROW(apply_setting(o, "max_examples=1.5"), core::Error);
  EXPECT_THROW(apply_setting(o, "out_of_range.quantile=0.7"), core::Error);
  EXPECT_THROW(apply_setting(o, "outliers.method=zscore"), core::Error);
  EXPECT_THROW(apply_setting(o, "novalue"), core::Error);
}

TEST(Options, ThresholdsDocumentNestsByCheck) {
  Options o;
  const auto doc = nlohmann::json::parse(R"({"missing": {"warn": 0.2}, "outliers": {"method": "iqr", "iqr_k": 3},
                                             "max_examples": 2})");
  apply_thresholds(o, doc, core::Location{.file = "t.json"});
  EXPECT_EQ(o.missing.warn, 0.2);
  EXPECT_EQ(o.outlier_iqr_k, 3.0);
  EXPECT_EQ(o.max_examples, 2u);
  try {
    apply_thresholds(o, nlohmann::json::parse(R"({"missing": {"wran": 0.2}})"), core::Location{.file = "t.json"});
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(std::string(e.what()).substr(0, 26), "t.json: missing.wran: unkn");
  }
}

TEST(Options, ListCoversEveryLimit) {
  const auto all = list_options(Options{});
  EXPECT_GT(all.size(), 50u);
  Options o;
  for (const auto& [key, value] : all) EXPECT_NO_THROW(set_option(o, key, value)) << key;
}

}  // namespace
}  // namespace assay::quality
