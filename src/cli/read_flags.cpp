#include "cli/read_flags.hpp"

#include <fmt/format.h>

#include <oneapi/tbb/parallel_invoke.h>

#include <exception>

#include "cli/integer_flag.hpp"
#include "cli/progress.hpp"
#include "core/error.hpp"

namespace assay::cli {

void add_read_flags(CLI::App& command, ReadFlags& flags) {
  command.add_option("--delimiter", flags.delimiter, "CSV delimiter: , ; | or tab (default: detect)");
  command.add_option("--na", flags.na, "Tokens read as null (replaces the default list)");
  add_integer_option(command, "--max-rows", flags.max_rows, "Read at most N data rows");
  command.add_option("--type", flags.types, "Force a column kind: COL=float64|int64|bool|categorical|string|timestamp");
}

io::ReadOptions make_read_options(const ReadFlags& flags, bool quiet) {
  io::ReadOptions options;
  if (!flags.delimiter.empty()) {
    const std::string& d = flags.delimiter;
    if (d == "tab" || d == "\\t" || d == "\t") {
      options.delimiter = '\t';
    } else if (d.size() == 1 && d != "\"" && d != "\n" && d != "\r") {
      options.delimiter = d[0];
    } else {
      throw core::Error(core::Location{.path = "--delimiter"}, fmt::format("expected one character or 'tab', got '{}'", d));
    }
  }
  if (!flags.na.empty()) options.na_tokens = flags.na;
  options.max_rows = flags.max_rows;
  for (const auto& spec : flags.types) {
    const auto eq = spec.rfind('=');
    if (eq == std::string::npos || eq == 0) {
      throw core::Error(core::Location{.path = "--type"}, fmt::format("expected COL=KIND, got '{}'", spec));
    }
    const auto kind = core::parse_kind(spec.substr(eq + 1));
    if (!kind) {
      throw core::Error(core::Location{.path = "--type"},
                        fmt::format("unknown kind '{}' (expected float64, int64, bool, categorical, string or timestamp)",
                                    spec.substr(eq + 1)));
    }
    options.kinds[spec.substr(0, eq)] = *kind;
  }
  if (!quiet) options.progress = make_progress_bar();
  return options;
}

io::ReadResult read_rows(const std::string& path, const io::ReadOptions& options) {
  io::ReadResult input = io::read_table(path, options);
  if (input.table.rows() == 0) throw core::Error(core::Location{.file = path}, "the input has no rows");
  return input;
}

std::pair<io::ReadResult, io::ReadResult> read_pair(const std::string& first, const std::string& second,
                                                    const io::ReadOptions& options, bool require_rows) {
  const auto read = [require_rows](const std::string& path, const io::ReadOptions& o) {
    return require_rows ? read_rows(path, o) : io::read_table(path, o);
  };
  io::ReadOptions second_options = options;
  second_options.progress = {};
  std::optional<io::ReadResult> one, two;
  std::exception_ptr one_error, two_error;
  tbb::parallel_invoke(
      [&] {
        try {
          one = read(first, options);
        } catch (...) {
          one_error = std::current_exception();
        }
      },
      [&] {
        try {
          two = read(second, second_options);
        } catch (...) {
          two_error = std::current_exception();
        }
      });
  if (one_error) std::rethrow_exception(one_error);
  if (two_error) std::rethrow_exception(two_error);
  return {std::move(*one), std::move(*two)};
}

}  // namespace assay::cli
