#pragma once
// Synthetic model data for suite tests: a binary classifier whose score is
// the true probability (calibrated, ROC AUC about 0.85), features x1 and x2,
// a categorical `region` and `sex`, an id and a timestamp. `shift` moves x1
// (and so the score) in the current data to make drift; seeds differ
// between reference and current.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "core/table.hpp"
#include "suite/outcome.hpp"

namespace assay::testing {

struct ModelData {
  core::Table reference;
  core::Table current;
};

core::Table model_table(std::size_t rows, std::uint64_t seed, double shift = 0.0, std::int64_t first_id = 0);
ModelData model_data(std::size_t rows = 2000, double shift = 0.0);

// Parses `yaml` (as the file /virtual/suite.yaml) and runs it on `data`;
// `files` are the texts of files checks read (resolved paths).
suite::Outcome run_suite_text(const std::string& yaml, const ModelData& data,
                              const std::map<std::string, std::string>& files = {});

// The status of the only Finding whose id starts with `id` (fails the test otherwise).
core::Status status_of(const suite::Outcome& outcome, const std::string& id);

}  // namespace assay::testing
