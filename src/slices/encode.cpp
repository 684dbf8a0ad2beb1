#include "slices/encode.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "stats/quantile_bins.hpp"
#include "stats/sort.hpp"

namespace assay::slices {

namespace {

std::string number_text(double v) { return fmt::format("{:.6g}", v); }

// Numeric columns: quantile bins of the values on the rows.
Encoding encode_numeric(const core::Column& column, std::span<const std::uint32_t> rows, std::size_t bins) {
  std::vector<double> values(rows.size());
  for (std::size_t j = 0; j < rows.size(); ++j) values[j] = column.as_double(rows[j]);  // NaN when null
  std::vector<double> sorted;
  sorted.reserve(values.size());
  for (const double v : values) {
    if (!std::isnan(v)) sorted.push_back(v);
  }
  stats::radix_sort(sorted);
  if (column.kind() == core::Kind::int64 && sorted.size() >= 100) {
    std::size_t distinct = 1;
    for (std::size_t j = 1; j < sorted.size(); ++j) distinct += sorted[j] != sorted[j - 1] ? 1 : 0;
    if (static_cast<double>(distinct) >= 0.99 * static_cast<double>(sorted.size())) {
      return {std::nullopt, fmt::format("looks like an id ({} distinct integers in {} values)", distinct, sorted.size())};
    }
  }
  // The project's one binning rule; the column is its own sample, so every
  // value falls in one of the sample's bins.
  const stats::QuantileBins qb = stats::quantile_bins(sorted, bins);
  EncodedColumn out;
  out.name = column.name();
  out.kind = std::string(core::kind_name(column.kind()));
  out.binned = true;
  const std::size_t numeric_levels = sorted.empty() ? 0 : qb.sample_bins;
  for (std::size_t b = 0; b < numeric_levels; ++b) {
    Level level;
    if (qb.by_value) {
      level.low = level.high = qb.points[b];
      level.label = "= " + number_text(qb.points[b]);
    } else {
      if (b > 0) level.low = qb.points[b - 1];
      if (b < qb.points.size()) level.high = qb.points[b];
      level.label = !level.low    ? "<= " + number_text(*level.high)
                    : !level.high ? "> " + number_text(*level.low)
                                  : fmt::format("({}, {}]", number_text(*level.low), number_text(*level.high));
    }
    out.levels.push_back(std::move(level));
  }
  const auto null_code = static_cast<Code>(numeric_levels);
  bool any_null = false;
  out.codes.resize(rows.size());
  for (std::size_t j = 0; j < rows.size(); ++j) {
    const double v = values[j];
    if (std::isnan(v)) {
      out.codes[j] = null_code;
      any_null = true;
    } else if (qb.by_value) {
      out.codes[j] = static_cast<Code>(qb.bin_of(v));
    } else {
      // The column is its own sample, so v is within [low, high] and its bin
      // is the number of inner edges below it: counted branch-free, since
      // lower_bound's branches mispredict on values in no order.
      std::size_t below = 0;
      for (const double edge : qb.points) below += edge < v ? 1 : 0;
      out.codes[j] = static_cast<Code>(below);
    }
  }
  if (any_null) out.levels.push_back({"null", std::nullopt, std::nullopt, true});
  return {std::move(out), {}};
}

// Categorical, string and bool columns: one level per distinct value.
// `key(row)` is the value's index among `labels` (growing them), or -1 for null.
template <class Key>
Encoding encode_levels(const core::Column& column, std::span<const std::uint32_t> rows, std::size_t max_levels,
                       std::vector<std::string>& labels, Key key) {
  EncodedColumn out;
  out.name = column.name();
  out.kind = std::string(core::kind_name(column.kind()));
  out.codes.resize(rows.size());
  std::vector<std::int32_t> raw(rows.size());
  bool any_null = false;
  for (std::size_t j = 0; j < rows.size(); ++j) {
    raw[j] = key(rows[j]);
    any_null = any_null || raw[j] < 0;
    if (labels.size() > max_levels) {
      return {std::nullopt, fmt::format("has more than {} distinct values", max_levels)};
    }
  }
  // Dense codes for the values present, in the order of `labels`.
  std::vector<std::int32_t> dense(labels.size(), -1);
  for (const std::int32_t r : raw) {
    if (r >= 0) dense[static_cast<std::size_t>(r)] = 0;
  }
  std::size_t used = 0;
  for (std::size_t i = 0; i < dense.size(); ++i) {
    if (dense[i] == 0) {
      dense[i] = static_cast<std::int32_t>(used++);
      out.levels.push_back({labels[i], std::nullopt, std::nullopt, false});
    }
  }
  if (used > max_levels) return {std::nullopt, fmt::format("has more than {} distinct values", max_levels)};
  for (std::size_t j = 0; j < rows.size(); ++j) {
    out.codes[j] = raw[j] < 0 ? static_cast<Code>(used) : static_cast<Code>(dense[static_cast<std::size_t>(raw[j])]);
  }
  if (any_null) out.levels.push_back({"null", std::nullopt, std::nullopt, true});
  return {std::move(out), {}};
}

}  // namespace

Encoding encode_column(const core::Column& column, std::span<const std::uint32_t> rows, std::size_t bins,
                       std::size_t max_levels) {
  max_levels = std::min(max_levels, kMaxCodes - 1);
  switch (column.kind()) {
    case core::Kind::timestamp: return {std::nullopt, "is a timestamp"};
    case core::Kind::float64:
    case core::Kind::int64: return encode_numeric(column, rows, bins);
    case core::Kind::boolean: {
      std::vector<std::string> labels{"false", "true"};
      const auto values = column.booleans();
      return encode_levels(column, rows, max_levels, labels,
                           [&](std::uint32_t i) { return column.is_valid(i) ? std::int32_t{values[i]} : -1; });
    }
    case core::Kind::categorical: {
      std::vector<std::string> labels = column.dictionary();
      const auto codes = column.codes();
      if (labels.size() > max_levels) {
        // The dictionary may hold values absent from the rows; count those present.
        std::vector<std::uint8_t> seen(labels.size(), 0);
        std::size_t present = 0;
        for (const std::uint32_t i : rows) {
          if (codes[i] >= 0 && !seen[static_cast<std::size_t>(codes[i])]) {
            seen[static_cast<std::size_t>(codes[i])] = 1;
            ++present;
          }
        }
        if (present > max_levels) return {std::nullopt, fmt::format("has more than {} distinct values", max_levels)};
      }
      return encode_levels(column, rows, std::max(max_levels, labels.size()), labels,
                           [&](std::uint32_t i) { return column.is_valid(i) ? codes[i] : -1; });
    }
    case core::Kind::string: {
      std::vector<std::string> labels;
      std::unordered_map<std::string_view, std::int32_t> index;
      return encode_levels(column, rows, max_levels, labels, [&](std::uint32_t i) -> std::int32_t {
        if (!column.is_valid(i)) return -1;
        const std::string_view value = column.str(i);
        const auto [it, added] = index.try_emplace(value, static_cast<std::int32_t>(labels.size()));
        if (added) labels.emplace_back(value);
        return it->second;
      });
    }
  }
  return {std::nullopt, "cannot be sliced"};
}

}  // namespace assay::slices
