#pragma once
// Delimiter detection from the first lines of a file.

#include <string_view>

namespace assay::io {

// Picks among , ; TAB | the delimiter that appears the same non-zero number
// of times (outside quotes) on the most of the first complete lines,
// preferring more fields on ties, and ',' when none appears.
char detect_delimiter(std::string_view sample);

}  // namespace assay::io
