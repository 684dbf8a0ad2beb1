#pragma once
// Reads a data file into a Table, picking the format from the name:
// .csv .tsv .txt (and .gz of each) as CSV; .jsonl .ndjson .json (and .gz)
// as JSON Lines. Throws core::Error with file:line:column on bad input.

#include <string>

#include "core/provenance.hpp"
#include "core/table.hpp"
#include "io/read_options.hpp"

namespace assay::io {

struct ReadResult {
  core::Table table;
  core::FileFingerprint fingerprint;
};

ReadResult read_table(const std::string& path, const ReadOptions& options = {});

}  // namespace assay::io
