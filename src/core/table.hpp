#pragma once
// Table: named columns of equal length (DESIGN.md, Core data model).
// Column names are unique; lookup by a missing name throws core::Error
// listing the closest existing names.

#include <string>
#include <string_view>
#include <vector>

#include "core/column.hpp"

namespace assay::core {

class Table {
 public:
  Table() = default;
  explicit Table(std::vector<Column> columns);

  // Appends a column; throws on a duplicate name, a length mismatch or > kMaxRows rows.
  void add(Column column);

  std::size_t rows() const noexcept { return rows_; }
  std::size_t columns() const noexcept { return columns_.size(); }
  const Column& column(std::size_t index) const { return columns_.at(index); }
  const Column& column(std::string_view name) const;
  const Column* find(std::string_view name) const noexcept;
  bool contains(std::string_view name) const noexcept { return find(name) != nullptr; }
  std::vector<std::string> names() const;
  const std::vector<Column>& all() const noexcept { return columns_; }

  std::size_t memory_bytes() const noexcept;

 private:
  std::vector<Column> columns_;
  std::size_t rows_ = 0;
};

// table.column(name), with a missing name's error placed at the command-line
// `flag` that named it ("--by: no column named 'contry'; did you mean ...").
const Column& column_for_flag(const Table& table, std::string_view name, const std::string& flag);

// Up to `limit` candidates ordered by edit distance to `name` (case-insensitive),
// keeping only plausible ones (distance at most a third of the longer name, or a
// case-insensitive prefix match).
std::vector<std::string> closest_names(std::string_view name, const std::vector<std::string>& candidates,
                                       std::size_t limit = 3);

}  // namespace assay::core
