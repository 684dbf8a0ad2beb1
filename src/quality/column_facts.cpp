#include "quality/column_facts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/hash.hpp"
#include "quality/hash_index.hpp"
#include "stats/sort.hpp"

namespace assay::quality {

namespace {

// Distinct values and the longest run of a sorted range; `same` compares
// neighbours. Returns the index of the first element of the longest run.
template <class T, class Same>
std::size_t runs(const std::vector<T>& sorted, Same same, ColumnFacts& facts) {
  std::size_t best_start = 0;
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i + 1;
    while (j < sorted.size() && same(sorted[i], sorted[j])) ++j;
    ++facts.distinct;
    if (j - i > facts.top_count) {
      facts.top_count = j - i;
      best_start = i;
    }
    i = j;
  }
  return best_start;
}

template <class T>
void monotonic(const core::Column& column, std::span<const T> values, ColumnFacts& facts) {
  bool increasing = true, decreasing = true, have_previous = false;
  T previous{};
  std::size_t seen = 0;
  for (std::size_t i = 0; i < values.size() && (increasing || decreasing); ++i) {
    if (!column.is_valid(i)) continue;
    const T v = values[i];
    if constexpr (std::is_floating_point_v<T>) {
      if (std::isnan(v)) {
        increasing = decreasing = false;
        break;
      }
    }
    if (have_previous) {
      increasing = increasing && previous < v;
      decreasing = decreasing && previous > v;
    }
    previous = v;
    have_previous = true;
    ++seen;
  }
  facts.increasing = increasing && seen >= 2;
  facts.decreasing = decreasing && seen >= 2;
}

void float_facts(const core::Column& column, ColumnFacts& facts, bool sorted) {
  const auto values = column.f64();
  if (!sorted) {
    facts.sorted.reserve(facts.values);
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (column.is_valid(i)) facts.sorted.push_back(values[i]);
    }
    stats::radix_sort(facts.sorted);
  }
  const auto same = [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); };
  const std::size_t top = runs(facts.sorted, same, facts);
  if (!facts.sorted.empty()) facts.top_value = fmt::format("{}", facts.sorted[top]);
  monotonic(column, values, facts);
}

void integer_facts(const core::Column& column, ColumnFacts& facts) {
  const auto values = column.i64();
  std::vector<std::int64_t> sorted;
  sorted.reserve(facts.values);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (column.is_valid(i)) sorted.push_back(values[i]);
  }
  std::sort(sorted.begin(), sorted.end());
  const std::size_t top = runs(sorted, std::equal_to<>{}, facts);
  if (!sorted.empty()) {
    facts.top_value = column.kind() == core::Kind::timestamp ? core::format_timestamp(sorted[top])
                                                              : fmt::format("{}", sorted[top]);
  }
  facts.sorted.assign(sorted.begin(), sorted.end());
  monotonic(column, values, facts);
}

void bool_facts(const core::Column& column, ColumnFacts& facts) {
  std::size_t ones = 0;
  const auto values = column.booleans();
  for (std::size_t i = 0; i < values.size(); ++i) ones += column.is_valid(i) && values[i] != 0 ? 1 : 0;
  const std::size_t zeros = facts.values - ones;
  facts.distinct = (ones > 0 ? 1 : 0) + (zeros > 0 ? 1 : 0);
  facts.top_count = std::max(ones, zeros);
  if (facts.values > 0) facts.top_value = ones > zeros ? "true" : "false";
}

void categorical_facts(const core::Column& column, ColumnFacts& facts) {
  std::vector<std::size_t> counts(column.dictionary().size());
  for (const std::int32_t code : column.codes()) {
    if (code >= 0) ++counts[static_cast<std::size_t>(code)];
  }
  std::size_t best = 0;
  for (std::size_t c = 0; c < counts.size(); ++c) {
    if (counts[c] == 0) continue;
    ++facts.distinct;
    // Ties go to the smallest text, so the result does not depend on code order.
    if (counts[c] > facts.top_count ||
        (counts[c] == facts.top_count && column.dictionary()[c] < column.dictionary()[best])) {
      facts.top_count = counts[c];
      best = c;
    }
  }
  if (facts.distinct > 0) facts.top_value = column.dictionary()[best];
}

void string_facts(const core::Column& column, ColumnFacts& facts) {
  HashIndex groups(std::min<std::size_t>(facts.values, 1 << 16));
  std::vector<std::size_t> counts;
  std::vector<std::size_t> first_row;
  for (std::size_t i = 0; i < column.size(); ++i) {
    if (!column.is_valid(i)) continue;
    const std::uint64_t group = groups.insert(core::xxh3_128(column.str(i)), counts.size());
    if (group == counts.size()) {
      counts.push_back(0);
      first_row.push_back(i);
    }
    ++counts[group];
  }
  facts.distinct = counts.size();
  std::size_t best = 0;
  for (std::size_t g = 0; g < counts.size(); ++g) {
    if (counts[g] > facts.top_count ||
        (counts[g] == facts.top_count && column.str(first_row[g]) < column.str(first_row[best]))) {
      facts.top_count = counts[g];
      best = g;
    }
  }
  if (!counts.empty()) facts.top_value = std::string(column.str(first_row[best]));
}

}  // namespace

ColumnFacts column_facts(const core::Column& column) {
  ColumnFacts facts;
  facts.values = column.size() - column.null_count();
  switch (column.kind()) {
    case core::Kind::float64: float_facts(column, facts, false); break;
    case core::Kind::int64:
    case core::Kind::timestamp: integer_facts(column, facts); break;
    case core::Kind::boolean: bool_facts(column, facts); break;
    case core::Kind::categorical: categorical_facts(column, facts); break;
    case core::Kind::string: string_facts(column, facts); break;
  }
  return facts;
}

ColumnFacts column_facts(const core::Column& column, std::vector<double> sorted) {
  if (column.kind() != core::Kind::float64 || sorted.size() != column.size() - column.null_count()) {
    return column_facts(column);
  }
  ColumnFacts facts;
  facts.values = sorted.size();
  facts.sorted = std::move(sorted);
  float_facts(column, facts, true);
  return facts;
}

}  // namespace assay::quality
