// The privacy check kind: reference data = members (training rows),
// current data = non-members; a model that predicts its members with
// certainty fails, one that scores both alike passes; what cannot be
// computed is an error.

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "suite/fixture.hpp"

namespace assay::testing {
namespace {

using core::Status;

const char* const kPrivacyHead = R"(task: binary
data: {current: c.csv, reference: r.csv}
columns: {target: label, score: proba}
checks:
)";

// The fixture's rows, with the score replaced by near certainty of the label.
core::Table memorised(std::size_t rows, std::uint64_t seed) {
  const core::Table t = model_table(rows, seed);
  std::vector<std::int64_t> label(rows);
  std::vector<double> proba(rows);
  for (std::size_t i = 0; i < rows; ++i) {
    label[i] = static_cast<std::int64_t>(t.column("label").as_double(i));
    proba[i] = label[i] == 1 ? 0.999 : 0.001;
  }
  core::Table out;
  out.add(core::Column::int64("label", std::move(label)));
  out.add(core::Column::float64("proba", std::move(proba)));
  return out;
}

TEST(SuitePrivacy, PassesWhenMembersAndNonMembersLookAlike) {
  const auto out = run_suite_text(std::string(kPrivacyHead) + "  - {privacy: attack_auc, max: 0.6, id: auc}\n"
                                                       "  - {privacy: advantage, max: 0.1, id: adv}\n"
                                                       "  - {privacy: attack_auc, attack: confidence, max: 0.6, id: conf}\n",
                                  model_data(2000, 0.0));
  EXPECT_EQ(status_of(out, "auc"), Status::pass);
  EXPECT_EQ(status_of(out, "adv"), Status::pass);
  EXPECT_EQ(status_of(out, "conf"), Status::pass);
  EXPECT_NEAR(*out.findings[0].value, 0.5, 0.05);
}

TEST(SuitePrivacy, FailsWhenMembersAreMemorised) {
  ModelData data{memorised(1000, 1), model_table(1000, 2)};
  const auto out = run_suite_text(std::string(kPrivacyHead) + "  - {privacy: attack_auc, max: 0.6, id: auc}\n"
                                                       "  - {privacy: advantage, max: 0.1, id: adv}\n",
                                  data);
  EXPECT_EQ(status_of(out, "auc"), Status::fail);
  EXPECT_EQ(status_of(out, "adv"), Status::fail);
  EXPECT_GT(*out.findings[0].value, 0.8);
}

TEST(SuitePrivacy, BadChecksAndInputs) {
  const ModelData data = model_data(200, 0.0);
  EXPECT_THROW(run_suite_text(std::string(kPrivacyHead) + "  - {privacy: attack_auc}\n", data), core::Error);  // no limit
  EXPECT_THROW(run_suite_text(std::string(kPrivacyHead) + "  - {privacy: attack_auc, min: 0.5}\n", data), core::Error);
  EXPECT_THROW(run_suite_text(std::string(kPrivacyHead) + "  - {privacy: auc, max: 0.6}\n", data), core::Error);
  EXPECT_THROW(run_suite_text(std::string(kPrivacyHead) + "  - {privacy: advantage, attack: shadow, max: 0.1}\n", data),
               core::Error);
  // Probabilities outside [0, 1] in the members: an error finding, never a pass.
  ModelData bad = model_data(200, 0.0);
  core::Table members;
  std::vector<std::int64_t> label(200, 0);
  label[0] = 1;
  std::vector<double> proba(200, 0.3);
  proba[5] = 1.5;
  members.add(core::Column::int64("label", label));
  members.add(core::Column::float64("proba", proba));
  bad.reference = std::move(members);
  const auto out = run_suite_text(std::string(kPrivacyHead) + "  - {privacy: attack_auc, max: 0.6, id: auc}\n", bad);
  EXPECT_EQ(status_of(out, "auc"), Status::error);
}

}  // namespace
}  // namespace assay::testing
