#include "suite/measure.hpp"

#include <fmt/format.h>

namespace assay::suite {

namespace {

std::string with_description(const CheckHeader& check, const std::string& text) {
  return check.description.empty() ? text : fmt::format("{}: {}", check.description, text);
}

core::Details limit_details(const Limits& limits) {
  core::Details out;
  if (limits.min) out["min"] = *limits.min;
  if (limits.max) out["max"] = *limits.max;
  if (limits.max_drop) out["max_drop"] = *limits.max_drop;
  if (limits.max_rel_drop) out["max_rel_drop"] = *limits.max_rel_drop;
  if (limits.ci != Bound::point) out["ci"] = limits.ci == Bound::lower ? "lower" : "upper";
  return out;
}

}  // namespace

std::string finding_id(const CheckHeader& check, const std::string& subject, bool per_subject) {
  return per_subject ? fmt::format("{}.{}", check.id, subject) : check.id;
}

core::Finding error_finding(const CheckHeader& check, std::string category, std::string subject, std::string reason) {
  core::Finding f;
  f.id = check.id;
  f.category = std::move(category);
  f.subject = std::move(subject);
  f.metric = check.name;
  f.status = core::Status::error;
  f.message = with_description(check, fmt::format("{} could not be computed: {}", check.name, reason));
  f.reason = std::move(reason);
  f.details["check"] = check.kind;
  return f;
}

core::Finding judged_finding(const CheckHeader& check, Measure m) {
  core::Finding f;
  f.id = finding_id(check, m.subject, m.per_subject);
  f.category = m.category;
  f.subject = m.subject;
  f.metric = m.metric;
  f.reference = m.reference;
  f.details["check"] = check.kind;
  f.details["limits"] = limit_details(check.limits);
  if (m.point) f.details["point"] = *m.point;
  for (auto& [key, value] : m.details.entries()) f.details[key] = value;
  const std::string what =
      check.limits.ci == Bound::point ? m.metric : fmt::format("{} ({})", m.metric, bound_name(check.limits.ci));
  const std::string on = m.per_subject ? fmt::format(" on {}", m.subject) : "";
  if (!m.value) {
    f.status = core::Status::error;
    f.reason = m.reason.empty() ? "undefined" : m.reason;
    f.message = with_description(check, fmt::format("{}{} is undefined: {}", what, on, f.reason));
    return f;
  }
  f.value = m.value;
  const Judgement j = judge(check.limits, *m.value, m.reference, m.direction, check.severity);
  f.status = j.status;
  f.threshold = j.threshold;
  const std::string reference = m.reference ? fmt::format(" (reference {:.6g})", *m.reference) : "";
  if (j.status == core::Status::error) {
    f.reason = j.reason;
    f.message = with_description(check, fmt::format("{}{} = {:.6g}{}: {}", what, on, *m.value, reference, j.reason));
  } else {
    f.message = with_description(check, fmt::format("{}{} = {:.6g}{}, limit {}: {}", what, on, *m.value, reference,
                                                    threshold_text(j.threshold), core::status_name(j.status)));
  }
  return f;
}

core::Finding adopted_finding(const CheckHeader& check, core::Finding finding, bool per_subject, Direction direction) {
  finding.id = finding_id(check, finding.subject, per_subject);
  finding.details["check"] = check.kind;
  if (check.limits.any()) {
    if (!finding.value) {
      finding.status = core::Status::error;
      if (finding.reason.empty()) finding.reason = "undefined";
    } else {
      const Judgement j = judge(check.limits, *finding.value, finding.reference, direction, check.severity);
      finding.status = j.status;
      finding.threshold = j.threshold;
      if (j.status == core::Status::error) finding.reason = j.reason;
      finding.details["limits"] = limit_details(check.limits);
      finding.message = fmt::format("{} = {:.6g}, limit {}: {} ({})", finding.metric, *finding.value,
                                    threshold_text(j.threshold), core::status_name(j.status), finding.message);
    }
  } else if (finding.status == core::Status::fail && check.severity == Severity::warn) {
    finding.status = core::Status::warn;
  }
  finding.message = with_description(check, finding.message);
  return finding;
}

}  // namespace assay::suite
