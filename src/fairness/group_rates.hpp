#pragma once
// Per-group rates of a binary classifier and the between-group summaries,
// with Fairlearn's definitions (fairlearn.metrics):
//   selection_rate  P(h = 1)            base_rate  P(y = 1)
//   tpr             P(h = 1 | y = 1)    fpr        P(h = 1 | y = 0)
//   precision       P(y = 1 | h = 1)
//   <metric>_difference = max - min over groups, <metric>_ratio = min / max
//   demographic_parity_*    on selection_rate
//   equalized_odds_difference = max(tpr difference, fpr difference)
//   equalized_odds_ratio      = min(tpr ratio, fpr ratio)
//   equal_opportunity_*     on tpr
//   predictive_parity_difference on precision
//   disparate_impact = min / max selection rate (the demographic parity
//   ratio); the four-fifths rule (EEOC 1978) holds when it is >= 0.8.
// Where Fairlearn differs: a rate whose denominator is empty (a group with
// no positives has no TPR) is null with a reason, not scikit-learn's 0, and
// a summary over such a group is null with that reason; a ratio with a zero
// maximum is null, not NaN.
//
// Group counts are metrics::Confusion states (2 x 2, truth-major), so the
// bootstrap reweights the same state the point estimate uses.

#include <cstddef>
#include <string>
#include <vector>

#include "metrics/confusion.hpp"
#include "metrics/result.hpp"

namespace assay::fairness {

// selection_rate, base_rate, tpr, fpr, precision of one group's counts.
metrics::MetricSet group_rates(const metrics::Confusion& counts);

// The summaries over `groups` (their counts) that take part (`included`);
// `names[g]` names group g in reasons. Needs two or more included groups.
metrics::MetricSet summaries(const std::vector<metrics::Confusion>& groups, const std::vector<bool>& included,
                             const std::vector<std::string>& names);

// The summary names, in output order.
const std::vector<std::string>& summary_names();

}  // namespace assay::fairness
