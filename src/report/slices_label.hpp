#pragma once
// A slice or group as people read it ("region = west AND age in (31.2, 40.5]")
// and as JSON writes its predicates: [{"column", "level", "low", "high",
// "null"}], the bounds and null flag only where they apply.

#include <nlohmann/json.hpp>

#include <span>
#include <string>

#include "slices/slicing.hpp"

namespace assay::report {

std::string slice_label(const slices::SliceRow& slice);

nlohmann::ordered_json predicates_json(std::span<const slices::SlicePredicate> predicates);

}  // namespace assay::report
