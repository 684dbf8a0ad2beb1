#pragma once
// Schema: what a dataset is expected to look like (TFDV's schema, Breck et
// al., "Data Validation for Machine Learning", MLSys 2019): column names,
// kinds, nullability, allowed categories and numeric or time ranges.
// Inferred from a table, written as a versioned JSON file (schema_json.hpp)
// and checked against new data (schema_validate.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/kind.hpp"
#include "core/table.hpp"

namespace assay::quality {

struct ColumnSchema {
  std::string name;
  core::Kind kind = core::Kind::string;
  bool nullable = true;
  // Allowed values of a text (categorical or string) column; any when absent.
  std::optional<std::vector<std::string>> categories;
  // Allowed range of a float64 or int64 column, inclusive; open when absent.
  std::optional<double> min;
  std::optional<double> max;
  // Allowed range of a timestamp column in ns since the epoch, inclusive.
  std::optional<std::int64_t> min_time;
  std::optional<std::int64_t> max_time;
};

struct Schema {
  std::vector<ColumnSchema> columns;
  const ColumnSchema* find(std::string_view name) const noexcept;
};

struct InferOptions {
  // Categorical columns with at most this many distinct values get their
  // values as the allowed categories.
  std::size_t max_categories = 1000;
};

// One column entry per table column, in order: its kind; nullable when it
// has a null; categories for categorical columns (sorted, only values that
// occur); min and max of finite values for float64 and int64 columns, except
// strictly increasing unique integers (row ids). Timestamps get no range
// (new data is newer); ranges are the observed ones: widen them by hand when
// new data may legitimately go further.
Schema infer_schema(const core::Table& table, const InferOptions& options = {});

}  // namespace assay::quality
