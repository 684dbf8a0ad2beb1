#include "suite/suite_schema.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "suite/kinds.hpp"
#include "suite/suite_file.hpp"

namespace assay::suite {

namespace {

using Json = nlohmann::ordered_json;

// A value may also be a ${ENV} reference, expanded when the suite is read.
Json typed(std::string_view type) {
  if (type == "string") return Json{{"type", "string"}};
  return Json{{"anyOf", Json::array({Json{{"type", type}}, Json{{"type", "string"}, {"pattern", "\\$\\{"}}})}};
}

Json names_of(const std::vector<std::string>& names) { return Json{{"type", "string"}, {"enum", names}}; }

Json name_or_list() {
  return Json{{"anyOf", Json::array({Json{{"type", "string"}},
                                     Json{{"type", "array"}, {"items", Json{{"type", "string"}}}, {"minItems", 1}}})}};
}

Json closed_object(Json properties, std::vector<std::string> required = {}) {
  Json out{{"type", "object"}, {"properties", std::move(properties)}, {"additionalProperties", false}};
  if (!required.empty()) out["required"] = required;
  return out;
}

// Names a kind accepts under any task.
std::vector<std::string> all_names(const KindEntry& kind) {
  std::vector<std::string> out;
  for (const auto task : {metrics::Task::binary, metrics::Task::multiclass, metrics::Task::regression,
                          metrics::Task::ranking}) {
    Suite suite;
    suite.task = task;
    for (auto& name : kind.names(suite)) {
      if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
    }
  }
  return out;
}

Json check_schema(const KindEntry& kind) {
  Json properties;
  properties[std::string(kind.key)] = names_of(all_names(kind));
  properties["id"] = Json{{"type", "string"}, {"pattern", "^[A-Za-z0-9_.-]+$"}};
  properties["description"] = Json{{"type", "string"}};
  properties["severity"] = names_of({"fail", "warn"});
  if (kind.limits.absolute) {
    properties["min"] = typed("number");
    properties["max"] = typed("number");
  }
  if (kind.limits.relative) {
    properties["max_drop"] = typed("number");
    properties["max_rel_drop"] = typed("number");
  }
  if (kind.limits.interval) properties["ci"] = names_of({"lower", "upper"});
  for (const auto& [key, type] : kind.options) properties[std::string(key)] = typed(type);
  Json out = closed_object(std::move(properties), {std::string(kind.key)});
  out["description"] = kind.summary;
  return out;
}

}  // namespace

std::string suite_json_schema() {
  Json columns;
  for (const char* key : {"target", "prediction", "score", "timestamp", "id", "weight", "group", "positive"}) {
    columns[key] = Json{{"type", "string"}};
  }
  for (const char* key : {"scores", "classes", "sensitive", "slices", "ignore"}) columns[key] = name_or_list();

  Json checks = Json::array();
  for (const KindEntry& kind : check_kinds()) checks.push_back(check_schema(kind));

  Json properties;
  properties["name"] = Json{{"type", "string"}};
  properties["task"] = names_of({"binary", "multiclass", "regression", "ranking"});
  properties["data"] = closed_object(Json{{"current", Json{{"type", "string"}}}, {"reference", Json{{"type", "string"}}}},
                                     {"current"});
  properties["columns"] = closed_object(std::move(columns));
  properties["settings"] = closed_object(Json{{"threshold", typed("number")},
                                              {"bootstrap", typed("integer")},
                                              {"ci_level", typed("number")},
                                              {"seed", typed("integer")}});
  properties["checks"] = Json{{"type", "array"}, {"minItems", 1}, {"items", Json{{"oneOf", std::move(checks)}}}};
  properties["outputs"] = closed_object(
      Json{{"json", Json{{"type", "string"}}}, {"junit", Json{{"type", "string"}}}, {"markdown", Json{{"type", "string"}}},
           {"html", Json{{"type", "string"}}}});

  Json schema;
  schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  schema["title"] = "assay evaluation suite";
  schema["description"] = "An assay suite file (docs/suite.md), run with `assay run SUITE`.";
  schema["type"] = "object";
  schema["required"] = {"task", "data", "checks"};
  schema["additionalProperties"] = false;
  schema["properties"] = std::move(properties);
  return schema.dump(2) + "\n";
}

}  // namespace assay::suite
