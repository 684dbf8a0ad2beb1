// privacy: attack_auc | advantage [attack: loss|confidence|max_confidence]:
// membership-inference risk (the security engine, as `assay privacy`;
// docs/privacy.md). The suite's reference data are the members (the rows
// the model was trained on) and its current data the non-members (held-out
// rows), both scored by the model: columns.target and columns.score (binary)
// or columns.scores (multiclass). One Finding, judged with max (required):
// `{privacy: attack_auc, max: 0.6}`, `{privacy: advantage, max: 0.1}`. The
// attack defaults to loss (Yeom et al. 2018). One engine run serves every
// privacy check.

#include <fmt/format.h>

#include "security/membership.hpp"
#include "suite/kinds.hpp"
#include "suite/measure.hpp"
#include "suite/suite_file.hpp"
#include "suite/workspace.hpp"
#include "suite/yaml_reader.hpp"

namespace assay::suite {

namespace {

constexpr std::string_view kWhy = "measures membership inference: reference = members (training rows), current = non-members";

std::vector<std::string> privacy_names(const Suite&) { return {"attack_auc", "advantage"}; }

security::ProbabilitySpec privacy_spec(const Suite& suite) {
  return {.target = suite.columns.target.value_or(""),
          .score = suite.task == metrics::Task::binary ? suite.columns.score : std::nullopt,
          .scores = suite.columns.scores,
          .classes = suite.columns.classes,
          .positive = suite.columns.positive};
}

class PrivacyCheck final : public Check {
 public:
  PrivacyCheck(CheckHeader header, security::Attack attack) : Check(std::move(header)), attack_(attack) {}

  bool uses_reference() const override { return true; }

  void prepare(Workspace& ws) const override {
    ws.reference(header(), kWhy);
    require_role(ws.suite().columns.target, "target", header());
    const auto spec = privacy_spec(ws.suite());
    if (!spec.score && spec.scores.empty()) {
      throw core::Error(header().where, fmt::format("check {} needs columns.score (binary) or columns.scores "
                                                    "(multiclass): the model's probabilities",
                                                    header().id));
    }
  }

  std::vector<core::Finding> run(Workspace& ws) const override {
    const core::Table& members = ws.reference(header(), kWhy);
    const auto& result = ws.memo<security::MembershipResult>("privacy", [&] {
      const auto spec = privacy_spec(ws.suite());
      const core::Table* tables[] = {&members, &ws.current()};
      const auto classes = security::spec_classes(spec, tables);
      return security::membership_inference(security::bind_probabilities(members, spec, classes, "reference (members)"),
                                            security::bind_probabilities(ws.current(), spec, classes,
                                                                         "current (non-members)"),
                                            {}, {});
    });
    const security::AttackResult& r = result.attacks[static_cast<std::size_t>(attack_)];
    const bool auc = header().name == "attack_auc";
    Measure m{.category = "privacy", .subject = std::string(security::attack_name(attack_)), .metric = header().name};
    m.value = auc ? r.overall.auc : r.overall.advantage;
    m.reason = r.overall.reason;
    m.direction = Direction::lower_is_better;
    m.details["attack"] = std::string(security::attack_name(attack_));
    m.details["members"] = r.overall.members;
    m.details["nonmembers"] = r.overall.nonmembers;
    core::Details tpr;
    for (std::size_t t = 0; t < security::kFprTargets.size(); ++t) {
      tpr[fmt::format("{}", security::kFprTargets[t])] = r.overall.tpr_at_fpr[t];
    }
    m.details["tpr_at_fpr"] = std::move(tpr);
    return {judged_finding(header(), std::move(m))};
  }

 private:
  security::Attack attack_;
};

std::unique_ptr<Check> parse_privacy(CheckSource& source, CheckHeader header) {
  security::Attack attack = security::Attack::loss;
  if (const auto node = source.keys.take("attack")) {
    const std::string name = source.yaml.text(*node, source.keys.path("attack"));
    bool found = false;
    for (const security::Attack a : security::kAttacks) {
      if (security::attack_name(a) == name) {
        attack = a;
        found = true;
      }
    }
    if (!found) source.yaml.fail(*node, source.keys.path("attack"), "attack: expected loss, confidence or max_confidence");
  }
  if (header.limits.min) {
    throw core::Error(header.where, fmt::format("check {}: privacy takes max (the most leakage allowed), not min", header.id));
  }
  return std::make_unique<PrivacyCheck>(std::move(header), attack);
}

}  // namespace

KindEntry privacy_kind() {
  return {.key = "privacy",
          .summary = "membership-inference risk: reference = members (training rows), current = non-members",
          .limits = {.absolute = true, .relative = false, .interval = false, .required = true},
          .names = privacy_names,
          .parse = parse_privacy,
          .options = {{"attack", "string"}}};
}

}  // namespace assay::suite
