// Every command line shown in docs/ci.md runs: the `assay ...` and
// `cat ... >> "$GITHUB_STEP_SUMMARY"` lines of its code blocks are run with
// sh, in a copy of examples/, with the built assay first on PATH. A gate may
// pass or fail (exit 0 or 1) but never reject its input (2), and the reports
// the pipelines upload must exist.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/run_assay.hpp"

namespace assay::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> doc_commands(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  std::string line;
  bool code = false;
  while (std::getline(in, line)) {
    const auto start = line.find_first_not_of(' ');
    std::string text = start == std::string::npos ? "" : line.substr(start);
    if (text.rfind("```", 0) == 0) {
      code = !code;
      continue;
    }
    if (!code) continue;
    for (const std::string prefix : {"- ", "run: "}) {
      if (text.rfind(prefix, 0) == 0) text = text.substr(prefix.size());
    }
    const auto assay = text.find("assay ");
    const bool env_prefix = assay != std::string::npos && assay > 0 && text.find('=') < assay && text[assay - 1] == ' ';
    if (text.rfind("assay ", 0) == 0 || env_prefix || text.rfind("cat examples/", 0) == 0) out.push_back(text);
  }
  return out;
}

TEST(SuiteCiDocs, EveryCommandRuns) {
  const std::string src = ASSAY_SOURCE_DIR;
  const std::vector<std::string> commands = doc_commands(src + "/docs/ci.md");
  ASSERT_GE(commands.size(), 5u);
  const std::string dir = temp_dir();
  fs::copy(src + "/examples", dir + "/examples", fs::copy_options::recursive);
  fs::remove_all(dir + "/examples/suite/out");
  const std::string bin = fs::path(ASSAY_BINARY).parent_path().string();
  for (const auto& command : commands) {
    const std::string line = "cd '" + dir + "' && GITHUB_STEP_SUMMARY='" + dir + "/step_summary.md' PATH='" + bin +
                             "':\"$PATH\" sh -c '" + command + "' >/dev/null 2>'" + dir + "/err'";
    const int status = std::system(line.c_str());
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(dir + "/err");
    std::stringstream text;
    text << err.rdbuf();
    EXPECT_TRUE(code == 0 || code == 1) << command << " exited " << code << ": " << text.str();
  }
  EXPECT_TRUE(fs::exists(dir + "/examples/suite/out/junit.xml"));
  EXPECT_TRUE(fs::exists(dir + "/examples/suite/out/summary.md"));
  EXPECT_GT(fs::file_size(dir + "/step_summary.md"), 0u);
}

}  // namespace
}  // namespace assay::testing
