#pragma once
// One `assay drift` run on two tables: column selection, the per-column
// comparison and dataset verdict, the optional multivariate detector, the
// optional per-chunk and per-segment comparisons, and the Findings for all
// of them.

#include <optional>
#include <vector>

#include "core/finding.hpp"
#include "core/table.hpp"
#include "drift/chunks.hpp"
#include "drift/dataset_drift.hpp"
#include "drift/multivariate.hpp"
#include "drift/options.hpp"
#include "drift/segments.hpp"

namespace assay::drift {

struct DriftRequest {
  ColumnRequest columns;
  DriftOptions options;
  std::optional<MultivariateOptions> multivariate;  // over the feature columns
  std::optional<ChunkSpec> chunk;
  std::optional<SegmentSpec> segments;  // --by
};

struct ChunkResult {
  std::size_t index = 0;
  std::optional<std::int64_t> start_ns;
  std::optional<std::int64_t> end_ns;
  std::optional<std::int64_t> first_ns;
  std::optional<std::int64_t> last_ns;
  std::size_t rows = 0;
  Comparison comparison;  // without plot histograms
  std::optional<MultivariateResult> multivariate;
};

struct DriftReport {
  ColumnSelection selection;
  Comparison overall;
  std::optional<MultivariateResult> multivariate;
  std::vector<ChunkResult> chunks;
  std::size_t null_timestamps = 0;  // current rows without a timestamp (left out of chunks)
  std::vector<SegmentResult> segments;
  // drift.<column>..., drift.dataset, drift.multivariate, drift.chunk.<i>, drift.segment.<i>
  std::vector<core::Finding> findings;
};

DriftReport run_drift(const core::Table& reference, const core::Table& current, const DriftRequest& request);

}  // namespace assay::drift
