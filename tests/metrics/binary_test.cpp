// Binary metrics: corner cases first, then the kernel's agreement with the
// point estimates. Numbers against scikit-learn are in reference_test.cpp.

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "metrics/binary.hpp"
#include "metrics/binary_frame.hpp"

namespace assay::metrics {
namespace {

double value(const Result& r, std::string_view name) {
  const auto v = r.metrics.get(name);
  EXPECT_TRUE(v.has_value()) << name;
  return v.value_or(std::nan(""));
}

TEST(Binary, OneClassOnlyGivesNullAucWithReason) {
  const std::vector<std::uint8_t> truth{0, 0, 0};
  const std::vector<double> score{0.1, 0.7, 0.4};
  const Result r = evaluate_binary({.truth = truth, .score = score}, {.bootstrap = {.resamples = 0}});
  const Value* auc = r.metrics.find("roc_auc");
  ASSERT_NE(auc, nullptr);
  EXPECT_FALSE(auc->value.has_value());
  EXPECT_NE(auc->reason.find("only one class"), std::string::npos);
  EXPECT_DOUBLE_EQ(value(r, "accuracy"), 2.0 / 3.0);
}

TEST(Binary, SmallHandWorkedExample) {
  // scores 0.1 0.4 0.35 0.8 with truth 0 0 1 1: sklearn roc_auc 0.75, AP 0.8333...
  const std::vector<std::uint8_t> truth{0, 0, 1, 1};
  const std::vector<double> score{0.1, 0.4, 0.35, 0.8};
  const Result r = evaluate_binary({.truth = truth, .score = score}, {.bootstrap = {.resamples = 0}});
  EXPECT_DOUBLE_EQ(value(r, "roc_auc"), 0.75);
  EXPECT_NEAR(value(r, "average_precision"), 0.8333333333333333, 1e-15);
}

}  // namespace
}  // namespace assay::metrics
