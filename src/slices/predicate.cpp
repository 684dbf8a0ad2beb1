#include "slices/predicate.hpp"

#include <fmt/format.h>

namespace assay::slices {

std::string predicates_label(std::span<const SlicePredicate> predicates) {
  std::string out;
  for (const auto& p : predicates) {
    if (!out.empty()) out += " AND ";
    if (p.null) {
      out += p.column + " is null";
    } else if (p.low || p.high) {
      out += p.level.starts_with("(") ? fmt::format("{} in {}", p.column, p.level) : fmt::format("{} {}", p.column, p.level);
    } else if (p.level.starts_with("= ") || p.level.starts_with("[")) {
      out += fmt::format("{} {}", p.column, p.level.starts_with("[") ? "in " + p.level : p.level);
    } else {
      out += fmt::format("{} = {}", p.column, p.level);
    }
  }
  return out;
}

}  // namespace assay::slices
