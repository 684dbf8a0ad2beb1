#include "io/column_chunk.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "io/cell_parse.hpp"

namespace assay::io {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

NaTokens::NaTokens(std::vector<std::string> tokens) : tokens_(std::move(tokens)) {
  for (const auto& t : tokens_) {
    if (t.size() < 64) {
      length_mask_ |= std::uint64_t{1} << t.size();
    } else {
      has_long_ = true;
    }
  }
}

bool NaTokens::contains(std::string_view text) const noexcept {
  if (text.size() < 64 && (length_mask_ & (std::uint64_t{1} << text.size())) == 0) return false;
  if (text.size() >= 64 && !has_long_) return false;
  for (const auto& t : tokens_) {
    if (t == text) return true;
  }
  return false;
}

ChunkBuilder::ChunkBuilder(const NaTokens& na, std::optional<core::Kind> forced, std::size_t expected_rows)
    : na_(na), forced_(forced), expected_rows_(expected_rows) {
  chunk_.valid.reserve(expected_rows);
  if (!forced) return;
  switch (*forced) {
    case core::Kind::float64: chunk_.kind = ChunkKind::float64; chunk_.f64.reserve(expected_rows); break;
    case core::Kind::int64: chunk_.kind = ChunkKind::int64; chunk_.i64.reserve(expected_rows); break;
    case core::Kind::timestamp: chunk_.kind = ChunkKind::timestamp; chunk_.i64.reserve(expected_rows); break;
    case core::Kind::boolean: chunk_.kind = ChunkKind::boolean; chunk_.b.reserve(expected_rows); break;
    case core::Kind::categorical:
    case core::Kind::string: chunk_.kind = ChunkKind::text; chunk_.codes.reserve(expected_rows); break;
  }
}

void ChunkBuilder::push_null() {
  chunk_.valid.push_back(0);
  switch (chunk_.kind) {
    case ChunkKind::empty: ++leading_nulls_; break;
    case ChunkKind::boolean: chunk_.b.push_back(0); break;
    case ChunkKind::int64:
    case ChunkKind::timestamp: chunk_.i64.push_back(0); break;
    case ChunkKind::float64: chunk_.f64.push_back(kNaN); break;
    case ChunkKind::text: chunk_.codes.push_back(-1); break;
  }
}

// Picks the narrowest kind for the first non-null cell of an unforced column.
bool ChunkBuilder::start(CellView cell) {
  const std::size_t n = leading_nulls_;
  std::int64_t i = 0;
  double f = 0.0;
  std::uint8_t b = 0;
  const bool numeric_ok = cell.type == CellType::raw || cell.type == CellType::number;
  const bool bool_ok = cell.type == CellType::raw || cell.type == CellType::boolean;
  const bool time_ok = cell.type == CellType::raw || cell.type == CellType::string;
  if (numeric_ok && parse_int64(cell.text, i)) {
    chunk_.kind = ChunkKind::int64;
    chunk_.i64.reserve(expected_rows_);
    chunk_.i64.assign(n, 0);
    chunk_.i64.push_back(i);
  } else if (numeric_ok && parse_float64(cell.text, f)) {
    chunk_.kind = ChunkKind::float64;
    chunk_.f64.reserve(expected_rows_);
    chunk_.f64.assign(n, kNaN);
    chunk_.f64.push_back(f);
  } else if (bool_ok && parse_bool(cell.text, b)) {
    chunk_.kind = ChunkKind::boolean;
    chunk_.b.reserve(expected_rows_);
    chunk_.b.assign(n, 0);
    chunk_.b.push_back(b);
  } else if (time_ok && parse_timestamp(cell.text, i)) {
    chunk_.kind = ChunkKind::timestamp;
    chunk_.i64.reserve(expected_rows_);
    chunk_.i64.assign(n, 0);
    chunk_.i64.push_back(i);
  } else {
    chunk_.kind = ChunkKind::text;
    chunk_.codes.reserve(expected_rows_);
    chunk_.codes.assign(n, -1);
    chunk_.codes.push_back(chunk_.dict.intern(cell.text));
  }
  chunk_.valid.push_back(1);
  return true;
}

bool ChunkBuilder::widen_to_float() {
  chunk_.f64.resize(chunk_.i64.size());
  for (std::size_t r = 0; r < chunk_.i64.size(); ++r) {
    chunk_.f64[r] = chunk_.valid[r] ? static_cast<double>(chunk_.i64[r]) : kNaN;
  }
  chunk_.i64 = {};
  chunk_.kind = ChunkKind::float64;
  return true;
}

ChunkBuilder::Result ChunkBuilder::fail(std::string message) {
  error_ = std::move(message);
  return Result::error;
}

ChunkBuilder::Result ChunkBuilder::append(CellView cell) {
  if (cell.type == CellType::null || (cell.type != CellType::number && cell.type != CellType::boolean &&
                                      na_.contains(cell.text))) {
    push_null();
    return Result::ok;
  }
  const bool forced = forced_.has_value();
  const auto mismatch = [&](std::string_view expected) {
    if (forced) {
      return fail(fmt::format("'{}' is not {}", cell.text.substr(0, 80), expected));
    }
    return Result::restart_as_text;
  };
  // Without a forced kind, a JSON cell's own type limits what it may become.
  const bool numeric_ok = forced || cell.type == CellType::raw || cell.type == CellType::number;
  const bool bool_ok = forced || cell.type == CellType::raw || cell.type == CellType::boolean;
  const bool time_ok = forced || cell.type == CellType::raw || cell.type == CellType::string;
  switch (chunk_.kind) {
    case ChunkKind::empty:
      start(cell);
      return Result::ok;
    case ChunkKind::int64: {
      std::int64_t i = 0;
      double f = 0.0;
      if (numeric_ok && parse_int64(cell.text, i)) {
        chunk_.i64.push_back(i);
      } else if (!forced && numeric_ok && parse_float64(cell.text, f)) {
        widen_to_float();
        chunk_.f64.push_back(f);
      } else {
        return mismatch("an integer");
      }
      break;
    }
    case ChunkKind::float64: {
      double f = 0.0;
      if (!numeric_ok || !parse_float64(cell.text, f)) return mismatch("a number");
      chunk_.f64.push_back(f);
      break;
    }
    case ChunkKind::boolean: {
      std::uint8_t b = 0;
      if (bool_ok && parse_bool(cell.text, b)) {
        chunk_.b.push_back(b);
      } else if (forced && (cell.text == "0" || cell.text == "1")) {
        chunk_.b.push_back(cell.text == "1" ? 1 : 0);
      } else {
        return mismatch("a boolean (true/false)");
      }
      break;
    }
    case ChunkKind::timestamp: {
      std::int64_t ns = 0;
      if (!time_ok || !parse_timestamp(cell.text, ns)) return mismatch("an ISO-8601 timestamp");
      chunk_.i64.push_back(ns);
      break;
    }
    case ChunkKind::text:
      chunk_.codes.push_back(chunk_.dict.intern(cell.text));
      break;
  }
  chunk_.valid.push_back(1);
  return Result::ok;
}

void ChunkBuilder::restart_as_text() {
  chunk_ = ColumnChunk{};
  chunk_.kind = ChunkKind::text;
  chunk_.valid.reserve(expected_rows_);
  chunk_.codes.reserve(expected_rows_);
  leading_nulls_ = 0;
}

namespace {

ChunkKind join(ChunkKind a, ChunkKind b) {
  if (a == ChunkKind::empty) return b;
  if (b == ChunkKind::empty || a == b) return a;
  if ((a == ChunkKind::int64 && b == ChunkKind::float64) || (a == ChunkKind::float64 && b == ChunkKind::int64)) {
    return ChunkKind::float64;
  }
  return ChunkKind::text;
}

std::string render(const ColumnChunk& chunk, std::size_t row) {
  switch (chunk.kind) {
    case ChunkKind::boolean: return chunk.b[row] ? "true" : "false";
    case ChunkKind::int64: return fmt::format("{}", chunk.i64[row]);
    case ChunkKind::float64: return fmt::format("{}", chunk.f64[row]);
    case ChunkKind::timestamp: return core::format_timestamp(chunk.i64[row]);
    case ChunkKind::text: return std::string(chunk.dict.at(chunk.codes[row]));
    case ChunkKind::empty: return {};
  }
  return {};
}

template <class T>
void append_or_fill(std::vector<T>& out, std::vector<T>& part, std::size_t rows, T fill) {
  if (part.empty()) {
    out.insert(out.end(), rows, fill);
  } else {
    out.insert(out.end(), part.begin(), part.end());
  }
  part = {};
}

core::Column merge_text(std::string name, std::vector<ColumnChunk>& chunks, std::vector<std::uint8_t> valid,
                        const MergeOptions& options) {
  core::StringDictionary global;
  std::vector<std::int32_t> codes;
  codes.reserve(valid.size());
  std::size_t non_null = 0;
  for (auto& chunk : chunks) {
    const std::size_t rows = chunk.valid.size();
    if (chunk.kind == ChunkKind::text) {
      std::vector<std::int32_t> remap(chunk.dict.size());
      for (std::size_t c = 0; c < remap.size(); ++c) remap[c] = global.intern(chunk.dict.at(static_cast<std::int32_t>(c)));
      for (std::size_t r = 0; r < rows; ++r) {
        codes.push_back(chunk.valid[r] ? remap[static_cast<std::size_t>(chunk.codes[r])] : -1);
      }
    } else {
      for (std::size_t r = 0; r < rows; ++r) codes.push_back(chunk.valid[r] ? global.intern(render(chunk, r)) : -1);
    }
    for (std::size_t r = 0; r < rows; ++r) non_null += chunk.valid[r];
    chunk = ColumnChunk{};
  }
  const bool categorical =
      options.forced ? *options.forced == core::Kind::categorical
                     : static_cast<double>(global.size()) <= options.categorical_max_share * static_cast<double>(non_null);
  if (categorical) return core::Column::categorical(std::move(name), std::move(codes), global.strings(), std::move(valid));
  std::vector<std::uint64_t> offsets;
  offsets.reserve(codes.size() + 1);
  offsets.push_back(0);
  std::string bytes;
  for (const std::int32_t code : codes) {
    if (code >= 0) bytes.append(global.at(code));
    offsets.push_back(bytes.size());
  }
  return core::Column::string(std::move(name), std::move(offsets), std::move(bytes), std::move(valid));
}

}  // namespace

core::Column merge_chunks(std::string name, std::vector<ColumnChunk>& chunks, const MergeOptions& options) {
  ChunkKind kind = ChunkKind::empty;
  std::size_t total = 0;
  for (const auto& c : chunks) {
    kind = join(kind, c.kind);
    total += c.valid.size();
  }
  std::vector<std::uint8_t> valid;
  valid.reserve(total);
  for (auto& c : chunks) valid.insert(valid.end(), c.valid.begin(), c.valid.end());

  switch (kind) {
    case ChunkKind::empty:
      return core::Column::float64(std::move(name), std::vector<double>(total, kNaN), std::move(valid));
    case ChunkKind::boolean: {
      std::vector<std::uint8_t> out;
      out.reserve(total);
      for (auto& c : chunks) append_or_fill(out, c.b, c.valid.size(), std::uint8_t{0});
      return core::Column::boolean(std::move(name), std::move(out), std::move(valid));
    }
    case ChunkKind::int64:
    case ChunkKind::timestamp: {
      std::vector<std::int64_t> out;
      out.reserve(total);
      for (auto& c : chunks) append_or_fill(out, c.i64, c.valid.size(), std::int64_t{0});
      return kind == ChunkKind::int64 ? core::Column::int64(std::move(name), std::move(out), std::move(valid))
                                      : core::Column::timestamp(std::move(name), std::move(out), std::move(valid));
    }
    case ChunkKind::float64: {
      std::vector<double> out;
      out.reserve(total);
      for (auto& c : chunks) {
        if (c.kind == ChunkKind::int64) {
          for (std::size_t r = 0; r < c.i64.size(); ++r) out.push_back(c.valid[r] ? static_cast<double>(c.i64[r]) : kNaN);
          c.i64 = {};
        } else {
          append_or_fill(out, c.f64, c.valid.size(), kNaN);
        }
      }
      return core::Column::float64(std::move(name), std::move(out), std::move(valid));
    }
    case ChunkKind::text: return merge_text(std::move(name), chunks, std::move(valid), options);
  }
  return core::Column::float64(std::move(name), {}, {});
}

}  // namespace assay::io
