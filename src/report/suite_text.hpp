#pragma once
// The console rendering of a suite run: the inputs, every Finding in an
// aligned table (report/findings_table: worst first), and the verdict line
//   PASS: 12 findings: 12 pass          (or)   FAIL: 14 findings: 2 fail, ...

#include <string>

#include "suite/outcome.hpp"

namespace assay::report {

std::string suite_text(const suite::Outcome& outcome, bool color);

}  // namespace assay::report
