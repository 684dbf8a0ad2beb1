#pragma once
// Leakage between a training and a test dataset (Kaufman et al. 2012):
// test rows that also appear in train, test rows older than the newest
// training row, and ids present in both.

#include <span>
#include <string>
#include <vector>

#include "core/column.hpp"
#include "core/finding.hpp"
#include "core/table.hpp"
#include "quality/options.hpp"

namespace assay::quality {

// contaminated_share: test rows whose 128-bit row hash over `columns`
// (names present in both tables) equals a training row's, over test rows.
// `normalised` hashes trimmed, lower-cased text and floats rounded to
// contamination.round_digits significant digits (cell_encoding.hpp).
// Id "leakage.contamination.dataset" or "leakage.contamination_normalised.dataset".
core::Finding check_contamination(const core::Table& train, const core::Table& test,
                                  std::span<const std::string> columns, bool normalised, const Options& options);

// temporal_leak_share: test rows strictly older than the newest training
// row, over test rows with a time. Timestamps compare as instants; int64 and
// float64 columns compare as numbers; text is parsed as ISO 8601.
core::Finding check_temporal(const core::Column& train_time, const core::Column& test_time, const Options& options);

// id_overlap_share: test rows whose id also appears in train, over test
// rows with an id.
core::Finding check_id_overlap(const core::Column& train_id, const core::Column& test_id, const Options& options);

}  // namespace assay::quality
