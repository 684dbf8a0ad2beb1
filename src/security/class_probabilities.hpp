#pragma once
// A model's class probabilities bound from named columns of a table, for
// the membership-inference and label-noise scans: the true (or given) label
// of every row as a class code and one probability column per class.
//
// Binary: one score column, P(positive class); the classes are the target's
// two labels (metrics/labels.hpp decides which is positive). Multiclass: one
// column per class, the class named by the column (metrics::
// classes_from_columns: "p_cat", "p_dog" -> "cat", "dog"); each row must sum
// to 1 within numpy.allclose's default tolerance, |1 - s| <= 1e-8 + 1e-5 |s|
// (the check scikit-learn applies to multiclass probabilities).
//
// Every row must hold a label and finite probabilities in [0, 1]: a null,
// NaN or infinity is an error naming the column and the first data row,
// never a row silently left out. Labels outside the classes are errors too.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/table.hpp"
#include "metrics/probability.hpp"

namespace assay::security {

struct ProbabilitySpec {
  std::string target;
  std::optional<std::string> score;   // binary: P(positive)
  std::vector<std::string> scores;    // multiclass: one column per class
  std::vector<std::string> classes;   // class of each `scores` column (default: from their names)
  std::optional<std::string> positive;
};

struct ClassProbabilities {
  std::vector<std::string> classes;   // sorted as numpy.unique sorts them
  std::vector<std::int32_t> truth;    // class code of each row
  std::vector<std::vector<double>> columns;  // columns[c][row]: probability of class c
  bool binary = false;                // from one score column (columns = 1 - p, p)

  std::size_t rows() const noexcept { return truth.size(); }
  metrics::ScoreColumns score_columns() const;
  // The probability of class c in `row`; for binary input the given score
  // itself (class 1) or 1 - score (class 0).
  double prob(std::size_t row, std::size_t c) const noexcept { return columns[c][row]; }
};

// The classes of `spec` over all `tables` (binary: the target's labels in
// every table, so two files agree on which label is positive). Throws
// core::Error when --score and --scores are both or neither given, when the
// score columns name fewer than two classes or duplicates.
std::vector<std::string> spec_classes(const ProbabilitySpec& spec, std::span<const core::Table* const> tables);

// The rows of `table` bound under `classes`. `what` names the input in
// messages ("members file").
ClassProbabilities bind_probabilities(const core::Table& table, const ProbabilitySpec& spec,
                                      const std::vector<std::string>& classes, std::string_view what);

// The target's classes (its labels, sorted as numpy.unique sorts them; at
// least two) and codes, every row labelled; no probabilities yet (the
// label-noise scan's --features path fills them).
ClassProbabilities bind_labels(const core::Table& table, const std::string& target, std::string_view what);

// The text of column `name` in every row (a null is "null"), for --by.
std::vector<std::string> slice_labels(const core::Table& table, const std::string& name);

}  // namespace assay::security
