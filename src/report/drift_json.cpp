#include "report/drift_json.hpp"

#include <cmath>

#include "drift/correction.hpp"
#include "report/findings_json.hpp"
#include "report/json_number.hpp"
#include "report/provenance_json.hpp"
#include "report/slices_label.hpp"

namespace assay::report {

namespace {

using json = nlohmann::ordered_json;

json number(const std::optional<double>& v) { return json_number(v); }

json number(double v) { return json_number(v); }

json non_finite_json(const drift::NonFinite& n) {
  return {{"count", n.total()},
          {"positive_infinite", n.positive_infinite},
          {"negative_infinite", n.negative_infinite},
          {"nan", n.nan}};
}

// A compared share (non-finite values, nulls); null when neither side had any.
json share_json(const std::optional<drift::ShareDrift>& share) {
  if (!share) return nullptr;
  return {{"reference", share->reference_share},
          {"current", share->current_share},
          {"method", drift::method_name(share->method)},
          {"statistic", number(share->statistic)},
          {"p_value", number(share->p_value)},
          {"threshold", share->threshold},
          {"drifted", share->drifted}};
}

json timestamp(const std::optional<std::int64_t>& ns) {
  return ns ? json(core::format_timestamp(*ns)) : json(nullptr);
}

json settings_json(const drift::DriftRequest& r) {
  json s;
  s["method"] = drift::method_name(r.options.method);
  s["threshold"] = number(r.options.threshold);
  s["bins"] = r.options.bins;
  s["epsilon"] = number(r.options.epsilon);
  s["correction"] = drift::correction_name(r.options.correction);
  s["drift_share"] = number(r.options.drift_share);
  s["seed"] = r.options.seed;
  s["columns"] = r.columns.columns;
  s["target"] = r.columns.target ? json(*r.columns.target) : json(nullptr);
  s["prediction"] = r.columns.prediction ? json(*r.columns.prediction) : json(nullptr);
  s["score"] = r.columns.score ? json(*r.columns.score) : json(nullptr);
  s["timestamp"] = r.columns.timestamp ? json(*r.columns.timestamp) : json(nullptr);
  s["multivariate"] = r.multivariate ? json(drift::multivariate_name(r.multivariate->method)) : json(nullptr);
  if (r.segments) {
    s["by"] = r.segments->by;
    s["by_bins"] = r.segments->bins;
    s["min_support"] = r.segments->min_support;
  }
  return s;
}

json chunk_json(const drift::ChunkResult& c) {
  json out;
  out["index"] = c.index;
  out["start"] = timestamp(c.start_ns);
  out["end"] = timestamp(c.end_ns);
  out["first"] = timestamp(c.first_ns);
  out["last"] = timestamp(c.last_ns);
  out["rows"] = c.rows;
  out["dataset_drift"] = c.comparison.verdict.dataset_drift;
  out["drifted_share"] = number(c.comparison.verdict.drifted_share);
  auto drifted = json::array();
  auto columns = json::array();
  for (const auto& col : c.comparison.columns) {
    if (col.drifted) drifted.push_back(col.column);
    columns.push_back({{"column", col.column},
                       {"method", drift::method_name(col.method)},
                       {"statistic", number(col.statistic)},
                       {"p_value", number(col.p_value)},
                       {"p_value_adjusted", number(col.p_value_adjusted)},
                       {"p_value_capped", col.p_value_limit != drift::PValueLimit::none},
                       {"drifted", col.drifted},
                       {"reason", col.reason.empty() ? json(nullptr) : json(col.reason)}});
  }
  out["drifted_columns"] = drifted;
  out["columns"] = columns;
  out["multivariate"] = c.multivariate ? multivariate_json(*c.multivariate) : json(nullptr);
  return out;
}

json segment_json(const drift::SegmentResult& s, std::size_t index) {
  json out;
  out["index"] = index;
  out["predicates"] = predicates_json(s.predicates);
  out["label"] = s.label;
  out["reference_rows"] = s.reference_rows;
  out["current_rows"] = s.current_rows;
  out["compared"] = s.comparison.has_value();
  if (!s.comparison) {
    out["reason"] = s.reason;
    return out;
  }
  const auto& v = s.comparison->verdict;
  out["dataset_drift"] = v.dataset_drift;
  out["drifted_share"] = number(v.drifted_share);
  auto drifted = json::array();
  auto columns = json::array();
  for (const auto& c : s.comparison->columns) {
    if (c.drifted) drifted.push_back(c.column);
    columns.push_back(drift_column_json(c));
  }
  out["drifted_columns"] = drifted;
  out["compared_columns"] = v.compared;
  out["columns"] = columns;
  return out;
}

}  // namespace

json drift_column_json(const drift::ColumnDrift& c) {
  json out;
  out["column"] = c.column;
  out["kind"] = core::kind_name(c.kind);
  out["role"] = drift::role_name(c.role);
  out["compared_as"] = c.shape == drift::Shape::numeric ? "numeric" : "categorical";
  out["method"] = drift::method_name(c.method);
  if (c.method_fallback) out["method_note"] = "requested method does not apply to this column; chosen by the auto rule";
  out["statistic"] = number(c.statistic);
  out["p_value"] = number(c.p_value);
  out["p_value_adjusted"] = number(c.p_value_adjusted);
  if (!c.p_value_method.empty()) out["p_value_method"] = c.p_value_method;
  if (c.p_value_limit != drift::PValueLimit::none) {
    out["p_value_capped"] = true;
    out["note"] = c.p_value_limit == drift::PValueLimit::floor
                      ? "p-value floored at the edge of the Anderson-Darling table (scipy's anderson_ksamp range "
                        "[0.001, 0.25]): the true p-value is smaller"
                      : "p-value capped at the edge of the Anderson-Darling table (scipy's anderson_ksamp range "
                        "[0.001, 0.25]): the true p-value is larger";
  }
  out["threshold"] = number(c.threshold);
  out["drifted"] = c.drifted;
  if (!c.reason.empty()) out["reason"] = c.reason;
  if (c.wasserstein_raw) out["wasserstein_raw"] = number(c.wasserstein_raw);
  if (c.reference_std) out["reference_std"] = number(c.reference_std);
  if (c.dof) out["dof"] = *c.dof;
  out["reference_rows"] = c.reference_rows;
  out["current_rows"] = c.current_rows;
  out["reference_nulls"] = c.reference_nulls;
  out["current_nulls"] = c.current_nulls;
  if (c.kind == core::Kind::float64 || c.kind == core::Kind::int64) {
    out["reference_non_finite"] = non_finite_json(c.reference_non_finite);
    out["current_non_finite"] = non_finite_json(c.current_non_finite);
    out["non_finite_share"] = share_json(c.non_finite_share);
  }
  out["null_share"] = share_json(c.null_share);
  if (c.shape == drift::Shape::categorical) {
    out["unseen_categories"] = {
        {"count", c.unseen_categories},
        {"rows", static_cast<std::uint64_t>(c.unseen_rows)},
        {"share", number(c.current_rows == 0 ? 0.0 : c.unseen_rows / static_cast<double>(c.current_rows))},
        {"examples", c.unseen_examples}};
  }
  if (!c.hist_categories.empty()) {
    out["reference_hist"] = {{"categories", c.hist_categories}, {"counts", c.reference_hist}};
    out["current_hist"] = {{"categories", c.hist_categories}, {"counts", c.current_hist}};
  } else if (!c.hist_edges.empty()) {
    out["reference_hist"] = {{"edges", c.hist_edges}, {"counts", c.reference_hist}};
    out["current_hist"] = {{"edges", c.hist_edges}, {"counts", c.current_hist}};
  } else {
    out["reference_hist"] = nullptr;
    out["current_hist"] = nullptr;
  }
  return out;
}

json multivariate_json(const drift::MultivariateResult& r) {
  json out;
  out["method"] = drift::multivariate_name(r.method);
  out["metric"] = r.metric;
  out["statistic"] = number(r.statistic);
  out["p_value"] = number(r.p_value);
  out["threshold"] = number(r.threshold);
  if (r.lower) out["lower"] = number(r.lower);
  if (r.upper) out["upper"] = number(r.upper);
  if (r.reference_value) out["reference_value"] = number(r.reference_value);
  out["drifted"] = r.drifted;
  out["features"] = r.features;
  if (!r.reason.empty()) out["reason"] = r.reason;
  out["reference_rows"] = r.reference_rows;
  out["current_rows"] = r.current_rows;
  if (r.method == drift::Multivariate::classifier) {
    auto top = json::array();
    for (const auto& f : r.top_features) top.push_back({{"column", f.column}, {"importance", number(f.importance)}});
    out["top_features"] = top;
  }
  if (r.bandwidth) out["bandwidth"] = number(r.bandwidth);
  if (r.components) out["components"] = *r.components;
  if (r.explained_variance) out["explained_variance"] = number(r.explained_variance);
  return out;
}

json drift_json(const drift::DriftReport& report, const drift::DriftRequest& request,
                const core::FileFingerprint& reference, const core::FileFingerprint& current, double elapsed_seconds) {
  json extra;
  extra["settings"] = settings_json(request);
  const auto& v = report.overall.verdict;
  extra["dataset_drift"] = v.dataset_drift;
  extra["drifted_share"] = number(v.drifted_share);
  extra["drifted_columns"] = v.drifted;
  extra["compared_columns"] = v.compared;
  auto columns = json::array();
  for (const auto& c : report.overall.columns) columns.push_back(drift_column_json(c));
  extra["columns"] = columns;
  auto skipped = json::array();
  for (const auto& s : report.selection.skipped) skipped.push_back({{"column", s.column}, {"reason", s.reason}});
  extra["skipped"] = skipped;
  extra["multivariate"] = report.multivariate ? multivariate_json(*report.multivariate) : json(nullptr);
  auto chunks = json::array();
  for (const auto& c : report.chunks) chunks.push_back(chunk_json(c));
  extra["chunks"] = chunks;
  if (request.chunk) extra["null_timestamps"] = report.null_timestamps;
  if (request.segments) {
    auto segments = json::array();
    for (std::size_t i = 0; i < report.segments.size(); ++i) segments.push_back(segment_json(report.segments[i], i));
    extra["segments"] = segments;
  }

  // The layout of findings_document, with each input's role.
  json doc = document_header("drift");
  doc["status"] = core::status_name(core::worst_status(report.findings));
  doc["summary"] = status_counts(report.findings);
  auto inputs = json::array();
  for (const auto& [role, fp] : {std::pair{"reference", &reference}, std::pair{"current", &current}}) {
    json input{{"role", role}};
    input.update(fingerprint_json(*fp));
    inputs.push_back(std::move(input));
  }
  doc["inputs"] = std::move(inputs);
  doc["elapsed_seconds"] = elapsed_seconds;
  for (const auto& [key, value] : extra.items()) doc[key] = value;
  doc["findings"] = findings_json(report.findings);
  return doc;
}

}  // namespace assay::report
