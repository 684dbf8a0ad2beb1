#include "cli/model_command.hpp"

#include "cli/integer_flag.hpp"
#include "cli/output.hpp"

namespace assay::cli {

void add_data_flags(CLI::App& command, DataFlags& flags) {
  command.add_option("--data", flags.path, "CSV or JSON Lines file (.gz accepted)")->required();
  add_read_flags(command, flags.read);
}

void add_bootstrap_flags(CLI::App& command, BootstrapFlags& flags) {
  command.add_option("--ci", flags.ci, "Confidence level of the bootstrap intervals");
  add_integer_option(command, "--bootstrap", flags.resamples, "Bootstrap resamples (0: no intervals)");
  add_integer_option(command, "--seed", flags.seed, "Seed of the bootstrap");
}

metrics::BootstrapOptions bootstrap_options(const BootstrapFlags& flags, std::vector<std::string> metrics) {
  return {.resamples = flags.resamples, .level = flags.ci, .seed = flags.seed, .metrics = std::move(metrics)};
}

std::optional<std::string> given(const std::string& flag) {
  return flag.empty() ? std::nullopt : std::optional<std::string>(flag);
}

double DataInput::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void note_warnings(const Context& context, const std::vector<std::string>& warnings) {
  for (const auto& warning : warnings) note(context, "assay: warning: " + warning);
}

void write_report(const Context& context, const std::function<std::string()>& json,
                  const std::function<std::string()>& table) {
  write_result(context, context.format == Format::json ? json() : table());
}

}  // namespace assay::cli
