// Data reconstruction drift as NannyML's DataReconstructionDriftCalculator:
// PCA on the standardised reference keeping the fewest components that
// explain at least `pca_variance` of the variance (at most d - 1); a row's error is the
// Euclidean distance to its reconstruction; the statistic is the mean error
// of the current rows. The band is mean +- 3 std (ddof 0) of the mean error
// of `pca_reference_chunks` contiguous reference chunks.

#include <Eigen/Eigenvalues>

#include <cmath>

#include "core/error.hpp"
#include "drift/detectors.hpp"

namespace assay::drift {

namespace {

Eigen::VectorXd row_errors(const RowMatrix& X, const Eigen::RowVectorXd& mean, const Eigen::MatrixXd& W) {
  const Eigen::MatrixXd centered = X.rowwise() - mean;
  const Eigen::MatrixXd rebuilt = (centered * W) * W.transpose();
  return (centered - rebuilt).rowwise().norm();
}

}  // namespace

MultivariateResult pca_drift(const RowMatrix& reference, const RowMatrix& current, const MultivariateOptions& options) {
  if (reference.cols() < 2) throw core::Error("PCA reconstruction drift needs at least two feature columns");
  const Eigen::RowVectorXd mean = reference.colwise().mean();
  const Eigen::MatrixXd centered = reference.rowwise() - mean;
  const Eigen::MatrixXd cov = (centered.transpose() * centered) / static_cast<double>(reference.rows());
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);
  const Eigen::VectorXd values = eig.eigenvalues().reverse().cwiseMax(0.0);
  const Eigen::MatrixXd vectors = eig.eigenvectors().rowwise().reverse();
  const double total = values.sum();
  Eigen::Index k = 0;
  double explained = 0.0;
  // At most d - 1 components: with all of them every row is rebuilt exactly
  // and the error carries no information.
  while (k < values.size() - 1) {
    explained += values(k);
    ++k;
    if (total <= 0 || explained / total >= options.pca_variance) break;
  }
  const Eigen::MatrixXd W = vectors.leftCols(k);

  const Eigen::VectorXd ref_err = row_errors(reference, mean, W);
  const auto chunks = static_cast<Eigen::Index>(std::max<std::size_t>(1, options.pca_reference_chunks));
  const Eigen::Index size = std::max<Eigen::Index>(1, ref_err.size() / chunks);
  std::vector<double> chunk_means;
  for (Eigen::Index c = 0; c < chunks && c * size < ref_err.size(); ++c) {
    const Eigen::Index len = c == chunks - 1 ? ref_err.size() - c * size : size;
    chunk_means.push_back(ref_err.segment(c * size, len).mean());
  }
  double m = 0.0;
  for (const double v : chunk_means) m += v;
  m /= static_cast<double>(chunk_means.size());
  double var = 0.0;
  for (const double v : chunk_means) var += (v - m) * (v - m);
  const double sd = std::sqrt(var / static_cast<double>(chunk_means.size()));

  MultivariateResult result;
  result.method = Multivariate::pca;
  result.metric = "reconstruction_error";
  result.statistic = row_errors(current, mean, W).mean();
  result.reference_value = ref_err.mean();
  result.lower = m - 3 * sd;
  result.upper = m + 3 * sd;
  result.drifted = result.statistic < *result.lower || result.statistic > *result.upper;
  result.components = static_cast<std::size_t>(k);
  result.explained_variance = total > 0 ? explained / total : 1.0;
  result.reference_rows = static_cast<std::size_t>(reference.rows());
  result.current_rows = static_cast<std::size_t>(current.rows());
  return result;
}

}  // namespace assay::drift
