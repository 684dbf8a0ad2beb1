// Schema inference, the versioned schema file and validation anomalies.

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "quality/schema.hpp"
#include "quality/schema_json.hpp"
#include "quality/schema_validate.hpp"
#include "tables.hpp"
#include "report/details_json.hpp"

namespace assay::quality {
namespace {

using namespace testing;
using core::Status;

const Options kSchemaDefaults;

core::Table training() {
  return core::Table({ints("age", {30, 45, 18, 60}), doubles("income", {1.5, 2.5, 0.5, 9.0}, {1, 1, 0, 1}),
                      categories("city", {"Paris", "Lyon", "Paris", "Nice"}),
                      core::Column::timestamp("seen", {0, 1'000'000'000, 2'000'000'000, 500}),
                      core::Column::boolean("vip", {0, 1, 0, 0}), texts("note", {"a", "b", "c", "d"})});
}

TEST(InferSchema, RowIdsGetNoRange) {
  const Schema s = infer_schema(core::Table({ints("id", {3, 4, 9}), ints("n", {3, 9, 4})}));
  EXPECT_FALSE(s.columns[0].min);
  EXPECT_EQ(*s.columns[1].max, 9.0);
}

TEST(InferSchema, KindsNullabilityDomainsAndRanges) {
  const Schema s = infer_schema(training());
  ASSERT_EQ(s.columns.size(), 6u);
  EXPECT_EQ(s.columns[0].kind, core::Kind::int64);
  EXPECT_FALSE(s.columns[0].nullable);
  EXPECT_EQ(*s.columns[0].min, 18.0);
  EXPECT_EQ(*s.columns[0].max, 60.0);
  EXPECT_TRUE(s.columns[1].nullable);
  EXPECT_EQ(*s.columns[1].max, 9.0);
  EXPECT_EQ(*s.columns[2].categories, (std::vector<std::string>{"Lyon", "Nice", "Paris"}));
  EXPECT_FALSE(s.columns[3].max_time);  // time moves on
  EXPECT_FALSE(s.columns[4].categories);
  EXPECT_FALSE(s.columns[5].categories);
  InferOptions few;
  few.max_categories = 2;
  EXPECT_FALSE(infer_schema(training(), few).columns[2].categories);
}

TEST(SchemaJson, RoundTrips) {
  Schema s = infer_schema(training());
  s.columns[3].min_time = 0;
  s.columns[3].max_time = 2'000'000'000;
  const auto doc = schema_to_json(s, {{"generated_by", "test"}});
  EXPECT_EQ(doc.begin().key(), "schema");
  EXPECT_EQ(doc["schema"], "assay.schema/v1");
  EXPECT_EQ(doc["columns"][3]["max"], "1970-01-01T00:00:02Z");
  const Schema back = parse_schema(doc.dump(2), "s.json");
  ASSERT_EQ(back.columns.size(), s.columns.size());
  for (std::size_t i = 0; i < s.columns.size(); ++i) {
    EXPECT_EQ(back.columns[i].name, s.columns[i].name);
    EXPECT_EQ(back.columns[i].kind, s.columns[i].kind);
    EXPECT_EQ(back.columns[i].nullable, s.columns[i].nullable);
    EXPECT_EQ(back.columns[i].categories, s.columns[i].categories);
    EXPECT_EQ(back.columns[i].min, s.columns[i].min);
    EXPECT_EQ(back.columns[i].max, s.columns[i].max);
    EXPECT_EQ(back.columns[i].min_time, s.columns[i].min_time);
    EXPECT_EQ(back.columns[i].max_time, s.columns[i].max_time);
  }
}

TEST(SchemaJson, ReadsFilesThatNameTheFormatWithFormatAndVersion) {
  const Schema s = parse_schema(R"({"format": "assay.schema", "version": 1, "columns": [{"name": "a", "kind": "int64"}]})",
                                "old.json");
  ASSERT_EQ(s.columns.size(), 1u);
  EXPECT_EQ(s.columns[0].kind, core::Kind::int64);
}

struct BadSchema {
  const char* text;
  const char* message;  // the whole what() of the error
};

// gtest prints this in test listings and failures instead of the bytes.
void PrintTo(const BadSchema& c, std::ostream* os) { *os << c.text; }

class SchemaErrors : public ::testing::TestWithParam<BadSchema> {};

TEST_P(SchemaErrors, NameTheJsonPath) {
  try {
    parse_schema(GetParam().text, "schema.json");
    FAIL() << "no error for " << GetParam().text;
  } catch (const core::Error& e) {
    EXPECT_EQ(std::string(e.what()), GetParam().message);
  }
}

constexpr const char* kHead = R"({"format": "assay.schema", "version": 1, )";

INSTANTIATE_TEST_SUITE_P(
    Cases, SchemaErrors,
    ::testing::Values(
        BadSchema{"[1, 2]", "schema.json: expected a schema object, found array [1,2]"},
        BadSchema{R"({"columns": []})", "schema.json: missing \"schema\": \"assay.schema/v1\"; is this an assay schema file?"},
        BadSchema{R"({"schema": "assay.profile/v1", "columns": []})",
                  "schema.json: schema: expected \"assay.schema/v1\", found \"assay.profile/v1\""},
        BadSchema{R"({"schema": "assay.schema/v2", "columns": []})",
                  "schema.json: schema: unsupported schema version 2; this assay reads version 1"},
        BadSchema{R"({"schema": "assay.schema/v1x", "columns": []})",
                  "schema.json: schema: expected \"assay.schema/v1\", found \"assay.schema/v1x\""},
        BadSchema{R"({"schema": "assay.schema/v1", "colums": []})",
                  "schema.json: colums: unknown key; expected one of schema, generated_by, source, description, columns"},
        BadSchema{R"({"schema": "assay.schema/v1", "columns": [{"name": "a", "kind": "flaot"}]})",
                  "schema.json: columns[0].kind: expected one of float64, int64, bool, categorical, string, timestamp, found \"flaot\""},
        BadSchema{R"({"format": "assay.profile", "version": 1})",
                  "schema.json: format: expected \"assay.schema\", found \"assay.profile\""},
        BadSchema{R"({"format": "assay.schema", "version": 2, "columns": []})",
                  "schema.json: version: unsupported schema version 2; this assay reads version 1"},
        BadSchema{R"({"format": "assay.schema", "version": "1"})", "schema.json: version: expected an integer, found \"1\""},
        BadSchema{R"({"format": "assay.schema", "version": 1, "colums": []})",
                  "schema.json: colums: unknown key; expected one of format, version, generated_by, source, description, columns"},
        BadSchema{R"({"format": "assay.schema", "version": 1})", "schema.json: missing \"columns\""},
        BadSchema{R"({"format": "assay.schema", "version": 1, "columns": {}})",
                  "schema.json: columns: expected an array of columns, found object {}"},
        BadSchema{R"({"format": "assay.schema", "version": 1, "columns": [{"name": "a", "kind": "int64"}, {"name": "b", "kind": "flaot"}]})",
                  "schema.json: columns[1].kind: expected one of float64, int64, bool, categorical, string, timestamp, found \"flaot\""},
        BadSchema{R"({"format": "assay.schema", "version": 1, "columns": [{"kind": "int64"}]})",
                  "schema.json: columns[0]: missing required key \"name\""},
        BadSchema{R"({"format": "assay.schema", "version": 1, "columns": [{"name": "a"}]})",
                  "schema.json: columns[0]: missing required key \"kind\" for column \"a\""},
        BadSchema{R"({"format": "assay.schema", "version": 1, "columns": [{"name": 3, "kind": "int64"}]})",
                  "schema.json: columns[0].name: expected a string, found number 3"},
        BadSchema{R"({"format": "assay.schema", "version": 1, "columns": [{"name": "a", "kind": "int64", "nullable": "no"}]})",
                  "schema.json: columns[0].nullable: expected true or false, found \"no\""},
        BadSchema{R"({"format": "assay.schema", "version": 1, "columns": [{"name": "a", "kind": "int64", "categories": ["x"]}]})",
                  "schema.json: columns[0].categories: categories apply to categorical and string columns, not int64"},
        BadSchema{R"({"format": "assay.schema", "version": 1, "columns": [{"name": "a", "kind": "string", "categories": ["x", 2]}]})",
                  "schema.json: columns[0].categories[1]: expected a string, found number 2"},
        BadSchema{R"({"format": "assay.schema", "version": 1, "columns": [{"name": "a", "kind": "string", "categories": ["x", "x"]}]})",
                  "schema.json: columns[0].categories[1]: duplicate category \"x\""},
        BadSchema{R"({"format": "assay.schema", "version": 1, "columns": [{"name": "a", "kind": "float64", "min": "low"}]})",
                  "schema.json: columns[0].min: expected a number, found \"low\""},
        BadSchema{R"({"format": "assay.schema", "version": 1, "columns": [{"name": "a", "kind": "float64", "min": 3, "max": 1}]})",
                  "schema.json: columns[0].min: min is greater than max"},
        BadSchema{R"({"format": "assay.schema", "version": 1, "columns": [{"name": "t", "kind": "timestamp", "max": "yesterday"}]})",
                  "schema.json: columns[0].max: expected an ISO 8601 time such as \"2024-03-01T12:00:00Z\", found \"yesterday\""},
        BadSchema{R"({"format": "assay.schema", "version": 1, "columns": [{"name": "b", "kind": "bool", "max": 1}]})",
                  "schema.json: columns[0].max: max applies to float64, int64 and timestamp columns, not bool"},
        BadSchema{R"({"format": "assay.schema", "version": 1, "columns": [{"name": "a", "kind": "int64", "nulable": true}]})",
                  "schema.json: columns[0].nulable: unknown key; expected one of name, kind, nullable, categories, min, max, description"},
        BadSchema{R"({"format": "assay.schema", "version": 1, "columns": [{"name": "a", "kind": "int64"}, {"name": "a", "kind": "int64"}]})",
                  "schema.json: columns[1].name: duplicate column \"a\""},
        BadSchema{"{\"format\": \"assay.schema\",\n \"version\": 1,\n \"columns\": [}",
                  "schema.json:3:14: invalid JSON: syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal"}));

TEST(ValidateSchema, ConformingDataHasOnlyPasses) {
  const auto t = training();
  const auto f = validate_schema(t, infer_schema(t), kSchemaDefaults);
  EXPECT_EQ(f.size(), t.columns());
  EXPECT_TRUE(not_passing(f).empty());
}

TEST(ValidateSchema, ListsEveryAnomaly) {
  Schema s = infer_schema(training());
  s.columns[3].max_time = 2'000'000'000;
  core::Table data({texts("age", {"30", "forty", "70", "17"}), doubles("income", {1.5, 2, 3, 4}),
                    categories("city", {"Paris", "Rome", "Rome", "Oslo"}, {1, 1, 1, 1}),
                    core::Column::timestamp("seen", {0, 3'000'000'000, 5, 5}), ints("vip", {0, 1, 0, 1}, {1, 0, 1, 1}),
                    texts("extra", {"x", "y", "z", "w"})});
  const auto f = validate_schema(data, s, kSchemaDefaults);
  EXPECT_EQ(get(f, "schema.type.age").status, Status::fail);
  EXPECT_EQ(*get(f, "schema.type.age").value, 1.0);
  EXPECT_EQ(report::details_json(get(f, "schema.type.age").details)["examples"][0]["value"], "forty");
  EXPECT_EQ(get(f, "schema.missing_column.note").status, Status::fail);
  EXPECT_EQ(get(f, "schema.new_column.extra").status, Status::fail);
  EXPECT_EQ(*get(f, "schema.categories.city").value, 3.0);
  EXPECT_EQ(report::details_json(get(f, "schema.categories.city").details)["values"][0]["value"], "Rome");
  EXPECT_EQ(report::details_json(get(f, "schema.categories.city").details)["values"][0]["count"], 2);
  EXPECT_EQ(report::details_json(get(f, "schema.range.seen").details)["above"], 1);
  EXPECT_EQ(get(f, "schema.nulls.vip").status, Status::fail);
  EXPECT_EQ(get(f, "schema.column.income").status, Status::pass);  // nullable, in range
  EXPECT_EQ(find_id(f, "schema.range.age"), nullptr);  // text column: its problem is the type
}

TEST(ValidateSchema, NumericRange) {
  Schema s;
  s.columns.push_back(ColumnSchema{.name = "x", .kind = core::Kind::float64, .min = 0.0, .max = 1.0});
  core::Table t({doubles("x", {0.0, 1.0, -0.1, 1.2, 1.3, 0.5})});
  const auto f = validate_schema(t, s, kSchemaDefaults);
  EXPECT_EQ(report::details_json(get(f, "schema.range.x").details)["below"], 1);
  EXPECT_EQ(report::details_json(get(f, "schema.range.x").details)["above"], 2);
}

}  // namespace
}  // namespace assay::quality
