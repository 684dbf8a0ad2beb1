#pragma once
// A golden document from tests/reference/ (written by the Python scripts
// beside it), parsed once per test binary. A missing or broken file fails
// the test that asked for it instead of comparing against nothing.

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace assay::testing {

inline const nlohmann::json& reference_json(const std::string& file) {
  static std::map<std::string, nlohmann::json> parsed;
  const auto it = parsed.find(file);
  if (it != parsed.end()) return it->second;
  const std::string path = std::string(ASSAY_REFERENCE_DIR) + "/" + file;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open the reference file " + path);
  return parsed.emplace(file, nlohmann::json::parse(in)).first->second;
}

}  // namespace assay::testing
