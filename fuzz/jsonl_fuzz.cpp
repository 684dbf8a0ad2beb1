// Fuzzes the JSON Lines reader: parse or core::Error, nothing else.

#include <oneapi/tbb/task_arena.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "io/jsonl_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static tbb::task_arena arena(2);
  if (size == 0) return 0;
  assay::io::ReadOptions options;
  if (data[0] & 1) options.max_rows = 3;
  if (data[0] & 2) options.kinds = {{"a", assay::core::Kind::int64}, {"b", assay::core::Kind::timestamp}};
  options.max_field_bytes = 1 << 16;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  arena.execute([&] {
    try {
      const auto table = assay::io::read_jsonl_text(text, options);
      for (const auto& column : table.all()) {
        for (std::size_t r = 0; r < table.rows(); ++r) (void)column.text(r);
      }
    } catch (const assay::core::Error&) {
    }
  });
  return 0;
}
