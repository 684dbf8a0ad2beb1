#pragma once
// Runs the built assay binary with arguments and captures what it printed.

#include <string>
#include <vector>

namespace assay::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs ASSAY_BINARY with `args` (no shell), from the source directory.
RunResult run_assay(const std::vector<std::string>& args);

// A fresh, empty directory under the system temp dir, for outputs.
std::string temp_dir();

// Expects `args` to be refused as bad usage or input: exit 2, nothing on
// stdout, one line on stderr that contains `mentions`.
void expect_bad(const std::vector<std::string>& args, const std::string& mentions);

}  // namespace assay::testing
