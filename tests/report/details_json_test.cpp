// Rendering of a Finding's Details, and of doubles in every document: keys
// in insertion order, nested lists and objects, non-finite numbers as null
// (never as strings), integers as integers.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "report/details_json.hpp"
#include "report/findings_json.hpp"
#include "report/json_number.hpp"

namespace assay::report {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(DetailsJson, KeysKeepInsertionOrderNotAlphabetical) {
  core::Details d;
  d["zeta"] = 1;
  d["alpha"] = 2;
  d["mid"] = 3;
  d["alpha"] = 4;  // replaces in place
  const auto j = details_json(d);
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"zeta", "alpha", "mid"}));
  EXPECT_EQ(j.dump(), R"({"zeta":1,"alpha":4,"mid":3})");
}

TEST(DetailsJson, EveryValueKind) {
  core::Details rule{{"method", "mad"}, {"z", 3.5}};
  core::Details d{{"none", nullptr},
                  {"flag", true},
                  {"count", std::size_t{7}},
                  {"negative", -3},
                  {"share", 0.25},
                  {"name", std::string("age")},
                  {"columns", std::vector<std::string>{"a", "b"}},
                  {"examples", core::DetailList{core::Details{{"row", 3}, {"value", "x"}}}},
                  {"rule", rule},
                  {"unset", std::optional<double>()},
                  {"set", std::optional<double>(1.5)}};
  EXPECT_EQ(details_json(d).dump(),
            R"({"none":null,"flag":true,"count":7,"negative":-3,"share":0.25,"name":"age","columns":["a","b"],)"
            R"("examples":[{"row":3,"value":"x"}],"rule":{"method":"mad","z":3.5},"unset":null,"set":1.5})");
  EXPECT_TRUE(details_json(d)["count"].is_number_integer());
  EXPECT_TRUE(details_json(d)["share"].is_number_float());
}

TEST(DetailsJson, NonFiniteNumbersAreNullAtAnyDepth) {
  core::Details d{{"nan", kNan}, {"inf", kInf}, {"list", core::DetailList{-kInf, 1.0}},
                  {"nested", core::Details{{"x", kNan}}}};
  EXPECT_EQ(details_json(d).dump(), R"({"nan":null,"inf":null,"list":[null,1.0],"nested":{"x":null}})");
}

TEST(DetailsJson, EraseAndFind) {
  core::Details d{{"warn", 0.1}, {"fail", 0.5}, {"count", 2}};
  EXPECT_TRUE(d.erase("warn"));
  EXPECT_FALSE(d.erase("warn"));
  EXPECT_EQ(d.find("warn"), nullptr);
  ASSERT_NE(d.find("count"), nullptr);
  EXPECT_EQ(details_json(d).dump(), R"({"fail":0.5,"count":2})");
}

TEST(JsonNumber, NullWhenNonFinite) {
  EXPECT_TRUE(json_number(kNan).is_null());
  EXPECT_TRUE(json_number(kInf).is_null());
  EXPECT_TRUE(json_number(-kInf).is_null());
  EXPECT_TRUE(json_number(std::optional<double>()).is_null());
  EXPECT_EQ(json_number(0.5).get<double>(), 0.5);
  EXPECT_EQ(non_finite_reason(kNan), "not a number");
  EXPECT_EQ(non_finite_reason(-kInf), "negative infinity");
  EXPECT_EQ(non_finite_reason(1.0), "");
}

TEST(FindingsJson, NonFiniteValueIsNullWithAReason) {
  core::Finding f{.id = "x", .value = kInf, .reference = kNan, .threshold = core::Threshold{"<=", kNan}};
  const auto j = finding_json(f);
  EXPECT_TRUE(j["value"].is_null());
  EXPECT_TRUE(j["reference"].is_null());
  EXPECT_TRUE(j["threshold"]["value"].is_null());
  EXPECT_EQ(j["reason"], "positive infinity");
  const std::string text = json_text(j);
  EXPECT_EQ(text.find("inf\""), std::string::npos) << text;
  EXPECT_EQ(text.find("nan"), std::string::npos) << text;
}

TEST(FindingsJson, EngineReasonWinsOverTheGenericOne) {
  core::Finding f{.id = "x", .value = kNan, .reason = "only one class"};
  EXPECT_EQ(finding_json(f)["reason"], "only one class");
}

}  // namespace
}  // namespace assay::report
