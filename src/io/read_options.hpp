#pragma once
// Options shared by the CSV and JSON Lines readers.

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/kind.hpp"

namespace assay::io {

struct ReadOptions {
  // CSV: field delimiter; nullopt detects one of , ; TAB | from the first lines.
  std::optional<char> delimiter;
  // Cells equal to one of these (after no trimming) are null: pandas'
  // read_csv defaults (pandas 2; 1.x lacks "None").
  std::vector<std::string> na_tokens{"",     "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
                                     "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None",
                                     "n/a",  "nan",  "null"};
  // Stop after this many data rows.
  std::optional<std::size_t> max_rows;
  // Force a column's kind; a value that does not fit is an error with its location.
  std::map<std::string, core::Kind, std::less<>> kinds;
  // The kind of every column not in `kinds`; nullopt infers it. `assay pii`
  // reads every column as string so that it scans, and copies, the text
  // exactly as written.
  std::optional<core::Kind> default_kind;
  // A text column is categorical when its distinct values are at most
  // categorical_max_share of its non-null values, or at most
  // categorical_min_levels in all (so small files keep their categories);
  // otherwise it is free text (string).
  double categorical_max_share = 0.5;
  std::size_t categorical_min_levels = 20;
  // A single field or row larger than this is an error (protects memory).
  std::size_t max_field_bytes = std::size_t{64} << 20;
  // Called with (bytes consumed, total bytes) as the reader advances.
  std::function<void(std::size_t, std::size_t)> progress;
};

}  // namespace assay::io
