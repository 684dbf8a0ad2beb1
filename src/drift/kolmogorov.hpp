#pragma once
// Distributions of Kolmogorov-Smirnov statistics, as scipy 1.10 computes
// them, so p-values agree with scipy.stats.ks_2samp to many digits.
//
// kstwo_sf(n, d): survival function of the two-sided one-sample statistic
// D_n (scipy.stats.kstwo.sf), following Simard & L'Ecuyer (2011): the
// Durbin matrix (Marsaglia, Tsang & Wang 2003), Pomeranz (1974), Pelz-Good
// (1976) and Ruben-Gambino regions with scipy's cut-overs.
// smirnov_sf(n, d): survival function of the one-sided D_n^+ (Birnbaum &
// Tingey 1951; scipy.special.smirnov, van Mulbregt 2018).
// Both return a probability in [0, 1]; n >= 1.

#include <cstdint>

namespace assay::drift {

double kstwo_sf(std::int64_t n, double d);
double smirnov_sf(std::int64_t n, double d);

}  // namespace assay::drift
