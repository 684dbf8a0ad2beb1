// Target, id and row-order leakage within a dataset; contamination,
// temporal leakage and id overlap between train and test.

#include <gtest/gtest.h>

#include <random>

#include "core/random.hpp"
#include "quality/contamination.hpp"
#include "quality/leakage.hpp"
#include "quality/mutual_information.hpp"
#include "quality/target_leakage.hpp"
#include "tables.hpp"
#include "report/details_json.hpp"

namespace assay::quality {
namespace {

using namespace testing;
using core::Status;

const Options kLeakageDefaults;

// n rows: label y (about 40% positive), a weak feature, a leak equal to y
// with 1% of rows flipped, a category that predicts y perfectly and a
// unique-per-row text.
core::Table leaky_table(std::size_t n, std::uint64_t seed = 7) {
  core::Random rng(seed);
  std::vector<std::int64_t> y(n);
  std::vector<double> weak(n), leak(n);
  std::vector<std::string> perfect(n), unique(n);
  for (std::size_t i = 0; i < n; ++i) {
    y[i] = rng.uniform() < 0.4 ? 1 : 0;
    weak[i] = static_cast<double>(y[i]) * 0.2 + rng.uniform();
    leak[i] = static_cast<double>(i % 100 == 0 ? 1 - y[i] : y[i]) + 0.5 * rng.uniform();
    perfect[i] = y[i] == 1 ? (i % 2 == 0 ? "p1" : "p2") : "n";
    unique[i] = "u" + std::to_string(i);
  }
  return core::Table({ints("y", y), doubles("weak", weak), doubles("leak", leak), categories("perfect", perfect),
                      texts("unique", unique)});
}

TEST(TargetLeakage, FlagsTheLeakNotTheWeakFeature) {
  const auto t = leaky_table(5000);
  const std::vector<std::size_t> features{1, 2, 3, 4};
  const auto f = check_target_leakage(t, "y", features, kLeakageDefaults);
  EXPECT_EQ(get(f, "leakage.target.weak").status, Status::pass);
  EXPECT_LT(*get(f, "leakage.target.weak").value, 0.75);
  EXPECT_EQ(get(f, "leakage.target.leak").status, Status::fail);
  EXPECT_GT(*get(f, "leakage.target.leak").value, 0.98);
  EXPECT_EQ(get(f, "leakage.target.perfect").status, Status::fail);
  EXPECT_DOUBLE_EQ(*get(f, "leakage.target.perfect").value, 1.0);
  // Unique text is pooled into one category: no memorised AUC of 1.
  EXPECT_EQ(get(f, "leakage.target.unique").status, Status::pass);
  EXPECT_DOUBLE_EQ(*get(f, "leakage.target.unique").value, 0.5);
}

TEST(TargetLeakage, InvertedFeatureCountsAsPower) {
  core::Table t({ints("y", {0, 0, 1, 1, 0, 1}), doubles("x", {9, 8, 1, 2, 7, 3})});
  const std::vector<std::size_t> features{1};
  const auto f = check_target_leakage(t, "y", features, kLeakageDefaults);
  EXPECT_DOUBLE_EQ(*f[0].value, 1.0);
  EXPECT_DOUBLE_EQ(report::details_json(f[0].details)["auc"].get<double>(), 0.0);
}

TEST(TargetLeakage, MutualInformationForMulticlass) {
  std::mt19937_64 rng(3);
  std::vector<std::string> y(3000), copy(3000);
  std::vector<double> noise(3000);
  const char* names[] = {"a", "b", "c"};
  for (std::size_t i = 0; i < y.size(); ++i) {
    y[i] = names[rng() % 3];
    copy[i] = y[i] + "!";
    noise[i] = static_cast<double>(rng() % 1000);
  }
  core::Table t({categories("y", y), categories("copy", copy), doubles("noise", noise)});
  const std::vector<std::size_t> features{1, 2};
  const auto f = check_target_leakage(t, "y", features, kLeakageDefaults);
  EXPECT_EQ(get(f, "leakage.target.copy").metric, "normalized_mutual_info");
  EXPECT_NEAR(*get(f, "leakage.target.copy").value, 1.0, 1e-12);
  EXPECT_EQ(get(f, "leakage.target.copy").status, Status::fail);
  EXPECT_EQ(get(f, "leakage.target.noise").status, Status::pass);
  EXPECT_LT(*get(f, "leakage.target.noise").value, 0.05);
}

TEST(IdLeakage, SortedByLabelIsCaught) {
  std::vector<std::int64_t> y(1000), id(1000);
  for (std::size_t i = 0; i < y.size(); ++i) {
    y[i] = i < 700 ? 0 : 1;
    id[i] = static_cast<std::int64_t>((i * 7919) % 1000);  // shuffled ids: no signal
  }
  core::Table t({ints("y", y), ints("id", id)});
  const auto f = check_id_leakage(t, "y", std::string_view("id"), kLeakageDefaults);
  EXPECT_EQ(get(f, "leakage.row_order.dataset").status, Status::fail);
  EXPECT_DOUBLE_EQ(*get(f, "leakage.row_order.dataset").value, 1.0);
  EXPECT_EQ(get(f, "leakage.id_target.id").status, Status::pass);
  std::vector<std::int64_t> shuffled(1000);
  for (std::size_t i = 0; i < shuffled.size(); ++i) shuffled[i] = y[(i * 7919) % 1000];
  core::Table clean({ints("y", shuffled)});
  EXPECT_EQ(check_id_leakage(clean, "y", std::nullopt, kLeakageDefaults)[0].status, Status::pass);
}

TEST(IdLeakage, TooFewRowsAreReportedNotJudged) {
  core::Table t({ints("y", {0, 0, 1})});
  const auto f = check_id_leakage(t, "y", std::nullopt, kLeakageDefaults);
  EXPECT_DOUBLE_EQ(*f[0].value, 1.0);
  EXPECT_EQ(f[0].status, Status::info);
  EXPECT_NE(f[0].reason.find("only 3 rows"), std::string::npos);
}

TEST(QuantileBins, FewDistinctValuesGetOneBinEach) {
  const std::vector<double> v{1, 1, 2, 2, 2, 3, NAN};
  const auto codes = quantile_bins(v, 10);
  EXPECT_EQ(codes.count, 3);
  EXPECT_EQ(codes.code, (std::vector<std::int32_t>{0, 0, 1, 1, 1, 2, -1}));
}

TEST(Contamination, ExactAndNormalised) {
  core::Table train({texts("city", {"Paris", "Lyon", "Nice"}), doubles("x", {1.5, 2.25, 3.0}), ints("y", {0, 1, 0})});
  core::Table test({texts("city", {"Lyon", " paris", "Nice", "Nice"}), doubles("x", {2.25, 1.5000000001, 3.5, 3.0}),
                    ints("y", {0, 0, 0, 0})});
  const std::vector<std::string> cols{"city", "x"};
  const auto exact = check_contamination(train, test, cols, false, kLeakageDefaults);
  EXPECT_EQ(report::details_json(exact.details)["count"], 2);  // test rows 1 and 4
  EXPECT_EQ(report::details_json(exact.details)["examples"][0]["test_row"], 1);
  EXPECT_EQ(report::details_json(exact.details)["examples"][0]["train_row"], 2);
  EXPECT_EQ(exact.status, Status::fail);
  const auto norm = check_contamination(train, test, cols, true, kLeakageDefaults);
  EXPECT_EQ(report::details_json(norm.details)["count"], 3);
  EXPECT_EQ(norm.id, "leakage.contamination_normalised.dataset");
  core::Table other({texts("city", {"Rome"}), doubles("x", {9.0})});
  EXPECT_EQ(check_contamination(train, other, cols, false, kLeakageDefaults).status, Status::pass);
}

TEST(Temporal, TestRowsOlderThanNewestTrain) {
  const auto train = core::Column::timestamp("t", {100, 300, 200});
  const auto test = core::Column::timestamp("t", {250, 400, 300, 50});
  const auto f = check_temporal(train, test, kLeakageDefaults);
  EXPECT_EQ(report::details_json(f.details)["count"], 2);  // 250 and 50; 300 is not older
  EXPECT_EQ(f.status, Status::fail);
  EXPECT_EQ(check_temporal(train, core::Column::timestamp("t", {300, 301}), kLeakageDefaults).status, Status::pass);
  // ISO text against timestamps.
  const auto text = texts("t", {"1970-01-01T00:00:00.0000002Z", "1970-01-01T00:00:01Z"});
  EXPECT_EQ(report::details_json(check_temporal(train, text, kLeakageDefaults).details)["count"], 1);
}

TEST(IdOverlap, SharedIds) {
  const auto f = check_id_overlap(ints("id", {1, 2, 3}), ints("id", {3, 4, 1, 5}), kLeakageDefaults);
  EXPECT_EQ(report::details_json(f.details)["count"], 2);
  EXPECT_EQ(f.status, Status::fail);
  EXPECT_EQ(check_id_overlap(ints("id", {1, 2}), ints("id", {3}), kLeakageDefaults).status, Status::pass);
}

TEST(RunLeakage, UsesSharedFeaturesAndRoles) {
  core::Table train({ints("id", {1, 2, 3, 4}), doubles("a", {1, 2, 3, 4}), doubles("only_train", {0, 0, 0, 0}),
                     ints("y", {0, 1, 0, 1})});
  core::Table test({ints("id", {5, 6}), doubles("a", {2, 9}), doubles("only_train_missing", {1, 1})});
  LeakageInput input{&train, &test, Roles{.target = "y", .id = "id"}};
  const auto f = run_leakage(input, kLeakageDefaults);
  EXPECT_EQ(f[0].id, "leakage.contamination.dataset");
  EXPECT_EQ(report::details_json(f[0].details)["count"], 1);
  EXPECT_EQ(report::details_json(f[0].details)["columns"], (nlohmann::ordered_json{"a"}));
  EXPECT_EQ(report::details_json(f[0].details)["train_only_columns"], (nlohmann::ordered_json{"only_train"}));
  EXPECT_EQ(get(f, "leakage.id_overlap.id").status, Status::pass);
  EXPECT_NE(find_id(f, "leakage.target.a"), nullptr);
  EXPECT_NE(find_id(f, "leakage.row_order.dataset"), nullptr);
  LeakageInput bad{&train, &test, Roles{.target = "label"}};
  EXPECT_THROW(run_leakage(bad, kLeakageDefaults), core::Error);
}

}  // namespace
}  // namespace assay::quality
