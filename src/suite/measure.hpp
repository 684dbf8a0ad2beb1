#pragma once
// Findings of a check from what it measured. Check kinds describe a value
// (or why there is none) and these functions judge it against the check's
// limits and word the Finding, so every kind reports the same way:
//   id        the check's id, plus "." and the subject when the check has
//             one Finding per subject (slices, groups, columns)
//   message   "<description>: " then "f1 = 0.71 (reference 0.80), limit >= 0.78: fail"
// An undefined value is an `error` Finding with the reason: never a pass.

#include <optional>
#include <string>

#include "core/finding.hpp"
#include "suite/check.hpp"

namespace assay::suite {

struct Measure {
  std::string category;  // "metrics", "drift", ...
  std::string subject;   // a column, a slice, a group, or "dataset"
  std::string metric;
  std::optional<double> value;      // the point value, or the interval bound judged
  std::optional<double> point;      // the point value when `value` is an interval bound
  std::optional<double> reference;  // on the reference data
  std::string reason;               // why `value` is absent
  Direction direction = Direction::higher_is_better;
  bool per_subject = false;         // the check gives one Finding per subject
  core::Details details;
};

// Judged against the check's limits (which must be set).
core::Finding judged_finding(const CheckHeader& check, Measure measure);

// An engine's own Finding taken into the suite: renamed to the check's id,
// its status kept (fail becomes warn for a warn check) unless the check has
// limits, in which case its value is judged against them.
core::Finding adopted_finding(const CheckHeader& check, core::Finding finding, bool per_subject,
                              Direction direction = Direction::higher_is_better);

// An `error` Finding: the check could not be computed.
core::Finding error_finding(const CheckHeader& check, std::string category, std::string subject, std::string reason);

// The id of the check's Finding about `subject`.
std::string finding_id(const CheckHeader& check, const std::string& subject, bool per_subject);

}  // namespace assay::suite
