#include "io/table_reader.hpp"

#include <algorithm>
#include <string_view>

#include "core/error.hpp"
#include "io/byte_source.hpp"
#include "io/csv_reader.hpp"
#include "io/jsonl_reader.hpp"

namespace assay::io {

namespace {

bool is_json_lines(std::string_view path) {
  if (path.ends_with(".gz")) path.remove_suffix(3);
  return path.ends_with(".jsonl") || path.ends_with(".ndjson") || path.ends_with(".json");
}

}  // namespace

ReadResult read_table(const std::string& path, const ReadOptions& options) {
  ByteSource source(path);
  const ReadFn read = [&](char* dst, std::size_t n) { return source.read(dst, n); };
  const auto done = [&] { return static_cast<std::size_t>(source.consumed_on_disk()); };
  const bool jsonl = is_json_lines(path);
  CsvResult result;
  if (jsonl) {
    result = read_jsonl(read, path, options, done, source.size_on_disk());
  } else if (const auto mapped = source.map()) {
    // A plain file is parsed where the kernel keeps it, not copied first.
    const auto blocks = mapped_blocks(
        *mapped, [&](std::size_t end) { source.reached(end); }, [&](std::size_t begin) { source.done_before(begin); });
    result = read_csv(*blocks, path, options, done, source.size_on_disk(), mapped->size());
  } else {
    result = read_csv(read, path, options, done, source.size_on_disk(), source.compressed() ? 0 : source.size_on_disk());
  }
  if (result.stopped_early) source.finish_hash();
  ReadResult out{std::move(result.table), {}};
  out.fingerprint.path = path;
  out.fingerprint.bytes = source.size_on_disk();
  out.fingerprint.content = source.content_hash();
  out.fingerprint.format = jsonl ? "jsonl" : "csv";
  out.fingerprint.rows = out.table.rows();
  out.fingerprint.columns = out.table.columns();
  return out;
}

}  // namespace assay::io
