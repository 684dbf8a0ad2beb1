#pragma once
// Reading a suite's YAML tree with errors that say where: every error is a
// core::Error at file:line:column (yaml-cpp's Mark), or at the `--set`
// assignment for values that came from the command line. Scalars go
// through ${ENV} expansion (env.hpp) as they are read. Maps are read through
// MapReader, which rejects duplicate and unknown keys, suggesting the
// closest known key.

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "suite/env.hpp"

namespace assay::suite {

class YamlSource {
 public:
  YamlSource(std::string file, Getenv getenv);

  const std::string& file() const noexcept { return file_; }

  // Where `node` is; `path` (e.g. "checks[2].min") when the node has no mark.
  core::Location where(const YAML::Node& node, std::string_view path) const;
  [[noreturn]] void fail(const YAML::Node& node, std::string_view path, const std::string& what) const;

  // A scalar after ${ENV} expansion; a map, a list or null is an error.
  std::string text(const YAML::Node& node, std::string_view path) const;
  // A finite number.
  double number(const YAML::Node& node, std::string_view path) const;
  // A whole number in [low, high].
  std::uint64_t count(const YAML::Node& node, std::string_view path, std::uint64_t low, std::uint64_t high) const;
  bool boolean(const YAML::Node& node, std::string_view path) const;
  // A scalar or a list of scalars.
  std::vector<std::string> texts(const YAML::Node& node, std::string_view path) const;
  // One of `choices`, with a suggestion when it is not.
  std::string choice(const YAML::Node& node, std::string_view path, const std::vector<std::string>& choices,
                     std::string_view what) const;

  // Variables expanded so far, in order (for the suite hash).
  const std::vector<std::pair<std::string, std::string>>& expansions() const noexcept { return expansions_; }

 private:
  std::string file_;
  Getenv getenv_;
  mutable std::vector<std::pair<std::string, std::string>> expansions_;
};

// "; did you mean 'x'?" or "" (edit distance, core::closest_names).
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

class MapReader {
 public:
  // Throws unless `node` is a map; duplicate keys are errors.
  MapReader(const YamlSource& source, const YAML::Node& node, std::string path);

  // The value at `key` (and remembers `key` as known), or nullopt.
  std::optional<YAML::Node> take(std::string_view key);
  bool has(std::string_view key) const;
  // The value at `key` without marking it known (nullopt when absent).
  std::optional<YAML::Node> peek(std::string_view key) const;
  // The key node itself (for locations), or the map's node.
  YAML::Node key_node(std::string_view key) const;
  std::string path(std::string_view key) const;
  const std::string& path() const noexcept { return path_; }
  const YAML::Node& node() const noexcept { return node_; }
  // Keys of the map in file order.
  std::vector<std::string> keys() const;

  // Any key never taken is an error, suggesting the closest taken key.
  void finish() const;

 private:
  const YamlSource& source_;
  YAML::Node node_;
  std::string path_;
  std::vector<std::pair<std::string, std::pair<YAML::Node, YAML::Node>>> entries_;  // key, (key node, value)
  std::vector<std::string> known_;
};

}  // namespace assay::suite
