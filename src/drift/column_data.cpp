#include "drift/column_data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/error.hpp"
#include "drift/merged.hpp"
#include "stats/sort.hpp"

namespace assay::drift {

namespace {

template <class Get>
NumericSide collect(const core::Column& column, std::span<const std::uint32_t> rows, Get get) {
  NumericSide side;
  const auto valid = column.validity();
  if (rows.empty()) {
    side.sorted.resize(column.size() - column.null_count());
    std::size_t k = 0;
    if (column.null_count() == 0) {
      for (std::size_t i = 0; i < column.size(); ++i) side.sorted[i] = get(i);
    } else {
      for (std::size_t i = 0; i < column.size(); ++i) {
        if (valid[i] != 0) side.sorted[k++] = get(i);
      }
    }
    side.nulls = column.null_count();
  } else {
    side.sorted.reserve(rows.size());
    for (const std::uint32_t i : rows) {
      if (valid[i] != 0) {
        side.sorted.push_back(get(i));
      } else {
        ++side.nulls;
      }
    }
  }
  return side;
}

}  // namespace

NumericSide numeric_side(const core::Column& column, std::span<const std::uint32_t> rows) {
  NumericSide side;
  if (column.kind() == core::Kind::float64) {
    const auto v = column.f64();
    side = collect(column, rows, [&](std::size_t i) { return v[i]; });
  } else if (column.kind() == core::Kind::int64) {
    const auto v = column.i64();
    side = collect(column, rows, [&](std::size_t i) { return static_cast<double>(v[i]); });
  } else {
    throw core::Error(fmt::format("column '{}' is {}, not numeric", column.name(), core::kind_name(column.kind())));
  }
  // Set aside what no statistic can use (one pass, in place).
  std::size_t kept = 0;
  for (const double x : side.sorted) {
    if (std::isfinite(x)) {
      side.sorted[kept++] = x;
    } else if (x != x) {
      ++side.non_finite.nan;
    } else if (x > 0) {
      ++side.non_finite.positive_infinite;
    } else {
      ++side.non_finite.negative_infinite;
    }
  }
  side.sorted.resize(kept);
  stats::radix_sort(side.sorted);
  return side;
}

LabeledCodes labeled_codes(const core::Column& column) {
  LabeledCodes out;
  const auto valid = column.validity();
  out.codes.resize(column.size(), -1);
  switch (column.kind()) {
    case core::Kind::categorical: {
      out.labels = column.dictionary();
      const auto codes = column.codes();
      for (std::size_t i = 0; i < column.size(); ++i) out.codes[i] = valid[i] != 0 ? codes[i] : -1;
      break;
    }
    case core::Kind::boolean: {
      out.labels = {"false", "true"};
      const auto values = column.booleans();
      for (std::size_t i = 0; i < column.size(); ++i) out.codes[i] = valid[i] != 0 ? (values[i] != 0 ? 1 : 0) : -1;
      break;
    }
    case core::Kind::string: {
      std::unordered_map<std::string_view, std::int32_t> index;
      for (std::size_t i = 0; i < column.size(); ++i) {
        if (valid[i] == 0) continue;
        const std::string_view s = column.str(i);
        const auto [it, added] = index.emplace(s, static_cast<std::int32_t>(out.labels.size()));
        if (added) out.labels.emplace_back(s);
        out.codes[i] = it->second;
      }
      break;
    }
    default:
      throw core::Error(fmt::format("column '{}' is {}, not categorical", column.name(), core::kind_name(column.kind())));
  }
  return out;
}

CategoricalSide categorical_side(const core::Column& column, std::span<const std::uint32_t> rows) {
  CategoricalSide side;
  const LabeledCodes lc = labeled_codes(column);
  side.counts.assign(lc.labels.size(), 0.0);
  auto add = [&](std::size_t i) {
    if (lc.codes[i] >= 0) {
      side.counts[static_cast<std::size_t>(lc.codes[i])] += 1.0;
    } else {
      ++side.nulls;
    }
  };
  if (rows.empty()) {
    for (std::size_t i = 0; i < column.size(); ++i) add(i);
  } else {
    for (const std::uint32_t i : rows) add(i);
  }
  side.labels = std::move(lc.labels);
  return side;
}

CategoricalSide categories_of(const NumericSide& side) {
  CategoricalSide out;
  out.nulls = side.nulls;
  for_each_distinct(side.sorted, {}, [&](const DistinctStep& s) {
    out.labels.push_back(fmt::format("{}", s.value));
    out.counts.push_back(static_cast<double>(s.count_a));
  });
  return out;
}

AlignedCounts align(const CategoricalSide& reference, const CategoricalSide& current) {
  AlignedCounts out;
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < reference.labels.size(); ++i) {
    if (reference.counts[i] == 0) continue;
    index.emplace(reference.labels[i], out.labels.size());
    out.labels.push_back(reference.labels[i]);
    out.reference.push_back(reference.counts[i]);
    out.current.push_back(0.0);
  }
  for (std::size_t i = 0; i < current.labels.size(); ++i) {
    if (current.counts[i] == 0) continue;
    const auto it = index.find(current.labels[i]);
    if (it != index.end()) {
      out.current[it->second] += current.counts[i];
      continue;
    }
    index.emplace(current.labels[i], out.labels.size());
    out.labels.push_back(current.labels[i]);
    out.reference.push_back(0.0);
    out.current.push_back(current.counts[i]);
    ++out.unseen_categories;
    out.unseen_rows += current.counts[i];
    if (out.unseen_examples.size() < 5) out.unseen_examples.push_back(current.labels[i]);
  }
  return out;
}

std::size_t pooled_distinct(std::span<const double> a, std::span<const double> b, std::size_t limit) {
  std::size_t distinct = 0;
  std::size_t i = 0;
  std::size_t j = 0;
  while ((i < a.size() || j < b.size()) && distinct <= limit) {
    double v = 0.0;
    if (i == a.size()) {
      v = b[j];
    } else if (j == b.size()) {
      v = a[i];
    } else {
      v = a[i] < b[j] ? a[i] : b[j];
    }
    // Skip the run with binary searches: constant columns stay O(log n).
    i = static_cast<std::size_t>(std::upper_bound(a.begin() + static_cast<std::ptrdiff_t>(i), a.end(), v) - a.begin());
    j = static_cast<std::size_t>(std::upper_bound(b.begin() + static_cast<std::ptrdiff_t>(j), b.end(), v) - b.begin());
    ++distinct;
  }
  return distinct;
}

}  // namespace assay::drift
