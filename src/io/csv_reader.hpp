#pragma once
// CSV reader: RFC 4180 with delimiter detection, a UTF-8 BOM, gzip input,
// NA tokens and per-column kind inference or override (io/column_chunk.hpp).
//
// The text is read in blocks of 16 MiB, cut at row boundaries into pieces of
// about 1 MiB, tokenized in parallel and converted in parallel per (piece,
// column); the pieces of each column are concatenated once at the end. So the
// reader holds one block of text plus the typed table, never the whole file.
// Errors carry file:line:column.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "core/table.hpp"
#include "io/read_options.hpp"

namespace assay::io {

// Supplies up to n bytes into dst; fewer only at the end of the input.
using ReadFn = std::function<std::size_t(char* dst, std::size_t n)>;

struct CsvResult {
  core::Table table;
  bool stopped_early = false;  // --max-rows reached before the end
};

// `name` is used in error locations. `bytes_done` and `total_bytes` feed
// options.progress. `size_hint`, the expected bytes of text (0 if unknown),
// lets the reader reserve each column once instead of growing it.
CsvResult read_csv(const ReadFn& read, const std::string& name, const ReadOptions& options,
                   const std::function<std::size_t()>& bytes_done = {}, std::size_t total_bytes = 0,
                   std::size_t size_hint = 0);

// A ReadFn over text held in memory.
ReadFn read_from_memory(std::string_view text);

// Parses CSV text held in memory (tests, fuzzing).
core::Table read_csv_text(std::string_view text, const ReadOptions& options = {}, const std::string& name = "<text>");

}  // namespace assay::io
