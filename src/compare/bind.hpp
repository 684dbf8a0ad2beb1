#pragma once
// The champion's and the challenger's columns bound once on the same rows:
// rows with a null in the target or either model column are dropped (both
// models are always judged on identical rows), labels are encoded as
// `assay metrics` encodes them (metrics/labels.hpp):
//   binary:     target as 0/1 (positive label detected or --positive), the
//               two models' scores, finite;
//   multiclass: target and both predicted-label columns as class codes in
//               scikit-learn's sorted label order;
//   regression: target and both predictions, finite.
// Bad input (unknown column, wrong kind, non-finite values, more than two
// labels in a binary target) throws core::Error naming the column and row.
// No rows left is not an error here: the comparison reports it as undefined.

#include <cstdint>
#include <string>
#include <vector>

#include "compare/spec.hpp"
#include "core/table.hpp"

namespace assay::compare {

struct Bound {
  metrics::Task task = metrics::Task::binary;
  std::vector<std::uint32_t> rows;  // table rows kept, ascending
  std::size_t dropped = 0;          // rows with a null in a used column

  std::vector<std::uint8_t> truth_bits;  // binary
  std::vector<double> champion_score, challenger_score;
  std::string positive_label, negative_label;

  std::vector<std::int32_t> truth_codes, champion_codes, challenger_codes;  // multiclass
  std::vector<std::string> classes;

  std::vector<double> truth_values, champion_values, challenger_values;  // regression

  std::size_t size() const noexcept { return rows.size(); }
};

Bound bind(const core::Table& table, const Spec& spec);

}  // namespace assay::compare
