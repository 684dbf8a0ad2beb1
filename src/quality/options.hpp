#pragma once
// Options: every threshold and parameter of the quality, schema and leakage
// checks, with the defaults documented in docs/quality.md. Users override
// them by key ("missing.warn", "outliers.z") from the command line
// (--set KEY=VALUE) or from a JSON thresholds file; unknown keys and bad
// values are errors that name the key. The JSON-valued forms are in
// quality/options_json.hpp.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "quality/limit.hpp"

namespace assay::quality {

enum class OutlierRule { mad, iqr };

struct Options {
  // Per column.
  Limit missing{Bad::above, 0.05, 0.5};                  // missing_share
  Limit type_violations{Bad::above, std::nullopt, 0.0};  // type_violation_share vs schema/reference kind
  Limit mixed_types{Bad::above, 0.0, std::nullopt};      // minority_type_share in text columns
  Limit out_of_range{Bad::above, 0.001, 0.01};           // out_of_range_share vs reference
  Limit unseen_categories{Bad::above, 0.0, 0.05};        // unseen_share vs reference
  Limit constant{Bad::below, 2.0, std::nullopt};         // distinct_count
  Limit near_constant{Bad::above, 0.99, std::nullopt};   // top_value_share
  Limit high_cardinality{Bad::above, 0.5, std::nullopt}; // distinct_share of text columns
  Limit id_like{Bad::above, 0.99, std::nullopt};         // unique_share of int/text columns
  Limit blank_strings{Bad::above, 0.0, std::nullopt};    // blank_share
  Limit outliers{Bad::above, 0.01, std::nullopt};        // outlier_share
  Limit non_finite{Bad::above, std::nullopt, 0.0};       // non_finite_share
  // Per dataset.
  Limit duplicate_rows{Bad::above, 0.0, 0.05};           // duplicate_share
  Limit duplicate_columns{Bad::above, 0.0, std::nullopt};// duplicate_column_count
  Limit row_count_change{Bad::above, 0.5, std::nullopt}; // |rows / reference rows - 1|
  Limit class_imbalance{Bad::below, 0.1, 0.01};          // minority_share
  Limit label_missing{Bad::above, 0.0, 0.01};            // missing_share of the target
  // Leakage.
  Limit contamination{Bad::above, 0.0, 0.05};            // contaminated_share of test rows (exact)
  Limit contamination_normalised{Bad::above, 0.0, 0.05}; // same after normalisation
  Limit target_auc{Bad::above, 0.9, 0.95, true};         // max(auc, 1 - auc) of one feature
  Limit target_mi{Bad::above, 0.8, 0.95, true};          // mutual information / target entropy
  Limit id_auc{Bad::above, 0.7, 0.9, true};              // id value or row order vs target
  Limit id_mi{Bad::above, 0.5, 0.8, true};               // the same for non-binary targets
  Limit temporal{Bad::above, std::nullopt, 0.0};         // share of test rows older than the newest train row
  Limit id_overlap{Bad::above, std::nullopt, 0.0};       // share of test ids also in train

  // Parameters.
  OutlierRule outlier_rule = OutlierRule::mad;
  double outlier_z = 3.5;            // modified z-score cut (Iglewicz & Hoaglin 1993)
  double outlier_iqr_k = 1.5;        // Tukey fences Q1 - k IQR, Q3 + k IQR
  double out_of_range_quantile = 0.0;  // 0: reference [min, max]; q: [Q(q), Q(1 - q)]
  std::size_t min_rows = 100;        // id_like and high_cardinality need this many values
  std::size_t max_classes = 50;      // a target with more distinct values is not a class label
  std::size_t max_examples = 5;      // example rows/values kept per finding
  int round_digits = 6;              // significant digits of floats for normalised row hashes
  std::size_t min_category_rows = 30;  // smaller categories are pooled for target leakage
  std::size_t mi_bins = 10;          // equal-frequency bins for mutual information
};

// Parses a thresholds file's text (JSON) and applies it; errors give
// file:line:column for syntax and file: key.path for settings.
void apply_thresholds_text(Options& options, std::string_view text, const std::string& file);

// Parses `KEY=VALUE` (VALUE: a number, "off"/"null", or a word) and sets it.
void apply_setting(Options& options, std::string_view assignment);

}  // namespace assay::quality
