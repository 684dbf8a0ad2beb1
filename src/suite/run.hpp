#pragma once
// Running a parsed suite on data the front end has read: every check's
// prepare() first (a check naming a column the data lacks, a schema file
// that does not parse: core::Error, before anything is computed), then each
// check in suite order, sharing engine runs through the Workspace. A check
// whose computation throws core::Error becomes an `error` Finding (the run
// then exits 1); nothing a check does can make it pass silently.

#include <string>
#include <vector>

#include "suite/outcome.hpp"
#include "suite/suite_file.hpp"
#include "suite/workspace.hpp"

namespace assay::suite {

struct RunOptions {
  std::vector<std::string> only;  // check ids; empty: all (unknown ids are errors)
  bool fail_on_warn = false;
};

// The checks `only` selects, in suite order; throws core::Error naming an
// unknown id (with a suggestion).
std::vector<const Check*> selected_checks(const Suite& suite, const std::vector<std::string>& only);

// Fills everything in Outcome but `inputs` and `elapsed_seconds`, which the
// front end knows.
Outcome run_suite(const Suite& suite, const Inputs& inputs, const RunOptions& options);

}  // namespace assay::suite
