#include "quality/target_leakage.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "quality/classes.hpp"
#include "quality/limit.hpp"
#include "quality/mutual_information.hpp"
#include "stats/roc_auc.hpp"
#include "stats/sort.hpp"

namespace assay::quality {

namespace {

bool is_text(const core::Column& c) { return c.kind() == core::Kind::categorical || c.kind() == core::Kind::string; }

// Codes of a target for mutual information: its classes, or quantile bins
// when it has too many values to be a class label.
Codes target_codes(const core::Column& column, const Options& options) {
  if (const auto labels = class_labels(column, options.max_classes)) {
    return Codes{labels->index, static_cast<std::int32_t>(labels->names.size())};
  }
  if (is_text(column)) return feature_codes(column, options.mi_bins, 1);
  return quantile_bins(order_scores(column), options.mi_bins);
}

// Sorted values with the NaN tail split off (radix_sort puts NaN last).
std::size_t nan_tail(const std::vector<double>& sorted) {
  std::size_t n = sorted.size();
  while (n > 0 && std::isnan(sorted[n - 1])) --n;
  return sorted.size() - n;
}

// AUC of a text feature: categories scored by their positive rate, fed to
// the AUC state by descending rate, categories of equal rate as one group.
std::pair<double, std::size_t> text_auc(const core::Column& feature, const BinaryTarget& target, const Options& options) {
  const Codes codes = feature_codes(feature, options.mi_bins, options.min_category_rows);
  struct Category {
    double rate = 0.0;
    std::uint64_t positives = 0, negatives = 0;
  };
  std::vector<Category> categories(static_cast<std::size_t>(codes.count));
  std::size_t rows = 0;
  for (std::size_t r = 0; r < codes.code.size(); ++r) {
    if (codes.code[r] < 0 || target.label[r] < 0) continue;
    auto& c = categories[static_cast<std::size_t>(codes.code[r])];
    (target.label[r] == 1 ? c.positives : c.negatives) += 1;
    ++rows;
  }
  for (auto& c : categories) {
    const auto total = c.positives + c.negatives;
    c.rate = total == 0 ? 0.0 : static_cast<double>(c.positives) / static_cast<double>(total);
  }
  std::sort(categories.begin(), categories.end(), [](const Category& a, const Category& b) { return a.rate > b.rate; });
  stats::RocAucState<std::uint64_t> auc;
  for (std::size_t i = 0; i < categories.size();) {
    std::uint64_t pos = 0, neg = 0;
    std::size_t j = i;
    for (; j < categories.size() && categories[j].rate == categories[i].rate; ++j) {
      pos += categories[j].positives;
      neg += categories[j].negatives;
    }
    auc.add_group(pos, neg);
    i = j;
  }
  return {auc.value(), rows};
}

// Too few rows make a predictive-power value noise (3 rows sorted by label
// give an AUC of 1): below min_rows the value is reported, not judged.
void require_rows(core::Finding& f, std::size_t rows, const Options& options) {
  if (rows >= options.min_rows || f.status == core::Status::info) return;
  f.status = core::Status::info;
  f.reason = fmt::format("only {} rows to judge by (min_rows is {})", rows, options.min_rows);
}

core::Finding mi_finding(std::string id, std::string subject, std::string what, const MutualInformation& m,
                         const Limit& limit, const Options& options) {
  auto f = judged(std::move(id), subject, "normalized_mutual_info", m.normalized, limit,
                  std::isnan(m.normalized)
                      ? fmt::format("{}: mutual information is undefined (the target is constant)", what)
                      : fmt::format("{} carries {:.3f} of the target's entropy (mutual information {:.4g} nats)",
                                    what, m.normalized, m.mi));
  if (std::isnan(m.normalized)) f.reason = "the target has zero entropy";
  f.details["mutual_info"] = m.mi;
  f.details["target_entropy"] = m.entropy_y;
  f.details["rows"] = m.rows;
  require_rows(f, m.rows, options);
  return f;
}

core::Finding auc_finding(std::string id, std::string subject, const std::string& what, double auc, std::size_t rows,
                          const Limit& limit, const Options& options) {
  const double power = std::isnan(auc) ? NAN : std::max(auc, 1.0 - auc);
  std::string message;
  if (rows == 0) {
    message = fmt::format("{}: no row has both a value and a target", what);
  } else if (std::isnan(power)) {
    message = fmt::format("{}: ROC AUC is undefined (one class among {} rows)", what, rows);
  } else {
    message = fmt::format("{} alone predicts the target with ROC AUC {:.4f}", what, power);
  }
  auto f = judged(std::move(id), std::move(subject), "roc_auc", power, limit, std::move(message));
  if (std::isnan(power)) f.reason = rows == 0 ? "no rows with both values" : "only one class among rows where both are present";
  f.details["auc"] = std::isnan(auc) ? core::DetailValue() : core::DetailValue(auc);
  f.details["rows"] = rows;
  require_rows(f, rows, options);
  return f;
}

// AUC of the row number as a score: the rows are already in score order
// (no ties), so no sort is needed; the state takes them from the last.
std::pair<double, std::size_t> row_order_auc(const BinaryTarget& target) {
  stats::RocAucState<std::uint64_t> auc;
  for (auto label = target.label.rbegin(); label != target.label.rend(); ++label) {
    if (*label >= 0) auc.add_group(static_cast<std::uint64_t>(*label == 1), static_cast<std::uint64_t>(*label == 0));
  }
  return {auc.value(), auc.positives + auc.negatives};
}

}  // namespace

std::optional<BinaryTarget> binary_target(const core::Column& column, const Options& options) {
  const auto labels = class_labels(column, options.max_classes);
  if (!labels || labels->names.size() != 2) return std::nullopt;
  BinaryTarget t;
  t.positive = labels->names[1];
  t.label.resize(column.size());
  for (std::size_t r = 0; r < column.size(); ++r) t.label[r] = static_cast<std::int8_t>(labels->index[r]);
  return t;
}

SortedScores sort_with_auc(const core::Column& column, const BinaryTarget& target) {
  std::vector<double> pos, neg, unlabelled;
  std::size_t positives = 0, negatives = 0;
  for (const auto label : target.label) (label == 1 ? positives : negatives) += label >= 0 ? 1 : 0;
  pos.reserve(positives);
  neg.reserve(negatives);
  const auto validity = column.validity();
  const auto split = [&](auto value_of) {
    for (std::size_t r = 0; r < column.size(); ++r) {
      if (validity[r] == 0) continue;
      const double v = value_of(r);
      const auto label = target.label[r];
      if (label == 1) {
        pos.push_back(v);
      } else if (label == 0) {
        neg.push_back(v);
      } else {
        unlabelled.push_back(v);
      }
    }
  };
  if (column.kind() == core::Kind::float64) {
    const auto values = column.f64();
    split([&](std::size_t r) { return values[r]; });
  } else {
    split([&](std::size_t r) { return column.as_double(r); });
  }
  stats::radix_sort(pos);
  stats::radix_sort(neg);
  stats::radix_sort(unlabelled);
  const std::size_t pos_nan = nan_tail(pos), neg_nan = nan_tail(neg), other_nan = nan_tail(unlabelled);
  const std::span<const double> p(pos.data(), pos.size() - pos_nan), n(neg.data(), neg.size() - neg_nan),
      u(unlabelled.data(), unlabelled.size() - other_nan);
  SortedScores out;
  out.auc = stats::roc_auc_sorted(p, n);
  out.rows = p.size() + n.size();
  out.sorted.resize(pos.size() + neg.size() + unlabelled.size());
  auto end = std::merge(p.begin(), p.end(), n.begin(), n.end(), out.sorted.begin());
  if (!u.empty()) {
    std::vector<double> both(out.sorted.begin(), end);
    end = std::merge(both.begin(), both.end(), u.begin(), u.end(), out.sorted.begin());
  }
  std::fill(end, out.sorted.end(), NAN);
  return out;
}

core::Finding feature_auc_finding(const core::Column& feature, double auc, std::size_t rows, std::string_view target,
                                  const Options& options) {
  auto f = auc_finding(fmt::format("leakage.target.{}", feature.name()), feature.name(), feature.name(), auc, rows,
                       options.target_auc, options);
  if (is_text(feature)) f.details["score"] = "category positive rate";
  f.details["target"] = std::string(target);
  return f;
}

std::vector<core::Finding> check_target_leakage(const core::Table& table, std::string_view target_name,
                                                std::span<const std::size_t> features, const Options& options) {
  const core::Column& target_column = table.column(target_name);
  const auto binary = binary_target(target_column, options);
  const Codes y = binary ? Codes{} : target_codes(target_column, options);
  std::vector<core::Finding> out(features.size());
  tbb::parallel_for(std::size_t{0}, features.size(), [&](std::size_t i) {
    const core::Column& feature = table.column(features[i]);
    if (binary) {
      if (is_text(feature)) {
        const auto [auc, rows] = text_auc(feature, *binary, options);
        out[i] = feature_auc_finding(feature, auc, rows, target_name, options);
      } else {
        const auto scored = sort_with_auc(feature, *binary);
        out[i] = feature_auc_finding(feature, scored.auc, scored.rows, target_name, options);
      }
      return;
    }
    const Codes x = feature_codes(feature, options.mi_bins, options.min_category_rows);
    out[i] = mi_finding(fmt::format("leakage.target.{}", feature.name()), feature.name(), feature.name(),
                        mutual_information(x.code, x.count, y.code, y.count), options.target_mi, options);
    out[i].details["target"] = std::string(target_name);
  });
  return out;
}

std::vector<core::Finding> check_id_leakage(const core::Table& table, std::string_view target_name,
                                            std::optional<std::string_view> id, const Options& options) {
  const core::Column& target_column = table.column(target_name);
  const auto binary = binary_target(target_column, options);
  std::vector<core::Finding> out;
  if (binary) {
    const auto [auc, rows] = row_order_auc(*binary);
    out.push_back(auc_finding("leakage.row_order.dataset", "dataset", "the row order", auc, rows, options.id_auc, options));
    if (id) {
      const core::Column& column = table.column(*id);
      const std::vector<double> score = order_scores(column);
      std::vector<double> pos, neg;
      for (std::size_t r = 0; r < score.size(); ++r) {
        if (std::isnan(score[r]) || binary->label[r] < 0) continue;
        (binary->label[r] == 1 ? pos : neg).push_back(score[r]);
      }
      stats::radix_sort(pos);
      stats::radix_sort(neg);
      out.push_back(auc_finding(fmt::format("leakage.id_target.{}", column.name()), column.name(),
                                fmt::format("the id {}", column.name()), stats::roc_auc_sorted(pos, neg), pos.size() + neg.size(),
                                options.id_auc, options));
    }
    return out;
  }
  const Codes y = target_codes(target_column, options);
  const auto mi_of = [&](const std::vector<double>& score) {
    const Codes x = quantile_bins(score, options.mi_bins);
    return mutual_information(x.code, x.count, y.code, y.count);
  };
  std::vector<double> row_order(table.rows());
  for (std::size_t r = 0; r < row_order.size(); ++r) row_order[r] = static_cast<double>(r);
  out.push_back(mi_finding("leakage.row_order.dataset", "dataset", "the row order", mi_of(row_order), options.id_mi, options));
  if (id) {
    const core::Column& column = table.column(*id);
    out.push_back(mi_finding(fmt::format("leakage.id_target.{}", column.name()), column.name(),
                             fmt::format("the id {}", column.name()), mi_of(order_scores(column)), options.id_mi, options));
  }
  return out;
}

}  // namespace assay::quality
