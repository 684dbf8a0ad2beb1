#pragma once
// Where command results go. write_result() sends the whole document to
// --output (written to a temporary file and renamed, so a failed run leaves
// nothing half-written) or to stdout.

#include <string>
#include <utility>
#include <vector>

#include "cli/context.hpp"

namespace assay::cli {

void write_result(const Context& context, const std::string& document);

// Writes several files as one step: each to a temporary beside its target
// (creating missing folders), then all renamed; when any write fails the
// temporaries are removed and no target is touched. Throws core::Error.
void write_files(const std::vector<std::pair<std::string, std::string>>& path_and_text);

// A note for people on stderr, unless --quiet.
void note(const Context& context, const std::string& line);

}  // namespace assay::cli
