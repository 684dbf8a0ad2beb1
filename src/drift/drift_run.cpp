#include "drift/drift_run.hpp"

#include <fmt/format.h>

#include "core/column.hpp"
#include "core/error.hpp"

namespace assay::drift {

namespace {

std::vector<ColumnSpec> features_of(const ColumnSelection& selection) {
  std::vector<ColumnSpec> out;
  for (const auto& c : selection.columns) {
    if (c.role == Role::feature) out.push_back(c);
  }
  return out;
}

core::Finding multivariate_finding(const MultivariateResult& r, const std::string& id, const std::string& subject) {
  core::Finding f;
  f.id = id;
  f.category = "drift";
  f.subject = subject;
  f.metric = fmt::format("{}_{}", multivariate_name(r.method), r.metric);
  if (!r.reason.empty()) {
    f.status = core::Status::error;
    f.reason = r.reason;
    f.message = fmt::format("multivariate drift ({}) not computed: {}", multivariate_name(r.method), r.reason);
    return f;
  }
  f.status = r.drifted ? core::Status::fail : core::Status::pass;
  const bool test = r.method == Multivariate::mmd;
  f.value = test ? r.p_value : std::optional<double>(r.statistic);
  if (r.method == Multivariate::classifier) {
    f.threshold = core::Threshold{"<=", *r.threshold};
    f.message = fmt::format("domain classifier ROC AUC {:.4f} {} {:g}{}", r.statistic, r.drifted ? ">" : "<=",
                            *r.threshold, r.drifted ? ": reference and current rows can be told apart" : "");
  } else if (test) {
    f.threshold = core::Threshold{">=", *r.threshold};
    f.message = fmt::format("MMD permutation p-value {:.4g} {} {:g}", *r.p_value, r.drifted ? "<" : ">=", *r.threshold);
  } else {
    f.message = fmt::format("PCA reconstruction error {:.4g} {} the reference band [{:.4g}, {:.4g}]", r.statistic,
                            r.drifted ? "outside" : "inside", *r.lower, *r.upper);
  }
  return f;
}

std::string chunk_label(const ChunkResult& c) {
  if (c.start_ns) return core::format_timestamp(*c.start_ns);
  return fmt::format("chunk {}", c.index);
}

}  // namespace

DriftReport run_drift(const core::Table& reference, const core::Table& current, const DriftRequest& request) {
  DriftReport report;
  ColumnRequest columns = request.columns;
  if (request.segments) columns.by = request.segments->by;
  report.selection = select_columns(reference, current, columns);
  if (report.selection.columns.empty()) {
    throw core::Error("no column to compare: the reference has no numeric, bool or categorical column in common "
                      "with the current data");
  }
  const std::vector<ColumnSpec>& specs = report.selection.columns;
  const std::vector<ColumnSpec> features = features_of(report.selection);
  report.overall = compare_tables(reference, current, specs, request.options);
  report.findings = drift_findings(report.overall, request.options);
  if (request.multivariate) {
    report.multivariate = multivariate_drift(reference, current, features, *request.multivariate);
    report.findings.push_back(multivariate_finding(*report.multivariate, "drift.multivariate", "dataset"));
  }
  if (request.chunk) {
    Chunking chunking = make_chunks(current, *request.chunk, request.columns.timestamp);
    report.null_timestamps = chunking.null_timestamps;
    std::vector<std::vector<std::uint32_t>> selections;
    for (const Chunk& c : chunking.chunks) selections.push_back(c.rows);
    DriftOptions chunk_options = request.options;
    chunk_options.histograms = false;
    std::vector<Comparison> per_chunk = compare_tables(reference, current, specs, chunk_options, selections);
    for (std::size_t i = 0; i < chunking.chunks.size(); ++i) {
      const Chunk& c = chunking.chunks[i];
      ChunkResult r;
      r.index = c.index;
      r.start_ns = c.start_ns;
      r.end_ns = c.end_ns;
      r.first_ns = c.first_ns;
      r.last_ns = c.last_ns;
      r.rows = c.rows.size();
      r.comparison = std::move(per_chunk[i]);
      if (request.multivariate) {
        r.multivariate = multivariate_drift(reference, current, features, *request.multivariate, c.rows);
      }
      core::Finding f;
      f.id = fmt::format("drift.chunk.{}", c.index);
      f.category = "drift";
      f.subject = chunk_label(r);
      f.metric = "drifted_share";
      f.value = r.comparison.verdict.drifted_share;
      f.threshold = core::Threshold{"<=", request.options.drift_share};
      const bool drifted = r.comparison.verdict.dataset_drift || (r.multivariate && r.multivariate->drifted);
      // Columns (or the detector) that could not be judged in this chunk.
      std::string undefined = undefined_columns(r.comparison);
      if (r.multivariate && !r.multivariate->reason.empty()) {
        undefined += fmt::format("{}multivariate ({})", undefined.empty() ? "" : ", ", r.multivariate->reason);
      }
      f.status = drifted ? core::Status::fail : (undefined.empty() ? core::Status::pass : core::Status::error);
      if (!undefined.empty()) f.reason = "not compared: " + undefined;
      f.message = fmt::format("{} ({} rows): {} of {} columns drifted{}{}", f.subject, r.rows, r.comparison.verdict.drifted,
                              r.comparison.verdict.compared,
                              r.multivariate && r.multivariate->reason.empty()
                                  ? fmt::format(", multivariate {}", r.multivariate->drifted ? "drift" : "stable")
                                  : std::string(),
                              undefined.empty() ? "" : "; " + f.reason);
      report.findings.push_back(std::move(f));
      report.chunks.push_back(std::move(r));
    }
  }
  if (request.segments) {
    report.segments = segment_drift(reference, current, specs, request.options, *request.segments);
    for (std::size_t i = 0; i < report.segments.size(); ++i) {
      report.findings.push_back(segment_finding(report.segments[i], i, request.options));
    }
  }
  return report;
}

}  // namespace assay::drift
