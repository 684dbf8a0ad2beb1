#include "profile/column_profile.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/partitioner.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

#include "core/string_dictionary.hpp"
#include "stats/moments.hpp"
#include "stats/quantile.hpp"
#include "stats/sort.hpp"

namespace assay::profile {

namespace {

// Keeps the k most frequent values: count descending, then value ascending.
template <class Value>
class TopK {
 public:
  explicit TopK(std::size_t k) : k_(k) {}

  void offer(const Value& value, std::size_t count) {
    if (k_ == 0) return;
    if (heap_.size() < k_) {
      heap_.push({count, value});
    } else if (better({count, value}, heap_.top())) {
      heap_.pop();
      heap_.push({count, value});
    }
  }

  // For values offered in ascending order: whether one seen `count` times
  // can still enter (a later value needs a strictly larger count).
  bool admits_later(std::size_t count) const { return count > entry_bar(); }
  // The count a later value must exceed to enter; none enters when k is 0.
  std::size_t entry_bar() const {
    if (k_ == 0) return std::numeric_limits<std::size_t>::max();
    return heap_.size() < k_ ? 0 : heap_.top().first;
  }

  // Best first.
  std::vector<std::pair<std::size_t, Value>> take() {
    std::vector<std::pair<std::size_t, Value>> out;
    while (!heap_.empty()) {
      out.push_back(heap_.top());
      heap_.pop();
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

 private:
  using Entry = std::pair<std::size_t, Value>;
  static bool better(const Entry& a, const Entry& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  }
  struct Worse {  // the heap's top is the worst kept entry
    bool operator()(const Entry& a, const Entry& b) const { return better(a, b); }
  };
  std::size_t k_;
  std::priority_queue<Entry, std::vector<Entry>, Worse> heap_;
};

// Runs of equal values in sorted data: distinct count and top values.
template <class T, class Render>
void scan_runs(std::span<const T> sorted, std::size_t top_k, ColumnProfile& out, Render render) {
  TopK<T> top(top_k);
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i + 1;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    ++out.distinct;
    top.offer(sorted[i], j - i);
    i = j;
  }
  for (auto& [count, value] : top.take()) out.top.push_back({render(value), count});
}

std::string render_double(double v) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  return fmt::format("{}", v);
}

// The finite middle of sorted values (the infinities sit at the two ends).
struct FiniteView {
  const stats::SortedValues& sorted;
  std::size_t begin;
  std::size_t count;
  std::size_t size() const noexcept { return count; }
  double operator[](std::size_t i) const noexcept { return sorted[begin + i]; }
};

void profile_float(const core::Column& column, const ProfileOptions& options, ColumnProfile& out) {
  const auto values = column.f64();
  const stats::SortedValues sorted(values, column.validity());
  const std::size_t n = sorted.size();  // without nulls and NaN
  out.nulls = column.null_count();
  out.nans = values.size() - out.nulls - n;
  out.count = n + out.nans;
  // Sorted: the infinities are at the two ends.
  for (std::size_t i = 0; i < n && sorted[i] == -INFINITY; ++i) ++out.negative_infinities;
  for (std::size_t i = n; i > out.negative_infinities && sorted[i - 1] == INFINITY; --i) ++out.positive_infinities;
  const std::size_t finite = n - out.negative_infinities - out.positive_infinities;
  if (finite > 0) {
    const FiniteView view{sorted, out.negative_infinities, finite};
    out.min = view[0];
    out.max = view[finite - 1];
    // Exact decimals: from the integer sums the sort kept. Otherwise
    // when every cell is a finite value the column itself holds exactly
    // the values to average.
    auto mv = sorted.exact_mean_variance(1.0);
    if (!mv) {
      if (finite == values.size()) {
        mv = stats::mean_variance(values, 1.0);
      } else {
        std::vector<double> kept = sorted.to_vector();
        mv = stats::mean_variance(std::span<const double>(kept).subspan(out.negative_infinities, finite), 1.0);
      }
    }
    out.mean = mv->mean;
    if (finite > 1) out.std = mv->std_dev;
    for (const double q : options.percentiles) out.percentiles.push_back({q, stats::quantile_sorted(view, q)});
  }
  // Runs are in ascending order, so the first index of a run orders values
  // as the values do: ties in count go to the smaller value.
  TopK<std::size_t> top(options.top_k);
  out.distinct = sorted.distinct();
  sorted.for_each_run_longer([&](std::size_t first, std::size_t count) { top.offer(first, count); },
                             [&] { return top.entry_bar(); });
  for (auto& [count, first] : top.take()) out.top.push_back({render_double(sorted[first]), count});
}

// Integers in a small range (labels, counts, years): how often each value
// occurs, read as the sorted column would be, without sorting it.
class CountedValues {
 public:
  CountedValues(std::int64_t lo, std::vector<std::size_t> counts) : lo_(lo), counts_(std::move(counts)) {
    cumulative_.reserve(counts_.size());
    std::size_t total = 0;
    for (const std::size_t c : counts_) cumulative_.push_back(total += c);
  }
  std::size_t size() const noexcept { return cumulative_.empty() ? 0 : cumulative_.back(); }
  // The i-th smallest value.
  std::int64_t operator[](std::size_t i) const noexcept {
    const auto at = std::upper_bound(cumulative_.begin(), cumulative_.end(), i) - cumulative_.begin();
    return lo_ + static_cast<std::int64_t>(at);
  }
  // f(value, count) for each value present, ascending.
  template <class F>
  void for_each_value(F&& f) const {
    for (std::size_t v = 0; v < counts_.size(); ++v) {
      if (counts_[v] > 0) f(lo_ + static_cast<std::int64_t>(v), counts_[v]);
    }
  }

 private:
  std::int64_t lo_;
  std::vector<std::size_t> counts_;
  std::vector<std::size_t> cumulative_;
};

constexpr std::uint64_t kCountingRange = std::uint64_t{1} << 16;

void profile_counted(const CountedValues& values, std::size_t rows, const ProfileOptions& options, ColumnProfile& out) {
  out.count = values.size();
  out.nulls = rows - out.count;
  if (out.count == 0) return;
  out.min = static_cast<double>(values[0]);
  out.max = static_cast<double>(values[out.count - 1]);
  // Exact sum, then deviations per distinct value in long double.
  long double sum = 0;
  values.for_each_value([&](std::int64_t v, std::size_t c) { sum += static_cast<long double>(v) * static_cast<long double>(c); });
  const long double mean = sum / static_cast<long double>(out.count);
  long double ss = 0;
  values.for_each_value([&](std::int64_t v, std::size_t c) {
    const long double d = static_cast<long double>(v) - mean;
    ss += d * d * static_cast<long double>(c);
  });
  out.mean = static_cast<double>(mean);
  if (out.count > 1) out.std = static_cast<double>(std::sqrt(ss / static_cast<long double>(out.count - 1)));
  for (const double q : options.percentiles) out.percentiles.push_back({q, stats::quantile_sorted(values, q)});
  TopK<std::int64_t> top(options.top_k);
  values.for_each_value([&](std::int64_t v, std::size_t c) {
    ++out.distinct;
    if (top.admits_later(c)) top.offer(v, c);
  });
  for (auto& [count, value] : top.take()) out.top.push_back({fmt::format("{}", value), count});
}

// int64 and timestamp columns. Sums run in long double so that values near
// 2^63 keep their precision through the mean and the deviations.
void profile_integer(const core::Column& column, const ProfileOptions& options, ColumnProfile& out) {
  const auto values = column.i64();
  const auto valid = column.validity();
  const bool is_time = column.kind() == core::Kind::timestamp;
  if (!is_time) {
    std::int64_t lo = std::numeric_limits<std::int64_t>::max();
    std::int64_t hi = std::numeric_limits<std::int64_t>::min();
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (!valid[i]) continue;
      lo = std::min(lo, values[i]);
      hi = std::max(hi, values[i]);
    }
    if (lo <= hi && static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) < kCountingRange) {
      std::vector<std::size_t> counts(static_cast<std::size_t>(static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo)) + 1);
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (valid[i]) ++counts[static_cast<std::size_t>(static_cast<std::uint64_t>(values[i]) - static_cast<std::uint64_t>(lo))];
      }
      profile_counted(CountedValues(lo, std::move(counts)), values.size(), options, out);
      return;
    }
  }
  std::vector<std::int64_t> sorted;
  sorted.reserve(values.size() - column.null_count());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (valid[i]) sorted.push_back(values[i]);
  }
  stats::radix_sort(std::span<std::int64_t>(sorted));
  out.count = sorted.size();
  out.nulls = values.size() - sorted.size();
  if (!sorted.empty()) {
    out.min = static_cast<double>(sorted.front());
    out.max = static_cast<double>(sorted.back());
    if (!is_time) {
      long double sum = 0;
      for (const auto v : sorted) sum += static_cast<long double>(v);
      const long double mean = sum / static_cast<long double>(sorted.size());
      long double ss = 0;
      for (const auto v : sorted) ss += (static_cast<long double>(v) - mean) * (static_cast<long double>(v) - mean);
      out.mean = static_cast<double>(mean);
      if (sorted.size() > 1) out.std = static_cast<double>(std::sqrt(ss / static_cast<long double>(sorted.size() - 1)));
    }
    for (const double q : options.percentiles) {
      out.percentiles.push_back({q, stats::quantile_sorted(std::span<const std::int64_t>(sorted), q)});
    }
  }
  if (is_time) {
    scan_runs<std::int64_t>(sorted, options.top_k, out, core::format_timestamp);
  } else {
    scan_runs<std::int64_t>(sorted, options.top_k, out, [](std::int64_t v) { return fmt::format("{}", v); });
  }
}

void profile_bool(const core::Column& column, const ProfileOptions& options, ColumnProfile& out) {
  const auto values = column.booleans();
  const auto valid = column.validity();
  std::size_t trues = 0;
  for (std::size_t i = 0; i < values.size(); ++i) trues += valid[i] && values[i] ? 1 : 0;
  out.count = values.size() - column.null_count();
  out.nulls = column.null_count();
  const std::size_t falses = out.count - trues;
  out.distinct = (trues > 0 ? 1 : 0) + (falses > 0 ? 1 : 0);
  if (out.count > 0) {
    const double n = static_cast<double>(out.count);
    const double p = static_cast<double>(trues) / n;
    out.min = falses > 0 ? 0.0 : 1.0;
    out.max = trues > 0 ? 1.0 : 0.0;
    out.mean = p;
    if (out.count > 1) out.std = std::sqrt(p * (1.0 - p) * n / (n - 1.0));
  }
  TopK<std::uint8_t> top(options.top_k);
  if (falses > 0) top.offer(0, falses);
  if (trues > 0) top.offer(1, trues);
  for (auto& [count, value] : top.take()) out.top.push_back({value ? "true" : "false", count});
}

// Categorical codes and string values alike: count per distinct value.
void profile_counts(const std::vector<std::size_t>& counts, const std::vector<std::string>& names,
                    const ProfileOptions& options, ColumnProfile& out) {
  TopK<std::string_view> top(options.top_k);
  for (std::size_t c = 0; c < counts.size(); ++c) {
    if (counts[c] == 0) continue;
    ++out.distinct;
    top.offer(names[c], counts[c]);
  }
  for (auto& [count, value] : top.take()) out.top.push_back({std::string(value), count});
}

void profile_categorical(const core::Column& column, const ProfileOptions& options, ColumnProfile& out) {
  std::vector<std::size_t> counts(column.dictionary().size());
  for (const auto code : column.codes()) {
    if (code >= 0) ++counts[static_cast<std::size_t>(code)];
  }
  out.count = column.size() - column.null_count();
  out.nulls = column.null_count();
  profile_counts(counts, column.dictionary(), options, out);
}

void profile_string(const core::Column& column, const ProfileOptions& options, ColumnProfile& out) {
  core::StringDictionary dictionary;
  std::vector<std::size_t> counts;
  for (std::size_t i = 0; i < column.size(); ++i) {
    if (!column.is_valid(i)) continue;
    const auto code = static_cast<std::size_t>(dictionary.intern(column.str(i)));
    if (code == counts.size()) counts.push_back(0);
    ++counts[code];
  }
  out.count = column.size() - column.null_count();
  out.nulls = column.null_count();
  profile_counts(counts, dictionary.strings(), options, out);
}

}  // namespace

ColumnProfile profile_column(const core::Column& column, const ProfileOptions& options) {
  ColumnProfile out;
  out.name = column.name();
  out.kind = column.kind();
  switch (column.kind()) {
    case core::Kind::float64: profile_float(column, options, out); break;
    case core::Kind::int64:
    case core::Kind::timestamp: profile_integer(column, options, out); break;
    case core::Kind::boolean: profile_bool(column, options, out); break;
    case core::Kind::categorical: profile_categorical(column, options, out); break;
    case core::Kind::string: profile_string(column, options, out); break;
  }
  return out;
}

std::vector<ColumnProfile> profile_table(const core::Table& table, const ProfileOptions& options) {
  // Costliest columns first (numeric ones sort; counting codes is cheap), one
  // task each, so that no long sort is left to run alone at the end.
  const auto cost = [&](std::size_t c) {
    const core::Kind kind = table.column(c).kind();
    return kind == core::Kind::categorical || kind == core::Kind::boolean ? 0 : 1;
  };
  std::vector<std::size_t> order(table.columns());
  for (std::size_t c = 0; c < order.size(); ++c) order[c] = c;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cost(a) > cost(b); });
  std::vector<ColumnProfile> out(table.columns());
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, order.size(), 1),
      [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t i = range.begin(); i != range.end(); ++i) out[order[i]] = profile_column(table.column(order[i]), options);
      },
      tbb::simple_partitioner());
  return out;
}

}  // namespace assay::profile
