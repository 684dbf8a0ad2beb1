#pragma once
// What the commands that evaluate a model on one data file share (metrics,
// slices, fairness, calibration): the --data flag and the reader flags, the
// bootstrap flags, reading the file and running the engine on it with data
// errors placed in that file, warnings as notes, and the JSON-or-table
// choice of output.

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "cli/read_flags.hpp"
#include "core/error.hpp"
#include "io/table_reader.hpp"
#include "metrics/bootstrap.hpp"

namespace assay::cli {

// --data FILE (required) and the reader flags.
struct DataFlags {
  std::string path;
  ReadFlags read;
};
void add_data_flags(CLI::App& command, DataFlags& flags);

// --ci, --bootstrap, --seed.
struct BootstrapFlags {
  double ci = 0.95;
  std::size_t resamples = 1000;
  std::uint64_t seed = 0;
};
void add_bootstrap_flags(CLI::App& command, BootstrapFlags& flags);
metrics::BootstrapOptions bootstrap_options(const BootstrapFlags& flags, std::vector<std::string> metrics = {});

// "" -> nullopt: an optional column flag that was not given.
std::optional<std::string> given(const std::string& flag);

// The data file read, and how long the command has run.
struct DataInput {
  io::ReadResult input;
  std::chrono::steady_clock::time_point start;
  double seconds() const;
};

// Reads --data, then runs `engine` on its table. An engine error that names
// no place (a column's values, a label) is placed in the data file.
template <class Engine>
auto evaluate_data(const Context& context, const DataFlags& flags, Engine&& engine) {
  DataInput data{.input = {}, .start = std::chrono::steady_clock::now()};
  data.input = io::read_table(flags.path, make_read_options(flags.read, context.quiet));
  auto result = [&] {
    try {
      return engine(data.input.table);
    } catch (const core::Error& e) {
      if (!e.where().to_string().empty()) throw;
      throw core::Error(core::Location{.file = flags.path}, e.message());
    }
  }();
  return std::make_pair(std::move(data), std::move(result));
}

// Each warning as a note on stderr (unless --quiet).
void note_warnings(const Context& context, const std::vector<std::string>& warnings);

// Writes the JSON document or the table, as --format asks.
void write_report(const Context& context, const std::function<std::string()>& json,
                  const std::function<std::string()>& table);

}  // namespace assay::cli
