#pragma once
// Rows grouped by the levels of one or more columns, for the reports that
// repeat themselves per group (`assay metrics --by`, `assay drift --by`).
// Levels are the slices' levels (encode.hpp): each category, quantile bins
// of a numeric column (by value when it has at most `bins` distinct values),
// null (and NaN) as a level of its own. With several columns, a group is a
// combination of levels that occurs on the rows.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/table.hpp"
#include "slices/encode.hpp"
#include "slices/predicate.hpp"

namespace assay::slices {

struct Group {
  std::vector<SlicePredicate> predicates;  // one per column, in the order of `by`
  std::vector<std::uint32_t> rows;         // table rows, ascending
};

struct Grouping {
  std::vector<EncodedColumn> columns;  // the columns' levels (codes on the grouped rows)
  std::vector<Group> groups;           // every occurring combination, ordered by level (nulls last)
};

// Groups `rows` (table rows, ascending) of `table` by the columns `by`.
// Throws core::Error at `flag` for no column, a column named twice, an
// unknown column (with close matches) or one that cannot be sliced (a
// timestamp, an integer id).
Grouping group_rows(const core::Table& table, const std::vector<std::string>& by, std::span<const std::uint32_t> rows,
                    std::size_t bins, const std::string& flag);

// The rows of `other` (another table with the `by` columns) that fall in
// each group: a category by its label, a number by the group's bin (or its
// value, for by-value levels), null in the null level. Rows in no group are
// left out. Throws core::Error when a column is missing from `other` or is
// numeric in one table and not in the other.
std::vector<std::vector<std::uint32_t>> match_groups(const Grouping& grouping, const core::Table& other,
                                                     const std::string& flag);

}  // namespace assay::slices
