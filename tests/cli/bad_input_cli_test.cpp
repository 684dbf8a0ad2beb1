// The bad-input corpus: every file under tests/data/bad makes `assay profile`
// exit 2 with nothing on stdout and exactly one line on stderr,
//   assay: <path>:<line>:<column>: <what is wrong>
// where the part after the path is the file's .expected, and extra flags
// come from its .args (one per line).

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

std::vector<std::string> corpus() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kBad)) {
    const std::string name = entry.path().filename().string();
    if (fs::exists(kBad / (name + ".expected"))) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
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

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, ::testing::ValuesIn(corpus()), [](const auto& info) {
  std::string name = info.param;
  for (auto& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
});

}  // namespace
}  // namespace assay::testing
