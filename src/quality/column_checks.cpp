#include "quality/column_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "quality/limit.hpp"
#include "quality/text_parse.hpp"
#include "quality/text_scan.hpp"
#include "quality/wording.hpp"
#include "stats/quantile.hpp"

namespace assay::quality {

namespace {

std::string id_for(std::string_view check, const core::Column& column) {
  return fmt::format("quality.{}.{}", check, column.name());
}

// The finite part of a sorted array (-inf first; +inf and NaN last).
std::span<const double> finite_part(const std::vector<double>& sorted) {
  const auto begin = std::find_if(sorted.begin(), sorted.end(), [](double v) { return v != -INFINITY; });
  const auto end = std::find_if(begin, sorted.end(), [](double v) { return !std::isfinite(v); });
  return {begin, end};
}

// Median of |x - median| from the sorted values in O(n): the deviations of
// the values below the median, read backwards, and of those above, read
// forwards, are each ascending, so merging them sorts all deviations.
double median_absolute_deviation(std::span<const double> sorted, double median) {
  const auto split = static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), median) - sorted.begin());
  std::vector<double> deviations;
  deviations.reserve(sorted.size());
  std::size_t lo = split, hi = split;
  while (lo > 0 || hi < sorted.size()) {
    const double left = lo > 0 ? median - sorted[lo - 1] : INFINITY;
    const double right = hi < sorted.size() ? sorted[hi] - median : INFINITY;
    if (left <= right) {
      deviations.push_back(left);
      --lo;
    } else {
      deviations.push_back(right);
      ++hi;
    }
  }
  return stats::quantile_sorted(deviations, 0.5);
}

double mean_absolute_deviation(std::span<const double> values, double center) {
  double sum = 0.0;
  for (const double v : values) sum += std::fabs(v - center);
  return values.empty() ? 0.0 : sum / static_cast<double>(values.size());
}

}  // namespace

core::Finding check_missing(const core::Column& column, const Options& options) {
  const double share = share_of(column.null_count(), column.size());
  auto f = judged(id_for("missing", column), column.name(), "missing_share", share, options.missing,
                  fmt::format("{} is missing in {} of rows ({} of {})", column.name(), percent(share),
                              column.null_count(), column.size()));
  f.details["count"] = column.null_count();
  f.details["rows"] = column.size();
  return f;
}

std::optional<core::Finding> check_non_finite(const core::Column& column, const Options& options) {
  if (column.kind() != core::Kind::float64) return std::nullopt;
  const auto values = column.f64();
  std::size_t positive = 0, negative = 0, nan = 0;
  Examples examples(options.max_examples);
  for (std::size_t row = 0; row < values.size(); ++row) {
    const double v = values[row];
    if (!column.is_valid(row) || std::isfinite(v)) continue;
    (std::isnan(v) ? nan : v > 0 ? positive : negative) += 1;
    examples.add_non_finite(row, v);
  }
  const std::size_t count = positive + negative + nan;
  const std::size_t n = column.size() - column.null_count();
  const double share = share_of(count, n);
  auto f = judged(id_for("non_finite", column), column.name(), "non_finite_share", share, options.non_finite,
                  count == 0 ? fmt::format("{} has no infinite or NaN values", column.name())
                             : fmt::format("{} has {} non-finite values ({} +inf, {} -inf, {} NaN): {}", column.name(),
                                           count, positive, negative, nan, examples.describe()));
  f.details["count"] = count;
  f.details["positive"] = positive;
  f.details["negative"] = negative;
  f.details["nan"] = nan;
  f.details["examples"] = examples.list();
  return f;
}

core::Finding check_constant(const core::Column& column, const ColumnFacts& facts, const Options& options) {
  std::string message;
  if (facts.distinct == 0) {
    message = fmt::format("{} has no values", column.name());
  } else if (facts.distinct == 1) {
    message = fmt::format("{} is constant: every value is '{}'", column.name(), facts.top_value);
  } else {
    message = fmt::format("{} has {} distinct values", column.name(), facts.distinct);
  }
  auto f = judged(id_for("constant", column), column.name(), "distinct_count", static_cast<double>(facts.distinct),
                  options.constant, std::move(message));
  return f;
}

std::optional<core::Finding> check_near_constant(const core::Column& column, const ColumnFacts& facts,
                                                 const Options& options) {
  if (facts.distinct < 2) return std::nullopt;
  const double share = share_of(facts.top_count, facts.values);
  auto f = judged(id_for("near_constant", column), column.name(), "top_value_share", share, options.near_constant,
                  fmt::format("the most frequent value of {}, '{}', covers {} of its values", column.name(),
                              facts.top_value, percent(share)));
  const bool non_finite = column.kind() == core::Kind::float64 &&
                          (facts.top_value == "inf" || facts.top_value == "-inf" || facts.top_value == "nan");
  if (non_finite) {  // JSON has no infinity: null and the reason (docs/architecture.md, JSON output)
    f.details["top_value"] = nullptr;
    f.details["top_value_reason"] = facts.top_value == "nan"  ? "not a number"
                                    : facts.top_value == "inf" ? "positive infinity"
                                                               : "negative infinity";
  } else {
    f.details["top_value"] = facts.top_value;
  }
  f.details["top_count"] = facts.top_count;
  return f;
}

std::optional<core::Finding> check_id_like(const core::Column& column, const ColumnFacts& facts,
                                           const Options& options) {
  const core::Kind kind = column.kind();
  if (kind != core::Kind::int64 && !is_text(kind)) return std::nullopt;
  if (facts.values < options.min_rows) return std::nullopt;
  const double share = share_of(facts.distinct, facts.values);
  const bool monotonic = kind == core::Kind::int64 && (facts.increasing || facts.decreasing);
  auto f = judged(id_for("id_like", column), column.name(), "unique_share", share, options.id_like,
                  fmt::format("{} has {} distinct values among {}", column.name(), facts.distinct, facts.values));
  if (monotonic && f.status == core::Status::pass && options.id_like.warn) f.status = core::Status::warn;
  if (f.status != core::Status::pass) {
    f.message = fmt::format("{} looks like an identifier ({}{}); exclude it from features or declare it with --id",
                            column.name(),
                            share >= 1.0 ? "every value is unique" : percent(share) + " of values are unique",
                            monotonic ? (facts.increasing ? ", strictly increasing" : ", strictly decreasing") : "");
  }
  f.details["distinct"] = facts.distinct;
  f.details["monotonic"] = monotonic ? (facts.increasing ? "increasing" : "decreasing") : "no";
  return f;
}

std::optional<core::Finding> check_high_cardinality(const core::Column& column, const ColumnFacts& facts,
                                                    const Options& options) {
  if (!is_text(column.kind()) || facts.values < options.min_rows) return std::nullopt;
  const double share = share_of(facts.distinct, facts.values);
  auto f = judged(id_for("high_cardinality", column), column.name(), "distinct_share", share,
                  options.high_cardinality,
                  fmt::format("{} has {} distinct values ({} of its values)", column.name(), facts.distinct,
                              percent(share)));
  f.details["distinct"] = facts.distinct;
  return f;
}

std::optional<core::Finding> check_blank_strings(const core::Column& column, const Options& options) {
  if (!is_text(column.kind())) return std::nullopt;
  Examples examples(options.max_examples);
  const std::size_t blanks = count_text(column, is_blank, examples);
  const std::size_t n = column.size() - column.null_count();
  const double share = share_of(blanks, n);
  auto f = judged(id_for("blank_strings", column), column.name(), "blank_share", share, options.blank_strings,
                  blanks == 0 ? fmt::format("{} has no empty or white-space-only values", column.name())
                              : fmt::format("{} has {} empty or white-space-only values ({}){}{}", column.name(),
                                            blanks, percent(share), examples.list().empty() ? "" : ": ",
                                            examples.describe()));
  f.details["count"] = blanks;
  f.details["examples"] = examples.list();
  return f;
}

std::optional<core::Finding> check_mixed_types(const core::Column& column, const Options& options) {
  if (!is_text(column.kind())) return std::nullopt;
  const auto is_number = [](std::string_view text) { return parse_number(text).has_value(); };
  Examples unused(0);
  const std::size_t numbers = count_text(column, is_number, unused);
  const std::size_t n = column.size() - column.null_count();
  const std::size_t words = n - numbers;
  const bool numbers_rarer = numbers <= words;
  Examples examples(options.max_examples);
  if (numbers > 0 && words > 0) {
    count_text(column, [&](std::string_view t) { return is_number(t) == numbers_rarer; }, examples);
  }
  const double share = share_of(std::min(numbers, words), n);
  auto f = judged(id_for("mixed_types", column), column.name(), "minority_type_share", share, options.mixed_types,
                  numbers > 0 && words > 0
                      ? fmt::format("{} mixes numbers ({}) and text ({}); the rarer kind: {}", column.name(),
                                    percent(share_of(numbers, n)), percent(share_of(words, n)), examples.describe())
                      : fmt::format("{} holds one kind of value", column.name()));
  f.details["numbers"] = numbers;
  f.details["text"] = words;
  f.details["examples"] = examples.list();
  return f;
}

std::optional<core::Finding> check_outliers(const core::Column& column, const ColumnFacts& facts,
                                            const Options& options) {
  if (column.kind() != core::Kind::float64 && column.kind() != core::Kind::int64) return std::nullopt;
  const auto finite = finite_part(facts.sorted);
  if (finite.size() < 3) return std::nullopt;
  double low = 0.0, high = 0.0;
  core::Details rule;
  if (options.outlier_rule == OutlierRule::iqr) {
    const double q1 = stats::quantile_sorted(finite, 0.25);
    const double q3 = stats::quantile_sorted(finite, 0.75);
    low = q1 - options.outlier_iqr_k * (q3 - q1);
    high = q3 + options.outlier_iqr_k * (q3 - q1);
    rule = {{"method", "iqr"}, {"q1", q1}, {"q3", q3}, {"k", options.outlier_iqr_k}};
  } else {
    const double median = stats::quantile_sorted(finite, 0.5);
    const double mad = median_absolute_deviation(finite, median);
    // |0.6745 (x - m) / MAD| > z  <=>  |x - m| > z MAD / 0.6745.
    double spread = mad / 0.6745;
    std::string scale = "mad";
    if (mad == 0.0) {
      spread = 1.253314 * mean_absolute_deviation(finite, median);
      scale = "mean_absolute_deviation";
    }
    if (spread == 0.0) return std::nullopt;  // all finite values equal: nothing is an outlier
    low = median - options.outlier_z * spread;
    high = median + options.outlier_z * spread;
    rule = {{"method", "mad"}, {"median", median}, {"mad", mad}, {"scale", scale}, {"z", options.outlier_z}};
  }
  const auto below = static_cast<std::size_t>(std::lower_bound(finite.begin(), finite.end(), low) - finite.begin());
  const auto above = static_cast<std::size_t>(finite.end() - std::upper_bound(finite.begin(), finite.end(), high));
  Examples examples(options.max_examples);
  for (std::size_t row = 0; row < column.size() && !examples.full() && below + above > 0; ++row) {
    const double v = column.as_double(row);
    if (std::isfinite(v) && (v < low || v > high)) examples.add_cell(column, row);
  }
  const double share = share_of(below + above, finite.size());
  auto f = judged(id_for("outliers", column), column.name(), "outlier_share", share, options.outliers,
                  below + above == 0
                      ? fmt::format("{} has no values outside [{:.6g}, {:.6g}]", column.name(), low, high)
                      : fmt::format("{} has {} outliers ({}) outside [{:.6g}, {:.6g}]: {}", column.name(),
                                    below + above, percent(share), low, high, examples.describe()));
  f.details["count"] = below + above;
  f.details["below"] = below;
  f.details["above"] = above;
  f.details["lower_fence"] = low;
  f.details["upper_fence"] = high;
  f.details["rule"] = rule;
  f.details["examples"] = examples.list();
  return f;
}

}  // namespace assay::quality
