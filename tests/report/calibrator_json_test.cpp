// The calibrator file, assay.calibrator/v1: what `calibrate fit` writes
// reads back the same, and a foreign or damaged file is refused naming the
// JSON path of the bad field.

#include "report/calibrator_json.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "calibration/calibrator.hpp"
#include "core/error.hpp"

namespace assay::report {
namespace {

using calibration::Calibrator;
using calibration::Method;

Calibrator platt_calibrator() {
  Calibrator c;
  c.method = Method::platt;
  c.target = "y";
  c.score = "p";
  c.negative = "0";
  c.positive = "1";
  c.fitted_rows = 10;
  c.platt = {-1.5, 0.25};
  return c;
}

TEST(CalibratorFile, RoundTrips) {
  const auto doc = nlohmann::json::parse(calibrator_json(platt_calibrator(), "test").dump());
  EXPECT_EQ(doc["schema"], "assay.calibrator/v1");
  const Calibrator back = calibrator_from_json(doc, "cal.json");
  EXPECT_EQ(back.platt.a, -1.5);
  EXPECT_EQ(back.platt.b, 0.25);
  EXPECT_EQ(*back.score, "p");
}

std::string error_of(const nlohmann::json& doc) {
  try {
    calibrator_from_json(doc, "cal.json");
  } catch (const core::Error& e) {
    return e.what();
  }
  return "";
}

TEST(CalibratorFile, NamesTheBadField) {
  const auto good = nlohmann::json::parse(calibrator_json(platt_calibrator(), "test").dump());
  auto doc = good;
  doc["schema"] = "assay.metrics/v1";
  EXPECT_EQ(error_of(doc), "cal.json: schema: expected \"assay.calibrator/v1\", got \"assay.metrics/v1\"");
  doc = good;
  doc["parameters"].erase("b");
  EXPECT_EQ(error_of(doc), "cal.json: parameters.b: missing field");
  doc = good;
  doc["parameters"]["a"] = "x";
  EXPECT_EQ(error_of(doc), "cal.json: parameters.a: expected a finite number, got \"x\"");
  doc = good;
  doc["method"] = "beta";
  EXPECT_NE(error_of(doc).find("cal.json: method: expected platt"), std::string::npos);
  EXPECT_NE(error_of(nlohmann::json::array()).find("expected a JSON object"), std::string::npos);
  doc = good;
  doc["method"] = "isotonic";
  doc["parameters"] = {{"x", {0.1, 0.1}}, {"y", {0.2, 0.3}}};
  EXPECT_EQ(error_of(doc), "cal.json: parameters.x[1]: thresholds must increase");
}

}  // namespace
}  // namespace assay::report
