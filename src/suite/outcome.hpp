#pragma once
// The outcome of one suite run: what every output renders (console table,
// JSON, JUnit XML, Markdown, and the HTML report). The run turns each check
// of the suite into one Finding (a check with `by:` gives one per slice), in
// the order of the suite file; outputs never recompute anything.
//
// A check's limit is the Finding's threshold, its value on the reference
// data (for `max_drop` and friends) the Finding's reference, its `id` the
// Finding's id and its `description` the first line of the message. A check
// with `severity: warn` that misses its limit is a `warn` Finding; one that
// could not be computed is an `error` Finding with a reason, and never
// passes.

#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/provenance.hpp"

namespace assay::suite {

enum class Verdict { pass, fail };

struct Outcome {
  std::string suite_path;  // as given on the command line
  std::string suite_name;  // `name:` or the file name
  std::string suite_hash;  // xxh3-128 hex of the suite text, its --set assignments and the ${ENV} values it used
  std::string task;        // binary, multiclass, regression, ...
  std::vector<core::FileFingerprint> inputs;
  std::vector<core::Finding> findings;
  bool fail_on_warn = false;  // --fail-on warn: warn Findings fail the run too
  double elapsed_seconds = 0.0;
};

// fail when any Finding is `fail` or `error` (or `warn` under fail_on_warn).
Verdict verdict(const Outcome& outcome);

// The process exit code for a run that completed: 0 pass, 1 fail.
int exit_code(const Outcome& outcome);

}  // namespace assay::suite
