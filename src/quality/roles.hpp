#pragma once
// Roles of columns in the quality and leakage checks (DESIGN.md's
// ColumnMapping, restricted to what these checks need).

#include <optional>
#include <string>
#include <vector>

#include "core/table.hpp"

namespace assay::quality {

struct Roles {
  std::optional<std::string> target;
  std::optional<std::string> id;
  std::optional<std::string> timestamp;
  std::vector<std::string> ignore;  // left out of every check

  // Throws core::Error (with close-match suggestions) when a named column is
  // not in `table`. `what` names the table in the message ("data", "train").
  void require_in(const core::Table& table, std::string_view what) const;

  bool ignored(std::string_view name) const;
  // Neither a role column nor ignored.
  bool is_feature(std::string_view name) const;
};

// Indices of `table`'s columns that are features under `roles`.
std::vector<std::size_t> feature_columns(const core::Table& table, const Roles& roles);

// Indices of all columns that are not ignored, minus those named in `except`.
std::vector<std::size_t> checked_columns(const core::Table& table, const Roles& roles,
                                         const std::vector<std::optional<std::string>>& except = {});

}  // namespace assay::quality
