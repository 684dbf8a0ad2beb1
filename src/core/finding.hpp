#pragma once
// Finding: the one result record every check produces (DESIGN.md).
// Engines build Findings; outputs (src/report) render them and never
// recompute them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/details.hpp"

namespace assay::core {

enum class Status { pass, warn, fail, error, info };

std::string_view status_name(Status status);

// Status ordered by severity for roll-ups: info < pass < warn < fail < error.
int severity(Status status);

struct Threshold {
  std::string op;  // "<=", "<", ">=", ">", "==", "!="
  double value = 0.0;

  bool holds(double x) const;  // x op value
};

struct Finding {
  std::string id;        // "drift.age", "quality.missing.income"
  std::string category;  // "drift", "quality", "metrics", ...
  std::string subject;   // a column, a slice, or "dataset"
  std::string metric;    // snake_case, scikit-learn names where they exist
  std::optional<double> value;      // null when undefined; see reason
  std::optional<double> reference;  // the value on the reference data, if any
  std::optional<Threshold> threshold;
  Status status = Status::info;
  std::string message;  // one sentence for people
  std::string reason;   // why value is null, when it is
  Details details;       // counts, examples, the rule applied (insertion order)
};

// The worst status of a list (pass when empty).
Status worst_status(const std::vector<Finding>& findings);

}  // namespace assay::core
