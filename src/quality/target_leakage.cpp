#include "quality/target_leakage.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/parallel_for.h>

#include <cmath>
#include <numeric>

#include "quality/auc.hpp"
#include "quality/classes.hpp"
#include "quality/limit.hpp"
#include "quality/mutual_information.hpp"

namespace assay::quality {

namespace {

// The target as what the checks need: binary labels, or codes for MI.
struct Target {
  bool binary = false;
  std::vector<std::uint8_t> positive;  // binary: 1 for the second class
  std::vector<char> labelled;          // 1 where the target is present
  std::string positive_name;
  Codes codes;                         // every target: class or bin codes
};

Target prepare_target(const core::Column& column, const Options& options) {
  Target t;
  t.labelled.resize(column.size());
  for (std::size_t r = 0; r < column.size(); ++r) t.labelled[r] = column.is_valid(r) ? 1 : 0;
  if (const auto labels = class_labels(column, options.max_classes)) {
    t.codes.code = labels->index;
    t.codes.count = static_cast<std::int32_t>(labels->names.size());
    if (labels->names.size() == 2) {
      t.binary = true;
      t.positive_name = labels->names[1];
      t.positive.resize(column.size());
      for (std::size_t r = 0; r < column.size(); ++r) t.positive[r] = labels->index[r] == 1 ? 1 : 0;
    }
    return t;
  }
  if (column.kind() == core::Kind::categorical || column.kind() == core::Kind::string) {
    t.codes = feature_codes(column, options.mi_bins, 1);
  } else {
    t.codes = quantile_bins(order_scores(column), options.mi_bins);
  }
  return t;
}

// AUC of scores over rows where both score and target are present.
struct Auc {
  double auc = NAN;
  std::size_t rows = 0;
};

Auc score_auc(const std::vector<double>& score, const Target& target) {
  std::vector<double> s;
  std::vector<std::uint8_t> y;
  s.reserve(score.size());
  y.reserve(score.size());
  for (std::size_t r = 0; r < score.size(); ++r) {
    if (target.labelled[r] == 0 || std::isnan(score[r])) continue;
    s.push_back(score[r]);
    y.push_back(target.positive[r]);
  }
  return {rank_auc(s, y), s.size()};
}

// Positive rate of each code as a per-row score (NaN where the code is missing).
std::vector<double> rate_scores(const Codes& codes, const Target& target) {
  std::vector<double> positives(static_cast<std::size_t>(codes.count)), totals(positives.size());
  for (std::size_t r = 0; r < codes.code.size(); ++r) {
    if (codes.code[r] < 0 || target.labelled[r] == 0) continue;
    totals[static_cast<std::size_t>(codes.code[r])] += 1.0;
    positives[static_cast<std::size_t>(codes.code[r])] += target.positive[r];
  }
  std::vector<double> score(codes.code.size(), NAN);
  for (std::size_t r = 0; r < codes.code.size(); ++r) {
    const auto c = codes.code[r];
    if (c >= 0 && totals[static_cast<std::size_t>(c)] > 0) score[r] = positives[static_cast<std::size_t>(c)] / totals[static_cast<std::size_t>(c)];
  }
  return score;
}

core::Finding auc_finding(std::string id, std::string subject, std::string what, const Auc& a, const Limit& limit) {
  const double power = std::isnan(a.auc) ? NAN : std::max(a.auc, 1.0 - a.auc);
  auto f = judged(std::move(id), subject, "roc_auc", power, limit,
                  std::isnan(power) ? fmt::format("{}: ROC AUC is undefined (one class among {} rows)", what, a.rows)
                                    : fmt::format("{} alone predicts the target with ROC AUC {:.4f}", what, power));
  if (std::isnan(power)) f.reason = "only one class among rows where both are present";
  f.details["auc"] = std::isnan(a.auc) ? nlohmann::json(nullptr) : nlohmann::json(a.auc);
  f.details["rows"] = a.rows;
  return f;
}

core::Finding mi_finding(std::string id, std::string subject, std::string what, const MutualInformation& m,
                         const Limit& limit) {
  auto f = judged(std::move(id), subject, "normalized_mutual_info", m.normalized, limit,
                  std::isnan(m.normalized)
                      ? fmt::format("{}: mutual information is undefined (the target is constant)", what)
                      : fmt::format("{} carries {:.3f} of the target's entropy (mutual information {:.4g} nats)",
                                    what, m.normalized, m.mi));
  if (std::isnan(m.normalized)) f.reason = "the target has zero entropy";
  f.details["mutual_info"] = m.mi;
  f.details["target_entropy"] = m.entropy_y;
  f.details["rows"] = m.rows;
  return f;
}

bool is_text(const core::Column& c) { return c.kind() == core::Kind::categorical || c.kind() == core::Kind::string; }

}  // namespace

std::vector<core::Finding> check_target_leakage(const core::Table& table, std::string_view target_name,
                                                std::span<const std::size_t> features, const Options& options) {
  const core::Column& target_column = table.column(target_name);
  const Target target = prepare_target(target_column, options);
  std::vector<core::Finding> out(features.size());
  tbb::parallel_for(std::size_t{0}, features.size(), [&](std::size_t i) {
    const core::Column& feature = table.column(features[i]);
    const std::string id = fmt::format("leakage.target.{}", feature.name());
    if (target.binary) {
      const std::vector<double> score =
          is_text(feature) ? rate_scores(feature_codes(feature, options.mi_bins, options.min_category_rows), target)
                           : order_scores(feature);
      out[i] = auc_finding(id, feature.name(), feature.name(), score_auc(score, target), options.target_auc);
      if (is_text(feature)) out[i].details["score"] = "category positive rate";
    } else {
      const Codes x = feature_codes(feature, options.mi_bins, options.min_category_rows);
      out[i] = mi_finding(id, feature.name(), feature.name(),
                          mutual_information(x.code, x.count, target.codes.code, target.codes.count), options.target_mi);
    }
    out[i].details["target"] = std::string(target_name);
  });
  return out;
}

std::vector<core::Finding> check_id_leakage(const core::Table& table, std::string_view target_name,
                                            std::optional<std::string_view> id, const Options& options) {
  const Target target = prepare_target(table.column(target_name), options);
  std::vector<core::Finding> out;
  std::vector<double> row_order(table.rows());
  std::iota(row_order.begin(), row_order.end(), 0.0);
  const auto judge = [&](std::string finding_id, std::string subject, std::string what, const std::vector<double>& score) {
    if (target.binary) return auc_finding(std::move(finding_id), std::move(subject), std::move(what), score_auc(score, target), options.id_auc);
    const Codes x = quantile_bins(score, options.mi_bins);
    return mi_finding(std::move(finding_id), std::move(subject), std::move(what),
                      mutual_information(x.code, x.count, target.codes.code, target.codes.count), options.id_mi);
  };
  out.push_back(judge("leakage.row_order.dataset", "dataset", "the row order", row_order));
  if (id) {
    const core::Column& column = table.column(*id);
    out.push_back(judge(fmt::format("leakage.id_target.{}", column.name()), column.name(),
                        fmt::format("the id {}", column.name()), order_scores(column)));
  }
  return out;
}

}  // namespace assay::quality
