#pragma once
// A slice as people read it: "region = west AND age in (31.2, 40.5]".

#include <string>

#include "slices/slicing.hpp"

namespace assay::report {

std::string slice_label(const slices::SliceRow& slice);

}  // namespace assay::report
