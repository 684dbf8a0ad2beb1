#pragma once
// The model's columns bound once for slicing: rows with a null in the
// target, prediction or score are dropped, labels are encoded as
// metrics/labels.hpp does for `assay metrics`, and every kept row gets its
// error, the quantity slices are searched on:
//   classification: 0/1 misclassification, from the prediction, or from
//                   score >= threshold (binary) when there is no prediction;
//   regression:     |y - y_pred|.
// Bad input (unknown column, wrong kind, non-finite values, a score outside
// [0, 1], no rows) throws core::Error naming the column.

#include <cstdint>
#include <string>
#include <vector>

#include "core/table.hpp"
#include "slices/options.hpp"

namespace assay::slices {

struct ModelRows {
  metrics::Task task = metrics::Task::binary;
  std::vector<std::uint32_t> rows;  // table rows kept, ascending
  std::size_t dropped = 0;          // rows with a null in a model column
  std::vector<double> error;        // per kept row

  // Binary: 0/1 truth and prediction (empty when there is no prediction
  // column), score (empty when none), the labels.
  std::vector<std::uint8_t> truth_bits, predicted_bits;
  std::vector<double> score;
  std::string positive_label, negative_label;
  // Multiclass: class codes in scikit-learn's order of `classes`.
  std::vector<std::int32_t> truth_codes, predicted_codes;
  std::vector<std::string> classes;
  // Regression.
  std::vector<double> truth_values, predicted_values;

  std::size_t size() const noexcept { return rows.size(); }
};

// The columns the model occupies (target, prediction, score), for excluding
// them from discovery.
std::vector<std::string> model_columns(const Spec& spec);

ModelRows bind_model(const core::Table& table, const Spec& spec);

}  // namespace assay::slices
