#pragma once
// McNemar's test (McNemar 1947) of paired correctness: did two models,
// scored on the same rows, make errors at different rates? Only the
// discordant rows count: b rows the champion got right and the challenger
// wrong, c rows the reverse. Under the null hypothesis each discordant row
// is either kind with probability 1/2.
//
// As statsmodels.stats.contingency_tables.mcnemar computes it:
//   exact:      statistic min(b, c), p = min(1, 2 P(X <= min(b, c))) with
//               X ~ Binomial(b + c, 1/2) (exact=True);
//   chi_square: statistic (|b - c| - 1)^2 / (b + c), p = P(chi2_1 > statistic)
//               (exact=False, correction=True: Edwards' continuity
//               correction); undefined (NaN) when b + c = 0.
// `automatic` takes the exact binomial test when b + c < 25 and the
// chi-square approximation otherwise: the usual rule of thumb for when the
// approximation is adequate (with fewer discordant pairs the continuity-
// corrected chi-square is conservative and coarse).

#include <cstdint>
#include <string_view>

namespace assay::compare {

enum class McNemarMethod { automatic, exact, chi_square };

// "exact" or "chi_square" ("automatic" is never a result).
std::string_view mcnemar_method_name(McNemarMethod method);

inline constexpr std::uint64_t kMcNemarExactBelow = 25;

struct McNemarResult {
  std::uint64_t b = 0;  // champion right, challenger wrong
  std::uint64_t c = 0;  // champion wrong, challenger right
  McNemarMethod method = McNemarMethod::exact;  // the one used
  double statistic = 0.0;
  double p_value = 0.0;  // two-sided; NaN for chi_square with b + c = 0
};

McNemarResult mcnemar(std::uint64_t b, std::uint64_t c, McNemarMethod method = McNemarMethod::automatic);

}  // namespace assay::compare
