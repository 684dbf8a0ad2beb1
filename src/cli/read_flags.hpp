#pragma once
// The reader flags every data-reading subcommand accepts:
//   --delimiter C, --na TOKEN..., --max-rows N, --type COL=KIND...

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "io/read_options.hpp"
#include "io/table_reader.hpp"

namespace assay::cli {

struct ReadFlags {
  std::string delimiter;
  std::vector<std::string> na;
  std::optional<std::size_t> max_rows;
  std::vector<std::string> types;
};

void add_read_flags(CLI::App& command, ReadFlags& flags);

// Validates the flags (bad ones throw core::Error) and builds reader options,
// with a progress bar on stderr when stderr is a terminal and not quiet.
io::ReadOptions make_read_options(const ReadFlags& flags, bool quiet);

// Reads `path` for a command that compares or evaluates rows: a file with
// a header and no rows is bad input there (exit 2, naming the file), not a
// comparison of nothing that passes.
io::ReadResult read_rows(const std::string& path, const io::ReadOptions& options);

// Two inputs read at once: each read is parallel, but its serial parts
// (the header, dictionary merges) leave a core idle that the other read
// fills. Each is read as read_rows (or, without `require_rows`, as
// io::read_table); an error is the one a read in argument order would
// report first, and the second read shows no progress bar of its own.
std::pair<io::ReadResult, io::ReadResult> read_pair(const std::string& first, const std::string& second,
                                                    const io::ReadOptions& options, bool require_rows = true);

}  // namespace assay::cli
