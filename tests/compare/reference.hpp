#pragma once
// Shared by the tests of src/compare: the golden values of
// tests/reference/compare_reference.py and the datasets it read.

#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

#include "core/table.hpp"
#include "io/table_reader.hpp"

namespace assay::compare::testing {

inline const nlohmann::json& reference() {
  static const nlohmann::json doc = [] {
    std::ifstream in(std::string(ASSAY_REFERENCE_DIR) + "/compare_reference.json");
    return nlohmann::json::parse(in);
  }();
  return doc;
}

inline core::Table dataset(const std::string& file) {
  return io::read_table(std::string(ASSAY_TEST_DATA) + "/" + file).table;
}

}  // namespace assay::compare::testing
