// Fuzzes the suite parser (YAML -> suite::Suite, with ${ENV} expansion and a
// --set override): parse or core::Error, nothing else.
//   build/fuzz/fuzz/fuzz_suite -max_total_time=600 fuzz/corpus-suite examples/suite tests/suite/malformed

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "suite/suite_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  assay::suite::ParseOptions options;
  options.getenv = [](const std::string& name) -> std::optional<std::string> {
    if (name == "SET") return "0.5";
    return std::nullopt;
  };
  try {
    (void)assay::suite::parse_suite(text, "suite.yaml", options);
  } catch (const assay::core::Error&) {
  }
  options.set = {"checks.0.min=0.9", "data.current=x.csv"};
  try {
    (void)assay::suite::parse_suite(text, "suite.yaml", options);
  } catch (const assay::core::Error&) {
  }
  return 0;
}
