// leakage: CHECK: leakage between the reference (training) data and the
// current data (the quality engine's leakage run, as `assay leakage
// --train reference --test current`): contamination,
// contamination_normalised, temporal, id_overlap, target, id_target,
// row_order, or all. Findings keep the engine's verdicts unless min/max is
// given; a check that applies to nothing is an error.

#include <fmt/format.h>

#include "quality/leakage.hpp"
#include "suite/bind.hpp"
#include "suite/engine_findings.hpp"
#include "suite/kinds.hpp"
#include "suite/measure.hpp"
#include "suite/workspace.hpp"
#include "suite/yaml_reader.hpp"

namespace assay::suite {

namespace {

std::vector<std::string> leakage_names(const Suite&) {
  return {"all", "contamination", "contamination_normalised", "temporal", "id_overlap", "target", "id_target", "row_order"};
}

class LeakageCheck final : public Check {
 public:
  explicit LeakageCheck(CheckHeader header) : Check(std::move(header)) {}

  bool uses_reference() const override { return true; }

  void prepare(Workspace& ws) const override { ws.reference(header(), "compares training (reference) with current data"); }

  std::vector<core::Finding> run(Workspace& ws) const override {
    const core::Table& train = ws.reference(header(), "compares training (reference) with current data");
    const auto& all = ws.memo<std::vector<core::Finding>>("leakage", [&] {
      return quality::run_leakage({&train, &ws.current(), quality_roles(ws.suite())}, quality::Options{});
    });
    const std::string& name = header().name;
    std::vector<core::Finding> selected = name == "all" ? all : select_findings(all, "leakage", name, std::nullopt);
    if (selected.empty()) {
      return {error_finding(header(), "leakage", "dataset",
                            fmt::format("the leakage check {} applies to nothing here (temporal needs "
                                        "columns.timestamp, id_overlap columns.id, target columns.target)",
                                        name))};
    }
    std::vector<core::Finding> out;
    for (const core::Finding& f : selected) {
      core::Finding g = adopted_finding(header(), f, true, Direction::lower_is_better);
      // Under `all` several checks share a subject: keep the engine's check name.
      if (name == "all") g.id = header().id + "." + f.id.substr(f.id.find('.') + 1);
      out.push_back(std::move(g));
    }
    return out;
  }
};

std::unique_ptr<Check> parse_leakage(CheckSource&, CheckHeader header) {
  if (header.name == "all" && header.limits.any()) {
    throw core::Error(header.where, fmt::format("check {}: leakage: all keeps each check's own limits; name one check "
                                                "to set min or max",
                                                header.id));
  }
  return std::make_unique<LeakageCheck>(std::move(header));
}

}  // namespace

KindEntry leakage_kind() {
  return {.key = "leakage",
          .summary = "leakage between the reference (training) and current data",
          .limits = {.absolute = true, .relative = false, .interval = false, .required = false},
          .names = leakage_names,
          .parse = parse_leakage,
          .options = {}};
}

}  // namespace assay::suite
