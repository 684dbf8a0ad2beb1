#include "compare/delong.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "stats/moments.hpp"
#include "stats/roc_auc.hpp"
#include "stats/sort.hpp"

namespace assay::compare {

AucComponents auc_components(std::span<const double> score, std::span<const std::uint8_t> truth) {
  if (score.size() != truth.size()) {
    throw core::Error(fmt::format("auc_components: {} scores for {} labels", score.size(), truth.size()));
  }
  AucComponents out;
  const std::size_t rows = score.size();
  for (const std::uint8_t t : truth) out.positives += t != 0 ? 1 : 0;
  out.negatives = rows - out.positives;
  out.placement.assign(rows, std::numeric_limits<double>::quiet_NaN());
  const auto m = static_cast<double>(out.positives);
  const auto n = static_cast<double>(out.negatives);
  if (out.positives == 0 || out.negatives == 0) {
    out.auc = std::numeric_limits<double>::quiet_NaN();
    return out;
  }
  const std::vector<std::uint32_t> ascending = stats::argsort(score);
  // Tie groups from the highest score down: a negative in the group is
  // outranked by every positive above it and ties with the group's own; a
  // positive outranks every negative below the group.
  stats::RocAucState<std::uint64_t> state;
  std::size_t end = rows;
  while (end > 0) {
    std::size_t begin = end - 1;
    const double s = score[ascending[begin]];
    while (begin > 0 && score[ascending[begin - 1]] == s) --begin;
    std::uint64_t group_positives = 0;
    for (std::size_t j = begin; j < end; ++j) group_positives += truth[ascending[j]] != 0 ? 1 : 0;
    const std::uint64_t group_negatives = (end - begin) - group_positives;
    const double negatives_below = n - static_cast<double>(state.negatives) - static_cast<double>(group_negatives);
    const double positive_place = (negatives_below + 0.5 * static_cast<double>(group_negatives)) / n;
    const double negative_place =
        (static_cast<double>(state.positives) + 0.5 * static_cast<double>(group_positives)) / m;
    for (std::size_t j = begin; j < end; ++j) {
      const std::uint32_t i = ascending[j];
      out.placement[i] = truth[i] != 0 ? positive_place : negative_place;
    }
    state.add_group(group_positives, group_negatives);
    end = begin;
  }
  out.auc = state.value();
  return out;
}

DeLongResult delong(std::span<const std::uint8_t> truth, std::span<const double> champion,
                    std::span<const double> challenger) {
  if (champion.size() != truth.size() || challenger.size() != truth.size()) {
    throw core::Error(fmt::format("delong: lengths differ (truth {}, champion {}, challenger {})", truth.size(),
                                  champion.size(), challenger.size()));
  }
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  DeLongResult out;
  out.variance = out.se = out.z = out.p_value = kNaN;
  const AucComponents one = auc_components(champion, truth);
  const AucComponents two = auc_components(challenger, truth);
  out.positives = one.positives;
  out.negatives = one.negatives;
  out.auc_champion = one.auc;
  out.auc_challenger = two.auc;
  out.delta = two.auc - one.auc;
  if (out.positives == 0 || out.negatives == 0) {
    out.reason = fmt::format("only one class present ({} positive, {} negative rows): ROC AUC is undefined",
                             out.positives, out.negatives);
    return out;
  }
  if (out.positives < 2 || out.negatives < 2) {
    out.reason = fmt::format("DeLong's variance needs at least two rows of each class ({} positive, {} negative)",
                             out.positives, out.negatives);
    return out;
  }
  std::vector<double> d10, d01;
  d10.reserve(out.positives);
  d01.reserve(out.negatives);
  for (std::size_t i = 0; i < truth.size(); ++i) {
    (truth[i] != 0 ? d10 : d01).push_back(two.placement[i] - one.placement[i]);
  }
  const double s10 = stats::mean_variance(d10, 1.0).variance;
  const double s01 = stats::mean_variance(d01, 1.0).variance;
  out.variance = s10 / static_cast<double>(out.positives) + s01 / static_cast<double>(out.negatives);
  if (!(out.variance > 0.0)) {
    out.variance = 0.0;
    out.se = 0.0;
    out.reason = out.delta == 0.0
                     ? std::string("the two models order every positive-negative pair alike: nothing to test")
                     : std::string("DeLong's variance of the difference is zero: the test is undefined");
    return out;
  }
  out.se = std::sqrt(out.variance);
  out.z = out.delta / out.se;
  out.p_value = std::erfc(std::abs(out.z) / std::sqrt(2.0));
  out.defined = true;
  return out;
}

}  // namespace assay::compare
