// pii: scan | DETECTOR [column: NAME] [max_share: S]: personal data and
// secrets in the current data's text columns (the security engine, as
// `assay pii`; docs/pii.md). `scan` judges every detector in every column,
// a detector name (email, phone, credit_card, ...) only that one. One
// Finding per column and detector found, each judged on the share of the
// column's rows it matched: at most max_share (default 0: any match
// fails). A detector that finds nothing passes with share 0; a column name
// that itself holds personal data fails under `scan`. One scan serves
// every pii check.

#include <fmt/format.h>

#include "security/pii_scan.hpp"
#include "suite/bind.hpp"
#include "suite/engine_findings.hpp"
#include "suite/kinds.hpp"
#include "suite/measure.hpp"
#include "suite/workspace.hpp"
#include "suite/yaml_reader.hpp"

namespace assay::suite {

namespace {

std::vector<std::string> pii_names(const Suite&) {
  std::vector<std::string> out{"scan"};
  for (const security::Detector d : security::kDetectors) out.emplace_back(security::detector_name(d));
  return out;
}

class PiiCheck final : public Check {
 public:
  PiiCheck(CheckHeader header, std::optional<std::string> column, core::Location column_at)
      : Check(std::move(header)), column_(std::move(column)), column_at_(std::move(column_at)) {}

  void prepare(Workspace& ws) const override {
    if (column_) require_column(ws.current(), *column_, column_at_, "current data");
  }

  std::vector<core::Finding> run(Workspace& ws) const override {
    const auto& all = ws.memo<std::vector<core::Finding>>("pii", [&] {
      const security::PiiOptions options;
      return security::pii_findings(security::scan_table(ws.current(), options), options);
    });
    const std::string& name = header().name;
    std::vector<core::Finding> selected;
    for (const core::Finding& f : all) {
      if (column_ && f.subject != *column_) continue;
      const bool detector = !f.id.starts_with("pii.column_name.") && !f.id.starts_with("pii.clean.");
      if (name == "scan") {
        // A header that only names a kind of data is a hint, not data.
        if (detector || f.id.starts_with("pii.clean.") || f.status == core::Status::fail) selected.push_back(f);
      } else if (detector && f.id.starts_with("pii." + name + ".")) {
        selected.push_back(f);
      }
    }
    std::vector<core::Finding> out;
    if (selected.empty()) {
      Measure m{.category = "pii", .subject = column_.value_or("dataset"), .metric = "pii_share", .value = 0.0};
      m.direction = Direction::lower_is_better;
      m.per_subject = true;
      m.details["detector"] = name;
      out.push_back(judged_finding(header(), std::move(m)));
      return out;
    }
    for (const core::Finding& f : selected) {
      Measure m{.category = "pii", .subject = f.subject, .metric = f.metric, .value = f.value};
      m.direction = Direction::lower_is_better;
      m.per_subject = true;
      m.details = f.details;
      core::Finding g = judged_finding(header(), std::move(m));
      // Several detectors can share a column under `scan`: keep each one's name.
      if (name == "scan") g.id = header().id + "." + f.id.substr(f.id.find('.') + 1);
      g.message = f.message + "; " + g.message;
      out.push_back(std::move(g));
    }
    return out;
  }

 private:
  std::optional<std::string> column_;
  core::Location column_at_;
};

std::unique_ptr<Check> parse_pii(CheckSource& source, CheckHeader header) {
  std::optional<std::string> column;
  core::Location column_at = header.where;
  if (const auto node = source.keys.take("column")) {
    column = source.yaml.text(*node, source.keys.path("column"));
    column_at = source.yaml.where(*node, source.keys.path("column"));
  }
  if (const auto node = source.keys.take("max_share")) {
    if (header.limits.max) {
      source.yaml.fail(source.keys.key_node("max_share"), source.keys.path("max_share"), "give max_share or max, not both");
    }
    const double share = source.yaml.number(*node, source.keys.path("max_share"));
    if (!(share >= 0.0 && share <= 1.0)) source.yaml.fail(*node, source.keys.path("max_share"), "max_share: expected a share in [0, 1]");
    header.limits.max = share;
  }
  if (header.limits.min) {
    throw core::Error(header.where, fmt::format("check {}: pii takes max_share (or max), not min", header.id));
  }
  // Personal data is not expected: without a limit any match fails.
  if (!header.limits.max) header.limits.max = 0.0;
  return std::make_unique<PiiCheck>(std::move(header), std::move(column), std::move(column_at));
}

}  // namespace

KindEntry pii_kind() {
  return {.key = "pii",
          .summary = "personal data and secrets in the current data's text (emails, phones, cards, IBANs, keys, ...)",
          .limits = {.absolute = true, .relative = false, .interval = false, .required = false},
          .names = pii_names,
          .parse = parse_pii,
          .options = {{"column", "string"}, {"max_share", "number"}}};
}

}  // namespace assay::suite
