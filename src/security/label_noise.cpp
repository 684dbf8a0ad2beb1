#include "security/label_noise.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <set>

#include "core/error.hpp"

namespace assay::security {

LabelNoise confident_learning(const ClassProbabilities& p) {
  const std::size_t k = p.classes.size();
  const std::size_t n = p.rows();
  LabelNoise out;
  out.classes = p.classes;
  out.label_counts.assign(k, 0);
  for (const std::int32_t y : p.truth) ++out.label_counts[static_cast<std::size_t>(y)];
  for (std::size_t j = 0; j < k; ++j) {
    if (out.label_counts[j] == 0) {
      throw core::Error(fmt::format("no row is labelled '{}': its threshold (mean probability over its rows) is "
                                    "undefined; drop the class's probability column or add rows",
                                    p.classes[j]));
    }
  }
  // Sums in row order (numpy's mean adds pairwise: equal within rounding).
  out.thresholds.assign(k, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    const auto y = static_cast<std::size_t>(p.truth[i]);
    out.thresholds[y] += p.prob(i, y);
  }
  for (std::size_t j = 0; j < k; ++j) out.thresholds[j] /= static_cast<double>(out.label_counts[j]);

  out.confident_joint.assign(k, std::vector<std::size_t>(k, 0));
  for (std::size_t i = 0; i < n; ++i) {
    std::optional<std::size_t> best;
    for (std::size_t j = 0; j < k; ++j) {
      if (p.prob(i, j) >= out.thresholds[j] && (!best || p.prob(i, j) > p.prob(i, *best))) best = j;
    }
    if (best) ++out.confident_joint[static_cast<std::size_t>(p.truth[i])][*best];
  }

  // Each row of C has at least one count: a class's mean is reached by one
  // of its own rows.
  out.joint.assign(k, std::vector<double>(k, 0.0));
  double total = 0.0;
  for (std::size_t i = 0; i < k; ++i) {
    const auto row_sum = static_cast<double>(
        std::accumulate(out.confident_joint[i].begin(), out.confident_joint[i].end(), std::size_t{0}));
    for (std::size_t j = 0; j < k; ++j) {
      out.joint[i][j] = static_cast<double>(out.confident_joint[i][j]) / row_sum * static_cast<double>(out.label_counts[i]);
    }
  }
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) total += out.joint[i][j];
  }
  double trace = 0.0;
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) out.joint[i][j] /= total;
    trace += out.joint[i][i];
  }
  out.overall_noise_rate = 1.0 - trace;
  out.noise_rate.assign(k, 0.0);
  out.noise_matrix.assign(k, std::vector<double>(k, 0.0));
  for (std::size_t i = 0; i < k; ++i) {
    double row = 0.0, column = 0.0;
    for (std::size_t j = 0; j < k; ++j) {
      row += out.joint[i][j];
      column += out.joint[j][i];
    }
    out.noise_rate[i] = 1.0 - out.joint[i][i] / row;
    for (std::size_t j = 0; j < k; ++j) out.noise_matrix[j][i] = column > 0.0 ? out.joint[j][i] / column : 0.0;
  }

  std::vector<std::vector<std::size_t>> rows_of(k);
  for (std::size_t i = 0; i < n; ++i) rows_of[static_cast<std::size_t>(p.truth[i])].push_back(i);
  std::set<std::size_t> pruned;
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) {
      if (i == j) continue;
      const auto count = static_cast<std::size_t>(std::floor(static_cast<double>(n) * out.joint[i][j] + 0.5));
      std::vector<std::size_t> rows = rows_of[i];
      auto margin = [&](std::size_t r) { return p.prob(r, j) - p.prob(r, i); };
      std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) { return margin(a) > margin(b); });
      rows.resize(std::min(count, rows.size()));
      pruned.insert(rows.begin(), rows.end());
    }
  }
  for (const std::size_t r : pruned) {
    Suspect s{.row = r, .given = p.truth[r], .likely = 0, .self_confidence = p.prob(r, static_cast<std::size_t>(p.truth[r]))};
    for (std::size_t j = 1; j < k; ++j) {
      if (p.prob(r, j) > p.prob(r, static_cast<std::size_t>(s.likely))) s.likely = static_cast<std::int32_t>(j);
    }
    out.suspects.push_back(s);
  }
  std::stable_sort(out.suspects.begin(), out.suspects.end(),
                   [](const Suspect& a, const Suspect& b) { return a.self_confidence < b.self_confidence; });
  return out;
}

namespace {

core::DetailList matrix_details(const std::vector<std::vector<double>>& m) {
  core::DetailList rows;
  for (const auto& r : m) {
    core::DetailList row;
    for (const double v : r) row.emplace_back(v);
    rows.emplace_back(std::move(row));
  }
  return rows;
}

}  // namespace

std::vector<core::Finding> label_noise_findings(const LabelNoise& noise, std::size_t top) {
  std::vector<core::Finding> out;
  core::Finding overall{.id = "labels.noise_rate",
                        .category = "labels",
                        .subject = "dataset",
                        .metric = "noise_rate",
                        .value = noise.overall_noise_rate};
  overall.message = fmt::format("estimated {:.1f}% of labels are wrong; {} suspect rows", 100.0 * noise.overall_noise_rate,
                                noise.suspects.size());
  core::Details& d = overall.details;
  d["classes"] = noise.classes;
  core::DetailList thresholds(noise.thresholds.begin(), noise.thresholds.end());
  d["thresholds"] = std::move(thresholds);
  core::DetailList cj;
  for (const auto& r : noise.confident_joint) cj.emplace_back(core::DetailList(r.begin(), r.end()));
  d["confident_joint"] = std::move(cj);
  d["joint"] = matrix_details(noise.joint);
  d["noise_matrix"] = matrix_details(noise.noise_matrix);
  d["suspect_count"] = noise.suspects.size();
  core::DetailList suspects;
  for (std::size_t s = 0; s < std::min(top, noise.suspects.size()); ++s) {
    const Suspect& x = noise.suspects[s];
    suspects.emplace_back(core::Details{{"row", x.row + 1},
                                        {"label", noise.classes[static_cast<std::size_t>(x.given)]},
                                        {"likely", noise.classes[static_cast<std::size_t>(x.likely)]},
                                        {"self_confidence", x.self_confidence}});
  }
  d["suspects"] = std::move(suspects);
  out.push_back(std::move(overall));
  for (std::size_t i = 0; i < noise.classes.size(); ++i) {
    core::Finding f{.id = "labels.noise_rate." + noise.classes[i],
                    .category = "labels",
                    .subject = noise.classes[i],
                    .metric = "noise_rate",
                    .value = noise.noise_rate[i]};
    f.message = fmt::format("label '{}': estimated {:.1f}% of its {} rows belong to another class", noise.classes[i],
                            100.0 * noise.noise_rate[i], noise.label_counts[i]);
    f.details["rows"] = noise.label_counts[i];
    f.details["threshold"] = noise.thresholds[i];
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace assay::security
