#pragma once
// Access to tests/reference/drift_reference.json (written by
// tests/reference/drift_reference.py with scipy 1.10) and the comparison
// rule: 1e-12 relative, since every computation compared is deterministic.
// Looser tolerances are written out at the call, each with the reason
// (the side that is noisy is scipy's, e.g. 1 - CDF below 1e-8).

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

namespace assay::drift::testing {

inline const nlohmann::json& reference() {
  static const nlohmann::json doc = [] {
    std::ifstream in(std::string(ASSAY_REFERENCE_DIR) + "/drift_reference.json");
    if (!in) throw std::runtime_error("cannot open drift_reference.json");
    return nlohmann::json::parse(in);
  }();
  return doc;
}

// A literal list of numbers, or the "frac" generator the script documents.
inline std::vector<double> values(const nlohmann::json& spec) {
  if (spec.is_array()) return spec.get<std::vector<double>>();
  const auto n = spec.at("n").get<std::size_t>();
  const double mult = spec.at("mult");
  const double offset = spec.at("offset");
  const double scale = spec.at("scale");
  const double shift = spec.at("shift");
  const int round = spec.at("round");
  std::vector<double> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    double x = std::fmod(static_cast<double>(i + 1) * mult + offset, 1.0) * scale + shift;
    if (round >= 0) {
      const double p = std::pow(10.0, round);
      x = std::nearbyint(x * p) / p;
    }
    out[i] = x;
  }
  return out;
}

inline std::vector<double> sorted(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// |actual - expected| <= rel |expected| + abs (exact equality for 0).
inline ::testing::AssertionResult near_rel(double actual, double expected, double rel = 1e-12, double abs = 0.0) {
  if (actual == expected) return ::testing::AssertionSuccess();
  const double err = std::abs(actual - expected);
  if (err <= rel * std::abs(expected) + abs) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "actual " << actual << " expected " << expected << " relative error "
                                       << err / std::abs(expected);
}

}  // namespace assay::drift::testing
