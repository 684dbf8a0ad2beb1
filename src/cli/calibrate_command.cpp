// assay calibrate fit --method platt|isotonic|temperature|histogram
//                     --data FILE --target COL (--score COL | --scores A,B,...)
//                     [--classes A,B,...] [--logits] [--positive LABEL]
//                     [--bins 10] [--eval FILE] --output cal.json
// assay calibrate apply --calibrator cal.json --data FILE --output FILE.csv
// Fits a calibrator and writes it as `assay.calibrator/v1` JSON; applies one,
// writing the input with `<score>_calibrated` columns added
// (docs/calibration.md). Files are written whole or not at all.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>

#include "calibration/calibrator.hpp"
#include "cli/commands.hpp"
#include "cli/integer_flag.hpp"
#include "cli/output.hpp"
#include "cli/read_flags.hpp"
#include "core/error.hpp"
#include "core/version.hpp"
#include "io/table_reader.hpp"
#include "report/calibration_json.hpp"
#include "report/calibrator_json.hpp"
#include "report/csv_table.hpp"
#include "report/text_table.hpp"

namespace assay::cli {

namespace {

const std::string& required_output(const Context& context) {
  if (!context.output) throw core::Error(core::Location{.path = "--output"}, "required: the file to write");
  return *context.output;
}

std::string fit_text(const calibration::Calibrator& c, const std::optional<calibration::Check>& check,
                     const std::string& output) {
  std::string out = fmt::format("{} calibrator fitted on {} rows, written to {}\n", calibration::method_name(c.method),
                                c.fitted_rows, output);
  switch (c.method) {
    case calibration::Method::platt:
      out += fmt::format("P(y = 1 | s) = 1 / (1 + exp({} s + {}))\n", report::format_number(c.platt.a),
                         report::format_number(c.platt.b));
      break;
    case calibration::Method::isotonic: out += fmt::format("{} thresholds\n", c.isotonic.x.size()); break;
    case calibration::Method::temperature: out += fmt::format("temperature {}\n", report::format_number(c.temperature)); break;
    case calibration::Method::histogram: out += fmt::format("{} bins\n", c.histogram.value.size()); break;
  }
  if (check) {
    using A = report::TextTable::Align;
    report::TextTable table({"on --eval", "before", "after", "note"}, {A::left, A::right, A::right, A::left});
    for (const auto& item : check->after.items()) {
      const metrics::Value* before = check->before.find(item.name);
      auto cell = [](const metrics::Value* v) { return v && v->value ? report::format_number(*v->value) : "-"; };
      table.add_row({item.name, cell(before), cell(&item.value), before ? before->reason : ""});
    }
    out += fmt::format("\n{} rows\n", check->rows) + table.render();
  }
  return out;
}

void add_fit(CLI::App& parent, const Context& context, Runner& runner) {
  struct Args {
    std::string method, data, target, score, positive, eval;
    std::vector<std::string> scores, classes;
    bool logits = false;
    std::size_t bins = 10;
    ReadFlags read;
  };
  auto args = std::make_shared<Args>();
  auto* command = parent.add_subcommand("fit", "Fit a calibrator and write it as JSON (--output)");
  command->add_option("--method", args->method, "platt, isotonic, temperature or histogram")->required();
  command->add_option("--data", args->data, "CSV or JSON Lines file to fit on")->required();
  command->add_option("--target", args->target, "True label column")->required();
  auto* score = command->add_option("--score", args->score, "Score column (platt, isotonic, histogram)");
  command->add_option("--scores", args->scores, "One column per class (temperature)")->delimiter(',')->excludes(score);
  command->add_option("--classes", args->classes, "Class of each --scores column (default: from the column names)")
      ->delimiter(',');
  command->add_flag("--logits", args->logits, "--scores hold logits (default: probabilities)");
  command->add_option("--positive", args->positive, "Positive label (default: 1, true or yes when unambiguous)");
  add_integer_option(*command, "--bins", args->bins, "Bins of the histogram method", kBinRange);
  command->add_option("--eval", args->eval, "Held-out file: report ECE and log loss before and after");
  add_read_flags(*command, args->read);
  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      const auto start = std::chrono::steady_clock::now();
      const auto method = calibration::parse_method(args->method);
      if (!method) {
        throw core::Error(core::Location{.path = "--method"},
                          fmt::format("expected platt, isotonic, temperature or histogram, got '{}'", args->method));
      }
      const std::string output = required_output(context);
      calibration::FitSpec spec{.method = *method,
                                .target = args->target,
                                .score = args->score.empty() ? std::nullopt : std::optional<std::string>(args->score),
                                .scores = args->scores,
                                .classes = args->classes,
                                .positive = args->positive.empty() ? std::nullopt : std::optional<std::string>(args->positive),
                                .logits = args->logits,
                                .bins = args->bins};
      const auto options = make_read_options(args->read, context.quiet);
      const auto input = io::read_table(args->data, options);
      const calibration::Calibrator calibrator = calibration::fit(input.table, spec);
      std::vector<core::FileFingerprint> inputs{input.fingerprint};
      std::optional<calibration::Check> check;
      if (!args->eval.empty()) {
        const auto held_out = io::read_table(args->eval, options);
        check = calibration::check(calibrator, held_out.table);
        inputs.push_back(held_out.fingerprint);
      }
      write_result(context, report::calibrator_json(calibrator, kVersion).dump(2) + "\n");
      Context to_stdout = context;
      to_stdout.output.reset();
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      write_result(to_stdout, context.format == Format::json
                                  ? report::calibration_fit_json(calibrator, check, inputs, seconds).dump(2) + "\n"
                                  : fit_text(calibrator, check, output));
      return 0;
    };
  });
}

calibration::Calibrator read_calibrator(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::Error(core::Location{.file = path}, "cannot open the calibrator file");
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& e) {
    throw core::Error(core::Location{.file = path}, fmt::format("not JSON (at byte {})", e.byte));
  }
  return report::calibrator_from_json(doc, path);
}

void add_apply(CLI::App& parent, const Context& context, Runner& runner) {
  struct Args {
    std::string calibrator, data;
    ReadFlags read;
  };
  auto args = std::make_shared<Args>();
  auto* command = parent.add_subcommand("apply", "Add calibrated columns to a file and write it as CSV (--output)");
  command->add_option("--calibrator", args->calibrator, "Calibrator file written by `assay calibrate fit`")->required();
  command->add_option("--data", args->data, "CSV or JSON Lines file")->required();
  add_read_flags(*command, args->read);
  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      const std::string output = required_output(context);
      const calibration::Calibrator calibrator = read_calibrator(args->calibrator);
      const auto input = io::read_table(args->data, make_read_options(args->read, context.quiet));
      const calibration::Calibrated calibrated = calibration::apply(calibrator, input.table);
      std::vector<report::ExtraColumn> extra;
      for (std::size_t c = 0; c < calibrated.names.size(); ++c) {
        if (input.table.contains(calibrated.names[c])) {
          throw core::Error(fmt::format("the input already has a column '{}'", calibrated.names[c]));
        }
        extra.push_back({calibrated.names[c], calibrated.values[c]});
      }
      write_result(context, report::csv_table(input.table, extra));
      note(context, fmt::format("assay: wrote {} rows with {} to {}", input.table.rows(), fmt::join(calibrated.names, ", "), output));
      return 0;
    };
  });
}

}  // namespace

void add_calibrate_command(CLI::App& app, const Context& context, Runner& runner) {
  auto* command = app.add_subcommand("calibrate", "Fit a calibrator (Platt, isotonic, temperature, histogram) or apply one");
  command->require_subcommand(1);
  add_fit(*command, context, runner);
  add_apply(*command, context, runner);
}

}  // namespace assay::cli
