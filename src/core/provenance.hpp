#pragma once
// Provenance of an input: which exact bytes were evaluated (DESIGN.md,
// Output conventions). Readers fill it while they stream the file, so the
// content hash costs no second read.

#include <cstdint>
#include <string>

#include "core/hash.hpp"

namespace assay::core {

struct FileFingerprint {
  std::string path;
  std::uint64_t bytes = 0;  // size on disk (compressed size for .gz)
  Hash128 content;          // xxh3-128 of the bytes on disk
  std::string format;       // "csv", "jsonl"
  std::size_t rows = 0;
  std::size_t columns = 0;
};

}  // namespace assay::core
