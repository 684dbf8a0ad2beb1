#pragma once
// Class labels of a target column: each row's class index, the class names
// and counts. A column is a class label when it has at most `max_classes`
// distinct non-null values (any kind but timestamp); otherwise it is treated
// as a continuous target.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/column.hpp"

namespace assay::quality {

struct ClassLabels {
  std::vector<std::string> names;    // in value order (numbers numerically, text lexicographically)
  std::vector<std::size_t> counts;   // rows per class
  std::vector<std::int32_t> index;   // per row; -1 when null
  std::size_t missing = 0;
};

std::optional<ClassLabels> class_labels(const core::Column& column, std::size_t max_classes);

}  // namespace assay::quality
