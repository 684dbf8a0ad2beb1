// assay privacy --members FILE --nonmembers FILE --target COL
//   (--score COL | --scores A,B,...) [--positive LABEL] [--by COL]:
// membership-inference risk of a model from its probabilities on training
// rows (members) and held-out rows (non-members): loss, confidence and
// max-confidence threshold attacks, their ROC AUC, advantage and TPR at low
// FPR, overall, per class and per --by slice (docs/privacy.md). Measures
// only: exit 0 when it ran (the suite's privacy check judges limits).

#include <fmt/format.h>

#include <chrono>
#include <memory>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/read_flags.hpp"
#include "core/error.hpp"
#include "report/findings_json.hpp"
#include "security/membership.hpp"

namespace assay::cli {

namespace {

struct PrivacyArgs {
  std::string members;
  std::string nonmembers;
  security::ProbabilitySpec spec;
  std::string by;
  ReadFlags read;
};

std::string rate(const std::optional<double>& v) { return v ? fmt::format("{:.4f}", *v) : std::string("-"); }

std::string stats_row(const std::string& label, const security::AttackStats& s) {
  return fmt::format("  {:<22} {:>8} {:>9} {:>9} {:>9} {:>8} {:>8}{}\n", label, rate(s.auc), rate(s.advantage),
                     rate(s.tpr_at_fpr[0]), rate(s.tpr_at_fpr[1]), s.members, s.nonmembers,
                     s.reason.empty() ? "" : "  " + s.reason);
}

std::string privacy_text(const security::MembershipResult& result) {
  std::string text;
  for (const auto& attack : result.attacks) {
    text += fmt::format("\n{} attack\n  {:<22} {:>8} {:>9} {:>9} {:>9} {:>8} {:>8}\n", security::attack_name(attack.attack),
                        "rows", "auc", "advantage", "tpr@1%", "tpr@0.1%", "members", "non-mem");
    text += stats_row("all", attack.overall);
    for (const auto& [name, s] : attack.classes) text += stats_row("class " + name, s);
    for (const auto& [name, s] : attack.slices) text += stats_row("slice " + name, s);
  }
  text += "\nauc 0.5 and advantage 0: the model's outputs do not tell members from non-members\n";
  return text;
}

}  // namespace

void add_privacy_command(CLI::App& app, const Context& context, Runner& runner) {
  auto args = std::make_shared<PrivacyArgs>();
  auto* command = app.add_subcommand("privacy", "Membership-inference risk: do the model's outputs tell its training rows "
                                                "from held-out rows? (loss and confidence threshold attacks)");
  command->add_option("--members", args->members, "Model outputs on the training rows")->required()->type_name("FILE");
  command->add_option("--nonmembers", args->nonmembers, "Model outputs on held-out rows")->required()->type_name("FILE");
  command->add_option("--target", args->spec.target, "True label column")->required()->type_name("COL");
  command->add_option("--score", args->spec.score, "Binary: probability of the positive class")->type_name("COL");
  command->add_option("--scores", args->spec.scores, "Multiclass: one probability column per class")
      ->delimiter(',')
      ->type_name("A,B,...");
  command->add_option("--positive", args->spec.positive, "Binary: the positive label (default: 1/true/yes)")
      ->type_name("LABEL");
  command->add_option("--by", args->by, "Also report per value of this column")->type_name("COL");
  add_read_flags(*command, args->read);
  command->callback([&context, &runner, args] {
    runner = [&context, args] {
      const auto start = std::chrono::steady_clock::now();
      const auto read_options = make_read_options(args->read, context.quiet);
      const auto [members, nonmembers] = read_pair(args->members, args->nonmembers, read_options);
      const core::Table* tables[] = {&members.table, &nonmembers.table};
      const auto classes = security::spec_classes(args->spec, tables);
      const auto m = security::bind_probabilities(members.table, args->spec, classes, "members file");
      const auto n = security::bind_probabilities(nonmembers.table, args->spec, classes, "non-members file");
      std::vector<std::string> m_slices, n_slices;
      if (!args->by.empty()) {
        m_slices = security::slice_labels(members.table, args->by);
        n_slices = security::slice_labels(nonmembers.table, args->by);
      }
      const auto result = security::membership_inference(m, n, m_slices, n_slices);
      const auto findings = security::membership_findings(result);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const std::vector<core::FileFingerprint> inputs{members.fingerprint, nonmembers.fingerprint};
      if (context.format == Format::json) {
        nlohmann::ordered_json extra;
        extra["classes"] = result.classes;
        extra["members"] = result.members;
        extra["nonmembers"] = result.nonmembers;
        extra["log_loss_eps"] = metrics::kLogLossEps;
        extra["fpr_targets"] = security::kFprTargets;
        extra["by"] = args->by.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(args->by);
        write_result(context, report::json_text(report::findings_document("privacy", findings, inputs, seconds, extra)));
      } else {
        std::string text;
        for (const auto& [role, f] :
             {std::pair{"members", &members.fingerprint}, std::pair{"non-mem", &nonmembers.fingerprint}}) {
          text += fmt::format("{:<8} {}  {} rows x {} columns  xxh3-128 {}\n", role, f->path, f->rows, f->columns,
                              f->content.hex());
        }
        write_result(context, text + privacy_text(result));
      }
      return 0;
    };
  });
}

}  // namespace assay::cli
