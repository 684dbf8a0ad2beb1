#pragma once
// Limit: the two-level threshold a quality check judges its value against.
// A check warns when its value crosses `warn` and fails when it crosses
// `fail`; either level may be switched off (nullopt). Whether "crossing"
// means above or below, and whether reaching the limit already counts, is a
// property of the check (see docs/quality.md), not something users set.

#include <optional>
#include <string>

#include "core/finding.hpp"

namespace assay::quality {

enum class Bad { above, below };  // which side of the limit is a problem

struct Limit {
  Bad bad = Bad::above;
  std::optional<double> warn;
  std::optional<double> fail;
  bool inclusive = false;  // reaching the limit already counts (">=" / "<=")

  // fail if `value` crosses fail, else warn if it crosses warn, else pass.
  // NaN is never judged: it yields info.
  core::Status judge(double value) const;

  // The pass condition of the level that decided `status` (the fail level
  // when the value passed and a fail level exists, else the warn level); for
  // Finding::threshold. nullopt when the limit has no levels at all.
  std::optional<core::Threshold> threshold(core::Status status) const;
};

// A Finding for a thresholded value: fills status, threshold and, in
// details, the "warn" and "fail" levels so reports can show both.
core::Finding judged(std::string id, std::string subject, std::string metric, double value, const Limit& limit,
                     std::string message);

}  // namespace assay::quality
