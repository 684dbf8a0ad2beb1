// quality: CHECK [column: NAME]: data quality of the current data (the
// quality engine, as `assay quality`, with the reference when the suite has
// one). CHECK is a quality check (missing, duplicate_rows, outliers, ...) or
// the metric it measures (missing_share, duplicate_share, ...), or `all`.
// Without a limit each Finding keeps the engine's verdict (its documented
// default thresholds); with min/max the suite's limit decides. One Finding
// per column the check applies to; a check that applies to nothing is an
// error, never a pass. One quality run serves every quality check.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "quality/quality.hpp"
#include "suite/bind.hpp"
#include "suite/engine_findings.hpp"
#include "suite/kinds.hpp"
#include "suite/measure.hpp"
#include "suite/workspace.hpp"
#include "suite/yaml_reader.hpp"

namespace assay::suite {

namespace {

// Quality checks and the metric each measures (docs/quality.md).
constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kQualityChecks{{
    {"missing", "missing_share"},
    {"type_violations", "type_violation_share"},
    {"mixed_types", "minority_type_share"},
    {"out_of_range", "out_of_range_share"},
    {"unseen_categories", "unseen_share"},
    {"constant", "distinct_count"},
    {"near_constant", "top_value_share"},
    {"high_cardinality", "distinct_share"},
    {"id_like", "unique_share"},
    {"blank_strings", "blank_share"},
    {"outliers", "outlier_share"},
    {"non_finite", "non_finite_share"},
    {"duplicate_rows", "duplicate_share"},
    {"duplicate_columns", "duplicate_column_count"},
    {"row_count_change", "row_count_change"},
    {"class_imbalance", "minority_share"},
    {"label_missing", "label_missing"},
}};

std::vector<std::string> quality_names(const Suite&) {
  std::vector<std::string> out{"all"};
  for (const auto& [check, metric] : kQualityChecks) out.emplace_back(check);
  for (const auto& [check, metric] : kQualityChecks) {
    if (metric != check) out.emplace_back(metric);
  }
  return out;
}

std::string_view check_of(std::string_view name) {
  for (const auto& [check, metric] : kQualityChecks) {
    if (name == metric) return check;
  }
  return name;
}

class QualityCheck final : public Check {
 public:
  QualityCheck(CheckHeader header, std::optional<std::string> column, core::Location column_at)
      : Check(std::move(header)), column_(std::move(column)), column_at_(std::move(column_at)) {}

  void prepare(Workspace& ws) const override {
    if (column_) require_column(ws.current(), *column_, column_at_, "current data");
  }

  std::vector<core::Finding> run(Workspace& ws) const override {
    const auto& all = ws.memo<std::vector<core::Finding>>("quality", [&] {
      quality::QualityInput input{&ws.current(), ws.has_reference() ? &ws.reference(header(), "") : nullptr, nullptr,
                                  quality_roles(ws.suite())};
      return quality::run_quality(input, quality::Options{});
    });
    const std::string_view check = check_of(header().name);
    std::vector<core::Finding> selected;
    if (check == "all") {
      selected = all;
    } else {
      selected = select_findings(all, "quality", check, column_);
    }
    if (selected.empty()) {
      return {error_finding(header(), "quality", column_.value_or("dataset"),
                            fmt::format("the quality check {} applies to nothing in this data{}", check,
                                        ws.has_reference() ? "" : " (some checks need data.reference)"))};
    }
    std::vector<core::Finding> out;
    for (auto& f : selected) {
      const bool per_subject = true;
      if (check == "all") {
        core::Finding g = adopted_finding(header(), f, false);
        g.id = header().id + "." + f.id.substr(f.id.find('.') + 1);
        out.push_back(std::move(g));
      } else {
        out.push_back(adopted_finding(header(), f, per_subject, Direction::lower_is_better));
      }
    }
    return out;
  }

 private:
  std::optional<std::string> column_;
  core::Location column_at_;
};

std::unique_ptr<Check> parse_quality(CheckSource& source, CheckHeader header) {
  std::optional<std::string> column;
  core::Location column_at = header.where;
  if (const auto node = source.keys.take("column")) {
    column = source.yaml.text(*node, source.keys.path("column"));
    column_at = source.yaml.where(*node, source.keys.path("column"));
  }
  if (header.name == "all" && header.limits.any()) {
    throw core::Error(header.where, fmt::format("check {}: quality: all keeps each check's own limits; name one check "
                                                "to set min or max",
                                                header.id));
  }
  return std::make_unique<QualityCheck>(std::move(header), std::move(column), std::move(column_at));
}

}  // namespace

KindEntry quality_kind() {
  return {.key = "quality",
          .summary = "a data quality check of the current data (missing values, duplicates, outliers, ...)",
          .limits = {.absolute = true, .relative = false, .interval = false, .required = false},
          .names = quality_names,
          .parse = parse_quality,
          .options = {{"column", "string"}}};
}

}  // namespace assay::suite
