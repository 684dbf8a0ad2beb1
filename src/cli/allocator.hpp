#pragma once
// The process's memory allocator, set up once at start.

namespace assay::cli {

// With mimalloc (the release build): back the heap with 2 MiB pages.
// Reading a large file fills a few hundred MB of fresh memory (the table,
// sort keys); with 4 KiB pages each page is a fault, about a fifth of the
// time of `assay profile` on a 160 MB CSV. mimalloc keeps its segments
// 2 MiB-aligned, so whole columns land on huge pages, and reuses freed memory
// instead of returning it between phases. Elsewhere this does nothing.
void configure_allocator() noexcept;

}  // namespace assay::cli
