// The bad-input corpus: every file under tests/data/bad makes `assay profile`
// exit 2 with nothing on stdout and exactly one line on stderr,
//   assay: <path>:<line>:<column>: <what is wrong>
// where the part after the path is the file's .expected, and extra flags
// come from its .args (one per line).
//
// Other commands and flags: each <case>.cmd holds a whole command line (one
// argument a line, {bad} standing for tests/data/bad) and <case>.cmd.expected
// the one line it must print after "assay: " (with {bad} likewise); it must
// exit 2 with nothing on stdout. Never exit 3: user input is never an
// internal error.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "cli/run_assay.hpp"

namespace assay::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kBad = fs::path(ASSAY_TEST_DATA) / "bad";

std::vector<std::string> lines_of(const fs::path& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string with_dir(std::string text) {
  const std::string key = "{bad}";
  for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
    text.replace(at, key.size(), kBad.string());
    at += kBad.string().size();
  }
  return text;
}

// Data files with an .expected (command_cases false) or .cmd files.
std::vector<std::string> corpus(bool command_cases = false) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kBad)) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".cmd") == command_cases && fs::exists(kBad / (name + ".expected"))) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (auto& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

class BadInput : public ::testing::TestWithParam<std::string> {};

TEST_P(BadInput, ExitsTwoWithItsMessage) {
  const fs::path file = kBad / GetParam();
  const auto expected = lines_of(kBad / (GetParam() + ".expected"));
  ASSERT_EQ(expected.size(), 1u);
  std::vector<std::string> args{"profile", file.string()};
  if (fs::exists(kBad / (GetParam() + ".args"))) {
    for (const auto& a : lines_of(kBad / (GetParam() + ".args"))) args.push_back(a);
  }
  const auto r = run_assay(args);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  const bool positional = std::isdigit(static_cast<unsigned char>(expected[0][0])) != 0;
  EXPECT_EQ(r.err, "assay: " + file.string() + (positional ? ":" : ": ") + expected[0] + "\n");
}

TEST(BadInputCorpus, HasAtLeastThirtyFiles) { EXPECT_GE(corpus().size(), 30u); }

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, ::testing::ValuesIn(corpus()), test_name);

class BadCommand : public ::testing::TestWithParam<std::string> {};

TEST_P(BadCommand, ExitsTwoWithItsMessage) {
  const auto expected = lines_of(kBad / (GetParam() + ".expected"));
  ASSERT_EQ(expected.size(), 1u);
  std::vector<std::string> args;
  for (const auto& a : lines_of(kBad / GetParam())) args.push_back(with_dir(a));
  const auto r = run_assay(args);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "assay: " + with_dir(expected[0]) + "\n");
}

INSTANTIATE_TEST_SUITE_P(Commands, BadCommand, ::testing::ValuesIn(corpus(true)), test_name);

}  // namespace
}  // namespace assay::testing
