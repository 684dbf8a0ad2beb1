#pragma once
// Data fingerprints: hashes that prove which data was evaluated, beside the
// file's content hash (core::FileFingerprint, filled by the reader).
//
//   column hash   xxh3-128 of the column's cell encodings in row order
//                 (cell_encoding.hpp): the typed values, not their text, so
//                 "1" and "1.0", or a categorical and a string column with
//                 the same text, hash alike.
//   canonical     xxh3-128 over the row count and (name, column hash) pairs
//                 sorted by name: the same for the same typed data whatever
//                 the column order, line endings, quoting, number formatting
//                 or file format. Row order matters.
//   schema        xxh3-128 over (name, kind) pairs sorted by name.

#include <cstddef>
#include <string>
#include <vector>

#include "core/hash.hpp"
#include "core/kind.hpp"
#include "core/table.hpp"

namespace assay::quality {

struct ColumnFingerprint {
  std::string name;
  core::Kind kind;
  core::Hash128 hash;
};

struct DataFingerprint {
  core::Hash128 canonical;
  core::Hash128 schema;
  std::size_t rows = 0;
  std::vector<ColumnFingerprint> columns;  // in table order
};

// Column hashes are computed in parallel, one task per column.
DataFingerprint fingerprint(const core::Table& table);

}  // namespace assay::quality
