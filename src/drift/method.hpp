#pragma once
// Drift methods, their default thresholds, and the `auto` rule that picks
// one per column (docs/drift.md, "The auto rule").

#include <cstddef>
#include <optional>
#include <string_view>

namespace assay::drift {

enum class Method {
  automatic,
  ks,           // Kolmogorov-Smirnov, numeric, p-value
  chi2,         // chi-squared homogeneity, categorical, p-value
  ztest,        // two-proportion z-test, binary, p-value
  fisher,       // Fisher's exact test, binary, p-value
  psi,          // population stability index, binned or categorical
  js,           // Jensen-Shannon distance, binned or categorical
  kl,           // Kullback-Leibler divergence KL(reference || current)
  hellinger,    // Hellinger distance, binned or categorical
  wasserstein,  // Wasserstein-1 normed by the reference std, numeric
  anderson,     // Anderson-Darling k-sample, numeric, p-value
  cvm,          // Cramer-von Mises two-sample, numeric, p-value
  energy,       // energy distance, numeric
  tvd,          // total variation distance, binned or categorical
};

// "auto", "ks", "chi2", ... as the CLI spells them.
std::string_view method_name(Method method);
std::optional<Method> parse_method(std::string_view name);
// Every name parse_method accepts, "|"-separated, for messages.
std::string_view method_names();

// Methods that produce a p-value; drift is p < threshold. For the others
// drift is statistic >= threshold.
bool is_test(Method method);
// Default threshold: 0.05 for tests, 0.1 for distances (Evidently's).
double default_threshold(Method method);

// How a column is compared: numeric values, or counts of categories (also
// used for numeric columns with few distinct values).
enum class Shape { numeric, categorical };

// Whether `method` can compare a column of this shape; binary says the
// categorical column has at most two categories.
bool applicable(Method method, Shape shape, bool binary);

struct AutoInput {
  Shape shape;
  bool binary;                   // at most two distinct values pooled
  std::size_t reference_rows;    // non-null reference values
  double min_expected_count;     // smallest expected count of the 2 x 2 table (binary only)
};

// Reference size cut-over between tests and distances.
inline constexpr std::size_t kSmallSampleRows = 1000;
// Numeric columns with at most this many distinct values (pooled) are
// compared as categories.
inline constexpr std::size_t kMaxDistinctAsCategorical = 5;

// The auto rule (Evidently's, plus Fisher for sparse 2 x 2 tables):
//   reference rows <= 1000: numeric -> ks; binary -> ztest, or fisher when
//     an expected count is below 5; other categorical -> chi2;
//   reference rows > 1000: numeric -> wasserstein (normed); categorical -> js.
Method choose_auto(const AutoInput& input);

}  // namespace assay::drift
