#pragma once
// Generated tables for the planted-shift and false-alarm tests: 20 columns
// of mixed kinds, any subset of which can be given a known shift.
//   x0..x11  float64 normal(j, 10^(j%4-1)); x3 and x7 rounded to integers
//            (ties), x11 log-normal (skewed). Shift: + 0.5 standard deviations
//            (x11: log-mean + 0.5).
//   c0..c5   categorical with 5, 10, 20, 50, 8, 3 levels, Zipf weights.
//            Shift: the weights reversed.
//   b0       bool, P(true) 0.3 -> 0.55 when shifted.
//   b1       int64 0/1, P(1) 0.6 -> 0.35 when shifted.
// Deterministic for a seed, with any standard library (core::Random).

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/random.hpp"
#include "core/table.hpp"

namespace assay::drift::testing {

inline constexpr std::size_t kSyntheticColumns = 20;

inline std::string synthetic_name(std::size_t j) {
  if (j < 12) return "x" + std::to_string(j);
  if (j < 18) return "c" + std::to_string(j - 12);
  return "b" + std::to_string(j - 18);
}

inline core::Table synthetic_table(std::size_t rows, std::uint64_t seed, const std::vector<bool>& shifted) {
  core::Random rng(seed);
  std::vector<core::Column> columns;
  for (std::size_t j = 0; j < 12; ++j) {
    const double sd = std::pow(10.0, static_cast<double>(j % 4) - 1.0) * (j == 3 || j == 7 ? 30.0 : 1.0);
    std::vector<double> v(rows);
    for (auto& x : v) {
      if (j == 11) {
        x = std::exp(rng.normal() + (shifted[j] ? 0.5 : 0.0));
      } else {
        x = rng.normal(static_cast<double>(j), sd) + (shifted[j] ? 0.5 * sd : 0.0);
        if (j == 3 || j == 7) x = std::round(x);
      }
    }
    columns.push_back(core::Column::float64(synthetic_name(j), std::move(v)));
  }
  const std::size_t levels[6] = {5, 10, 20, 50, 8, 3};
  for (std::size_t c = 0; c < 6; ++c) {
    std::vector<double> w(levels[c]);
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = 1.0 / static_cast<double>(i + 1);
    if (shifted[12 + c]) std::reverse(w.begin(), w.end());
    double total = 0.0;
    for (const double x : w) total += x;
    // Inverse CDF of the weights.
    const auto pick = [&] {
      double u = rng.uniform() * total;
      std::size_t k = 0;
      while (k + 1 < w.size() && u >= w[k]) u -= w[k++];
      return static_cast<std::int32_t>(k);
    };
    std::vector<std::string> dict;
    for (std::size_t i = 0; i < levels[c]; ++i) dict.push_back("c" + std::to_string(c) + "_v" + std::to_string(i));
    std::vector<std::int32_t> codes(rows);
    for (auto& code : codes) code = pick();
    columns.push_back(core::Column::categorical(synthetic_name(12 + c), std::move(codes), std::move(dict)));
  }
  std::vector<std::uint8_t> flags(rows);
  for (auto& f : flags) f = rng.bernoulli(shifted[18] ? 0.55 : 0.3) ? 1 : 0;
  columns.push_back(core::Column::boolean(synthetic_name(18), std::move(flags)));
  std::vector<std::int64_t> ints(rows);
  for (auto& x : ints) x = rng.bernoulli(shifted[19] ? 0.35 : 0.6) ? 1 : 0;
  columns.push_back(core::Column::int64(synthetic_name(19), std::move(ints)));
  return core::Table(std::move(columns));
}

}  // namespace assay::drift::testing
