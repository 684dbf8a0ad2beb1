#pragma once
// Drift per segment (`assay drift --by COL`): the levels of the segment
// columns are the slices' levels (slices/groups.hpp) of the current data;
// each level's reference rows (matched by label, or by bin for a numeric
// column) are compared with its current rows by the same column comparison
// and settings as the whole files, so a segment's result is the report
// `assay drift` gives on the two files cut to that level. A level absent
// from the reference, or with fewer than `min_support` rows on a side, is
// listed with the reason and not compared.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/table.hpp"
#include "drift/dataset_drift.hpp"
#include "slices/predicate.hpp"

namespace assay::drift {

struct SegmentSpec {
  std::vector<std::string> by;
  std::size_t bins = 5;          // quantile bins of a numeric segment column
  std::size_t min_support = 50;  // rows needed on each side
};

struct SegmentResult {
  std::vector<slices::SlicePredicate> predicates;
  std::string label;  // "country = DE"
  std::size_t reference_rows = 0;
  std::size_t current_rows = 0;
  std::optional<Comparison> comparison;  // absent when not compared (`reason`)
  std::string reason;
};

std::vector<SegmentResult> segment_drift(const core::Table& reference, const core::Table& current,
                                         std::span<const ColumnSpec> columns, const DriftOptions& options,
                                         const SegmentSpec& segments);

// "drift.segment.<i>": fail when the segment's dataset verdict is drift,
// error when it was not compared or a column's statistic is undefined.
core::Finding segment_finding(const SegmentResult& segment, std::size_t index, const DriftOptions& options);

}  // namespace assay::drift
