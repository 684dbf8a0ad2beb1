#include "suite/suite_file.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>

#include "core/hash.hpp"
#include "suite/kinds.hpp"
#include "suite/overrides.hpp"
#include "suite/yaml_reader.hpp"

namespace assay::suite {

namespace {

std::string resolve(const std::string& suite_path, const std::string& path) {
  const std::filesystem::path p(path);
  if (p.is_absolute()) return path;
  return (std::filesystem::path(suite_path).parent_path() / p).lexically_normal().string();
}

metrics::Task parse_task(const YamlSource& yaml, const YAML::Node& node) {
  const std::string t = yaml.choice(node, "task", {"binary", "multiclass", "regression", "ranking"}, "task");
  if (t == "multiclass") return metrics::Task::multiclass;
  if (t == "regression") return metrics::Task::regression;
  if (t == "ranking") return metrics::Task::ranking;
  return metrics::Task::binary;
}

DataFiles parse_data(const YamlSource& yaml, const YAML::Node& node, const std::string& suite_path) {
  MapReader keys(yaml, node, "data");
  DataFiles out;
  const auto current = keys.take("current");
  if (!current) yaml.fail(node, "data", "data: needs current: FILE (the data to evaluate)");
  out.current = resolve(suite_path, yaml.text(*current, "data.current"));
  out.current_at = yaml.where(*current, "data.current");
  if (const auto reference = keys.take("reference")) {
    out.reference = resolve(suite_path, yaml.text(*reference, "data.reference"));
    out.reference_at = yaml.where(*reference, "data.reference");
  }
  keys.finish();
  if (out.current.empty() || (out.reference && out.reference->empty())) yaml.fail(node, "data", "data: empty file name");
  return out;
}

Columns parse_columns(const YamlSource& yaml, const YAML::Node& node) {
  MapReader keys(yaml, node, "columns");
  Columns c;
  c.where = yaml.where(node, "columns");
  auto one = [&](std::string_view key, std::optional<std::string>& out) {
    if (const auto v = keys.take(key)) {
      out = yaml.text(*v, keys.path(key));
      if (out->empty()) yaml.fail(*v, keys.path(key), fmt::format("{}: empty column name", keys.path(key)));
    }
  };
  auto many = [&](std::string_view key, std::vector<std::string>& out) {
    if (const auto v = keys.take(key)) out = yaml.texts(*v, keys.path(key));
  };
  one("target", c.target);
  one("prediction", c.prediction);
  one("score", c.score);
  many("scores", c.scores);
  many("classes", c.classes);
  one("timestamp", c.timestamp);
  one("id", c.id);
  one("weight", c.weight);
  one("group", c.group);
  many("sensitive", c.sensitive);
  many("slices", c.slices);
  many("ignore", c.ignore);
  one("positive", c.positive);
  keys.finish();
  return c;
}

RunSettings parse_settings(const YamlSource& yaml, const YAML::Node& node) {
  MapReader keys(yaml, node, "settings");
  RunSettings s;
  if (const auto v = keys.take("threshold")) {
    s.threshold = yaml.number(*v, "settings.threshold");
    if (s.threshold < 0 || s.threshold > 1) yaml.fail(*v, "settings.threshold", "settings.threshold: expected a value in [0, 1]");
  }
  if (const auto v = keys.take("bootstrap")) s.bootstrap = yaml.count(*v, "settings.bootstrap", 0, 100000);
  if (const auto v = keys.take("ci_level")) {
    s.ci_level = yaml.number(*v, "settings.ci_level");
    if (!(s.ci_level > 0 && s.ci_level < 1)) yaml.fail(*v, "settings.ci_level", "settings.ci_level: expected a level in (0, 1)");
  }
  if (const auto v = keys.take("seed")) s.seed = yaml.count(*v, "settings.seed", 0, UINT64_MAX);
  keys.finish();
  return s;
}

OutputFiles parse_outputs(const YamlSource& yaml, const YAML::Node& node, const std::string& suite_path) {
  MapReader keys(yaml, node, "outputs");
  OutputFiles out;
  for (auto [key, target] : {std::pair{"json", &out.json}, std::pair{"junit", &out.junit},
                             std::pair{"markdown", &out.markdown}, std::pair{"html", &out.html}}) {
    if (const auto v = keys.take(key)) {
      const std::string path = yaml.text(*v, keys.path(key));
      if (path.empty()) yaml.fail(*v, keys.path(key), fmt::format("{}: empty file name", keys.path(key)));
      *target = resolve(suite_path, path);
    }
  }
  keys.finish();
  return out;
}

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 200) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
  });
}

std::optional<double> limit_value(const YamlSource& yaml, MapReader& keys, std::string_view key) {
  const auto node = keys.take(key);
  if (!node) return std::nullopt;
  return yaml.number(*node, keys.path(key));
}

std::unique_ptr<Check> parse_check(const YamlSource& yaml, const YAML::Node& node, std::size_t index, const Suite& suite,
                                   std::vector<std::string>& ids) {
  const std::string path = fmt::format("checks[{}]", index);
  MapReader keys(yaml, node, path);
  const KindEntry* kind = nullptr;
  std::vector<std::string> kind_keys;
  for (const KindEntry& entry : check_kinds()) {
    kind_keys.emplace_back(entry.key);
    if (!keys.has(entry.key)) continue;
    if (kind != nullptr) {
      yaml.fail(keys.key_node(entry.key), keys.path(entry.key),
                fmt::format("{} has two kinds, {} and {}: one check per entry", path, kind->key, entry.key));
    }
    kind = &entry;
  }
  if (kind == nullptr) {
    std::string hint;
    for (const auto& key : keys.keys()) {
      if (hint.empty()) hint = did_you_mean(key, kind_keys);
    }
    yaml.fail(node, path, fmt::format("{} names no check kind{} (expected one of {})", path, hint, fmt::join(kind_keys, ", ")));
  }

  CheckHeader h;
  h.kind = std::string(kind->key);
  h.where = yaml.where(node, path);
  h.limits.where = h.where;
  const auto name_node = *keys.take(kind->key);
  h.name = yaml.choice(name_node, keys.path(kind->key), kind->names(suite), fmt::format("{} check", kind->key));

  if (const auto v = keys.take("id")) {
    h.id = yaml.text(*v, keys.path("id"));
    h.id_given = true;
    if (!valid_id(h.id)) yaml.fail(*v, keys.path("id"), fmt::format("id '{}': use letters, digits, '_', '-' and '.'", h.id));
    if (std::find(ids.begin(), ids.end(), h.id) != ids.end()) {
      yaml.fail(*v, keys.path("id"), fmt::format("id '{}' is already used by another check", h.id));
    }
  }
  if (const auto v = keys.take("description")) h.description = yaml.text(*v, keys.path("description"));
  if (const auto v = keys.take("severity")) {
    h.severity = yaml.choice(*v, keys.path("severity"), {"fail", "warn"}, "severity") == "warn" ? Severity::warn
                                                                                                  : Severity::fail;
  }
  h.limits.min = limit_value(yaml, keys, "min");
  h.limits.max = limit_value(yaml, keys, "max");
  h.limits.max_drop = limit_value(yaml, keys, "max_drop");
  h.limits.max_rel_drop = limit_value(yaml, keys, "max_rel_drop");
  if (const auto v = keys.take("ci")) {
    h.limits.ci = yaml.choice(*v, keys.path("ci"), {"lower", "upper"}, "interval bound") == "lower" ? Bound::lower
                                                                                                   : Bound::upper;
  }
  auto refuse = [&](std::string_view key, bool allowed, std::string_view why) {
    if (keys.has(key) && !allowed) {
      yaml.fail(keys.key_node(key), keys.path(key), fmt::format("{}: {} checks {}", key, kind->key, why));
    }
  };
  refuse("min", kind->limits.absolute, "take no min");
  refuse("max", kind->limits.absolute, "take no max");
  refuse("max_drop", kind->limits.relative, "have no reference value to drop from (use min or max)");
  refuse("max_rel_drop", kind->limits.relative, "have no reference value to drop from (use min or max)");
  refuse("ci", kind->limits.interval, "have no bootstrap interval");
  if (h.limits.min && h.limits.max && *h.limits.min > *h.limits.max) {
    yaml.fail(keys.key_node("min"), keys.path("min"), fmt::format("min {} is above max {}", *h.limits.min, *h.limits.max));
  }
  if (h.limits.max_drop && *h.limits.max_drop < 0) {
    yaml.fail(keys.key_node("max_drop"), keys.path("max_drop"), "max_drop: expected a number >= 0");
  }
  if (h.limits.max_rel_drop && !(*h.limits.max_rel_drop >= 0 && *h.limits.max_rel_drop <= 1)) {
    yaml.fail(keys.key_node("max_rel_drop"), keys.path("max_rel_drop"), "max_rel_drop: expected a share in [0, 1]");
  }
  if (h.limits.ci != Bound::point && !(h.limits.min || h.limits.max)) {
    yaml.fail(keys.key_node("ci"), keys.path("ci"), "ci: judges the interval bound against min or max: give one");
  }
  if (h.limits.relative() && !suite.data.reference) {
    yaml.fail(node, path, fmt::format("{}: max_drop and max_rel_drop compare with data.reference, which the suite does "
                                      "not name", path));
  }
  if (h.id.empty()) {
    std::string base = fmt::format("{}.{}", h.kind, h.name);
    for (const std::string_view key : {"by", "column", "sensitive"}) {
      if (const auto v = keys.peek(key); v && v->IsScalar()) base += "." + v->Scalar();
    }
    if (h.limits.relative()) base += ".drop";
    if (h.limits.ci != Bound::point) base += h.limits.ci == Bound::lower ? ".ci_lower" : ".ci_upper";
    h.id = base;
    for (int k = 2; std::find(ids.begin(), ids.end(), h.id) != ids.end(); ++k) h.id = fmt::format("{}.{}", base, k);
  }
  ids.push_back(h.id);
  const bool required = kind->limits.required;
  CheckSource source{yaml, keys, suite};
  std::unique_ptr<Check> check = kind->parse(source, std::move(h));
  keys.finish();
  if (required && !check->header().limits.any()) {
    yaml.fail(node, path, fmt::format("{} ({} {}) needs a limit: min, max{}", path, kind->key, check->header().name,
                                      kind->limits.relative ? ", max_drop or max_rel_drop" : ""));
  }
  return check;
}

}  // namespace

const std::vector<std::string>& top_level_keys() {
  static const std::vector<std::string> keys{"name", "task", "data", "columns", "settings", "checks", "outputs"};
  return keys;
}

Suite parse_suite(std::string_view text, const std::string& path, const ParseOptions& options) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    throw core::Error(core::Location{.file = path,
                                     .line = e.mark.is_null() ? 0 : static_cast<std::size_t>(e.mark.line) + 1,
                                     .column = e.mark.is_null() ? 0 : static_cast<std::size_t>(e.mark.column) + 1},
                      fmt::format("not valid YAML: {}", e.msg));
  }
  if (!root.IsDefined() || root.IsNull()) throw core::Error(core::Location{.file = path, .line = 1}, "the suite is empty");
  if (!root.IsMap()) {
    throw core::Error(core::Location{.file = path, .line = static_cast<std::size_t>(std::max(root.Mark().line, 0)) + 1},
                      "the suite must be a map of keys (task, data, columns, checks, ...)");
  }
  for (const auto& assignment : options.set) apply_override(root, assignment);

  const YamlSource yaml(path, options.getenv ? options.getenv : process_environment());
  MapReader keys(yaml, root, "");
  Suite suite;
  suite.path = path;
  suite.name = std::filesystem::path(path).filename().string();
  for (const auto& key : top_level_keys()) keys.take(key);
  keys.finish();
  if (const auto v = keys.take("name")) suite.name = yaml.text(*v, "name");
  const auto task = keys.take("task");
  if (!task) yaml.fail(root, "task", "the suite needs task: binary, multiclass, regression or ranking");
  suite.task = parse_task(yaml, *task);
  const auto data = keys.take("data");
  if (!data) yaml.fail(root, "data", "the suite needs data: {current: FILE}");
  suite.data = parse_data(yaml, *data, path);
  if (const auto v = keys.take("columns")) suite.columns = parse_columns(yaml, *v);
  if (suite.columns.where.file.empty()) suite.columns.where = core::Location{.file = path, .line = 1};
  if (const auto v = keys.take("settings")) suite.settings = parse_settings(yaml, *v);
  if (const auto v = keys.take("outputs")) suite.outputs = parse_outputs(yaml, *v, path);
  const auto checks = keys.take("checks");
  if (!checks) yaml.fail(root, "checks", "the suite needs checks: a list of checks");
  if (!checks->IsSequence() || checks->size() == 0) yaml.fail(*checks, "checks", "checks: expected a list of one or more checks");
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < checks->size(); ++i) {
    suite.checks.push_back(parse_check(yaml, (*checks)[i], i, suite, ids));
  }

  std::string hashed(text);
  for (const auto& assignment : options.set) hashed += "\n--set " + assignment;
  for (const auto& [name, value] : yaml.expansions()) hashed += fmt::format("\n${{{}}}={}", name, value);
  suite.hash = core::xxh3_128(hashed).hex();
  return suite;
}

}  // namespace assay::suite
