#pragma once
// Rows of several columns as a dense matrix for the multivariate detectors.
//
// Encodings are fitted on the reference and applied to both tables (a
// non-finite numeric value is treated as null: the per-column comparison
// counts and compares those separately):
//   raw:          numeric values as they are, null -> NaN (XGBoost treats
//                 NaN as missing); categorical/bool -> index of the label in
//                 the reference's categories (unseen labels get indices past
//                 them, in order of appearance).
//   standardized: numeric (x - mean) / std of the reference, null -> 0 (the
//                 reference mean); categorical/bool -> the label's share in
//                 the reference (frequency encoding; unseen -> 0), then
//                 standardised the same way. A constant feature scales by 1.

#include <Eigen/Dense>

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/table.hpp"
#include "drift/column_drift.hpp"

namespace assay::drift {

struct FeatureEncoding {
  struct Feature {
    std::string name;
    bool numeric = true;
    double mean = 0.0;  // of the (frequency-encoded) reference values
    double scale = 1.0;
    std::unordered_map<std::string, double> share;     // categorical: label -> reference share
    std::unordered_map<std::string, std::int32_t> index;  // categorical: label -> reference index
  };
  std::vector<Feature> features;
};

FeatureEncoding fit_encoding(const core::Table& reference, std::span<const ColumnSpec> columns);

enum class Encoding { raw, standardized };

// rows x features, for the given rows (all when empty), row-major.
using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
RowMatrix encode(const core::Table& table, const FeatureEncoding& encoding, Encoding how,
                 std::span<const std::uint32_t> rows = {});

}  // namespace assay::drift
