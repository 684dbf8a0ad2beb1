// assay init DATA [--reference FILE] [--output assay.yaml]
// Writes a commented starter suite for a data file (suite/starter.hpp): roles
// guessed from column names and kinds, limits from the data at hand. The
// suite names the data relative to its own folder, so `assay run` on it
// works as written. An existing output file is not overwritten.

#include <filesystem>
#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/read_flags.hpp"
#include "core/error.hpp"
#include "io/table_reader.hpp"
#include "suite/starter.hpp"

namespace assay::cli {

namespace {

// `path` as seen from the folder of `suite`.
std::string relative_to_suite(const std::string& path, const std::string& suite) {
  namespace fs = std::filesystem;
  const fs::path base = fs::absolute(fs::path(suite)).parent_path();
  const fs::path rel = fs::absolute(path).lexically_normal().lexically_relative(base.lexically_normal());
  return rel.empty() ? fs::absolute(path).string() : rel.string();
}

}  // namespace

void add_init_command(CLI::App& app, const Context& context, Runner& runner) {
  struct Args {
    std::string data, reference, output = "assay.yaml";
    bool force = false;
    ReadFlags read;
  };
  auto args = std::make_shared<Args>();
  auto* command = app.add_subcommand("init", "Write a commented starter suite (YAML) for a data file");
  command->add_option("data", args->data, "The data to evaluate (scored: target, prediction and/or score)")
      ->required()
      ->type_name("DATA");
  command->add_option("--reference", args->reference, "Reference data (training or last release) for drift and leakage")
      ->type_name("FILE");
  command->add_option("--output", args->output, "Suite file to write")->type_name("FILE");
  command->add_flag("--force", args->force, "Overwrite an existing suite file");
  add_read_flags(*command, args->read);
  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      if (!args->force && std::filesystem::exists(args->output)) {
        throw core::Error(core::Location{.file = args->output}, "exists already (use --force to overwrite)");
      }
      const io::ReadOptions read = make_read_options(args->read, context.quiet);
      const auto data = io::read_table(args->data, read);
      std::optional<io::ReadResult> reference;
      if (!args->reference.empty()) reference = io::read_table(args->reference, read);
      const suite::StarterRoles roles = [&] {
        try {
          return suite::guess_roles(data.table);
        } catch (const core::Error& e) {
          throw core::Error(core::Location{.file = args->data}, e.message());
        }
      }();
      suite::StarterFiles files;
      files.current = relative_to_suite(args->data, args->output);
      if (reference) files.reference = relative_to_suite(args->reference, args->output);
      files.source = args->data + (reference ? " --reference " + args->reference : "");
      const std::string text =
          suite::starter_suite(data.table, reference ? &reference->table : nullptr, roles, files);
      write_files({{args->output, text}});
      note(context, "assay: wrote " + args->output + " (run it with: assay run " + args->output + ")");
      return 0;
    };
  });
}

}  // namespace assay::cli
