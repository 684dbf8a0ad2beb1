#pragma once
// Cramer-von Mises two-sample test as scipy 1.10's cramervonmises_2samp
// with method='auto': T of Anderson (1962) from midranks; the exact null
// distribution (Xiao, Gordon & Yakovlev 2006) when both samples have at most
// 20 values, otherwise the normalised statistic against the limiting
// one-sample distribution (Csorgo & Faraway 1996, eq. 1.2).

#include <optional>
#include <span>

namespace assay::drift {

struct CvmResult {
  double statistic = 0.0;  // T
  double p_value = 1.0;
  bool exact = false;
};

// a and b ascending, without NaN; nullopt unless each has >= 2 values.
std::optional<CvmResult> cramer_von_mises_2samp(std::span<const double> a, std::span<const double> b);

// 1 - CDF of the limiting Cramer-von Mises distribution (scipy
// _cdf_cvm_inf, series summed until a term is below 1e-7), for tests.
double cvm_limit_sf(double x);

}  // namespace assay::drift
