#include "quality/mutual_information.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string_view>

#include "core/hash.hpp"
#include "quality/hash_index.hpp"
#include "stats/quantile_bins.hpp"
#include "stats/sort.hpp"

namespace assay::quality {

MutualInformation mutual_information(std::span<const std::int32_t> x, std::int32_t kx,
                                     std::span<const std::int32_t> y, std::int32_t ky) {
  const auto nx = static_cast<std::size_t>(kx), ny = static_cast<std::size_t>(ky);
  std::vector<std::uint64_t> joint(nx * ny), px(nx), py(ny);
  MutualInformation out;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i] < 0 || y[i] < 0) continue;
    ++joint[static_cast<std::size_t>(x[i]) * ny + static_cast<std::size_t>(y[i])];
    ++px[static_cast<std::size_t>(x[i])];
    ++py[static_cast<std::size_t>(y[i])];
    ++out.rows;
  }
  if (out.rows == 0) {
    out.normalized = std::numeric_limits<double>::quiet_NaN();
    return out;
  }
  const double n = static_cast<double>(out.rows);
  // sum p(x,y) log(p(x,y) / (p(x) p(y))) = sum c/n (log c + log n - log cx - log cy)
  for (std::size_t a = 0; a < nx; ++a) {
    for (std::size_t b = 0; b < ny; ++b) {
      const auto c = static_cast<double>(joint[a * ny + b]);
      if (c == 0.0) continue;
      out.mi += c / n * (std::log(c) + std::log(n) - std::log(static_cast<double>(px[a])) -
                         std::log(static_cast<double>(py[b])));
    }
  }
  out.mi = std::max(out.mi, 0.0);
  for (const auto c : py) {
    if (c > 0) out.entropy_y -= static_cast<double>(c) / n * std::log(static_cast<double>(c) / n);
  }
  out.normalized = out.entropy_y > 0.0 ? std::min(1.0, out.mi / out.entropy_y) : std::numeric_limits<double>::quiet_NaN();
  return out;
}

Codes quantile_bins(std::span<const double> values, std::size_t bins) {
  std::vector<double> sorted;
  sorted.reserve(values.size());
  for (const double v : values) {
    if (!std::isnan(v)) sorted.push_back(v);
  }
  stats::radix_sort(sorted);
  // The project's one binning rule; the column is its own sample, so only
  // the bins its values fall in are codes.
  const stats::QuantileBins b = stats::quantile_bins(sorted, bins);
  Codes codes;
  codes.count = static_cast<std::int32_t>(b.sample_bins);
  codes.code.resize(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    codes.code[i] = std::isnan(values[i]) ? -1 : static_cast<std::int32_t>(b.bin_of(values[i]));
  }
  return codes;
}

namespace {

// Category codes of a text column, small categories pooled into one code.
Codes text_codes(const core::Column& column, std::size_t min_rows) {
  std::vector<std::int32_t> raw(column.size(), -1);
  std::size_t groups = 0;
  if (column.kind() == core::Kind::categorical) {
    const auto c = column.codes();
    std::copy(c.begin(), c.end(), raw.begin());
    groups = column.dictionary().size();
  } else {
    HashIndex index(1024);
    for (std::size_t row = 0; row < column.size(); ++row) {
      if (!column.is_valid(row)) continue;
      const auto g = index.insert(core::xxh3_128(column.str(row)), groups);
      if (g == groups) ++groups;
      raw[row] = static_cast<std::int32_t>(g);
    }
  }
  std::vector<std::size_t> counts(groups);
  for (const auto r : raw) {
    if (r >= 0) ++counts[static_cast<std::size_t>(r)];
  }
  // Large categories keep a code each (in first-code order); small ones share the last.
  std::vector<std::int32_t> remap(groups, -1);
  std::int32_t next = 0;
  bool pooled = false;
  for (std::size_t g = 0; g < groups; ++g) {
    if (counts[g] >= min_rows) {
      remap[g] = next++;
    } else if (counts[g] > 0) {
      pooled = true;
    }
  }
  Codes codes;
  codes.count = next + (pooled ? 1 : 0);
  codes.code.resize(column.size());
  for (std::size_t row = 0; row < raw.size(); ++row) {
    const auto r = raw[row];
    codes.code[row] = r < 0 ? -1 : (remap[static_cast<std::size_t>(r)] >= 0 ? remap[static_cast<std::size_t>(r)] : next);
  }
  return codes;
}

}  // namespace

Codes feature_codes(const core::Column& column, std::size_t bins, std::size_t min_rows) {
  if (column.kind() == core::Kind::categorical || column.kind() == core::Kind::string) {
    return text_codes(column, min_rows);
  }
  return quantile_bins(order_scores(column), bins);
}

std::vector<double> order_scores(const core::Column& column) {
  std::vector<double> scores(column.size(), std::numeric_limits<double>::quiet_NaN());
  if (column.kind() != core::Kind::categorical && column.kind() != core::Kind::string) {
    for (std::size_t row = 0; row < column.size(); ++row) scores[row] = column.as_double(row);
    return scores;
  }
  std::vector<std::uint32_t> rows;
  for (std::size_t row = 0; row < column.size(); ++row) {
    if (column.is_valid(row)) rows.push_back(static_cast<std::uint32_t>(row));
  }
  const auto text = [&](std::uint32_t r) -> std::string_view {
    if (column.kind() == core::Kind::categorical) return column.dictionary()[static_cast<std::size_t>(column.codes()[r])];
    return column.str(r);
  };
  std::stable_sort(rows.begin(), rows.end(), [&](auto a, auto b) { return text(a) < text(b); });
  double rank = 0.0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i > 0 && text(rows[i]) != text(rows[i - 1])) rank = static_cast<double>(i);
    scores[rows[i]] = rank;
  }
  return scores;
}

}  // namespace assay::quality
