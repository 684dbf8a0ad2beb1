#pragma once
// Scans over the values of text columns (categorical or string) that
// evaluate a predicate once per distinct dictionary entry for categoricals.

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/column.hpp"
#include "quality/wording.hpp"

namespace assay::quality {

// Non-null rows whose text satisfies `predicate`, with examples in row order.
template <class Predicate>
std::size_t count_text(const core::Column& column, Predicate predicate, Examples& examples) {
  std::size_t count = 0;
  if (column.kind() == core::Kind::categorical) {
    const auto& dictionary = column.dictionary();
    std::vector<char> hit(dictionary.size());
    for (std::size_t c = 0; c < dictionary.size(); ++c) hit[c] = predicate(std::string_view(dictionary[c])) ? 1 : 0;
    const auto codes = column.codes();
    for (std::size_t row = 0; row < codes.size(); ++row) {
      if (codes[row] >= 0 && hit[static_cast<std::size_t>(codes[row])] != 0) {
        ++count;
        examples.add(row, dictionary[static_cast<std::size_t>(codes[row])]);
      }
    }
    return count;
  }
  for (std::size_t row = 0; row < column.size(); ++row) {
    if (!column.is_valid(row)) continue;
    const std::string_view text = column.str(row);
    if (predicate(text)) {
      ++count;
      examples.add(row, text);
    }
  }
  return count;
}

inline bool is_text(core::Kind kind) { return kind == core::Kind::categorical || kind == core::Kind::string; }

}  // namespace assay::quality
