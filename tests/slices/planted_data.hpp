#pragma once
// Generated data for the planted-slice tests, from our own counter-based
// generator (SplitMix64 of (seed, row, stream)) so the rows are the same on
// every platform and standard library.
//   region   categorical r0..r9, uniform
//   device   categorical d0..d4, uniform
//   channel  categorical c0..c3, uniform
//   plan     bool, P(true) 0.4
//   age      float64 uniform [18, 80), 2% null
//   income   float64, exponential-ish, uniform^2 * 1e5
//   tenure   int64 0..119
//   y        0/1, P(1) 0.35
//   pred     y flipped with probability 0.1, or `planted_error` in the
//            planted slice region = r3 AND device = d2 (2% of rows)
//   score    a probability on the side of 0.5 that `pred` is on

#include <cstdint>
#include <string>
#include <vector>

#include "core/table.hpp"
#include "metrics/poisson.hpp"

namespace assay::slices::testing {

// Uniform in [0, 1) from (seed, row, stream).
inline double uniform(std::uint64_t seed, std::uint64_t row, std::uint64_t stream) {
  const std::uint64_t h = metrics::mix64(metrics::mix64(seed * 0x9e3779b97f4a7c15ULL + stream) + row * 0xbf58476d1ce4e5b9ULL);
  return static_cast<double>(h >> 11) * 0x1.0p-53;
}

inline core::Table planted_table(std::size_t rows, std::uint64_t seed, double planted_error) {
  auto pick = [&](std::size_t i, std::uint64_t stream, int levels) {
    return static_cast<std::int32_t>(uniform(seed, i, stream) * levels);
  };
  std::vector<std::int32_t> region(rows), device(rows), channel(rows);
  std::vector<std::uint8_t> plan(rows), age_valid(rows), y(rows), pred(rows);
  std::vector<double> age(rows), income(rows), score(rows);
  std::vector<std::int64_t> tenure(rows);
  for (std::size_t i = 0; i < rows; ++i) {
    region[i] = pick(i, 1, 10);
    device[i] = pick(i, 2, 5);
    channel[i] = pick(i, 3, 4);
    plan[i] = uniform(seed, i, 4) < 0.4 ? 1 : 0;
    age[i] = 18.0 + 62.0 * uniform(seed, i, 5);
    age_valid[i] = uniform(seed, i, 6) < 0.02 ? 0 : 1;
    if (!age_valid[i]) age[i] = 0.0;
    const double u = uniform(seed, i, 7);
    income[i] = u * u * 1e5;
    tenure[i] = pick(i, 8, 120);
    y[i] = uniform(seed, i, 9) < 0.35 ? 1 : 0;
    const bool planted = region[i] == 3 && device[i] == 2;
    const bool wrong = uniform(seed, i, 10) < (planted ? planted_error : 0.1);
    pred[i] = wrong ? 1 - y[i] : y[i];
    const double margin = 0.5 * uniform(seed, i, 11);
    score[i] = pred[i] ? 0.5 + margin : 0.5 - margin - 1e-9;
  }
  auto names = [](const char* prefix, int n) {
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i) out.push_back(prefix + std::to_string(i));
    return out;
  };
  std::vector<core::Column> columns;
  columns.push_back(core::Column::categorical("region", std::move(region), names("r", 10)));
  columns.push_back(core::Column::categorical("device", std::move(device), names("d", 5)));
  columns.push_back(core::Column::categorical("channel", std::move(channel), names("c", 4)));
  columns.push_back(core::Column::boolean("plan", std::move(plan)));
  columns.push_back(core::Column::float64("age", std::move(age), std::move(age_valid)));
  columns.push_back(core::Column::float64("income", std::move(income)));
  columns.push_back(core::Column::int64("tenure", std::move(tenure)));
  columns.push_back(core::Column::int64("y", std::vector<std::int64_t>(y.begin(), y.end())));
  columns.push_back(core::Column::int64("pred", std::vector<std::int64_t>(pred.begin(), pred.end())));
  columns.push_back(core::Column::float64("score", std::move(score)));
  return core::Table(std::move(columns));
}

}  // namespace assay::slices::testing
