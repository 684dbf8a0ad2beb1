// Fuzzes the schema file parser (JSON -> quality::Schema): parse or
// core::Error, nothing else.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "quality/schema_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)assay::quality::parse_schema(text, "schema.json");
  } catch (const assay::core::Error&) {
  }
  return 0;
}
