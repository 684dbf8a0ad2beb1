#pragma once
// The JSON Schema (draft 2020-12) of the suite format, printed by
// `assay schema-of suite` for editors and linters. It describes the same
// keys parse_suite accepts; the names a check kind accepts come from the
// kinds themselves (check_kinds()), so the schema cannot drift from the
// parser for them.

#include <string>

namespace assay::suite {

// The schema as an indented JSON text.
std::string suite_json_schema();

}  // namespace assay::suite
