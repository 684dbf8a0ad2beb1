#pragma once
// Where command results go. write_result() sends the whole document to
// --output (written to a temporary file and renamed, so a failed run leaves
// nothing half-written) or to stdout.

#include <string>

#include "cli/context.hpp"

namespace assay::cli {

void write_result(const Context& context, const std::string& document);

// A note for people on stderr, unless --quiet.
void note(const Context& context, const std::string& line);

}  // namespace assay::cli
