#pragma once
// The two-file form of a comparison: the champion's and the challenger's
// predictions in separate tables, matched row by row on an id column. The
// joined table has, in the champion table's row order, the target, the
// champion column, the challenger column (named "<name>_challenger" when
// both files use one name) and the slice column. The target and the slice
// column come from the champion table, or from the challenger table when the
// champion's lacks them; a target in both must agree on every id.
//
// Every id must be present, unique and matched: duplicate, null or unmatched
// ids throw core::Error saying how many and giving an example, so a
// comparison never silently runs on a subset or on mismatched rows.

#include <optional>
#include <string>

#include "core/table.hpp"

namespace assay::compare {

struct JoinSpec {
  std::string id;
  std::string target;
  std::string champion;
  std::string challenger;
  std::optional<std::string> by;
};

struct Joined {
  core::Table table;
  std::string champion;    // column names in `table`
  std::string challenger;
};

Joined join_on_id(const core::Table& champion, const core::Table& challenger, const JoinSpec& spec);

}  // namespace assay::compare
