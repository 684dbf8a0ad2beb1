// Fuzzes the CSV reader: any input must either parse or throw core::Error;
// a crash, a sanitizer report, a hang or any other exception is a bug.
// The first byte picks the delimiter and the read options.

#include <oneapi/tbb/task_arena.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "io/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static tbb::task_arena arena(2);
  if (size == 0) return 0;
  assay::io::ReadOptions options;
  const std::uint8_t knobs = data[0];
  constexpr char kDelimiters[] = {0, ',', ';', '\t'};
  if (kDelimiters[knobs & 3] != 0) options.delimiter = kDelimiters[knobs & 3];
  if (knobs & 4) options.max_rows = 3;
  if (knobs & 8) options.kinds = {{"a", assay::core::Kind::float64}, {"b", assay::core::Kind::categorical}};
  options.max_field_bytes = 1 << 16;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  arena.execute([&] {
    try {
      const auto table = assay::io::read_csv_text(text, options);
      for (const auto& column : table.all()) {
        for (std::size_t r = 0; r < table.rows(); ++r) (void)column.text(r);
      }
    } catch (const assay::core::Error&) {
    }
  });
  return 0;
}
