#pragma once
// Target leakage within one dataset (Kaufman et al., "Leakage in Data
// Mining", TKDD 2012): a feature, an id or the row order that predicts the
// target by itself so well that it probably encodes the label.
//
// Binary target: single-feature ROC AUC, reported as max(auc, 1 - auc).
// Numeric features score by value; text features by the positive rate of
// their category, categories with fewer than target_leakage.min_category_rows
// rows pooled (so a unique-per-row text does not score 1 by memorising).
// Nulls are left out of the AUC. Any other target (more classes, or
// continuous and then binned): mutual information between the binned
// feature and the target over the target's entropy (Theil's U), with nulls
// as missing.

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/table.hpp"
#include "quality/options.hpp"

namespace assay::quality {

// One finding per feature: "leakage.target.<feature>", judged with
// target_auc (binary) or target_mi.
std::vector<core::Finding> check_target_leakage(const core::Table& table, std::string_view target,
                                                std::span<const std::size_t> features, const Options& options);

// "leakage.row_order.dataset": the row number as a score; and, when `id` is
// given, "leakage.id_target.<id>": the id's value (text ids by their sort
// rank) as a score. Judged with id_auc (binary) or id_mi.
std::vector<core::Finding> check_id_leakage(const core::Table& table, std::string_view target,
                                            std::optional<std::string_view> id, const Options& options);

}  // namespace assay::quality
