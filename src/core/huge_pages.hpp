#pragma once
// Backing large, long-lived buffers (a table's columns, the reader's blocks)
// with 2 MiB pages. Linux gives transparent huge pages to memory that asks
// for them (madvise(MADV_HUGEPAGE); the "madvise" mode is Debian's default),
// so a column of a million doubles is filled with 4 page faults instead of
// 2,000; first-touch faults were a tenth of reading a CSV file.
// Only the whole 2 MiB pages inside the range are advised; elsewhere, and on
// systems without the call, this does nothing.

#include <cstddef>
#include <vector>

namespace assay::core {

void advise_huge_pages(const void* data, std::size_t bytes) noexcept;

// The vector's whole capacity; call after reserve(), before filling.
template <class T>
void advise_huge_pages(const std::vector<T>& storage) noexcept {
  advise_huge_pages(storage.data(), storage.capacity() * sizeof(T));
}

}  // namespace assay::core
