#include "suite/overrides.hpp"

#include <fmt/format.h>

#include <charconv>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace assay::suite {

namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    out.emplace_back(path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return out;
}

}  // namespace

void apply_override(YAML::Node& root, std::string_view assignment) {
  const core::Location where{.path = "--set " + std::string(assignment)};
  const std::size_t eq = assignment.find('=');
  if (eq == std::string_view::npos || eq == 0) throw core::Error(where, "expected KEY.PATH=VALUE");
  const std::vector<std::string> parts = split_path(assignment.substr(0, eq));
  const std::string value(assignment.substr(eq + 1));
  if (!root.IsMap()) throw core::Error(where, "the suite is not a map of keys");
  YAML::Node node;
  node.reset(root);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].empty()) throw core::Error(where, "empty key in the path");
    if (node.IsSequence()) {
      // A position, or a check id; ids may hold dots, so the longest run of
      // components that names an id wins.
      std::size_t index = node.size();
      std::size_t used = 1;
      const std::string& part = parts[i];
      const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), index);
      if (error != std::errc() || end != part.data() + part.size()) {
        index = node.size();
        for (std::size_t k = parts.size() - i; k >= 1 && index == node.size(); --k) {
          std::string id = parts[i];
          for (std::size_t m = 1; m < k; ++m) id += "." + parts[i + m];
          for (std::size_t e = 0; e < node.size(); ++e) {
            if (node[e].IsMap() && node[e]["id"] && node[e]["id"].IsScalar() && node[e]["id"].Scalar() == id) {
              index = e;
              used = k;
            }
          }
        }
      }
      if (index >= node.size()) {
        throw core::Error(where, fmt::format("no element '{}' in the list ({} elements; give a position or a check id)",
                                             part, node.size()));
      }
      i += used - 1;
      if (i + 1 == parts.size()) {
        node[index] = value;
        return;
      }
      YAML::Node next = node[index];
      node.reset(next);
      continue;
    }
    const std::string& part = parts[i];
    const bool last = i + 1 == parts.size();
    if (!node.IsDefined() || node.IsNull()) node = YAML::Node(YAML::NodeType::Map);
    if (!node.IsMap()) throw core::Error(where, fmt::format("'{}' is inside a value, not a map", part));
    if (last) {
      // A new node (no mark): errors about the value name the --set assignment, not the file.
      node.remove(part);
      node[part] = YAML::Node(value);
      return;
    }
    YAML::Node next = node[part];
    node.reset(next);
  }
}

}  // namespace assay::suite
