#include "drift/correction.hpp"

#include "stats/multiple_testing.hpp"

namespace assay::drift {

std::string_view correction_name(Correction correction) {
  switch (correction) {
    case Correction::none: return "none";
    case Correction::bonferroni: return "bonferroni";
    case Correction::bh: return "bh";
  }
  return "none";
}

std::optional<Correction> parse_correction(std::string_view name) {
  if (name == "none") return Correction::none;
  if (name == "bonferroni") return Correction::bonferroni;
  if (name == "bh") return Correction::bh;
  return std::nullopt;
}

std::vector<double> adjust_p_values(std::span<const double> p, Correction correction) {
  switch (correction) {
    case Correction::none: return {p.begin(), p.end()};
    case Correction::bonferroni: return stats::bonferroni_adjust(p);
    case Correction::bh: return stats::benjamini_hochberg_adjust(p);
  }
  return {p.begin(), p.end()};
}

}  // namespace assay::drift
