#pragma once
// The multivariate detectors on encoded feature matrices. Private to the
// drift .cpp files (multivariate, classifier, mmd, pca): it carries Eigen,
// which multivariate.hpp and everything that includes it (drift_run, the
// report and the CLI) stay free of.

#include <string>
#include <vector>

#include "drift/feature_matrix.hpp"
#include "drift/multivariate.hpp"

namespace assay::drift {

MultivariateResult classifier_drift(const RowMatrix& reference, const RowMatrix& current,
                                    const std::vector<std::string>& names, const MultivariateOptions& options);
MultivariateResult mmd_drift(const RowMatrix& reference, const RowMatrix& current, const MultivariateOptions& options);
MultivariateResult pca_drift(const RowMatrix& reference, const RowMatrix& current, const MultivariateOptions& options);

}  // namespace assay::drift
