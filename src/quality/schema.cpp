#include "quality/schema.hpp"

#include <algorithm>
#include <cmath>

#include "quality/column_facts.hpp"

namespace assay::quality {

const ColumnSchema* Schema::find(std::string_view name) const noexcept {
  for (const auto& c : columns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

namespace {

ColumnSchema infer_column(const core::Column& column, const InferOptions& options) {
  ColumnSchema s;
  s.name = column.name();
  s.kind = column.kind();
  s.nullable = column.null_count() > 0;
  switch (column.kind()) {
    case core::Kind::float64:
    case core::Kind::int64: {
      // A strictly increasing integer column is a row identifier: new data
      // continues it, so a range would flag every new row.
      if (column.kind() == core::Kind::int64) {
        const ColumnFacts facts = column_facts(column);
        if (facts.increasing && facts.distinct == facts.values) break;
      }
      for (std::size_t row = 0; row < column.size(); ++row) {
        const double v = column.as_double(row);
        if (!std::isfinite(v)) continue;
        s.min = s.min ? std::min(*s.min, v) : v;
        s.max = s.max ? std::max(*s.max, v) : v;
      }
      break;
    }
    case core::Kind::timestamp: break;  // time moves on: no range unless written by hand
    case core::Kind::categorical: {
      std::vector<char> used(column.dictionary().size());
      for (const auto code : column.codes()) {
        if (code >= 0) used[static_cast<std::size_t>(code)] = 1;
      }
      std::vector<std::string> categories;
      for (std::size_t c = 0; c < used.size(); ++c) {
        if (used[c] != 0) categories.push_back(column.dictionary()[c]);
      }
      if (categories.size() <= options.max_categories) {
        std::sort(categories.begin(), categories.end());
        categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
        s.categories = std::move(categories);
      }
      break;
    }
    case core::Kind::boolean:
    case core::Kind::string: break;
  }
  return s;
}

}  // namespace

Schema infer_schema(const core::Table& table, const InferOptions& options) {
  Schema schema;
  for (const auto& column : table.all()) schema.columns.push_back(infer_column(column, options));
  return schema;
}

}  // namespace assay::quality
