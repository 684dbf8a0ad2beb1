#include "quality/quality.hpp"

#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_invoke.h>

#include "quality/column_checks.hpp"
#include "quality/column_facts.hpp"
#include "quality/dataset_checks.hpp"
#include "quality/reference_checks.hpp"
#include "quality/schema_validate.hpp"
#include "quality/target_leakage.hpp"

namespace assay::quality {

namespace {

void push(std::vector<core::Finding>& out, std::optional<core::Finding> f) {
  if (f) out.push_back(std::move(*f));
}

struct ColumnResult {
  std::vector<core::Finding> findings;
  std::optional<core::Finding> target_leakage;  // float64 features with a binary target
};

ColumnResult column_findings(const core::Column& column, const core::Table* reference, const Roles& roles,
                             const BinaryTarget* target, const Options& options) {
  ColumnResult result;
  auto& out = result.findings;
  const bool is_feature = roles.is_feature(column.name());
  const bool is_id_or_time = column.name() == roles.id || column.name() == roles.timestamp;
  // A float feature's sort serves both its statistics and its AUC against the target.
  ColumnFacts facts;
  if (target != nullptr && is_feature && column.kind() == core::Kind::float64) {
    auto scored = sort_with_auc(column, *target);
    result.target_leakage = feature_auc_finding(column, scored.auc, scored.rows, *roles.target, options);
    facts = column_facts(column, std::move(scored.sorted));
  } else {
    facts = column_facts(column);
  }
  out.push_back(check_missing(column, options));
  push(out, check_non_finite(column, options));
  out.push_back(check_constant(column, facts, options));
  push(out, check_near_constant(column, facts, options));
  if (is_feature) {
    auto id_like = check_id_like(column, facts, options);
    const bool looks_like_id = id_like && id_like->status != core::Status::pass;
    push(out, std::move(id_like));
    if (!looks_like_id) push(out, check_high_cardinality(column, facts, options));
  }
  push(out, check_blank_strings(column, options));
  push(out, check_mixed_types(column, options));
  if (is_feature) push(out, check_outliers(column, facts, options));
  if (reference != nullptr) {
    if (const core::Column* ref = reference->find(column.name())) {
      out.push_back(check_type(column, ref->kind(), "reference", options));
      if (!is_id_or_time) {
        push(out, check_out_of_range(column, *ref, options));
        push(out, check_unseen_categories(column, *ref, options));
      }
    }
  }
  return result;
}

}  // namespace

std::vector<core::Finding> run_quality(const QualityInput& input, const Options& options) {
  const core::Table& data = *input.data;
  const Roles& roles = input.roles;
  roles.require_in(data, "data");
  const auto checked = checked_columns(data, roles);
  const auto row_columns = checked_columns(data, roles, {roles.id});
  const auto features = feature_columns(data, roles);
  const std::optional<BinaryTarget> binary =
      roles.target ? binary_target(data.column(*roles.target), options) : std::nullopt;

  core::Finding duplicate_rows, duplicate_columns;
  std::vector<ColumnResult> per_column(checked.size());
  std::vector<core::Finding> target_findings, other_leakage;
  std::vector<std::size_t> other_features;  // features whose target leakage is not computed with their facts
  for (const auto c : features) {
    if (!binary || data.column(c).kind() != core::Kind::float64) other_features.push_back(c);
  }
  tbb::parallel_invoke(
      [&] { duplicate_rows = check_duplicate_rows(data, row_columns, options); },
      [&] { duplicate_columns = check_duplicate_columns(data, checked, options); },
      [&] {
        tbb::parallel_for(std::size_t{0}, checked.size(), [&](std::size_t i) {
          per_column[i] = column_findings(data.column(checked[i]), input.reference, roles,
                                          binary ? &*binary : nullptr, options);
        });
      },
      [&] {
        if (!roles.target) return;
        const core::Column& target = data.column(*roles.target);
        target_findings.push_back(check_label_missing(target, options));
        if (auto f = check_class_imbalance(target, options)) target_findings.push_back(std::move(*f));
        other_leakage = check_target_leakage(data, *roles.target, other_features, options);
      });

  std::vector<core::Finding> out;
  out.push_back(std::move(duplicate_rows));
  out.push_back(std::move(duplicate_columns));
  if (input.reference != nullptr) {
    out.push_back(check_row_count(data.rows(), input.reference->rows(), options));
    for (auto& f : check_columns(data, *input.reference)) out.push_back(std::move(f));
  }
  for (auto& result : per_column) {
    for (auto& f : result.findings) out.push_back(std::move(f));
  }
  for (auto& f : target_findings) out.push_back(std::move(f));
  if (roles.target) {
    // Target leakage in feature order, whichever way each was computed.
    std::size_t next_other = 0;
    for (const auto c : features) {
      const auto at = std::find(checked.begin(), checked.end(), c) - checked.begin();
      auto& precomputed = per_column[static_cast<std::size_t>(at)].target_leakage;
      if (precomputed) {
        out.push_back(std::move(*precomputed));
      } else {
        out.push_back(std::move(other_leakage[next_other++]));
      }
    }
    for (auto& f : check_id_leakage(data, *roles.target, roles.id, options)) out.push_back(std::move(f));
  }
  if (input.schema != nullptr) {
    for (auto& f : validate_schema(data, *input.schema, options)) out.push_back(std::move(f));
  }
  return out;
}

}  // namespace assay::quality
