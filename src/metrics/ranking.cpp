#include "metrics/ranking.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "core/error.hpp"
#include "stats/compensated_sum.hpp"

namespace assay::metrics {

namespace {

// sklearn's discount: 1 / (log(i + 2) / log(2)), zero from position k on.
double discount(std::size_t position, std::size_t k) {
  if (position >= k) return 0.0;
  return 1.0 / (std::log(static_cast<double>(position) + 2.0) / std::log(2.0));
}

}  // namespace

QueryScores score_query(std::span<const double> relevance, std::span<const double> score, std::size_t k) {
  const std::size_t n = relevance.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });

  QueryScores q;
  // DCG with tied scores sharing their average gain (_tie_averaged_dcg).
  double dcg = 0.0;
  double discount_before = 0.0;
  for (std::size_t start = 0; start < n;) {
    std::size_t end = start;
    double gain = 0.0;
    while (end < n && score[order[end]] == score[order[start]]) gain += relevance[order[end++]];
    double discount_through = discount_before;
    for (std::size_t p = start; p < end; ++p) discount_through += discount(p, k);
    dcg += gain / static_cast<double>(end - start) * (discount_through - discount_before);
    discount_before = discount_through;
    start = end;
  }
  std::vector<double> ideal(relevance.begin(), relevance.end());
  std::sort(ideal.begin(), ideal.end(), std::greater<>());
  double ideal_dcg = 0.0;
  for (std::size_t p = 0; p < n; ++p) ideal_dcg += ideal[p] * discount(p, k);
  q.ndcg = ideal_dcg == 0.0 ? 0.0 : dcg / ideal_dcg;

  std::size_t relevant = 0;
  for (const double r : relevance) relevant += r > 0.0 ? 1 : 0;
  if (relevant == 0) return QueryScores{};
  std::size_t hits = 0;
  double precision_sum = 0.0;
  for (std::size_t p = 0; p < n; ++p) {
    if (relevance[order[p]] <= 0.0) continue;
    if (q.mrr == 0.0) q.mrr = 1.0 / static_cast<double>(p + 1);
    if (p < k) {
      ++hits;
      precision_sum += static_cast<double>(hits) / static_cast<double>(p + 1);
    }
  }
  q.map = precision_sum / static_cast<double>(std::min(k, relevant));
  q.precision = static_cast<double>(hits) / static_cast<double>(std::min(k, n));
  q.recall = static_cast<double>(hits) / static_cast<double>(relevant);
  return q;
}

Result evaluate_ranking(const RankingInputs& in, const RankingOptions& options) {
  const std::size_t n = in.relevance.size();
  if (in.score.size() != n || in.query.size() != n || (!in.weight.empty() && in.weight.size() != n)) {
    throw core::Error("ranking metrics: inputs differ in length");
  }
  if (options.k == 0) throw core::Error(core::Location{.path = "--k"}, "k must be at least 1");

  // Rows of each query, in row order (a counting sort by query code).
  std::vector<std::size_t> start(in.queries + 1, 0);
  for (const std::int32_t q : in.query) ++start[static_cast<std::size_t>(q) + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<std::size_t> fill(start.begin(), start.end() - 1);
  std::vector<std::size_t> rows(n);
  for (std::size_t i = 0; i < n; ++i) rows[fill[static_cast<std::size_t>(in.query[i])]++] = i;

  std::vector<QueryScores> per_query;
  std::vector<double> query_weight;
  std::vector<double> relevance, score;
  for (std::size_t q = 0; q < in.queries; ++q) {
    if (start[q] == start[q + 1]) continue;
    relevance.clear();
    score.clear();
    const double w = in.weight.empty() ? 1.0 : in.weight[rows[start[q]]];
    for (std::size_t j = start[q]; j < start[q + 1]; ++j) {
      relevance.push_back(in.relevance[rows[j]]);
      score.push_back(in.score[rows[j]]);
      if (!in.weight.empty() && in.weight[rows[j]] != w) {
        throw core::Error(fmt::format("ranking: the weight must be constant within a query; row {} has {}, row {} has {}",
                                      rows[start[q]] + 1, w, rows[j] + 1, in.weight[rows[j]]));
      }
    }
    per_query.push_back(score_query(relevance, score, options.k));
    query_weight.push_back(w);
  }

  Result result;
  result.task = Task::ranking;
  result.n = n;
  result.queries = per_query.size();
  static constexpr const char* kNames[] = {"ndcg", "map", "mrr", "precision_at_k", "recall_at_k"};
  auto means = [&](auto multiplicity, MetricSet& out) {
    stats::CompensatedSum w, sums[5];
    for (std::size_t q = 0; q < per_query.size(); ++q) {
      const double m = multiplicity(q) * query_weight[q];
      if (m == 0.0) continue;
      const QueryScores& s = per_query[q];
      w.add(m);
      sums[0].add(m * s.ndcg);
      sums[1].add(m * s.map);
      sums[2].add(m * s.mrr);
      sums[3].add(m * s.precision);
      sums[4].add(m * s.recall);
    }
    for (std::size_t k = 0; k < 5; ++k) {
      out.set(kNames[k], w.value() > 0.0 ? Value::of(sums[k].value() / w.value())
                                         : Value::undefined("the query weights sum to zero"));
    }
  };
  means([](std::size_t) { return 1.0; }, result.metrics);

  result.bootstrap.level = options.bootstrap.level;
  result.bootstrap.seed = options.bootstrap.seed;
  if (options.bootstrap.resamples > 0) {
    const std::vector<std::string> names =
        select_metrics(std::vector<std::string>(std::begin(kNames), std::end(kNames)), options.bootstrap);
    result.bootstrap = bootstrap(names, options.bootstrap, [&](const PoissonWeights& draw, std::span<double> values) {
      MetricSet set;
      means([&](std::size_t q) { return static_cast<double>(draw(q)); }, set);
      for (std::size_t k = 0; k < names.size(); ++k) values[k] = set.get(names[k]).value_or(std::nan(""));
    });
  }
  return result;
}

}  // namespace assay::metrics
