#pragma once
// The logical kind of a column (DESIGN.md, Core data model).

#include <cstdint>
#include <optional>
#include <string_view>

namespace assay::core {

enum class Kind : std::uint8_t { float64, int64, boolean, categorical, string, timestamp };

// "float64", "int64", "bool", "categorical", "string", "timestamp".
std::string_view kind_name(Kind kind);

// Inverse of kind_name; also accepts "float", "int", "boolean", "category",
// "text", "datetime". nullopt for anything else.
std::optional<Kind> parse_kind(std::string_view name);

// float64, int64, boolean and timestamp have an order and a mean.
constexpr bool is_numeric(Kind kind) {
  return kind == Kind::float64 || kind == Kind::int64 || kind == Kind::boolean;
}

}  // namespace assay::core
