#include "quality/limit.hpp"

#include <cmath>

namespace assay::quality {

namespace {

bool crosses(const Limit& limit, double value, double level) {
  if (limit.bad == Bad::above) return limit.inclusive ? value >= level : value > level;
  return limit.inclusive ? value <= level : value < level;
}

// The condition that holds when a value does not cross `level`.
core::Threshold pass_condition(const Limit& limit, double level) {
  if (limit.bad == Bad::above) return {limit.inclusive ? "<" : "<=", level};
  return {limit.inclusive ? ">" : ">=", level};
}

}  // namespace

core::Status Limit::judge(double value) const {
  if (std::isnan(value)) return core::Status::info;
  if (fail && crosses(*this, value, *fail)) return core::Status::fail;
  if (warn && crosses(*this, value, *warn)) return core::Status::warn;
  return core::Status::pass;
}

std::optional<core::Threshold> Limit::threshold(core::Status status) const {
  if (status == core::Status::warn && warn) return pass_condition(*this, *warn);
  if (status == core::Status::fail && fail) return pass_condition(*this, *fail);
  if (warn) return pass_condition(*this, *warn);
  if (fail) return pass_condition(*this, *fail);
  return std::nullopt;
}

core::Finding judged(std::string id, std::string subject, std::string metric, double value, const Limit& limit,
                     std::string message) {
  core::Finding f;
  const auto dot = id.find('.');
  f.category = dot == std::string::npos ? id : id.substr(0, dot);
  f.id = std::move(id);
  f.subject = std::move(subject);
  f.metric = std::move(metric);
  f.status = limit.judge(value);
  if (std::isnan(value)) {
    f.reason = "undefined";
  } else {
    f.value = value;
  }
  f.threshold = limit.threshold(f.status);
  f.message = std::move(message);
  f.details["warn"] = limit.warn;
  f.details["fail"] = limit.fail;
  return f;
}

}  // namespace assay::quality
