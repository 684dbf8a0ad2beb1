#include "quality/fingerprint.hpp"

#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cstring>
#include <numeric>

#include "quality/cell_encoding.hpp"

namespace assay::quality {

namespace {

void update_sized(core::Xxh3Stream& stream, std::string_view text) {
  const std::uint64_t size = text.size();
  stream.update(std::string_view(reinterpret_cast<const char*>(&size), sizeof size));
  stream.update(text);
}

void update_hash(core::Xxh3Stream& stream, const core::Hash128& h) {
  char bytes[16];
  std::memcpy(bytes, &h.high, 8);
  std::memcpy(bytes + 8, &h.low, 8);
  stream.update(std::string_view(bytes, 16));
}

}  // namespace

DataFingerprint fingerprint(const core::Table& table) {
  DataFingerprint out;
  out.rows = table.rows();
  out.columns.resize(table.columns());
  tbb::parallel_for(std::size_t{0}, table.columns(), [&](std::size_t c) {
    const core::Column& column = table.column(c);
    out.columns[c] = {column.name(), column.kind(), column_hash(column)};
  });
  std::vector<std::size_t> by_name(table.columns());
  std::iota(by_name.begin(), by_name.end(), std::size_t{0});
  std::sort(by_name.begin(), by_name.end(), [&](auto a, auto b) { return out.columns[a].name < out.columns[b].name; });

  core::Xxh3Stream canonical, schema;
  canonical.update("assay.canonical/1");
  schema.update("assay.schema/1");
  const std::uint64_t rows = table.rows();
  canonical.update(std::string_view(reinterpret_cast<const char*>(&rows), sizeof rows));
  for (const std::size_t c : by_name) {
    update_sized(canonical, out.columns[c].name);
    update_hash(canonical, out.columns[c].hash);
    update_sized(schema, out.columns[c].name);
    update_sized(schema, core::kind_name(out.columns[c].kind));
  }
  out.canonical = canonical.digest();
  out.schema = schema.digest();
  return out;
}

}  // namespace assay::quality
