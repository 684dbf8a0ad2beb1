#pragma once
// Renders a slicing run for people: a heading with the overall metric and
// error, one aligned row per slice (size, metric and interval, error, the
// rest's error, gap, SliceLine score in discovery, adjusted p-value, "*"
// when significant), then skipped columns and notes.

#include <string>

#include "core/provenance.hpp"
#include "slices/slicing.hpp"

namespace assay::report {

std::string slices_text(const slices::SliceReport& report, const slices::Spec& spec, const core::FileFingerprint& input);

}  // namespace assay::report
