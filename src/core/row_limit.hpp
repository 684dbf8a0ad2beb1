#pragma once
// The most rows a table may hold. Engines index rows with 32 bits (sorted
// orders, kept rows, bootstrap frames: half the memory of 64-bit indices),
// so the readers and Table::add reject more with a clear error instead of
// letting an index wrap.

#include <cstddef>

namespace assay::core {

inline constexpr std::size_t kMaxRows = 0xFFFFFFFFu;

// Throws core::Error when `rows` exceeds kMaxRows.
void check_row_count(std::size_t rows);

}  // namespace assay::core
