// Each check kind: a limit that holds passes, one that does not fails, and
// what cannot be computed is an error (never a pass).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "suite/fixture.hpp"

namespace assay::testing {
namespace {

using core::Status;

const char* const kHead = R"(task: binary
data: {current: c.csv, reference: r.csv}
columns: {target: label, score: proba, prediction: pred, id: id, timestamp: ts, sensitive: [sex], slices: [region]}
settings: {bootstrap: 100}
checks:
)";

suite::Outcome kinds_run(const std::string& checks, const ModelData& data, const std::map<std::string, std::string>& files = {}) {
  return run_suite_text(std::string(kHead) + checks, data, files);
}

const ModelData& same_data() {
  static const ModelData data = model_data(2000, 0.0);
  return data;
}
const ModelData& shifted_data() {
  static const ModelData data = model_data(2000, 1.0);
  return data;
}

TEST(SuiteKinds, MetricAbsolute) {
  const auto out = kinds_run("  - {metric: roc_auc, min: 0.7, id: a}\n  - {metric: roc_auc, min: 0.99, id: b}\n", same_data());
  EXPECT_EQ(status_of(out, "a"), Status::pass);
  EXPECT_EQ(status_of(out, "b"), Status::fail);
  EXPECT_GT(*out.findings[0].value, 0.7);
}

TEST(SuiteKinds, MetricRelativeToReference) {
  const auto out = kinds_run("  - {metric: roc_auc, max_drop: 0.05, id: a}\n  - {metric: log_loss, max_rel_drop: 0.0, id: b}\n"
                             "  - {metric: roc_auc, max_drop: 0.0001, id: c}\n",
                             same_data());
  EXPECT_EQ(status_of(out, "a"), Status::pass);
  ASSERT_TRUE(out.findings[0].reference);
  // Two samples of the same model: some metric differs by more than nothing.
  EXPECT_TRUE(status_of(out, "b") == Status::fail || status_of(out, "c") == Status::fail);
}

TEST(SuiteKinds, MetricIntervalBound) {
  const auto out = kinds_run("  - {metric: roc_auc, ci: lower, min: 0.6, id: a}\n"
                             "  - {metric: roc_auc, ci: upper, max: 0.5, id: b}\n",
                             same_data());
  EXPECT_EQ(status_of(out, "a"), Status::pass);
  EXPECT_EQ(status_of(out, "b"), Status::fail);
  EXPECT_LT(*out.findings[0].value, *out.findings[1].value);
}

TEST(SuiteKinds, MetricBySlice) {
  const auto out = kinds_run("  - {metric: accuracy, by: region, min: 0.6, id: a}\n"
                             "  - {metric: accuracy, by: region, min: 0.99, id: b}\n",
                             same_data());
  ASSERT_EQ(out.findings.size(), 6u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(out.findings[i].status, Status::pass) << out.findings[i].message;
  for (std::size_t i = 3; i < 6; ++i) EXPECT_EQ(out.findings[i].status, Status::fail);
  EXPECT_EQ(out.findings[0].id, "a.region=north");
}

TEST(SuiteKinds, DriftFeaturesAndColumns) {
  const std::string checks =
      "  - {drift: features, max_share: 0.2, id: f}\n  - {drift: column, column: x1, method: psi, max: 0.2, id: c}\n"
      "  - {drift: score, id: s}\n";
  const auto same = kinds_run(checks, same_data());
  EXPECT_EQ(status_of(same, "f"), Status::pass);
  EXPECT_EQ(status_of(same, "c"), Status::pass);
  EXPECT_EQ(status_of(same, "s"), Status::pass);
  const auto shifted = kinds_run(checks, shifted_data());
  EXPECT_EQ(status_of(shifted, "f"), Status::fail);
  EXPECT_EQ(status_of(shifted, "c"), Status::fail);
  EXPECT_EQ(status_of(shifted, "s"), Status::fail);
}

TEST(SuiteKinds, DriftMultivariate) {
  const std::string checks = "  - {drift: multivariate, method: mmd, id: m}\n";
  EXPECT_EQ(status_of(kinds_run(checks, same_data()), "m"), Status::pass);
  EXPECT_EQ(status_of(kinds_run(checks, shifted_data()), "m"), Status::fail);
}

TEST(SuiteKinds, Quality) {
  ModelData data = model_data(500, 0.0);
  // A column with missing values in the current data.
  std::vector<double> values(500, 1.5);
  std::vector<std::uint8_t> valid(500, 1);
  for (std::size_t i = 0; i < 50; ++i) valid[i] = 0;
  data.current.add(core::Column::float64("income", values, valid));
  data.reference.add(core::Column::float64("income", values));
  const auto out = kinds_run("  - {quality: missing_share, column: x1, max: 0.05, id: ok}\n"
                             "  - {quality: missing, column: income, max: 0.05, id: bad}\n"
                             "  - {quality: missing, column: income, max: 0.05, severity: warn, id: soft}\n",
                             data);
  EXPECT_EQ(status_of(out, "ok"), Status::pass);
  EXPECT_EQ(status_of(out, "bad"), Status::fail);
  EXPECT_EQ(status_of(out, "soft"), Status::warn);
}

TEST(SuiteKinds, Schema) {
  const std::string schema_ok = R"({"format": "assay.schema", "version": 1, "columns": [
    {"name": "id", "kind": "int64"}, {"name": "ts", "kind": "timestamp"}, {"name": "x1", "kind": "float64"},
    {"name": "x2", "kind": "float64"}, {"name": "region", "kind": "categorical"}, {"name": "sex", "kind": "categorical"},
    {"name": "label", "kind": "int64"}, {"name": "proba", "kind": "float64", "min": 0, "max": 1},
    {"name": "pred", "kind": "int64"}]})";
  std::string schema_bad = schema_ok;
  schema_bad.replace(schema_bad.find("\"x2\""), 4, "\"x3\"");
  const auto out = kinds_run("  - {schema: validate, file: ok.json, id: ok}\n  - {schema: validate, file: bad.json, id: bad}\n",
                             same_data(), {{"/virtual/ok.json", schema_ok}, {"/virtual/bad.json", schema_bad}});
  EXPECT_EQ(status_of(out, "ok"), Status::pass) << out.findings[0].message;
  EXPECT_EQ(status_of(out, "bad"), Status::fail);
  EXPECT_GE(*out.findings[1].value, 2.0);  // x3 missing, x2 new
}

TEST(SuiteKinds, Leakage) {
  const auto clean = kinds_run("  - {leakage: contamination, id: l}\n  - {leakage: id_overlap, id: i}\n", same_data());
  EXPECT_EQ(status_of(clean, "l"), Status::pass);
  EXPECT_EQ(status_of(clean, "i"), Status::pass);
  ModelData leaky{model_table(1000, 1), model_table(1000, 1)};  // the test set is the training set
  const auto out = kinds_run("  - {leakage: contamination, id: l}\n  - {leakage: id_overlap, id: i}\n", leaky);
  EXPECT_EQ(status_of(out, "l"), Status::fail);
  EXPECT_EQ(status_of(out, "i"), Status::fail);
}

TEST(SuiteKinds, Pii) {
  const auto clean = kinds_run("  - {pii: scan, id: s}\n  - {pii: email, id: e}\n", same_data());
  // One finding per text or integer column scanned, all clean.
  ASSERT_GE(clean.findings.size(), 2u);
  for (const auto& f : clean.findings) EXPECT_EQ(f.status, Status::pass) << f.id << ": " << f.message;
  EXPECT_EQ(status_of(clean, "e"), Status::pass);
  ModelData data = model_data(200, 0.0);
  std::vector<std::string> contact(200, "no contact given");
  contact[3] = "write to j.doe@example.com";
  contact[7] = "call (555) 123-4567";
  data.current.add(core::Column::string("contact", contact));
  const auto out = kinds_run("  - {pii: email, max_share: 0, id: e}\n  - {pii: email, max_share: 0.01, id: loose}\n"
                             "  - {pii: scan, column: contact, id: s}\n  - {pii: iban, id: i}\n",
                             data);
  EXPECT_EQ(status_of(out, "e"), Status::fail);
  EXPECT_EQ(status_of(out, "loose"), Status::pass);  // 1 row of 200
  EXPECT_EQ(status_of(out, "s.email"), Status::fail);
  EXPECT_EQ(status_of(out, "s.phone"), Status::fail);
  EXPECT_EQ(status_of(out, "i"), Status::pass);
  for (const auto& f : out.findings) EXPECT_EQ(f.message.find("j.doe@example.com"), std::string::npos) << f.message;
  EXPECT_THROW(kinds_run("  - {pii: email, min: 0.1}\n", data), core::Error);
  EXPECT_THROW(kinds_run("  - {pii: emial}\n", data), core::Error);
}

TEST(SuiteKinds, Calibration) {
  const auto out = kinds_run("  - {calibration: ece, max: 0.05, id: ok}\n  - {calibration: ece, max: 0.001, id: bad}\n"
                             "  - {calibration: brier_score, max_drop: 0.05, id: drop}\n",
                             same_data());
  EXPECT_EQ(status_of(out, "ok"), Status::pass);
  EXPECT_EQ(status_of(out, "bad"), Status::fail);
  EXPECT_EQ(status_of(out, "drop"), Status::pass);
}

TEST(SuiteKinds, Fairness) {
  const auto out = kinds_run("  - {fairness: demographic_parity_ratio, min: 0.8, id: ok}\n"
                             "  - {fairness: demographic_parity_difference, max: 0.0001, id: bad}\n"
                             "  - {fairness: demographic_parity_ratio, ci: lower, min: 0.5, id: ci}\n",
                             same_data());
  EXPECT_EQ(status_of(out, "ok"), Status::pass);
  EXPECT_EQ(status_of(out, "bad"), Status::fail);
  EXPECT_EQ(status_of(out, "ci"), Status::pass);
}

TEST(SuiteKinds, CompareChampionWithChallenger) {
  // proba is the true probability; x2 alone ranks far worse.
  const auto out = kinds_run("  - {compare: roc_auc, champion: x2, challenger: proba, id: better}\n"
                             "  - {compare: roc_auc, champion: proba, challenger: x2, id: worse}\n"
                             "  - {compare: roc_auc, champion: proba, challenger: x2, severity: warn, id: soft}\n"
                             "  - {compare: accuracy, champion: x2, challenger: proba, min_gain: 0.9, id: too_little}\n",
                             same_data());
  EXPECT_EQ(status_of(out, "better"), Status::pass);
  EXPECT_EQ(status_of(out, "worse"), Status::fail);
  EXPECT_EQ(status_of(out, "soft"), Status::warn);
  EXPECT_EQ(status_of(out, "too_little"), Status::fail);
}

TEST(SuiteKinds, CompareJudgesEverySliceOfTheByColumn) {
  const auto out = kinds_run("  - {compare: roc_auc, champion: x2, challenger: proba, by: region, max_slice_loss: 0.01, id: sliced}\n",
                             same_data());
  std::size_t slices = 0;
  for (const auto& f : out.findings) slices += f.id.rfind("sliced.region.", 0) == 0 ? 1 : 0;
  EXPECT_EQ(slices, 3u);
  EXPECT_EQ(out.findings.front().status, Status::pass) << out.findings.front().message;
}

TEST(SuiteKinds, SliceDiscovery) {
  ModelData data = model_data(3000, 0.0);
  // Break the model on one region: flip its predictions.
  const auto& region = data.current.column("region");
  std::vector<std::int64_t> pred(3000);
  const auto& old = data.current.column("pred");
  std::vector<core::Column> columns;
  for (std::size_t i = 0; i < 3000; ++i) {
    const std::int64_t p = old.i64()[i];
    pred[i] = region.codes()[i] == 1 ? 1 - p : p;
  }
  for (const auto& c : data.current.all()) {
    columns.push_back(c.name() == "pred" ? core::Column::int64("pred", pred) : c);
  }
  ModelData broken{data.reference, core::Table(std::move(columns))};
  const std::string checks = "  - {slices: discover, max_gap: 0.10, min_support: 100, id: s}\n";
  EXPECT_EQ(status_of(kinds_run(checks, same_data()), "s"), Status::pass);
  const auto out = kinds_run(checks, broken);
  EXPECT_EQ(status_of(out, "s"), Status::fail);
  EXPECT_THAT(out.findings[0].subject, ::testing::HasSubstr("region=south"));
}

TEST(SuiteKinds, UndefinedValuesAreErrors) {
  // One class only in the current target: ROC AUC is undefined.
  ModelData data = model_data(300, 0.0);
  std::vector<core::Column> columns;
  for (const auto& c : data.current.all()) {
    columns.push_back(c.name() == "label" ? core::Column::int64("label", std::vector<std::int64_t>(300, 1)) : c);
  }
  ModelData one_class{data.reference, core::Table(std::move(columns))};
  const auto out = kinds_run("  - {metric: roc_auc, min: 0.5, id: auc}\n  - {metric: roc_auc, max_drop: 0.5, id: drop}\n",
                             one_class);
  EXPECT_EQ(status_of(out, "auc"), Status::error);
  EXPECT_EQ(status_of(out, "drop"), Status::error);
  EXPECT_FALSE(out.findings[0].reason.empty());
  EXPECT_EQ(suite::exit_code(out), 1);
}

TEST(SuiteKinds, NonFiniteScoresAreAnErrorFindingNotAPass) {
  ModelData data = model_data(300, 0.0);
  std::vector<core::Column> columns;
  for (const auto& c : data.current.all()) {
    if (c.name() != "proba") {
      columns.push_back(c);
      continue;
    }
    std::vector<double> p(c.f64().begin(), c.f64().end());
    p[3] = std::numeric_limits<double>::quiet_NaN();
    p[4] = std::numeric_limits<double>::infinity();
    columns.push_back(core::Column::float64("proba", p));
  }
  ModelData bad{data.reference, core::Table(std::move(columns))};
  const auto out = kinds_run("  - {metric: roc_auc, min: 0.5, id: auc}\n  - {calibration: ece, max: 0.5, id: ece}\n", bad);
  EXPECT_EQ(status_of(out, "auc"), Status::error);
  EXPECT_EQ(status_of(out, "ece"), Status::error);
}

TEST(SuiteKinds, MissingColumnIsABadSuite) {
  EXPECT_THROW(run_suite_text("task: binary\ndata: {current: c.csv}\ncolumns: {target: nope, score: proba}\nchecks:\n"
                              "  - {metric: roc_auc, min: 0.5}\n",
                              same_data()),
               core::Error);
  EXPECT_THROW(kinds_run("  - {metric: roc_auc, by: regoin, min: 0.5}\n", same_data()), core::Error);
}

TEST(SuiteKinds, OneEvaluationServesAllMetricChecks) {
  // Same value from the shared evaluation, whatever the check's limit.
  const auto out = kinds_run("  - {metric: f1, min: 0.1, id: a}\n  - {metric: f1, max: 0.99, id: b}\n", same_data());
  EXPECT_EQ(*out.findings[0].value, *out.findings[1].value);
}

}  // namespace
}  // namespace assay::testing
