#pragma once
// Console rendering of Findings for people: an aligned table, worst status
// first (the engine's order within a status), then a one-line summary.
//
//   STATUS  CHECK                   SUBJECT  VALUE    THRESHOLD  MESSAGE
//   ------  ----------------------  -------  -------  ---------  -------
//   fail    quality.duplicate_rows  dataset  0.0612   <= 0.05    612 rows (6.12%) repeat ...
//
//   3 findings: 1 fail, 1 warn, 1 pass
//
// The CHECK column is the id without its subject suffix. Passing and info
// findings are hidden unless show_passing. Status words are coloured
// (red, yellow, green) when color is set.

#include <string>
#include <vector>

#include "core/finding.hpp"

namespace assay::report {

struct FindingsTableOptions {
  bool color = false;
  bool show_passing = false;
  std::size_t max_message = 160;  // longer messages are cut with "..."
};

std::string findings_table(const std::vector<core::Finding>& findings, const FindingsTableOptions& options = {});

// "12 findings: 1 fail, 2 warn, 9 pass" (statuses with a zero count left out).
std::string findings_summary(const std::vector<core::Finding>& findings);

}  // namespace assay::report
