#pragma once
// The golden document of tests/reference/calibration_reference.py and the
// comparison every calibration test uses: 1e-9 relative, with an absolute
// floor of 1e-14 for terms that are differences near zero.

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <string>

#include "metrics/result.hpp"

namespace assay::calibration::testing {

inline const nlohmann::json& golden() {
  static const nlohmann::json doc = [] {
    std::ifstream in(std::string(ASSAY_REFERENCE_DIR) + "/calibration_reference.json");
    return nlohmann::json::parse(in);
  }();
  return doc;
}

inline void expect_close(double expected, double actual, const std::string& what, double relative = 1e-9) {
  EXPECT_LE(std::abs(actual - expected), std::max(relative * std::max(std::abs(actual), std::abs(expected)), 1e-14))
      << what << ": assay " << fmt::format("{:.17g}", actual) << ", reference " << fmt::format("{:.17g}", expected);
}

// A golden value (number or null) against a metrics::Value.
inline void expect_value(const nlohmann::json& expected, const metrics::Value* actual, const std::string& what) {
  ASSERT_NE(actual, nullptr) << what << " missing";
  if (expected.is_null()) {
    EXPECT_FALSE(actual->value.has_value()) << what << " should be null";
    EXPECT_FALSE(actual->reason.empty()) << what << " is null without a reason";
    return;
  }
  ASSERT_TRUE(actual->value.has_value()) << what << " is null: " << actual->reason;
  expect_close(expected.get<double>(), *actual->value, what);
}

}  // namespace assay::calibration::testing
