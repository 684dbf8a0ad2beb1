// The engine's statistics against golden values from scikit-learn, scipy,
// numpy and pandas (tests/reference/quality_reference.py).

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "quality/column_checks.hpp"
#include "quality/column_facts.hpp"
#include "quality/dataset_checks.hpp"
#include "quality/mutual_information.hpp"
#include "stats/roc_auc.hpp"
#include "tables.hpp"
#include "report/details_json.hpp"

namespace assay::quality {
namespace {

using namespace testing;

const nlohmann::json& golden() {
  static const nlohmann::json doc = [] {
    std::ifstream in(std::string(ASSAY_REFERENCE_DIR) + "/quality_reference.json");
    return nlohmann::json::parse(in);
  }();
  return doc;
}

void expect_close(double actual, double expected, double rel = 1e-9) {
  EXPECT_NEAR(actual, expected, rel * std::max(1.0, std::fabs(expected)));
}

TEST(ReferenceValues, RankAucMatchesSklearn) {
  for (const auto& c : golden()["auc"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const auto score = c["score"].get<std::vector<double>>();
    const auto label = c["label"].get<std::vector<std::uint8_t>>();
    expect_close(stats::roc_auc(score, label), c["auc"].get<double>());
  }
}

TEST(ReferenceValues, RankAucUndefinedForOneClass) {
  const std::vector<double> s{1, 2, 3};
  const std::vector<std::uint8_t> y{1, 1, 1};
  EXPECT_TRUE(std::isnan(stats::roc_auc(s, y)));
}

TEST(ReferenceValues, MutualInformationMatchesSklearn) {
  for (const auto& c : golden()["mi"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const auto x = c["x"].get<std::vector<std::int32_t>>();
    const auto y = c["y"].get<std::vector<std::int32_t>>();
    const auto mi = mutual_information(x, c["kx"].get<std::int32_t>(), y, c["ky"].get<std::int32_t>());
    expect_close(mi.mi, c["mi"].get<double>());
    expect_close(mi.entropy_y, c["entropy_y"].get<double>());
  }
}

TEST(ReferenceValues, OutlierCountsMatchScipyAndNumpy) {
  for (const auto& c : golden()["outliers"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const auto column = doubles("x", c["values"].get<std::vector<double>>());
    const auto facts = column_facts(column);
    Options mad;
    const auto f = check_outliers(column, facts, mad);
    ASSERT_TRUE(f);
    expect_close(report::details_json(f->details)["rule"]["median"].get<double>(), c["median"].get<double>());
    expect_close(report::details_json(f->details)["rule"]["mad"].get<double>(), c["mad"].get<double>());
    EXPECT_EQ(report::details_json(f->details)["count"].get<std::size_t>(), c["mad_outliers"].get<std::size_t>());
    Options iqr;
    iqr.outlier_rule = OutlierRule::iqr;
    const auto g = check_outliers(column, facts, iqr);
    expect_close(report::details_json(g->details)["rule"]["q1"].get<double>(), c["q1"].get<double>());
    expect_close(report::details_json(g->details)["rule"]["q3"].get<double>(), c["q3"].get<double>());
    EXPECT_EQ(report::details_json(g->details)["count"].get<std::size_t>(), c["iqr_outliers"].get<std::size_t>());
  }
}

TEST(ReferenceValues, DuplicateRowsMatchPandas) {
  const auto& c = golden()["duplicates"][0];
  core::Table t({ints("a", c["a"].get<std::vector<std::int64_t>>()), texts("b", c["b"].get<std::vector<std::string>>()),
                 doubles("c", c["c"].get<std::vector<double>>())});
  const std::vector<std::size_t> cols{0, 1, 2};
  Options o;
  const auto f = check_duplicate_rows(t, cols, o);
  EXPECT_EQ(report::details_json(f.details)["count"].get<std::size_t>(), c["duplicates"].get<std::size_t>());
  EXPECT_EQ(report::details_json(f.details)["distinct_duplicated"].get<std::size_t>(), c["distinct_duplicated"].get<std::size_t>());
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(report::details_json(f.details)["examples"][i]["row"].get<std::size_t>(), c["first_duplicate_rows"][i].get<std::size_t>());
    EXPECT_EQ(report::details_json(f.details)["examples"][i]["same_as"].get<std::size_t>(), c["same_as"][i].get<std::size_t>());
  }
}

}  // namespace
}  // namespace assay::quality
