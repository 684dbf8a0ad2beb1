#pragma once
// JSON Lines reader (simdjson On-Demand): one flat JSON object per line.
// Columns appear in order of first appearance; a key missing from a line is
// null there. JSON numbers become int64/float64, true/false bool, strings
// text (categorical or string) or timestamps when every one is ISO-8601;
// NA tokens apply to strings. Nested objects and arrays are an error. Read
// in blocks and parsed in parallel pieces like the CSV reader.

#include <functional>
#include <string>
#include <string_view>

#include "io/csv_reader.hpp"

namespace assay::io {

CsvResult read_jsonl(const ReadFn& read, const std::string& name, const ReadOptions& options,
                     const std::function<std::size_t()>& bytes_done = {}, std::size_t total_bytes = 0);

core::Table read_jsonl_text(std::string_view text, const ReadOptions& options = {}, const std::string& name = "<text>");

}  // namespace assay::io
