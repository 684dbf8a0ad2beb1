#pragma once
// Distances between two empirical distributions.
//
// On ascending samples (no NaN, both non-empty), computed from the two
// empirical CDFs in one merge pass, as scipy's _cdf_distance:
//   wasserstein_distance: integral |F_a - F_b| (scipy.stats.wasserstein_distance)
//   energy_distance:      sqrt(2) * sqrt(integral (F_a - F_b)^2) (scipy.stats.energy_distance)
//
// On two vectors of equal length (bin or category counts or proportions;
// normalised to sum 1 inside the function as scipy does, except psi, which
// takes proportions as given):
//   jensen_shannon:   scipy.spatial.distance.jensenshannon(p, q), natural log
//   kl_divergence:    scipy.stats.entropy(p, q) = sum p log(p/q)
//   psi:              sum (p - q) log(p / q) (population stability index)
//   hellinger:        sqrt(1/2 sum (sqrt p - sqrt q)^2)
//   total_variation:  1/2 sum |p - q|
// PSI and KL are infinite when a bin is empty on one side; callers smooth
// proportions first (see smooth_proportions and docs/drift.md).

#include <span>
#include <vector>

namespace assay::drift {

double wasserstein_distance(std::span<const double> a, std::span<const double> b);
double energy_distance(std::span<const double> a, std::span<const double> b);

double jensen_shannon(std::span<const double> p, std::span<const double> q);
double kl_divergence(std::span<const double> p, std::span<const double> q);
double psi(std::span<const double> p, std::span<const double> q);
double hellinger(std::span<const double> p, std::span<const double> q);
double total_variation(std::span<const double> p, std::span<const double> q);

// Proportions counts / sum(counts) with every zero replaced by epsilon (not
// renormalised, as Evidently does).
std::vector<double> smooth_proportions(std::span<const double> counts, double epsilon);

}  // namespace assay::drift
