#pragma once
// A suite file (docs/suite.md): which data, which columns play which role,
// which checks with which limits, and where to write the outputs. The text
// is parsed with yaml-cpp, validated key by key (unknown keys, wrong types,
// unknown metric, method or check names are errors at file:line:column with
// a suggestion), ${ENV} expanded as values are read, `--set` assignments
// applied, and relative paths resolved against the suite file's folder.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "metrics/result.hpp"
#include "suite/check.hpp"
#include "suite/env.hpp"

namespace assay::suite {

struct DataFiles {
  std::optional<std::string> reference;  // resolved path
  std::string current;
  core::Location reference_at, current_at;
};

// Column roles; each present one must be a column of the current data
// (and of the reference data, when a check uses it).
struct Columns {
  std::optional<std::string> target, prediction, score, timestamp, id, weight, group;
  std::vector<std::string> scores;     // multiclass: one probability column per class
  std::vector<std::string> classes;    // class of each `scores` column
  std::vector<std::string> sensitive;  // fairness
  std::vector<std::string> slices;     // slice discovery searches these (empty: every eligible column)
  std::vector<std::string> ignore;     // left out of quality, drift and leakage
  std::optional<std::string> positive; // binary positive label
  core::Location where;
};

struct RunSettings {
  double threshold = 0.5;        // binary decision threshold on the score
  std::size_t bootstrap = 1000;  // resamples for `ci:` limits and `by:` intervals
  double ci_level = 0.95;
  std::uint64_t seed = 0;
};

struct OutputFiles {
  std::optional<std::string> json, junit, markdown, html;  // resolved paths
};

struct Suite {
  std::string path;  // as given
  std::string name;  // `name:` or the file name
  metrics::Task task = metrics::Task::binary;
  DataFiles data;
  Columns columns;
  RunSettings settings;
  OutputFiles outputs;
  std::vector<std::unique_ptr<Check>> checks;
  std::string hash;  // xxh3-128 hex of the text, the --set assignments and the ${ENV} values used
};

struct ParseOptions {
  std::vector<std::string> set;  // "key.path=value" (docs/suite.md, Overrides)
  Getenv getenv;                 // empty: the process environment
};

// Throws core::Error with the location for anything wrong in the suite.
Suite parse_suite(std::string_view text, const std::string& path, const ParseOptions& options = {});

// The names of the top-level keys, in the order docs/suite.md lists them.
const std::vector<std::string>& top_level_keys();

}  // namespace assay::suite
