#pragma once
// Each subcommand lives in its own file and registers itself on the app.
// A command's callback throws core::Error for bad input (exit 2) and sets
// the exit code through the returned int (0 pass, 1 a check failed).

#include <CLI/CLI.hpp>

#include <functional>

#include "cli/context.hpp"

namespace assay::cli {

// The command body runs after parsing, inside the thread arena; it returns
// the process exit code.
using Runner = std::function<int()>;

// Each add_* function creates its subcommand on `app` and stores, in
// `runner`, what to run when that subcommand was chosen.
void add_schema_command(CLI::App& app, const Context& context, Runner& runner);
void add_profile_command(CLI::App& app, const Context& context, Runner& runner);
void add_demo_command(CLI::App& app, const Context& context, Runner& runner);
void add_metrics_command(CLI::App& app, const Context& context, Runner& runner);
void add_drift_command(CLI::App& app, const Context& context, Runner& runner);
void add_quality_command(CLI::App& app, const Context& context, Runner& runner);
void add_leakage_command(CLI::App& app, const Context& context, Runner& runner);
void add_fingerprint_command(CLI::App& app, const Context& context, Runner& runner);
void add_calibration_command(CLI::App& app, const Context& context, Runner& runner);
void add_calibrate_command(CLI::App& app, const Context& context, Runner& runner);
void add_fairness_command(CLI::App& app, const Context& context, Runner& runner);
void add_slices_command(CLI::App& app, const Context& context, Runner& runner);
void add_compare_command(CLI::App& app, const Context& context, Runner& runner);
void add_run_command(CLI::App& app, const Context& context, Runner& runner);
void add_init_command(CLI::App& app, const Context& context, Runner& runner);
void add_schema_of_command(CLI::App& app, const Context& context, Runner& runner);
void add_pii_command(CLI::App& app, const Context& context, Runner& runner);
void add_privacy_command(CLI::App& app, const Context& context, Runner& runner);
void add_labels_command(CLI::App& app, const Context& context, Runner& runner);

}  // namespace assay::cli
