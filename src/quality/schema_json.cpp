#include "quality/schema_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "core/column.hpp"
#include "core/error.hpp"
#include "quality/json_parse.hpp"
#include "quality/text_parse.hpp"

namespace assay::quality {

namespace {

// A JSON value with its path, for errors that say where.
struct Node {
  const nlohmann::json& value;
  std::string path;
  const std::string& file;

  [[noreturn]] void fail(const std::string& what) const {
    throw core::Error(core::Location{.file = file, .path = path}, what);
  }
  Node at(std::string_view key) const {
    return {value.at(std::string(key)), path.empty() ? std::string(key) : path + "." + std::string(key), file};
  }
  Node at(std::size_t index) const { return {value.at(index), fmt::format("{}[{}]", path, index), file}; }
  bool has(std::string_view key) const { return value.contains(std::string(key)); }
};

std::string describe(const nlohmann::json& value) {
  std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  if (value.is_string()) return text;
  return fmt::format("{} {}", value.type_name(), text);
}

void require_object(const Node& n, std::initializer_list<std::string_view> allowed) {
  if (!n.value.is_object()) n.fail(fmt::format("expected an object, found {}", describe(n.value)));
  for (const auto& [key, unused] : n.value.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string list;
      for (const auto a : allowed) list += fmt::format("{}{}", list.empty() ? "" : ", ", a);
      Node{n.value, n.path.empty() ? key : n.path + "." + key, n.file}.fail(
          fmt::format("unknown key; expected one of {}", list));
    }
  }
}

const std::string& string_of(const Node& n) {
  if (!n.value.is_string()) n.fail(fmt::format("expected a string, found {}", describe(n.value)));
  return n.value.get_ref<const std::string&>();
}

double number_of(const Node& n) {
  if (!n.value.is_number()) n.fail(fmt::format("expected a number, found {}", describe(n.value)));
  return n.value.get<double>();
}

std::int64_t time_of(const Node& n) {
  const std::string& text = string_of(n);
  const auto ns = parse_timestamp(text);
  if (!ns) n.fail(fmt::format("expected an ISO 8601 time such as \"2024-03-01T12:00:00Z\", found \"{}\"", text));
  return *ns;
}

bool is_text(core::Kind k) { return k == core::Kind::categorical || k == core::Kind::string; }

ColumnSchema read_column(const Node& n) {
  require_object(n, {"name", "kind", "nullable", "categories", "min", "max", "description"});
  ColumnSchema c;
  if (!n.has("name")) n.fail("missing required key \"name\"");
  c.name = string_of(n.at("name"));
  if (c.name.empty()) n.at("name").fail("expected a non-empty column name");
  if (!n.has("kind")) n.fail(fmt::format("missing required key \"kind\" for column \"{}\"", c.name));
  const Node kind = n.at("kind");
  const std::string& kind_text = string_of(kind);
  const auto parsed = core::parse_kind(kind_text);
  if (!parsed) {
    kind.fail(fmt::format("expected one of float64, int64, bool, categorical, string, timestamp, found \"{}\"", kind_text));
  }
  c.kind = *parsed;
  if (n.has("nullable")) {
    const Node nullable = n.at("nullable");
    if (!nullable.value.is_boolean()) nullable.fail(fmt::format("expected true or false, found {}", describe(nullable.value)));
    c.nullable = nullable.value.get<bool>();
  }
  if (n.has("description")) string_of(n.at("description"));
  if (n.has("categories")) {
    const Node cats = n.at("categories");
    if (!is_text(c.kind)) {
      cats.fail(fmt::format("categories apply to categorical and string columns, not {}", core::kind_name(c.kind)));
    }
    if (!cats.value.is_array()) cats.fail(fmt::format("expected an array of strings, found {}", describe(cats.value)));
    std::vector<std::string> values;
    std::set<std::string> unique;
    for (std::size_t i = 0; i < cats.value.size(); ++i) {
      const std::string& v = string_of(cats.at(i));
      if (!unique.insert(v).second) cats.at(i).fail(fmt::format("duplicate category \"{}\"", v));
      values.push_back(v);
    }
    c.categories = std::move(values);
  }
  for (const std::string_view bound : {"min", "max"}) {
    if (!n.has(bound)) continue;
    const Node b = n.at(bound);
    if (c.kind == core::Kind::timestamp) {
      (bound == "min" ? c.min_time : c.max_time) = time_of(b);
    } else if (c.kind == core::Kind::float64 || c.kind == core::Kind::int64) {
      (bound == "min" ? c.min : c.max) = number_of(b);
    } else {
      b.fail(fmt::format("{} applies to float64, int64 and timestamp columns, not {}", bound, core::kind_name(c.kind)));
    }
  }
  if ((c.min && c.max && *c.min > *c.max) || (c.min_time && c.max_time && *c.min_time > *c.max_time)) {
    n.at("min").fail("min is greater than max");
  }
  return c;
}

void unsupported_version(const Node& n, std::int64_t version) {
  n.fail(fmt::format("unsupported schema version {}; this assay reads version {}", version, kSchemaVersion));
}

// "schema": "assay.schema/v1", the name every assay document carries.
void check_schema_name(const Node& n) {
  const std::string& text = string_of(n);
  const std::string prefix = std::string(kSchemaFormat) + "/v";
  std::int64_t version = 0;
  const char* digits = text.data() + std::min(prefix.size(), text.size());
  const auto [end, ec] = std::from_chars(digits, text.data() + text.size(), version);
  if (!text.starts_with(prefix) || ec != std::errc() || end != text.data() + text.size()) {
    n.fail(fmt::format("expected \"{}/v{}\", found {}", kSchemaFormat, kSchemaVersion, describe(n.value)));
  }
  if (version != kSchemaVersion) unsupported_version(n, version);
}

// {"format": "assay.schema", "version": 1}: files written before "schema".
void check_legacy_format(const Node& root) {
  const Node format = root.at("format");
  if (string_of(format) != kSchemaFormat) {
    format.fail(fmt::format("expected \"{}\", found {}", kSchemaFormat, describe(format.value)));
  }
  if (!root.has("version")) root.fail("missing \"version\"");
  const Node version = root.at("version");
  if (!version.value.is_number_integer()) version.fail(fmt::format("expected an integer, found {}", describe(version.value)));
  if (version.value.get<std::int64_t>() != kSchemaVersion) unsupported_version(version, version.value.get<std::int64_t>());
}

}  // namespace

nlohmann::ordered_json schema_to_json(const Schema& schema, const nlohmann::ordered_json& extra) {
  nlohmann::ordered_json doc;
  doc["schema"] = fmt::format("{}/v{}", kSchemaFormat, kSchemaVersion);
  if (extra.is_object()) {
    for (const auto& [key, value] : extra.items()) doc[key] = value;
  }
  nlohmann::ordered_json columns = nlohmann::ordered_json::array();
  for (const auto& c : schema.columns) {
    nlohmann::ordered_json col;
    col["name"] = c.name;
    col["kind"] = core::kind_name(c.kind);
    col["nullable"] = c.nullable;
    if (c.categories) col["categories"] = *c.categories;
    if (c.min) col["min"] = *c.min;
    if (c.max) col["max"] = *c.max;
    if (c.min_time) col["min"] = core::format_timestamp(*c.min_time);
    if (c.max_time) col["max"] = core::format_timestamp(*c.max_time);
    columns.push_back(std::move(col));
  }
  doc["columns"] = std::move(columns);
  return doc;
}

Schema schema_from_json(const nlohmann::json& document, const std::string& file) {
  const Node root{document, "", file};
  if (!document.is_object()) root.fail(fmt::format("expected a schema object, found {}", describe(document)));
  if (root.has("schema")) {
    check_schema_name(root.at("schema"));
    require_object(root, {"schema", "generated_by", "source", "description", "columns"});
  } else if (root.has("format")) {
    check_legacy_format(root);
    require_object(root, {"format", "version", "generated_by", "source", "description", "columns"});
  } else {
    root.fail(fmt::format("missing \"schema\": \"{}/v{}\"; is this an assay schema file?", kSchemaFormat, kSchemaVersion));
  }
  if (!root.has("columns")) root.fail("missing \"columns\"");
  const Node columns = root.at("columns");
  if (!columns.value.is_array()) columns.fail(fmt::format("expected an array of columns, found {}", describe(columns.value)));
  Schema schema;
  std::set<std::string> names;
  for (std::size_t i = 0; i < columns.value.size(); ++i) {
    ColumnSchema c = read_column(columns.at(i));
    if (!names.insert(c.name).second) columns.at(i).at("name").fail(fmt::format("duplicate column \"{}\"", c.name));
    schema.columns.push_back(std::move(c));
  }
  return schema;
}

Schema parse_schema(std::string_view text, const std::string& file) {
  return schema_from_json(parse_json(text, file), file);
}

}  // namespace assay::quality
