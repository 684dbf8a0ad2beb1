#include "compare/mcnemar.hpp"

#include <boost/math/distributions/binomial.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace assay::compare {

std::string_view mcnemar_method_name(McNemarMethod method) {
  switch (method) {
    case McNemarMethod::exact: return "exact";
    case McNemarMethod::chi_square: return "chi_square";
    case McNemarMethod::automatic: break;
  }
  return "automatic";
}

McNemarResult mcnemar(std::uint64_t b, std::uint64_t c, McNemarMethod method) {
  McNemarResult out{.b = b, .c = c};
  const std::uint64_t n = b + c;
  if (method == McNemarMethod::automatic) method = n < kMcNemarExactBelow ? McNemarMethod::exact : McNemarMethod::chi_square;
  out.method = method;
  if (method == McNemarMethod::exact) {
    const std::uint64_t k = std::min(b, c);
    out.statistic = static_cast<double>(k);
    if (n == 0) {
      out.p_value = 1.0;
    } else {
      const boost::math::binomial_distribution<double> law(static_cast<double>(n), 0.5);
      out.p_value = std::min(1.0, 2.0 * boost::math::cdf(law, static_cast<double>(k)));
    }
    return out;
  }
  if (n == 0) {
    out.statistic = std::numeric_limits<double>::quiet_NaN();
    out.p_value = std::numeric_limits<double>::quiet_NaN();
    return out;
  }
  const double gap = std::abs(static_cast<double>(b) - static_cast<double>(c)) - 1.0;
  out.statistic = gap * gap / static_cast<double>(n);
  // The chi-square survival function with one degree of freedom.
  out.p_value = std::erfc(std::sqrt(out.statistic / 2.0));
  return out;
}

}  // namespace assay::compare
