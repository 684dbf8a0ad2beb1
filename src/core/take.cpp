#include "core/take.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <type_traits>

#include "core/error.hpp"

namespace assay::core {

Column take_rows(const Column& column, std::span<const std::uint32_t> rows) {
  std::vector<std::uint8_t> validity(rows.size());
  for (std::size_t j = 0; j < rows.size(); ++j) validity[j] = column.is_valid(rows[j]) ? 1 : 0;
  auto gather = [&](auto values) {
    std::vector<std::remove_cvref_t<decltype(values[0])>> out(rows.size());
    for (std::size_t j = 0; j < rows.size(); ++j) out[j] = values[rows[j]];
    return out;
  };
  switch (column.kind()) {
    case Kind::float64: return Column::float64(column.name(), gather(column.f64()), std::move(validity));
    case Kind::int64: return Column::int64(column.name(), gather(column.i64()), std::move(validity));
    case Kind::timestamp: return Column::timestamp(column.name(), gather(column.i64()), std::move(validity));
    case Kind::boolean: return Column::boolean(column.name(), gather(column.booleans()), std::move(validity));
    case Kind::categorical:
      return Column::categorical(column.name(), gather(column.codes()), column.dictionary(), std::move(validity));
    case Kind::string: {
      std::vector<std::string> texts(rows.size());
      for (std::size_t j = 0; j < rows.size(); ++j) texts[j] = std::string(column.str(rows[j]));
      return Column::string(column.name(), texts, std::move(validity));
    }
  }
  throw Error(fmt::format("column '{}': unknown kind", column.name()));
}

Table take_rows(const Table& table, const std::vector<std::string>& names, std::span<const std::uint32_t> rows) {
  Table out;
  std::vector<std::string_view> taken;
  for (const auto& name : names) {
    if (std::find(taken.begin(), taken.end(), name) != taken.end()) continue;
    taken.push_back(name);
    out.add(take_rows(table.column(name), rows));
  }
  return out;
}

}  // namespace assay::core
