#pragma once
// Gathering rows: a column's values at some rows, or a table of some columns
// at some rows, in the order of `rows` (nulls stay null). Engines that
// evaluate a subset with code written for whole tables (per-group metrics,
// per-segment drift, the joined table of a comparison) gather through here.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/table.hpp"

namespace assay::core {

// The rows of `column` at `rows`, in that order (any kind; a categorical
// column keeps its dictionary).
Column take_rows(const Column& column, std::span<const std::uint32_t> rows);

// The columns `names` of `table` (unknown names throw, duplicates are taken
// once) at `rows`.
Table take_rows(const Table& table, const std::vector<std::string>& names, std::span<const std::uint32_t> rows);

}  // namespace assay::core
