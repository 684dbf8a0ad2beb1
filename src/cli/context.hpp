#pragma once
// Global command-line options, shared by every subcommand.

#include <cstddef>
#include <optional>
#include <string>

namespace assay::cli {

enum class Format { table, json };

struct Context {
  std::size_t threads = 0;          // 0: all cores
  Format format = Format::table;    // --format
  std::optional<std::string> output;  // --output FILE; stdout when empty
  bool quiet = false;               // --quiet: no progress, no notes on stderr
  bool color = false;               // stdout is a TTY and NO_COLOR is unset
};

}  // namespace assay::cli
