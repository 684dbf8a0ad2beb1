#include "suite/limits.hpp"

#include <fmt/format.h>

#include <cmath>
#include <vector>

namespace assay::suite {

Judgement judge(const Limits& limits, double value, std::optional<double> reference, Direction direction,
                Severity severity) {
  Judgement out;
  if (!std::isfinite(value)) {
    out.reason = fmt::format("the value is not finite ({})", value);
    return out;
  }
  std::vector<core::Threshold> conditions;
  if (limits.min) conditions.push_back({">=", *limits.min});
  if (limits.max) conditions.push_back({"<=", *limits.max});
  if (limits.relative()) {
    if (!reference || !std::isfinite(*reference)) {
      out.reason = "no reference value to compare with (the metric is undefined on the reference data)";
      return out;
    }
    const bool higher = direction == Direction::higher_is_better;
    if (limits.max_drop) {
      conditions.push_back(higher ? core::Threshold{">=", *reference - *limits.max_drop}
                                  : core::Threshold{"<=", *reference + *limits.max_drop});
    }
    if (limits.max_rel_drop) {
      const double margin = std::fabs(*reference) * *limits.max_rel_drop;
      conditions.push_back(higher ? core::Threshold{">=", *reference - margin}
                                  : core::Threshold{"<=", *reference + margin});
    }
  }
  out.status = core::Status::pass;
  for (const auto& condition : conditions) {
    if (!condition.holds(value)) {
      out.status = severity == Severity::warn ? core::Status::warn : core::Status::fail;
      out.threshold = condition;
      return out;
    }
  }
  if (!conditions.empty()) out.threshold = conditions.front();
  return out;
}

std::string threshold_text(const std::optional<core::Threshold>& threshold) {
  if (!threshold) return {};
  return fmt::format("{} {:.6g}", threshold->op, threshold->value);
}

std::string_view bound_name(Bound bound) {
  switch (bound) {
    case Bound::lower:
      return "ci lower bound";
    case Bound::upper:
      return "ci upper bound";
    case Bound::point:
      break;
  }
  return "";
}

}  // namespace assay::suite
