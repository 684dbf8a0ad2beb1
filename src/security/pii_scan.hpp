#pragma once
// The PII scan behind `assay pii` and the suite's `pii` checks
// (docs/pii.md): every text column's cells, and every column's header,
// through the scanner; per column and detector, the rows with a match,
// their share, a confidence and masked examples.
//
// Scanned columns: string, categorical (each distinct value once) and int64
// (a card number read as a number is still one). Columns run in parallel in
// blocks of rows; results are the same for any thread count.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/table.hpp"
#include "security/detector.hpp"
#include "security/header_hint.hpp"
#include "security/scanner.hpp"

namespace assay::security {

struct PiiOptions {
  std::vector<std::string> columns;   // empty: every scannable column
  std::optional<std::size_t> sample;  // scan this many rows, evenly spaced
  double max_share = 0.0;             // a detector above this share of a column's rows fails
  std::size_t examples = 3;           // masked examples per column and detector
};

struct Example {
  std::size_t row;     // 0-based data row
  std::string masked;  // security/mask.hpp
};

struct DetectorCount {
  std::size_t rows = 0;  // rows with at least one match
  Confidence confidence = Confidence::low;
  std::vector<Example> examples;
};

struct ColumnScan {
  std::string column;
  // How outputs name the column: its name, or "column N" (1-based) when the
  // name itself holds personal data, which is never echoed.
  std::string label;
  std::size_t index = 0;         // in the table
  std::size_t rows_with_text = 0;  // scanned rows holding a non-empty value
  std::size_t bytes = 0;         // text scanned, for throughput
  HeaderHint hint;
  ColumnContext context;
  DetectorSet header_matches = 0;  // detectors matching the header text itself
  std::array<DetectorCount, kDetectorCount> counts;
  DetectorSet found() const;
};

struct PiiScan {
  std::vector<ColumnScan> columns;  // in table order
  std::size_t rows = 0;             // rows scanned per column
  std::size_t bytes = 0;
};

// Throws core::Error (bad input) when options name a missing column or a
// column that holds no text, or when sample is 0.
PiiScan scan_table(const core::Table& table, const PiiOptions& options);

// Findings in column order (docs/pii.md, Findings):
//   pii.<detector>.<column>   share of rows with a match; fail above max_share
//   pii.column_name.<column>  the header names personal data (warn) or holds it (fail)
//   pii.clean.<column>        nothing found (pass)
std::vector<core::Finding> pii_findings(const PiiScan& scan, const PiiOptions& options);

}  // namespace assay::security
