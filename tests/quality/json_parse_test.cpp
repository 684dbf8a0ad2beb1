// JSON parsing for schema and threshold files: every failure is a
// core::Error naming the file, including numbers JSON cannot hold.

#include "quality/json_parse.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace assay::quality {
namespace {

TEST(ParseJson, SyntaxErrorNamesLineAndColumn) {
  try {
    parse_json("{\n  \"a\": ,\n}", "t.json");
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("t.json:2:", 0), 0u) << e.what();
  }
}

TEST(ParseJson, NumberBeyondDoubleIsAnErrorNotACrash) {
  try {
    parse_json("{\"version\": 9E761}", "t.json");
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(std::string(e.what()), "t.json: invalid JSON: number overflow parsing '9E761'");
  }
}

}  // namespace
}  // namespace assay::quality
