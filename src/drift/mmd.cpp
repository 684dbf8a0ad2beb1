// Maximum mean discrepancy two-sample test (Gretton et al. 2012) with an
// RBF kernel k(x, y) = exp(-|x - y|^2 / (2 sigma^2)), sigma^2 = median of
// the pooled pairwise squared distances / 2 (alibi-detect's heuristic).
// Statistic: the unbiased MMD^2 (diagonal excluded). p-value: share of B
// random relabellings with MMD^2 at least the observed one, (1 + #) / (1 + B)
// (Phipson & Smyth 2010). Permutation b draws from its own seed.

#include <oneapi/tbb/parallel_reduce.h>
#include <oneapi/tbb/blocked_range.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "drift/detectors.hpp"

namespace assay::drift {

namespace {

// Unbiased MMD^2 of the split given by `in_x` (true: first sample).
double mmd2(const Eigen::MatrixXd& K, const std::vector<std::uint8_t>& in_x, double nx, double ny) {
  const auto n = static_cast<std::size_t>(K.rows());
  double sxx = 0.0;
  double syy = 0.0;
  double sxy = 0.0;
  for (std::size_t j = 0; j < n; ++j) {
    const double* col = K.col(static_cast<Eigen::Index>(j)).data();
    double to_x = 0.0;
    double to_y = 0.0;
    for (std::size_t i = 0; i < j; ++i) {
      if (in_x[i] != 0) {
        to_x += col[i];
      } else {
        to_y += col[i];
      }
    }
    if (in_x[j] != 0) {
      sxx += to_x;
      sxy += to_y;
    } else {
      syy += to_y;
      sxy += to_x;
    }
  }
  // Sums over i < j; the full off-diagonal sums are twice these.
  return 2 * sxx / (nx * (nx - 1)) + 2 * syy / (ny * (ny - 1)) - 2 * sxy / (nx * ny);
}

}  // namespace

MultivariateResult mmd_drift(const RowMatrix& reference, const RowMatrix& current, const MultivariateOptions& options) {
  const Eigen::Index nx = reference.rows();
  const Eigen::Index ny = current.rows();
  const Eigen::Index n = nx + ny;
  Eigen::MatrixXd Z(n, reference.cols());
  Z.topRows(nx) = reference;
  Z.bottomRows(ny) = current;
  const Eigen::VectorXd sq = Z.rowwise().squaredNorm();
  Eigen::MatrixXd D = -2.0 * Z * Z.transpose();
  D.colwise() += sq;
  D.rowwise() += sq.transpose();
  std::vector<double> upper;
  upper.reserve(static_cast<std::size_t>(n * (n - 1) / 2));
  for (Eigen::Index j = 0; j < n; ++j) {
    for (Eigen::Index i = 0; i < j; ++i) upper.push_back(std::max(D(i, j), 0.0));
  }
  auto mid = upper.begin() + static_cast<std::ptrdiff_t>(upper.size() / 2);
  std::nth_element(upper.begin(), mid, upper.end());
  double median = *mid;
  if (!(median > 0)) median = 1.0;  // all rows equal: any bandwidth gives MMD 0
  const double sigma2 = median / 2.0;
  const Eigen::MatrixXd K = (-(D.cwiseMax(0.0)) / (2.0 * sigma2)).array().exp().matrix();

  std::vector<std::uint8_t> in_x(static_cast<std::size_t>(n), 0);
  std::fill(in_x.begin(), in_x.begin() + nx, 1);
  const double dx = static_cast<double>(nx);
  const double dy = static_cast<double>(ny);
  const double observed = mmd2(K, in_x, dx, dy);
  const std::size_t B = options.permutations;
  const std::size_t at_least = tbb::parallel_reduce(
      tbb::blocked_range<std::size_t>(0, B), std::size_t{0},
      [&](const tbb::blocked_range<std::size_t>& range, std::size_t count) {
        std::vector<std::uint8_t> labels;
        for (std::size_t b = range.begin(); b != range.end(); ++b) {
          labels = in_x;
          std::mt19937_64 rng(task_seed(options.seed, b));
          for (std::size_t i = labels.size(); i > 1; --i) std::swap(labels[i - 1], labels[static_cast<std::size_t>(rng() % i)]);
          count += mmd2(K, labels, dx, dy) >= observed ? 1 : 0;
        }
        return count;
      },
      std::plus<>());

  MultivariateResult result;
  result.method = Multivariate::mmd;
  result.metric = "mmd2";
  result.statistic = observed;
  result.p_value = (1.0 + static_cast<double>(at_least)) / (1.0 + static_cast<double>(B));
  result.threshold = options.threshold.value_or(0.05);
  result.drifted = *result.p_value < *result.threshold;
  result.bandwidth = std::sqrt(sigma2);
  result.reference_rows = static_cast<std::size_t>(nx);
  result.current_rows = static_cast<std::size_t>(ny);
  return result;
}

}  // namespace assay::drift
