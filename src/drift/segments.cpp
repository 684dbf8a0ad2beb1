#include "drift/segments.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/parallel_for.h>

#include <numeric>

#include "core/error.hpp"
#include "core/take.hpp"
#include "slices/groups.hpp"

namespace assay::drift {

std::vector<SegmentResult> segment_drift(const core::Table& reference, const core::Table& current,
                                         std::span<const ColumnSpec> columns, const DriftOptions& options,
                                         const SegmentSpec& segments) {
  if (segments.bins < 2) {
    throw core::Error(core::Location{.path = "--by-bins"}, fmt::format("expected at least 2 bins, got {}", segments.bins));
  }
  if (segments.min_support < 1) throw core::Error(core::Location{.path = "--min-support"}, "expected at least 1 row");
  if (current.rows() == 0) throw core::Error("the current data has no rows to segment");
  std::vector<std::uint32_t> all(current.rows());
  std::iota(all.begin(), all.end(), std::uint32_t{0});
  const slices::Grouping grouping = slices::group_rows(current, segments.by, all, segments.bins, "--by");
  const std::vector<std::vector<std::uint32_t>> reference_rows = slices::match_groups(grouping, reference, "--by");

  std::vector<std::string> names;
  for (const ColumnSpec& c : columns) names.push_back(c.name);
  DriftOptions segment_options = options;
  segment_options.histograms = false;

  std::vector<SegmentResult> out(grouping.groups.size());
  tbb::parallel_for(std::size_t{0}, grouping.groups.size(), [&](std::size_t g) {
    const slices::Group& group = grouping.groups[g];
    SegmentResult& s = out[g];
    s.predicates = group.predicates;
    s.label = slices::predicates_label(group.predicates);
    s.reference_rows = reference_rows[g].size();
    s.current_rows = group.rows.size();
    if (s.reference_rows == 0) {
      s.reason = "absent from the reference";
      return;
    }
    if (s.reference_rows < segments.min_support || s.current_rows < segments.min_support) {
      s.reason = fmt::format("too few rows to compare: {} in the reference, {} in the current data (--min-support {})",
                             s.reference_rows, s.current_rows, segments.min_support);
      return;
    }
    const core::Table ref = core::take_rows(reference, names, reference_rows[g]);
    const core::Table cur = core::take_rows(current, names, group.rows);
    s.comparison = compare_tables(ref, cur, columns, segment_options);
  });
  return out;
}

core::Finding segment_finding(const SegmentResult& segment, std::size_t index, const DriftOptions& options) {
  core::Finding f;
  f.id = fmt::format("drift.segment.{}", index);
  f.category = "drift";
  f.subject = segment.label;
  f.metric = "drifted_share";
  f.threshold = core::Threshold{"<=", options.drift_share};
  if (!segment.comparison) {
    f.status = core::Status::error;
    f.reason = segment.reason;
    f.message = fmt::format("{} ({} reference rows, {} current): not compared: {}", segment.label,
                            segment.reference_rows, segment.current_rows, segment.reason);
    return f;
  }
  const Comparison& c = *segment.comparison;
  f.value = c.verdict.drifted_share;
  const std::string undefined = undefined_columns(c);
  f.status = c.verdict.dataset_drift ? core::Status::fail : (undefined.empty() ? core::Status::pass : core::Status::error);
  if (!undefined.empty()) f.reason = "not compared: " + undefined;
  f.message = fmt::format("{} ({} reference rows, {} current): {} of {} columns drifted{}", segment.label,
                          segment.reference_rows, segment.current_rows, c.verdict.drifted, c.verdict.compared,
                          undefined.empty() ? "" : "; " + f.reason);
  return f;
}

}  // namespace assay::drift
