#pragma once
// One predicate of a slice or group, `column = level`, and the way people
// read a conjunction of them: "region = west AND age in (31.2, 40.5]".

#include <optional>
#include <span>
#include <string>

namespace assay::slices {

struct SlicePredicate {
  std::string column;
  std::string level;          // the level's label
  std::optional<double> low;  // numeric bins
  std::optional<double> high;
  bool null = false;
};

std::string predicates_label(std::span<const SlicePredicate> predicates);

}  // namespace assay::slices
