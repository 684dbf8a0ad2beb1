#pragma once
// Multiple-testing corrections of p-values across columns (the adjustments
// themselves live in stats/multiple_testing, shared with the slices engine).
//   bonferroni: min(1, m p)
//   bh: Benjamini & Hochberg (1995) step-up adjusted p-values,
//       min over k >= i of m p_(k) / k, capped at 1 (statsmodels'
//       multipletests(method='fdr_bh')).

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "drift/options.hpp"

namespace assay::drift {

std::string_view correction_name(Correction correction);
std::optional<Correction> parse_correction(std::string_view name);

// Adjusted p-values, in the input order.
std::vector<double> adjust_p_values(std::span<const double> p_values, Correction correction);

}  // namespace assay::drift
