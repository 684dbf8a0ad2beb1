#include "suite/yaml_reader.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "core/table.hpp"

namespace assay::suite {

namespace {

std::string node_kind(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
      return "nothing";
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Sequence:
      return "a list";
    default:
      return "a value";
  }
}

}  // namespace

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
  const auto near = core::closest_names(name, candidates, 1);
  return near.empty() ? std::string() : fmt::format("; did you mean {}?", near.front());
}

YamlSource::YamlSource(std::string file, Getenv getenv) : file_(std::move(file)), getenv_(std::move(getenv)) {}

core::Location YamlSource::where(const YAML::Node& node, std::string_view path) const {
  const YAML::Mark mark = node.IsDefined() ? node.Mark() : YAML::Mark::null_mark();
  if (mark.is_null() || mark.line < 0) return core::Location{.path = "--set " + std::string(path)};
  return core::Location{.file = file_,
                        .line = static_cast<std::size_t>(mark.line) + 1,
                        .column = static_cast<std::size_t>(mark.column) + 1,
                        .path = {}};
}

void YamlSource::fail(const YAML::Node& node, std::string_view path, const std::string& what) const {
  throw core::Error(where(node, path), what);
}

std::string YamlSource::text(const YAML::Node& node, std::string_view path) const {
  if (!node.IsScalar()) fail(node, path, fmt::format("{}: expected a value, got {}", path, node_kind(node)));
  try {
    Expansion e = expand_env(node.Scalar(), getenv_);
    expansions_.insert(expansions_.end(), e.used.begin(), e.used.end());
    return std::move(e.text);
  } catch (const std::invalid_argument& e) {
    fail(node, path, fmt::format("{}: {}", path, e.what()));
  }
}

double YamlSource::number(const YAML::Node& node, std::string_view path) const {
  const std::string s = text(node, path);
  double value = 0.0;
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || error != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) {
    fail(node, path, fmt::format("{}: expected a finite number, got '{}'", path, s));
  }
  return value;
}

std::uint64_t YamlSource::count(const YAML::Node& node, std::string_view path, std::uint64_t low,
                                std::uint64_t high) const {
  const std::string s = text(node, path);
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || error != std::errc() || end != s.data() + s.size() || value < low || value > high) {
    fail(node, path, fmt::format("{}: expected a whole number from {} to {}, got '{}'", path, low, high, s));
  }
  return value;
}

bool YamlSource::boolean(const YAML::Node& node, std::string_view path) const {
  const std::string s = text(node, path);
  if (s == "true") return true;
  if (s == "false") return false;
  fail(node, path, fmt::format("{}: expected true or false, got '{}'", path, s));
}

std::vector<std::string> YamlSource::texts(const YAML::Node& node, std::string_view path) const {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(text(node, path));
  } else if (node.IsSequence()) {
    for (std::size_t i = 0; i < node.size(); ++i) out.push_back(text(node[i], fmt::format("{}[{}]", path, i)));
  } else {
    fail(node, path, fmt::format("{}: expected a name or a list of names, got {}", path, node_kind(node)));
  }
  for (const auto& name : out) {
    if (name.empty()) fail(node, path, fmt::format("{}: empty name", path));
  }
  return out;
}

std::string YamlSource::choice(const YAML::Node& node, std::string_view path, const std::vector<std::string>& choices,
                               std::string_view what) const {
  std::string s = text(node, path);
  if (std::find(choices.begin(), choices.end(), s) != choices.end()) return s;
  fail(node, path,
       fmt::format("{}: unknown {} '{}'{} (expected one of {})", path, what, s, did_you_mean(s, choices),
                   fmt::join(choices, ", ")));
}

MapReader::MapReader(const YamlSource& source, const YAML::Node& node, std::string path)
    : source_(source), node_(node), path_(std::move(path)) {
  if (!node.IsMap()) {
    source.fail(node, path_, fmt::format("{}: expected a map of keys, got {}", path_.empty() ? "suite" : path_,
                                         node_kind(node)));
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar()) source.fail(key, path_, fmt::format("{}: keys must be plain names", path_));
    const std::string name = key.Scalar();
    for (const auto& entry : entries_) {
      if (entry.first == name) source.fail(key, this->path(name), fmt::format("duplicate key '{}'", name));
    }
    entries_.push_back({name, {key, it->second}});
  }
}

std::optional<YAML::Node> MapReader::take(std::string_view key) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
  for (const auto& entry : entries_) {
    if (entry.first == key) return entry.second.second;
  }
  return std::nullopt;
}

bool MapReader::has(std::string_view key) const {
  return std::any_of(entries_.begin(), entries_.end(), [&](const auto& e) { return e.first == key; });
}

std::optional<YAML::Node> MapReader::peek(std::string_view key) const {
  for (const auto& entry : entries_) {
    if (entry.first == key) return entry.second.second;
  }
  return std::nullopt;
}

YAML::Node MapReader::key_node(std::string_view key) const {
  for (const auto& entry : entries_) {
    if (entry.first == key) return entry.second.first;
  }
  return node_;
}

std::string MapReader::path(std::string_view key) const {
  return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
}

std::vector<std::string> MapReader::keys() const {
  std::vector<std::string> out;
  for (const auto& entry : entries_) out.push_back(entry.first);
  return out;
}

void MapReader::finish() const {
  for (const auto& entry : entries_) {
    if (std::find(known_.begin(), known_.end(), entry.first) != known_.end()) continue;
    source_.fail(entry.second.first, path(entry.first),
                 fmt::format("unknown key '{}' in {}{} (expected one of {})", entry.first,
                             path_.empty() ? "the suite" : path_, did_you_mean(entry.first, known_),
                             fmt::join(known_, ", ")));
  }
}

}  // namespace assay::suite
