// The JSON convention of every document assay writes (DESIGN.md, Output
// conventions), checked on every command's --format json output for inputs
// with infinities, a missing float and constant columns:
//   - the first key is "schema", valued "assay.<kind>/v1";
//   - no string value is a non-finite number in disguise ("nan", "inf", ...);
//   - keys come in the same order in two runs.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "cli/run_assay.hpp"

namespace assay::testing {
namespace {

const std::string kDir = std::string(ASSAY_TEST_DATA) + "/nonfinite";
const std::string kReference = kDir + "/reference.csv";
const std::string kCurrent = kDir + "/current.csv";

struct Command {
  std::string kind;  // expected "assay.<kind>/v1"
  std::vector<std::string> args;
};

std::vector<Command> commands(const std::string& schema_file) {
  return {
      {"profile", {"profile", kCurrent}},
      {"metrics", {"metrics", "--data", kCurrent, "--task", "binary", "--target", "y", "--score", "score", "--prediction", "pred",
                   "--bootstrap", "20"}},
      // A constant target: r2 and friends are undefined.
      {"metrics", {"metrics", "--data", kCurrent, "--task", "regression", "--target", "constant", "--prediction",
                   "score"}},
      {"drift", {"drift", "--reference", kReference, "--current", kCurrent}},
      {"quality", {"quality", "--data", kCurrent, "--reference", kReference, "--target", "y", "--id", "id"}},
      {"leakage", {"leakage", "--train", kReference, "--test", kCurrent, "--target", "y", "--id", "id"}},
      {"schema", {"schema", "infer", kReference}},
      {"schema_validation", {"schema", "validate", "--schema", schema_file, kCurrent}},
      {"fingerprint", {"fingerprint", kReference, kCurrent}},
  };
}

// Strings that JSON consumers (pandas, JavaScript) read back as numbers.
bool non_finite_word(const std::string& s) {
  static const std::set<std::string> words{"nan", "NaN", "NAN", "inf", "-inf", "+inf", "Inf", "-Inf",
                                           "Infinity", "-Infinity", "infinity", "-infinity"};
  return words.count(s) > 0;
}

// Every string value that is a non-finite word, by its path.
void find_non_finite_words(const nlohmann::ordered_json& j, const std::string& path, std::vector<std::string>& out) {
  if (j.is_string() && non_finite_word(j.get<std::string>())) out.push_back(path + " = " + j.dump());
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) find_non_finite_words(value, path + "." + key, out);
  }
  if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) find_non_finite_words(j[i], path + "[" + std::to_string(i) + "]", out);
  }
}

// The keys of every object, depth first, in document order.
void key_order(const nlohmann::ordered_json& j, const std::string& path, std::vector<std::string>& out) {
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      out.push_back(path + "." + key);
      key_order(value, path + "." + key, out);
    }
  }
  if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) key_order(j[i], path + "[" + std::to_string(i) + "]", out);
  }
}

class JsonConvention : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = temp_dir();
    schema_file_ = dir_ + "/schema.json";
    const auto r = run_assay({"--output", schema_file_, "schema", "infer", kReference});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string dir_;
  std::string schema_file_;
};

TEST_F(JsonConvention, EveryCommandsDocumentFollowsIt) {
  for (const auto& command : commands(schema_file_)) {
    std::vector<std::string> args{"--format", "json"};
    args.insert(args.end(), command.args.begin(), command.args.end());
    const std::string what = command.args[0] + " (" + command.kind + ")";
    const auto first = run_assay(args);
    const auto second = run_assay(args);
    ASSERT_TRUE(first.exit_code == 0 || first.exit_code == 1) << what << " exit " << first.exit_code << ": " << first.err;
    ASSERT_EQ(second.exit_code, first.exit_code) << what;

    const auto doc = nlohmann::ordered_json::parse(first.out);
    ASSERT_TRUE(doc.is_object()) << what;
    ASSERT_FALSE(doc.empty()) << what;
    EXPECT_EQ(doc.begin().key(), "schema") << what;
    EXPECT_EQ(doc.value("schema", ""), "assay." + command.kind + "/v1") << what;

    std::vector<std::string> words;
    find_non_finite_words(doc, "", words);
    EXPECT_TRUE(words.empty()) << what << ": " << ::testing::PrintToString(words);

    std::vector<std::string> keys_first, keys_second;
    key_order(doc, "", keys_first);
    key_order(nlohmann::ordered_json::parse(second.out), "", keys_second);
    EXPECT_EQ(keys_first, keys_second) << what;
  }
}

// The inputs do hold what the rules are about: a document that never met a
// non-finite value would pass them vacuously.
TEST_F(JsonConvention, InputsExerciseNonFiniteValues) {
  const auto profile = nlohmann::ordered_json::parse(run_assay({"--format", "json", "profile", kCurrent}).out);
  const nlohmann::ordered_json* x = nullptr;
  for (const auto& c : profile.at("columns")) {
    if (c.at("name") == "x") x = &c;
  }
  ASSERT_NE(x, nullptr);
  // Counted, and left out of the statistics, which describe the finite values.
  const auto& non_finite = x->at("non_finite");
  EXPECT_EQ(non_finite.at("positive_infinities").get<int>() + non_finite.at("negative_infinities").get<int>(), 2)
      << x->dump();
  EXPECT_TRUE(x->at("max").is_number()) << x->dump();

  const auto quality = nlohmann::ordered_json::parse(
      run_assay({"--format", "json", "quality", "--data", kCurrent, "--target", "y"}).out);
  bool saw_infinity_example = false;
  for (const auto& f : quality.at("findings")) {
    if (f.at("id") != "quality.non_finite.x") continue;
    for (const auto& e : f.at("details").at("examples")) {
      EXPECT_TRUE(e.at("value").is_null());
      saw_infinity_example = saw_infinity_example || e.value("reason", "") == "positive infinity";
    }
  }
  EXPECT_TRUE(saw_infinity_example) << quality.dump(2);
}

}  // namespace
}  // namespace assay::testing
