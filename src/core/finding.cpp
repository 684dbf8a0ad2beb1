#include "core/finding.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace assay::core {

std::string_view status_name(Status status) {
  switch (status) {
    case Status::pass: return "pass";
    case Status::warn: return "warn";
    case Status::fail: return "fail";
    case Status::error: return "error";
    case Status::info: return "info";
  }
  return "info";
}

int severity(Status status) {
  switch (status) {
    case Status::info: return 0;
    case Status::pass: return 1;
    case Status::warn: return 2;
    case Status::fail: return 3;
    case Status::error: return 4;
  }
  return 0;
}

bool Threshold::holds(double x) const {
  if (op == "<=") return x <= value;
  if (op == "<") return x < value;
  if (op == ">=") return x >= value;
  if (op == ">") return x > value;
  if (op == "==") return x == value;
  if (op == "!=") return x != value;
  throw Error("unknown threshold operator '" + op + "'");
}

Status worst_status(const std::vector<Finding>& findings) {
  Status worst = Status::pass;
  for (const auto& f : findings) {
    if (severity(f.status) > severity(worst)) worst = f.status;
  }
  return worst;
}

}  // namespace assay::core
