#pragma once
// Ranking metrics over query groups: ndcg (sklearn.metrics.ndcg_score per
// query, linear gains, ties averaged as McSherry & Najork 2008), map, mrr,
// precision_at_k and recall_at_k, each averaged over queries (weighted by
// the query weights), with percentile bootstrap intervals that resample
// queries.
//
// Definitions where scikit-learn has none (rows ordered by descending score;
// equal scores keep row order; a row is relevant when its relevance is > 0):
//   map            AP@k = sum_{i<=k} P@i rel_i / min(k, R), R the relevant rows
//   mrr            1 / rank of the first relevant row (whole list)
//   precision_at_k relevant rows in the top k / min(k, rows of the query)
//   recall_at_k    relevant rows in the top k / R
// A query with no relevant row scores 0 on all five (ndcg as scikit-learn).

#include <cstdint>
#include <span>

#include "metrics/bootstrap.hpp"
#include "metrics/result.hpp"

namespace assay::metrics {

struct RankingInputs {
  std::span<const double> relevance;     // >= 0
  std::span<const double> score;
  std::span<const std::int32_t> query;   // query code of each row, in [0, queries)
  std::span<const double> weight;        // per row, constant within a query; empty: 1
  std::size_t queries = 0;
};

struct RankingOptions {
  std::size_t k = 10;
  BootstrapOptions bootstrap;
};

Result evaluate_ranking(const RankingInputs& inputs, const RankingOptions& options);

// One query's values; `relevance` and `score` are the query's rows in row order.
struct QueryScores {
  double ndcg = 0.0, map = 0.0, mrr = 0.0, precision = 0.0, recall = 0.0;
};
QueryScores score_query(std::span<const double> relevance, std::span<const double> score, std::size_t k);

}  // namespace assay::metrics
