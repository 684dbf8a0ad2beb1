#pragma once
// The assay command line: global flags, every subcommand, and running the
// chosen one inside a thread arena of --threads workers.

#include <string>
#include <vector>

namespace assay::cli {

// Parses the arguments (args[0] is the program name) and runs the command.
// Returns the exit code (0 pass, 1 a check failed, 2 bad usage); bad input
// throws core::Error, which the caller maps to exit code 2.
int run_command_line(const std::vector<std::string>& args);

}  // namespace assay::cli
