#pragma once
// Splitting the current data into chunks to see when drift started
// (NannyML's chunking): by time with a timestamp column (`6h`, `1d`, `1w`;
// days and hours aligned to the Unix epoch in UTC, weeks starting on
// Monday), or by count (`5000`, `5000rows`, `5000-rows`: consecutive rows, in
// timestamp order when a timestamp column is given, else file order).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/table.hpp"

namespace assay::drift {

struct ChunkSpec {
  enum class Unit { rows, hours, days, weeks };
  Unit unit = Unit::rows;
  std::int64_t size = 0;  // rows, or hours/days/weeks per chunk
};

// Throws core::Error naming the accepted forms, or when the size does not
// fit (a time chunk wider than the int64 nanosecond range).
ChunkSpec parse_chunk(std::string_view text);

// Nanoseconds per time chunk (0 for row chunks); throws core::Error when
// the width overflows int64.
std::int64_t chunk_width_ns(const ChunkSpec& spec);

struct Chunk {
  std::size_t index = 0;
  std::optional<std::int64_t> start_ns;  // time chunks: [start, end)
  std::optional<std::int64_t> end_ns;
  std::optional<std::int64_t> first_ns;  // first and last timestamp inside
  std::optional<std::int64_t> last_ns;
  std::vector<std::uint32_t> rows;       // current rows, ascending within the chunk's order
};

struct Chunking {
  std::vector<Chunk> chunks;        // in time (or file) order; none is empty
  std::size_t null_timestamps = 0;  // rows left out
};

// `timestamp` names a timestamp column of `current` (required for time
// units). At most `max_chunks` chunks and 2^32 - 1 rows (indices are
// 32-bit), else core::Error.
Chunking make_chunks(const core::Table& current, const ChunkSpec& spec, const std::optional<std::string>& timestamp,
                     std::size_t max_chunks = 10000);

}  // namespace assay::drift
