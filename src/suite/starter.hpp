#pragma once
// `assay init`: a commented starter suite for a data file. Roles are
// guessed from column names and kinds (a float score named like
// score/proba, a prediction named like pred, a target named like
// label/target or else the last two-valued column that is not the
// prediction, a timestamp, an id, sensitive attributes such as sex or
// gender, and a few low-cardinality categorical columns to slice by).
// Limits come from the data at hand: a metric's value on it minus the
// half-width of its bootstrap interval (plus, for losses), so the suite
// passes on this data and catches a real drop. Every line carries a comment.

#include <optional>
#include <string>
#include <vector>

#include "core/table.hpp"
#include "metrics/result.hpp"

namespace assay::suite {

struct StarterRoles {
  metrics::Task task = metrics::Task::binary;
  std::optional<std::string> target, prediction, score, timestamp, id;
  std::vector<std::string> sensitive, slices;
};

// Throws core::Error when no target column can be guessed.
StarterRoles guess_roles(const core::Table& data);

struct StarterFiles {
  std::string current;                   // as the suite will name it (relative to the suite)
  std::optional<std::string> reference;  // likewise
  std::string source;                    // what the user typed, for the header comment
};

// The suite text. `reference` is the reference table when one was given.
std::string starter_suite(const core::Table& data, const core::Table* reference, const StarterRoles& roles,
                          const StarterFiles& files);

}  // namespace assay::suite
