#include "fairness/analysis.hpp"

#include <fmt/format.h>

#include <cmath>

#include "fairness/group_rates.hpp"
#include "metrics/confusion.hpp"
#include "metrics/poisson.hpp"

namespace assay::fairness {

namespace {

std::string label_of(const std::vector<std::string>& values) { return fmt::format("{}", fmt::join(values, " & ")); }

}  // namespace

Grouping analyse_grouping(const Inputs& in, std::span<const std::int32_t> group,
                          const std::vector<std::vector<std::string>>& names, const std::vector<std::string>& columns,
                          const Options& options) {
  const std::size_t k = names.size();
  const std::size_t n = in.truth.size();
  std::vector<metrics::Confusion> counts(k, metrics::Confusion(2));
  std::vector<std::vector<std::uint32_t>> members(k);
  for (std::size_t i = 0; i < n; ++i) {
    const auto g = static_cast<std::size_t>(group[i]);
    counts[g].update(in.truth[i], in.predicted[i]);
    members[g].push_back(static_cast<std::uint32_t>(i));
  }
  Grouping out;
  out.columns = columns;
  std::vector<bool> included(k);
  std::vector<std::string> labels;
  for (std::size_t g = 0; g < k; ++g) {
    Group entry{.values = names[g], .size = members[g].size(), .too_small = members[g].size() < options.min_group,
                .metrics = group_rates(counts[g])};
    if (!in.score.empty()) {
      std::vector<double> score;
      std::vector<std::uint8_t> truth;
      for (const std::uint32_t i : members[g]) {
        score.push_back(in.score[i]);
        truth.push_back(in.truth[i]);
      }
      entry.metrics.set("ece", *calibration::analyse_binary(score, truth, options.calibration).metrics.find("ece"));
    }
    included[g] = !entry.too_small;
    labels.push_back(label_of(names[g]));
    out.groups.push_back(std::move(entry));
  }
  out.summary = summaries(counts, included, labels);
  if (const auto di = out.summary.get("disparate_impact")) out.four_fifths_holds = *di >= 0.8;

  std::vector<std::string> defined;
  for (const auto& item : out.summary.items()) {
    if (item.value.value) defined.push_back(item.name);
  }
  const std::vector<std::string> interval_names = metrics::select_metrics(defined, options.bootstrap);
  out.bootstrap = metrics::bootstrap(
      interval_names, options.bootstrap, [&](const metrics::PoissonWeights& weights, std::span<double> values) {
        std::vector<metrics::Confusion> resampled(k, metrics::Confusion(2));
        for (std::size_t i = 0; i < n; ++i) {
          const std::uint32_t w = weights(in.row_key[i]);
          if (w == 0) continue;
          resampled[static_cast<std::size_t>(group[i])].update(in.truth[i], in.predicted[i], w, w);
        }
        const metrics::MetricSet s = summaries(resampled, included, labels);
        for (std::size_t m = 0; m < interval_names.size(); ++m) values[m] = s.get(interval_names[m]).value_or(std::nan(""));
      });
  return out;
}

}  // namespace assay::fairness
