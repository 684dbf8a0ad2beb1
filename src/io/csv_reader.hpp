#pragma once
// CSV reader: RFC 4180 with delimiter detection, a UTF-8 BOM, gzip input,
// NA tokens and per-column kind inference or override (io/column_chunk.hpp).
//
// The text comes in blocks of 4 MiB (io/text_blocks.hpp: read, or viewed in
// a mapped file), cut at row boundaries into pieces of 256 KiB, tokenized and
// converted in parallel per piece; each column's pieces are appended to it
// block by block. So the reader holds one or two blocks of text plus the
// typed table, never the whole file in buffers.
// Errors carry file:line:column.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "core/table.hpp"
#include "io/read_options.hpp"
#include "io/text_blocks.hpp"

namespace assay::io {

struct CsvResult {
  core::Table table;
  bool stopped_early = false;  // --max-rows reached before the end
};

// `name` is used in error locations. `bytes_done` and `total_bytes` feed
// options.progress. `size_hint`, the expected bytes of text (0 if unknown),
// lets the reader reserve each column once instead of growing it.
CsvResult read_csv(TextBlocks& blocks, const std::string& name, const ReadOptions& options,
                   const std::function<std::size_t()>& bytes_done = {}, std::size_t total_bytes = 0,
                   std::size_t size_hint = 0);
CsvResult read_csv(const ReadFn& read, const std::string& name, const ReadOptions& options,
                   const std::function<std::size_t()>& bytes_done = {}, std::size_t total_bytes = 0,
                   std::size_t size_hint = 0);

// A ReadFn over text held in memory.
ReadFn read_from_memory(std::string_view text);

// Parses CSV text held in memory (tests, fuzzing).
core::Table read_csv_text(std::string_view text, const ReadOptions& options = {}, const std::string& name = "<text>");

}  // namespace assay::io
