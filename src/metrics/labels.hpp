#pragma once
// Class labels read from data columns, ordered as scikit-learn orders them
// (numpy.unique: numerically when every label is a number, otherwise by
// code point), and encoded to codes 0..K-1 in that order.
//
// A label's identity is its value: numbers compare as numbers (1, 1.0 and
// "1" are one label, written "1"), booleans are "false"/"true", text is
// itself. Used by metrics/evaluate.hpp; engines only see codes.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/column.hpp"

namespace assay::metrics {

// Canonical text of a number used as a label: integers without a decimal
// point ("3", "-1"), other values in shortest round-trip form.
std::string number_label(double value);

// Distinct labels of `column` on `rows`, in canonical text, unordered.
// Throws core::Error when there are more than `max_labels`.
std::vector<std::string> distinct_labels(const core::Column& column, std::span<const std::uint32_t> rows,
                                         std::size_t max_labels = 10000);

// Sorts labels as numpy.unique would (numbers numerically, else by bytes)
// and removes duplicates.
void sort_labels(std::vector<std::string>& labels);

// Codes of `column` on `rows` into `classes` (canonical texts). Throws
// core::Error naming the column, the unknown labels (up to 5) and how many
// rows hold them when a value is not among the classes.
std::vector<std::int32_t> encode_labels(const core::Column& column, std::span<const std::uint32_t> rows,
                                        const std::vector<std::string>& classes);

// The positive label of a binary task among `labels` (one or two distinct
// canonical texts). `requested` (--positive) wins; otherwise it is detected
// only when unambiguous: the one label that is 1, true or yes (any case).
// Returns {negative, positive}; throws core::Error with the labels found
// when it cannot tell, or when there are more than two labels.
struct BinaryLabels {
  std::string negative;
  std::string positive;
};
BinaryLabels binary_labels(std::vector<std::string> labels, const std::optional<std::string>& requested);

// Class names from score column names: the names with their longest common
// prefix and suffix removed ("p_cat", "p_dog" -> "cat", "dog").
std::vector<std::string> classes_from_columns(const std::vector<std::string>& columns);

}  // namespace assay::metrics
