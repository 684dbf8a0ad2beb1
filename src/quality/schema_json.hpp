#pragma once
// The schema file: versioned JSON, checked field by field when read.
//
//   {"schema": "assay.schema/v1",
//    "generated_by": "assay 0.1.0",              (optional, ignored)
//    "source": {...},                            (optional, ignored)
//    "columns": [
//      {"name": "age", "kind": "int64", "nullable": false, "min": 18, "max": 99},
//      {"name": "city", "kind": "categorical", "nullable": true, "categories": ["Lyon", "Paris"]},
//      {"name": "seen", "kind": "timestamp", "min": "2024-01-01T00:00:00Z", "max": "2024-12-31T00:00:00Z"}]}
//
// "kind" is one of float64, int64, bool, categorical, string, timestamp;
// "nullable" defaults to true; "categories" only for categorical and
// string; "min"/"max" numbers for float64 and int64, ISO 8601 text for
// timestamp. Unknown keys are errors (they are usually typos). Errors name
// the file and the JSON path: `schema.json: columns[3].kind: expected one of
// float64, int64, bool, categorical, string, timestamp, found "flaot"`.
// Files written before the "schema" key, which name the format as
// {"format": "assay.schema", "version": 1}, are still read.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "quality/schema.hpp"

namespace assay::quality {

inline constexpr std::string_view kSchemaFormat = "assay.schema";
inline constexpr int kSchemaVersion = 1;

// The document, with `extra` members (e.g. generated_by, source) placed
// after "schema".
nlohmann::ordered_json schema_to_json(const Schema& schema, const nlohmann::ordered_json& extra = nullptr);

// Reads a parsed document; `file` names it in errors.
Schema schema_from_json(const nlohmann::json& document, const std::string& file);

// Parses JSON text (syntax errors give file:line:column) and reads it.
Schema parse_schema(std::string_view text, const std::string& file);

}  // namespace assay::quality
