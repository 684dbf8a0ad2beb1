// assay privacy and assay labels end to end: JSON documents on the
// reference data, the table output, and one-line errors (exit 2) for bad
// input.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "cli/run_assay.hpp"

namespace assay::testing {
namespace {

const std::string kPrivacy = std::string(ASSAY_TEST_DATA) + "/privacy/";
const std::string kNoisy = std::string(ASSAY_TEST_DATA) + "/labels/breast_cancer_noisy.csv";

const nlohmann::json* finding(const nlohmann::json& doc, const std::string& id) {
  for (const auto& f : doc["findings"]) {
    if (f["id"] == id) return &f;
  }
  return nullptr;
}

TEST(PrivacyCli, OverfitDigitsLeak) {
  const auto r = run_assay({"privacy", "--members", kPrivacy + "digits_overfit_members.csv", "--nonmembers",
                            kPrivacy + "digits_overfit_nonmembers.csv", "--target", "target", "--scores",
                            "p_0,p_1,p_2,p_3,p_4,p_5,p_6,p_7,p_8,p_9", "--by", "size", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["members"], 898);
  const auto* auc = finding(doc, "privacy.loss.attack_auc");
  ASSERT_NE(auc, nullptr);
  EXPECT_GT((*auc)["value"].get<double>(), 0.9);
  EXPECT_EQ((*auc)["details"]["classes"].size(), 10u);
  EXPECT_EQ((*auc)["details"]["slices"].size(), 2u);
  ASSERT_NE(finding(doc, "privacy.max_confidence.advantage"), nullptr);
}

TEST(PrivacyCli, BinaryTable) {
  const auto r = run_assay({"privacy", "--members", kPrivacy + "breast_cancer_regularised_members.csv", "--nonmembers",
                            kPrivacy + "breast_cancer_regularised_nonmembers.csv", "--target", "target", "--score",
                            "score"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("loss attack"), std::string::npos);
  EXPECT_NE(r.out.find("class 1"), std::string::npos);
}

class BadInputCli : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = temp_dir(); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string file(const std::string& name, const std::string& text) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::string dir_;
};

TEST_F(BadInputCli, PrivacyRefusesBadInput) {
  const std::string good = file("good.csv", "y,p\n0,0.2\n1,0.9\n0,0.4\n");
  auto privacy = [&](const std::string& members, const std::vector<std::string>& more) {
    std::vector<std::string> args{"privacy", "--members", members, "--nonmembers", good, "--target", "y"};
    args.insert(args.end(), more.begin(), more.end());
    return args;
  };
  expect_bad(privacy(good, {"--score", "nope"}), "nope");
  expect_bad(privacy(file("range.csv", "y,p\n0,0.2\n1,1.7\n"), {"--score", "p"}), "outside [0, 1]");
  expect_bad(privacy(file("nan.csv", "y,p\n0,0.2\n1,inf\n"), {"--score", "p"}), "infinite or NaN");
  expect_bad(privacy(file("empty.csv", ""), {"--score", "p"}), "empty.csv");
  expect_bad(privacy(file("notarget.csv", "p\n0.2\n0.9\n"), {"--score", "p"}), "y");
  const std::string one = file("one.csv", "y,p\n1,0.2\n1,0.9\n");
  expect_bad({"privacy", "--members", one, "--nonmembers", one, "--target", "y", "--score", "p"}, "one class");
  const std::string multi = file("multi.csv", "y,p_a,p_b\na,0.5,0.4\nb,0.1,0.9\n");
  expect_bad({"privacy", "--members", multi, "--nonmembers", multi, "--target", "y", "--scores", "p_a,p_b"},
             "do not sum to 1");
  expect_bad(privacy(good, {}), "--score");
}

TEST(LabelsCli, NoisyLabelsFromScoresAndFeatures) {
  const auto given = run_assay({"labels", "--data", kNoisy, "--target", "target", "--score", "score", "--top", "5",
                                "--format", "json"});
  ASSERT_EQ(given.exit_code, 0) << given.err;
  const auto doc = nlohmann::json::parse(given.out);
  const auto* overall = finding(doc, "labels.noise_rate");
  ASSERT_NE(overall, nullptr);
  EXPECT_NEAR((*overall)["value"].get<double>(), 57.0 / 569.0, 0.03);
  EXPECT_EQ((*overall)["details"]["suspects"].size(), 5u);
  ASSERT_NE(finding(doc, "labels.noise_rate.1"), nullptr);

  const std::string features =
      "mean_radius,mean_texture,mean_perimeter,mean_area,mean_smoothness,mean_compactness,mean_concavity,"
      "mean_concave_points,mean_symmetry,mean_fractal_dimension";
  const auto fitted = run_assay({"labels", "--data", kNoisy, "--target", "target", "--features", features, "--folds", "5"});
  ASSERT_EQ(fitted.exit_code, 0) << fitted.err;
  EXPECT_NE(fitted.out.find("confident joint"), std::string::npos);
  EXPECT_NE(fitted.out.find("XGBoost, 5 folds"), std::string::npos);
  // The folds run in parallel, each single-threaded: one answer for any --threads.
  auto findings = [&](const std::string& threads) {
    const auto r = run_assay({"--threads", threads, "--format", "json", "labels", "--data", kNoisy, "--target", "target",
                              "--features", features});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out)["findings"];
  };
  EXPECT_EQ(findings("1"), findings("2"));
}

TEST_F(BadInputCli, LabelsRefusesBadInput) {
  const std::string good = file("good.csv", "y,p,x\n0,0.2,1\n1,0.9,2\n0,0.4,3\n");
  expect_bad({"labels", "--data", good, "--target", "nope", "--score", "p"}, "nope");
  expect_bad({"labels", "--data", good, "--target", "y"}, "--features");
  expect_bad({"labels", "--data", good, "--target", "y", "--score", "p", "--features", "x"}, "--features");
  expect_bad({"labels", "--data", file("nan.csv", "y,p\n0,0.2\n1,nan\n"), "--target", "y", "--score", "p"}, "p");
  expect_bad({"labels", "--data", file("one.csv", "y,p\n1,0.2\n1,0.9\n"), "--target", "y", "--score", "p"}, "one class");
  expect_bad({"labels", "--data", good, "--target", "y", "--features", "x", "--folds", "5"}, "fewer than the 5 folds");
  expect_bad({"labels", "--data", file("empty.csv", ""), "--target", "y", "--score", "p"}, "empty.csv");
}

}  // namespace
}  // namespace assay::testing
