#include "quality/reference_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/hash.hpp"
#include "quality/hash_index.hpp"
#include "quality/kind_conformance.hpp"
#include "quality/limit.hpp"
#include "quality/text_scan.hpp"
#include "quality/wording.hpp"
#include "stats/quantile.hpp"
#include "stats/sort.hpp"

namespace assay::quality {

namespace {

std::string id_for(std::string_view check, std::string_view subject) {
  return fmt::format("quality.{}.{}", check, subject);
}

bool is_number_kind(core::Kind kind) { return kind == core::Kind::float64 || kind == core::Kind::int64; }

core::Finding fixed(std::string id, std::string subject, core::Status status, std::string message) {
  core::Finding f;
  f.id = std::move(id);
  f.category = "quality";
  f.subject = std::move(subject);
  f.metric = "column_present";
  f.status = status;
  f.message = std::move(message);
  return f;
}

}  // namespace

core::Finding check_type(const core::Column& column, core::Kind expected, std::string_view source,
                         const Options& options) {
  const Conformance c = kind_conformance(column, expected, options.max_examples);
  const double share = share_of(c.violations, c.values);
  auto f = judged(id_for("type_violations", column.name()), column.name(), "type_violation_share", share,
                  options.type_violations,
                  c.violations == 0
                      ? fmt::format("every value of {} fits the {} kind {}", column.name(), source,
                                    core::kind_name(expected))
                      : fmt::format("{} values of {} ({}) do not fit the {} kind {}: {}", c.violations, column.name(),
                                    percent(share), source, core::kind_name(expected), c.examples.describe()));
  f.details["expected_kind"] = core::kind_name(expected);
  f.details["actual_kind"] = core::kind_name(column.kind());
  f.details["source"] = source;
  f.details["count"] = c.violations;
  f.details["examples"] = c.examples.list();
  return f;
}

std::optional<core::Finding> check_out_of_range(const core::Column& column, const core::Column& reference,
                                                const Options& options) {
  if (!is_number_kind(column.kind()) || !is_number_kind(reference.kind())) return std::nullopt;
  const double q = options.out_of_range_quantile;
  double low = INFINITY, high = -INFINITY;
  std::vector<double> finite;
  for (std::size_t row = 0; row < reference.size(); ++row) {
    const double v = reference.as_double(row);
    if (!std::isfinite(v)) continue;
    low = std::min(low, v);
    high = std::max(high, v);
    if (q > 0.0) finite.push_back(v);
  }
  if (low > high) return std::nullopt;  // no finite reference value
  if (q > 0.0) {
    stats::radix_sort(finite);
    low = stats::quantile_sorted(finite, q);
    high = stats::quantile_sorted(finite, 1.0 - q);
  }
  std::size_t below = 0, above = 0;
  Examples examples(options.max_examples);
  const auto count = [&](auto value_of) {
    for (std::size_t row = 0; row < column.size(); ++row) {
      const double v = value_of(row);  // NaN (null) compares false both ways
      if (v < low) {
        ++below;
      } else if (v > high) {
        ++above;
      } else {
        continue;
      }
      examples.add_cell(column, row);
    }
  };
  if (column.kind() == core::Kind::float64) {
    const auto values = column.f64();
    count([&](std::size_t r) { return values[r]; });
  } else {
    count([&](std::size_t r) { return column.as_double(r); });
  }
  const std::size_t n = column.size() - column.null_count();
  const double share = share_of(below + above, n);
  const std::string band = q == 0.0 ? "reference range" : fmt::format("reference band Q({:g})..Q({:g})", q, 1.0 - q);
  auto f = judged(id_for("out_of_range", column.name()), column.name(), "out_of_range_share", share,
                  options.out_of_range,
                  below + above == 0
                      ? fmt::format("every value of {} is within the {} [{:.6g}, {:.6g}]", column.name(), band, low, high)
                      : fmt::format("{} values of {} ({}) are outside the {} [{:.6g}, {:.6g}] ({} below, {} above): {}",
                                    below + above, column.name(), percent(share), band, low, high, below, above,
                                    examples.describe()));
  f.details["count"] = below + above;
  f.details["below"] = below;
  f.details["above"] = above;
  f.details["low"] = low;
  f.details["high"] = high;
  f.details["examples"] = examples.list();
  return f;
}

std::optional<core::Finding> check_unseen_categories(const core::Column& column, const core::Column& reference,
                                                     const Options& options) {
  if (reference.kind() != core::Kind::categorical || !is_text(column.kind())) return std::nullopt;
  HashIndex seen(reference.dictionary().size());
  {
    std::vector<char> used(reference.dictionary().size());
    for (const std::int32_t code : reference.codes()) {
      if (code >= 0) used[static_cast<std::size_t>(code)] = 1;
    }
    for (std::size_t c = 0; c < used.size(); ++c) {
      if (used[c] != 0) seen.insert(core::xxh3_128(reference.dictionary()[c]), c);
    }
  }
  // Unseen values, counted per distinct value in order of first appearance.
  HashIndex unseen_index(64);
  std::vector<std::pair<std::string, std::size_t>> unseen;
  Examples examples(options.max_examples);
  const std::size_t count = count_text(
      column,
      [&](std::string_view text) {
        const core::Hash128 h = core::xxh3_128(text);
        if (seen.find(h) != HashIndex::kAbsent) return false;
        return true;
      },
      examples);
  if (count > 0) {
    // Second pass for per-value counts (unseen values are expected to be few).
    for (std::size_t row = 0; row < column.size(); ++row) {
      if (!column.is_valid(row)) continue;
      const std::string text = column.text(row);
      const core::Hash128 h = core::xxh3_128(text);
      if (seen.find(h) != HashIndex::kAbsent) continue;
      const std::uint64_t slot = unseen_index.insert(h, unseen.size());
      if (slot == unseen.size()) unseen.emplace_back(text, 0);
      ++unseen[slot].second;
    }
  }
  std::stable_sort(unseen.begin(), unseen.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  core::DetailList values;
  std::string listed;
  for (std::size_t i = 0; i < unseen.size() && i < std::max<std::size_t>(options.max_examples, 1); ++i) {
    values.push_back(core::Details{{"value", unseen[i].first}, {"count", unseen[i].second}});
    if (i < 3) listed += fmt::format("{}'{}' ({})", i == 0 ? "" : ", ", unseen[i].first, unseen[i].second);
  }
  const std::size_t n = column.size() - column.null_count();
  const double share = share_of(count, n);
  auto f = judged(id_for("unseen_categories", column.name()), column.name(), "unseen_share", share,
                  options.unseen_categories,
                  count == 0 ? fmt::format("every value of {} is a reference category", column.name())
                             : fmt::format("{} rows of {} ({}) hold {} categories unseen in the reference: {}", count,
                                           column.name(), percent(share), unseen.size(), listed));
  f.details["count"] = count;
  f.details["distinct_unseen"] = unseen.size();
  f.details["values"] = values;
  f.details["examples"] = examples.list();
  return f;
}

core::Finding check_row_count(std::size_t rows, std::size_t reference_rows, const Options& options) {
  const double ratio = reference_rows == 0 ? NAN : static_cast<double>(rows) / static_cast<double>(reference_rows);
  const double change = std::fabs(ratio - 1.0);
  auto f = judged("quality.row_count_change.dataset", "dataset", "row_count_change", change, options.row_count_change,
                  fmt::format("{} rows against {} in the reference ({:+.3g}%)", rows, reference_rows,
                              (ratio - 1.0) * 100.0));
  if (reference_rows == 0) f.reason = "the reference has no rows";
  f.details["rows"] = rows;
  f.details["reference_rows"] = reference_rows;
  return f;
}

std::vector<core::Finding> check_columns(const core::Table& data, const core::Table& reference) {
  std::vector<core::Finding> out;
  for (const auto& c : reference.all()) {
    if (!data.contains(c.name())) {
      out.push_back(fixed(id_for("missing_column", c.name()), c.name(), core::Status::fail,
                          fmt::format("column {} of the reference is missing from the data", c.name())));
    }
  }
  for (const auto& c : data.all()) {
    if (!reference.contains(c.name())) {
      out.push_back(fixed(id_for("new_column", c.name()), c.name(), core::Status::warn,
                          fmt::format("column {} is not in the reference", c.name())));
    }
  }
  if (out.empty()) {
    out.push_back(fixed("quality.columns.dataset", "dataset", core::Status::pass,
                        fmt::format("the data has the reference's {} columns", reference.columns())));
  }
  return out;
}

}  // namespace assay::quality
