#include "core/kind.hpp"

namespace assay::core {

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::float64: return "float64";
    case Kind::int64: return "int64";
    case Kind::boolean: return "bool";
    case Kind::categorical: return "categorical";
    case Kind::string: return "string";
    case Kind::timestamp: return "timestamp";
  }
  return "unknown";
}

std::optional<Kind> parse_kind(std::string_view name) {
  if (name == "float64" || name == "float" || name == "double") return Kind::float64;
  if (name == "int64" || name == "int" || name == "integer") return Kind::int64;
  if (name == "bool" || name == "boolean") return Kind::boolean;
  if (name == "categorical" || name == "category") return Kind::categorical;
  if (name == "string" || name == "text") return Kind::string;
  if (name == "timestamp" || name == "datetime") return Kind::timestamp;
  return std::nullopt;
}

}  // namespace assay::core
