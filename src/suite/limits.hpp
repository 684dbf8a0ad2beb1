#pragma once
// The limit a check holds its value to, and the judgement of a value
// against it:
//   min / max        absolute: value >= min, value <= max
//   max_drop         relative to the same value on the reference data:
//                    the value may be worse than the reference by at most
//                    this much (worse is lower for higher-is-better metrics,
//                    higher for losses and errors)
//   max_rel_drop     the same as a share of the reference value
//   ci: lower|upper  judge a bound of the bootstrap interval instead of the
//                    point value (the check kind supplies the bound)
// A limit that holds gives `pass`; one that does not gives `fail`, or `warn`
// for a check of severity warn. A relative limit without a reference value,
// or a value that is not finite, gives `error`: never a pass. The Finding's
// threshold is the limit as an absolute condition on the value
// (`>= reference - max_drop`), so every output can show it the same way.

#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/finding.hpp"

namespace assay::suite {

enum class Severity { fail, warn };
enum class Bound { point, lower, upper };
enum class Direction { higher_is_better, lower_is_better };

struct Limits {
  std::optional<double> min;
  std::optional<double> max;
  std::optional<double> max_drop;
  std::optional<double> max_rel_drop;
  Bound ci = Bound::point;
  core::Location where;  // of the check, for errors about its limits

  bool any() const { return min || max || max_drop || max_rel_drop; }
  bool relative() const { return max_drop || max_rel_drop; }
};

struct Judgement {
  core::Status status = core::Status::error;
  std::optional<core::Threshold> threshold;  // the condition decided on (the broken one when any is)
  std::string reason;                          // when status is error
};

// `value` is the point or the CI bound; `reference` the reference value for
// relative limits. Limits must not be empty.
Judgement judge(const Limits& limits, double value, std::optional<double> reference, Direction direction,
                Severity severity);

// "value >= 0.8" style text of a threshold ("" when none).
std::string threshold_text(const std::optional<core::Threshold>& threshold);

// "lower bound of the 95% interval of" / "" for the point value.
std::string_view bound_name(Bound bound);

}  // namespace assay::suite
