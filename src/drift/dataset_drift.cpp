#include "drift/dataset_drift.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <set>

#include "core/error.hpp"
#include "drift/correction.hpp"

namespace assay::drift {

namespace {

bool is_numeric_kind(core::Kind k) { return k == core::Kind::float64 || k == core::Kind::int64; }

// Compared through category counts; string columns only when asked for or
// when the other file read them as categorical.
bool is_label_kind(core::Kind k) {
  return k == core::Kind::categorical || k == core::Kind::boolean || k == core::Kind::string;
}

void check_kinds(const core::Column& ref, const core::Column& cur) {
  const core::Kind a = ref.kind();
  const core::Kind b = cur.kind();
  if (a == b || (is_numeric_kind(a) && is_numeric_kind(b)) || (is_label_kind(a) && is_label_kind(b))) return;
  throw core::Error(fmt::format(
      "column '{}' is {} in the reference but {} in the current data; force one kind for both with --type {}=KIND",
      ref.name(), core::kind_name(a), core::kind_name(b), ref.name()));
}

// A requested column must exist in both tables with a comparable kind.
void require(const core::Table& reference, const core::Table& current, const std::string& name, std::string_view flag) {
  const core::Column& ref = core::column_for_flag(reference, name, std::string(flag));  // names the flag, suggests
  if (!current.contains(name)) {
    throw core::Error(fmt::format("{} column '{}' is in the reference but not in the current data", flag, name));
  }
  if (!is_numeric_kind(ref.kind()) && !is_label_kind(ref.kind())) {
    throw core::Error(fmt::format("{} column '{}' is {}; drift compares numeric, bool, categorical and text columns",
                                  flag, name, core::kind_name(ref.kind())));
  }
  check_kinds(ref, current.column(name));
}

}  // namespace

ColumnSelection select_columns(const core::Table& reference, const core::Table& current, const ColumnRequest& request) {
  ColumnSelection selection;
  std::set<std::string, std::less<>> roles;
  if (request.timestamp) {
    (void)core::column_for_flag(reference, *request.timestamp, "--timestamp");
    (void)core::column_for_flag(current, *request.timestamp, "--timestamp");
    roles.insert(*request.timestamp);
  }
  const std::pair<const std::optional<std::string>*, Role> role_columns[] = {
      {&request.target, Role::target}, {&request.prediction, Role::prediction}, {&request.score, Role::score}};
  for (const auto& [name, role] : role_columns) {
    if (*name) roles.insert(**name);
  }
  for (const auto& name : request.by) {
    for (const auto& [role_column, role] : role_columns) {
      if (*role_column == name) {
        throw core::Error(core::Location{.path = "--by"},
                          fmt::format("'{}' is the {} column; segment by another column", name, role_name(role)));
      }
    }
    if (std::find(request.columns.begin(), request.columns.end(), name) != request.columns.end()) {
      throw core::Error(core::Location{.path = "--by"},
                        fmt::format("'{}' is also in --columns; the segment column is not compared", name));
    }
    (void)core::column_for_flag(current, name, "--by");
    if (!reference.contains(name)) {
      throw core::Error(core::Location{.path = "--by"},
                        fmt::format("column '{}' is in the current data but not in the reference", name));
    }
    roles.insert(name);
  }

  if (!request.columns.empty()) {
    std::set<std::string, std::less<>> seen;
    for (const auto& name : request.columns) {
      if (!seen.insert(name).second) throw core::Error(fmt::format("--columns lists '{}' twice", name));
      if (roles.contains(name)) continue;
      require(reference, current, name, "--columns");
      selection.columns.push_back({name, Role::feature});
    }
  } else {
    std::vector<std::string> missing;
    for (const core::Column& ref : reference.all()) {
      if (roles.contains(ref.name())) continue;
      if (!is_numeric_kind(ref.kind()) && !is_label_kind(ref.kind())) {
        selection.skipped.push_back({ref.name(), fmt::format("{} column", core::kind_name(ref.kind()))});
        continue;
      }
      if (!current.contains(ref.name())) {
        missing.push_back(ref.name());
        continue;
      }
      const core::Column& cur = current.column(ref.name());
      if (ref.kind() == core::Kind::string && cur.kind() == core::Kind::string) {
        selection.skipped.push_back(
            {ref.name(), fmt::format("free text (string column); name it in --columns or force --type {}=categorical "
                                     "to compare its values as categories",
                                     ref.name())});
        continue;
      }
      check_kinds(ref, cur);
      selection.columns.push_back({ref.name(), Role::feature});
    }
    if (!missing.empty()) {
      std::string list;
      for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
      throw core::Error(fmt::format("the current data lacks {} reference column{}: {} (choose the columns to compare "
                                    "with --columns)",
                                    missing.size(), missing.size() == 1 ? "" : "s", list));
    }
  }
  for (const auto& [name, role] : role_columns) {
    if (!*name) continue;
    const std::string flag = fmt::format("--{}", role_name(role));
    require(reference, current, **name, flag);
    selection.columns.push_back({**name, role});
  }
  return selection;
}

std::vector<Comparison> compare_tables(const core::Table& reference, const core::Table& current,
                                       std::span<const ColumnSpec> columns, const DriftOptions& options,
                                       std::span<const std::vector<std::uint32_t>> selections) {
  std::vector<Comparison> out(selections.size());
  for (auto& c : out) c.columns.resize(columns.size());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, columns.size(), 1), [&](const auto& range) {
    for (std::size_t c = range.begin(); c != range.end(); ++c) {
      const ColumnSpec& spec = columns[c];
      const core::Column& ref_column = reference.column(spec.name);
      const core::Column& cur_column = current.column(spec.name);
      const PreparedSide ref = prepare_side(ref_column);
      for (std::size_t s = 0; s < selections.size(); ++s) {
        const PreparedSide cur = prepare_side(cur_column, selections[s]);
        out[s].columns[c] = compare_column(spec, ref_column.kind(), ref, cur, options);
      }
    }
  });
  for (auto& c : out) finalize(c, options);
  return out;
}

Comparison compare_tables(const core::Table& reference, const core::Table& current,
                          std::span<const ColumnSpec> columns, const DriftOptions& options) {
  const std::vector<std::vector<std::uint32_t>> all(1);
  return std::move(compare_tables(reference, current, columns, options, all).front());
}

std::string undefined_columns(const Comparison& comparison) {
  std::string out;
  for (const ColumnDrift& col : comparison.columns) {
    if (!col.statistic && !col.p_value) out += fmt::format("{}{} ({})", out.empty() ? "" : ", ", col.column, col.reason);
  }
  return out;
}

void finalize(Comparison& comparison, const DriftOptions& options) {
  std::vector<std::size_t> tested;
  std::vector<double> p;
  for (std::size_t i = 0; i < comparison.columns.size(); ++i) {
    const ColumnDrift& c = comparison.columns[i];
    if (is_test(c.method) && c.p_value) {
      tested.push_back(i);
      p.push_back(*c.p_value);
    }
  }
  if (options.correction != Correction::none) {
    const std::vector<double> adjusted = adjust_p_values(p, options.correction);
    for (std::size_t k = 0; k < tested.size(); ++k) {
      ColumnDrift& c = comparison.columns[tested[k]];
      c.p_value_adjusted = adjusted[k];
      c.statistic_drifted = adjusted[k] < c.threshold;
      c.drifted = c.any_drifted();
    }
  }
  DatasetVerdict v;
  for (const ColumnDrift& c : comparison.columns) {
    if (!c.statistic && !c.p_value) continue;
    ++v.compared;
    if (c.drifted) ++v.drifted;
  }
  v.drifted_share = v.compared == 0 ? 0.0 : static_cast<double>(v.drifted) / static_cast<double>(v.compared);
  v.dataset_drift = v.drifted_share > options.drift_share;
  comparison.verdict = v;
}

std::string_view finding_metric(Method method) {
  switch (method) {
    case Method::ks: return "ks_p_value";
    case Method::chi2: return "chi2_p_value";
    case Method::ztest: return "ztest_p_value";
    case Method::fisher: return "fisher_p_value";
    case Method::anderson: return "anderson_p_value";
    case Method::cvm: return "cvm_p_value";
    case Method::psi: return "psi";
    case Method::js: return "jensen_shannon";
    case Method::kl: return "kl_divergence";
    case Method::hellinger: return "hellinger";
    case Method::wasserstein: return "wasserstein_normed";
    case Method::energy: return "energy_distance";
    case Method::tvd: return "total_variation";
    case Method::automatic: break;
  }
  return "drift";
}

std::vector<core::Finding> drift_findings(const Comparison& comparison, const DriftOptions& options) {
  std::vector<core::Finding> findings;
  for (const ColumnDrift& c : comparison.columns) {
    core::Finding f;
    f.id = "drift." + c.column;
    f.category = "drift";
    f.subject = c.column;
    f.metric = std::string(finding_metric(c.method));
    const bool test = is_test(c.method);
    f.value = test ? (c.p_value_adjusted ? c.p_value_adjusted : c.p_value) : c.statistic;
    f.threshold = core::Threshold{test ? ">=" : "<", c.threshold};
    f.details = {{"method", method_name(c.method)}, {"role", role_name(c.role)}, {"kind", core::kind_name(c.kind)}};
    if (c.statistic) f.details["statistic"] = *c.statistic;
    if (c.p_value) f.details["p_value"] = *c.p_value;
    if (c.p_value_limit != PValueLimit::none) f.details["p_value_capped"] = true;
    const std::string what = test ? fmt::format("{} p-value", method_name(c.method)) : std::string(f.metric);
    // Non-finite values and nulls are announced wherever they occur.
    std::string shares;
    if (c.non_finite_share) {
      const ShareDrift& s = *c.non_finite_share;
      f.details["reference_non_finite"] = c.reference_non_finite.total();
      f.details["current_non_finite"] = c.current_non_finite.total();
      f.details["non_finite_drifted"] = s.drifted;
      shares = fmt::format("; non-finite values (left out) {:.3g}% in the reference, {:.3g}% in the current data{}",
                               100 * s.reference_share, 100 * s.current_share, s.drifted ? ": their share drifted" : "");
    }
    if (c.null_share) {
      const ShareDrift& s = *c.null_share;
      f.details["reference_nulls"] = c.reference_nulls;
      f.details["current_nulls"] = c.current_nulls;
      f.details["null_share_drifted"] = s.drifted;
      shares += fmt::format("; nulls (left out) {:.3g}% in the reference, {:.3g}% in the current data{}",
                                100 * s.reference_share, 100 * s.current_share, s.drifted ? ": their share drifted" : "");
    }
    if (!f.value) {
      f.status = core::Status::error;
      f.reason = c.reason.empty() ? "statistic undefined" : c.reason;
      f.message = fmt::format("{} not compared: {}{}", c.column, f.reason, shares);
    } else if (c.drifted) {
      f.status = core::Status::fail;
      f.message = c.statistic_drifted ? fmt::format("{} drifted: {} {:.4g} {} {:g}{}", c.column, what, *f.value,
                                                    test ? "<" : ">=", c.threshold, shares)
                                      : fmt::format("{} drifted: {} {:.4g} {} {:g}{}", c.column, what, *f.value,
                                                    test ? ">=" : "<", c.threshold, shares);
    } else {
      f.status = core::Status::pass;
      f.message = fmt::format("{} stable: {} {:.4g} {} {:g}{}", c.column, what, *f.value, test ? ">=" : "<",
                              c.threshold, shares);
    }
    findings.push_back(std::move(f));
  }
  const DatasetVerdict& v = comparison.verdict;
  core::Finding d;
  d.id = "drift.dataset";
  d.category = "drift";
  d.subject = "dataset";
  d.metric = "drifted_share";
  d.value = v.drifted_share;
  d.threshold = core::Threshold{"<=", options.drift_share};
  d.status = v.dataset_drift ? core::Status::fail : core::Status::pass;
  d.details = {{"compared", v.compared}, {"drifted", v.drifted}};
  d.message = fmt::format("{} of {} columns drifted ({:.1f}%); dataset drift when more than {:g}%", v.drifted,
                          v.compared, 100.0 * v.drifted_share, 100.0 * options.drift_share);
  findings.push_back(std::move(d));
  return findings;
}

}  // namespace assay::drift
