#include "drift/multivariate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <numeric>
#include <random>

#include "core/error.hpp"
#include "drift/detectors.hpp"

namespace assay::drift {

std::string_view multivariate_name(Multivariate method) {
  switch (method) {
    case Multivariate::classifier: return "classifier";
    case Multivariate::mmd: return "mmd";
    case Multivariate::pca: return "pca";
  }
  return "classifier";
}

std::optional<Multivariate> parse_multivariate(std::string_view name) {
  if (name == "classifier") return Multivariate::classifier;
  if (name == "mmd") return Multivariate::mmd;
  if (name == "pca") return Multivariate::pca;
  return std::nullopt;
}

std::uint64_t task_seed(std::uint64_t seed, std::uint64_t task) {
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (task + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::vector<std::uint32_t> sample_rows(std::size_t n, std::size_t k, std::uint64_t seed) {
  std::vector<std::uint32_t> all(n);
  std::iota(all.begin(), all.end(), std::uint32_t{0});
  if (n <= k) return all;
  // Partial Fisher-Yates with the 64-bit generator's raw output, so the
  // sample does not depend on the standard library's distributions.
  std::mt19937_64 rng(seed);
  for (std::size_t i = 0; i < k; ++i) {
    const std::size_t j = i + static_cast<std::size_t>(rng() % (n - i));
    std::swap(all[i], all[j]);
  }
  all.resize(k);
  std::sort(all.begin(), all.end());
  return all;
}

MultivariateResult multivariate_drift(const core::Table& reference, const core::Table& current,
                                      std::span<const ColumnSpec> columns, const MultivariateOptions& options,
                                      std::span<const std::uint32_t> current_rows) {
  if (columns.empty()) throw core::Error("multivariate drift needs at least one numeric, bool or categorical column");
  // Sampled row indices are 32-bit.
  for (const core::Table* t : {&reference, &current}) {
    if (t->rows() > std::numeric_limits<std::uint32_t>::max()) {
      throw core::Error(core::Location{.path = "--multivariate"},
                        fmt::format("{} has {} rows; the multivariate detectors handle at most {}",
                                    t == &reference ? "the reference" : "the current data", t->rows(),
                                    std::numeric_limits<std::uint32_t>::max()));
    }
  }
  const FeatureEncoding encoding = fit_encoding(reference, columns);
  const std::size_t cur_n = current_rows.empty() ? current.rows() : current_rows.size();
  std::vector<std::uint32_t> ref_rows;
  std::vector<std::uint32_t> cur_rows;
  std::size_t limit = reference.rows();
  if (options.method == Multivariate::classifier) limit = options.classifier_rows;
  if (options.method == Multivariate::mmd) limit = options.mmd_rows;
  ref_rows = sample_rows(reference.rows(), limit, task_seed(options.seed, 1000001));
  cur_rows = sample_rows(cur_n, limit, task_seed(options.seed, 1000002));
  if (!current_rows.empty()) {
    for (auto& r : cur_rows) r = current_rows[r];
  }
  if (ref_rows.size() < 2 || cur_rows.size() < 2) {
    MultivariateResult result;
    result.method = options.method;
    result.metric = options.method == Multivariate::classifier ? "roc_auc"
                    : options.method == Multivariate::mmd      ? "mmd2"
                                                               : "reconstruction_error";
    result.reference_rows = ref_rows.size();
    result.current_rows = cur_rows.size();
    result.reason = fmt::format("needs at least 2 rows on each side (reference {}, current {})", ref_rows.size(),
                                cur_rows.size());
    return result;
  }
  const Encoding how = options.method == Multivariate::classifier ? Encoding::raw : Encoding::standardized;
  const RowMatrix ref = encode(reference, encoding, how, ref_rows);
  const RowMatrix cur = encode(current, encoding, how, cur_rows);
  std::vector<std::string> names;
  for (const auto& f : encoding.features) names.push_back(f.name);
  MultivariateResult result;
  switch (options.method) {
    case Multivariate::classifier: result = classifier_drift(ref, cur, names, options); break;
    case Multivariate::mmd: result = mmd_drift(ref, cur, options); break;
    case Multivariate::pca: result = pca_drift(ref, cur, options); break;
  }
  result.features = names.size();
  return result;
}

}  // namespace assay::drift
