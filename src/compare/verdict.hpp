#pragma once
// The verdict of a comparison under a Policy, and the Findings the suite and
// the CLI report. The rule, applied in this order (docs/compare.md):
//
//  1. the overall difference or its test cannot be computed (no rows, one
//     class, a metric undefined, zero variance, no resamples for a
//     bootstrap-tested metric): `inconclusive`, and the Finding is `error`;
//  2. the challenger is significantly worse (gain < 0 and p < alpha):
//     `keep`;
//  3. max_slice_loss is set and a slice's point estimate loses more than it
//     (gain < -max_slice_loss): `keep`, naming the worst slice;
//  4. the challenger is significantly better (gain > 0, p < alpha) and the
//     gain is at least min_gain: `promote` -- unless max_slice_loss is set
//     and a slice could not be compared, then `inconclusive` (a slice that
//     cannot be checked is never waved through);
//  5. otherwise (not significant, or a significant gain below min_gain):
//     `inconclusive`.
//
// "gain" is the difference signed so that positive means the challenger is
// better (challenger - champion for roc_auc, champion - challenger for mae).
// The slice rule uses point estimates on purpose: a guard rail for a
// segment should trip on a visible loss, not wait for significance.
//
// Findings: `compare.<metric>` with value = the difference (challenger -
// champion), reference = the champion's value, threshold from min_gain
// (">= min_gain", or "<= -min_gain" for metrics where lower is better),
// status pass (promote), fail (keep, inconclusive) or error (rule 1); then,
// with slices, `compare.<metric>.<column>.<level>` per slice with value = the
// slice's difference and, when max_slice_loss is set, threshold from it and
// status pass/fail (error when the slice could not be compared), else info.

#include <string>
#include <string_view>
#include <vector>

#include "compare/compare.hpp"
#include "core/finding.hpp"

namespace assay::compare {

enum class Verdict { promote, keep, inconclusive };

// "promote", "keep", "inconclusive".
std::string_view verdict_name(Verdict verdict);

struct Decision {
  Verdict verdict = Verdict::inconclusive;
  std::string reason;  // one sentence for people
  bool error = false;  // rule 1: the comparison could not be computed
};

// Throws core::Error naming the flag for a bad policy: min_gain < 0 or not
// finite, max_slice_loss < 0, alpha outside (0, 1).
void check_policy(const Policy& policy);

// Also throws for a policy on a metric other than the comparison's.
Decision decide(const Comparison& comparison, const Policy& policy);

std::vector<core::Finding> findings(const Comparison& comparison, const Policy& policy);

}  // namespace assay::compare
