#include "io/column_chunk.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "core/cell_parse.hpp"

namespace assay::io {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

NaTokens::NaTokens(std::vector<std::string> tokens) : tokens_(std::move(tokens)) {
  for (const auto& t : tokens_) {
    if (t.empty()) {
      has_empty_ = true;
      continue;
    }
    const auto last = static_cast<unsigned char>(t.back());
    last_bytes_[last >> 6] |= std::uint64_t{1} << (last & 63);
    if (t.size() < 64) {
      length_mask_ |= std::uint64_t{1} << t.size();
    } else {
      has_long_ = true;
    }
  }
}

bool NaTokens::contains_slow(std::string_view text) const noexcept {
  for (const auto& t : tokens_) {
    if (t == text) return true;
  }
  return false;
}

ChunkBuilder::ChunkBuilder(const NaTokens& na, std::optional<core::Kind> forced, std::size_t expected_rows, bool padded)
    : na_(na), forced_(forced), expected_rows_(expected_rows), padded_(padded) {
  chunk_.valid.reserve(expected_rows);
  if (!forced) return;
  switch (*forced) {
    case core::Kind::float64: chunk_.kind = ChunkKind::float64; chunk_.f64.reserve(expected_rows); break;
    case core::Kind::int64: chunk_.kind = ChunkKind::int64; chunk_.i64.reserve(expected_rows); break;
    case core::Kind::timestamp: chunk_.kind = ChunkKind::timestamp; chunk_.i64.reserve(expected_rows); break;
    case core::Kind::boolean: chunk_.kind = ChunkKind::boolean; chunk_.b.reserve(expected_rows); break;
    case core::Kind::categorical: chunk_.kind = ChunkKind::text; chunk_.codes.reserve(expected_rows); break;
    case core::Kind::string:
      chunk_.kind = ChunkKind::text;
      chunk_.plain = true;
      chunk_.ends.reserve(expected_rows);
      break;
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
    case ChunkKind::text:
      if (chunk_.plain) {
        chunk_.ends.push_back(chunk_.bytes.size());
      } else {
        chunk_.codes.push_back(-1);
      }
      break;
  }
}

// Picks the narrowest kind for the first non-null cell of an unforced column.
bool ChunkBuilder::start(const CellView& cell) {
  const std::size_t n = leading_nulls_;
  std::int64_t i = 0;
  double f = 0.0;
  std::uint8_t b = 0;
  const bool numeric_ok = cell.type == CellType::raw || cell.type == CellType::number;
  const bool bool_ok = cell.type == CellType::raw || cell.type == CellType::boolean;
  const bool time_ok = cell.type == CellType::raw || cell.type == CellType::string;
  if (numeric_ok && core::parse_int64(cell.text, i)) {
    chunk_.kind = ChunkKind::int64;
    chunk_.i64.reserve(expected_rows_);
    chunk_.i64.assign(n, 0);
    chunk_.i64.push_back(i);
  } else if (numeric_ok && core::parse_float64(cell.text, f)) {
    chunk_.kind = ChunkKind::float64;
    chunk_.f64.reserve(expected_rows_);
    chunk_.f64.assign(n, kNaN);
    chunk_.f64.push_back(f);
  } else if (bool_ok && core::parse_bool(cell.text, b)) {
    chunk_.kind = ChunkKind::boolean;
    chunk_.b.reserve(expected_rows_);
    chunk_.b.assign(n, 0);
    chunk_.b.push_back(b);
  } else if (time_ok && core::parse_timestamp(cell.text, i)) {
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

ChunkBuilder::Result ChunkBuilder::append(const CellView& cell) {
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
      if (numeric_ok && core::parse_int64(cell.text, i)) {
        chunk_.i64.push_back(i);
      } else if (!forced && numeric_ok && core::parse_float64(cell.text, f)) {
        widen_to_float();
        chunk_.f64.push_back(f);
      } else {
        return mismatch("an integer");
      }
      break;
    }
    case ChunkKind::float64: {
      double f = 0.0;
      if (!numeric_ok || !parse_number(cell.text, f)) return mismatch("a number");
      chunk_.f64.push_back(f);
      break;
    }
    case ChunkKind::boolean: {
      std::uint8_t b = 0;
      if (bool_ok && core::parse_bool(cell.text, b)) {
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
      if (!time_ok || !core::parse_timestamp(cell.text, ns)) return mismatch("an ISO-8601 timestamp");
      chunk_.i64.push_back(ns);
      break;
    }
    case ChunkKind::text:
      if (chunk_.plain) {
        chunk_.bytes.append(cell.text);
        chunk_.ends.push_back(chunk_.bytes.size());
      } else {
        chunk_.codes.push_back(chunk_.dict.intern(cell.text));
      }
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
    case ChunkKind::text:
      if (chunk.plain) {
        const std::uint64_t begin = row == 0 ? 0 : chunk.ends[row - 1];
        return chunk.bytes.substr(begin, chunk.ends[row] - begin);
      }
      return std::string(chunk.dict.at(chunk.codes[row]));
    case ChunkKind::empty: return {};
  }
  return {};
}

}  // namespace

ColumnAccumulator::ColumnAccumulator(std::optional<core::Kind> forced, double categorical_max_share,
                                     std::size_t categorical_min_levels)
    : forced_(forced), categorical_max_share_(categorical_max_share), categorical_min_levels_(categorical_min_levels) {
  if (forced) {
    // The same kind ChunkBuilder starts a forced column with.
    const NaTokens none({});
    const ColumnChunk start = ChunkBuilder(none, forced, 0).finish();
    data_.kind = start.kind;
    data_.plain = start.plain;
  }
}

void ColumnAccumulator::reserve(std::size_t rows) {
  reserved_ = rows;
  data_.valid.reserve(rows);
}

// Converts what was accumulated so far to a wider kind.
void ColumnAccumulator::widen(ChunkKind to) {
  const std::size_t n = data_.valid.size();
  const std::size_t capacity = std::max(reserved_, n);
  switch (to) {
    case ChunkKind::empty: break;
    case ChunkKind::boolean: data_.b.reserve(capacity); data_.b.assign(n, 0); break;
    case ChunkKind::int64:
    case ChunkKind::timestamp: data_.i64.reserve(capacity); data_.i64.assign(n, 0); break;
    case ChunkKind::float64:
      data_.f64.reserve(capacity);
      if (data_.kind == ChunkKind::int64) {
        for (std::size_t r = 0; r < n; ++r) data_.f64.push_back(data_.valid[r] ? static_cast<double>(data_.i64[r]) : kNaN);
        data_.i64 = {};
      } else {
        data_.f64.assign(n, kNaN);
      }
      break;
    case ChunkKind::text: {
      std::vector<std::int32_t> codes;
      codes.reserve(capacity);
      for (std::size_t r = 0; r < n; ++r) codes.push_back(data_.valid[r] ? data_.dict.intern(render(data_, r)) : -1);
      data_.f64 = {};
      data_.i64 = {};
      data_.b = {};
      data_.codes = std::move(codes);
      break;
    }
  }
  data_.kind = to;
}

void ColumnAccumulator::append(ColumnChunk&& chunk) {
  const ChunkKind target = join(data_.kind, chunk.kind);
  if (target != data_.kind) widen(target);
  const std::size_t rows = chunk.valid.size();
  if (data_.valid.capacity() < data_.valid.size() + rows && reserved_ > 0) {
    // The estimate was short: grow by half again rather than doubling.
    data_.valid.reserve((data_.valid.size() + rows) * 3 / 2);
  }
  data_.valid.insert(data_.valid.end(), chunk.valid.begin(), chunk.valid.end());
  const auto copy_or_fill = [&](auto& out, auto& part, auto fill) {
    if (chunk.kind == ChunkKind::empty) {
      out.insert(out.end(), rows, fill);
    } else {
      out.insert(out.end(), part.begin(), part.end());
    }
  };
  switch (target) {
    case ChunkKind::empty: break;
    case ChunkKind::boolean: copy_or_fill(data_.b, chunk.b, std::uint8_t{0}); break;
    case ChunkKind::int64:
    case ChunkKind::timestamp: copy_or_fill(data_.i64, chunk.i64, std::int64_t{0}); break;
    case ChunkKind::float64:
      if (chunk.kind == ChunkKind::int64) {
        for (std::size_t r = 0; r < rows; ++r) data_.f64.push_back(chunk.valid[r] ? static_cast<double>(chunk.i64[r]) : kNaN);
      } else {
        copy_or_fill(data_.f64, chunk.f64, kNaN);
      }
      break;
    case ChunkKind::text:
      if (data_.plain) {
        const std::uint64_t base = data_.bytes.size();
        if (chunk.plain) {
          data_.bytes.append(chunk.bytes);
          for (const std::uint64_t end : chunk.ends) data_.ends.push_back(base + end);
        } else {
          for (std::size_t r = 0; r < rows; ++r) {
            if (chunk.valid[r]) data_.bytes.append(render(chunk, r));
            data_.ends.push_back(data_.bytes.size());
          }
        }
      } else if (chunk.kind == ChunkKind::text) {
        // Codes are -1 for nulls; index the remap table one past so they stay -1.
        std::vector<std::int32_t> remap(chunk.dict.size() + 1, -1);
        for (std::size_t c = 0; c < chunk.dict.size(); ++c) {
          remap[c + 1] = data_.dict.intern(chunk.dict.at(static_cast<std::int32_t>(c)));
        }
        const std::size_t base = data_.codes.size();
        data_.codes.resize(base + rows);
        std::int32_t* out = data_.codes.data() + base;
        for (std::size_t r = 0; r < rows; ++r) out[r] = remap[static_cast<std::size_t>(chunk.codes[r] + 1)];
      } else {
        for (std::size_t r = 0; r < rows; ++r) data_.codes.push_back(chunk.valid[r] ? data_.dict.intern(render(chunk, r)) : -1);
      }
      break;
  }
  chunk = ColumnChunk{};
}

core::Column ColumnAccumulator::finish(std::string name) {
  ColumnChunk& d = data_;
  const std::size_t n = d.valid.size();
  switch (d.kind) {
    case ChunkKind::empty:
      return core::Column::float64(std::move(name), std::vector<double>(n, kNaN), std::move(d.valid));
    case ChunkKind::boolean: return core::Column::boolean(std::move(name), std::move(d.b), std::move(d.valid));
    case ChunkKind::int64: return core::Column::int64(std::move(name), std::move(d.i64), std::move(d.valid));
    case ChunkKind::timestamp: return core::Column::timestamp(std::move(name), std::move(d.i64), std::move(d.valid));
    case ChunkKind::float64: return core::Column::float64(std::move(name), std::move(d.f64), std::move(d.valid));
    case ChunkKind::text: break;
  }
  if (d.plain) {
    std::vector<std::uint64_t> offsets;
    offsets.reserve(n + 1);
    offsets.push_back(0);
    offsets.insert(offsets.end(), d.ends.begin(), d.ends.end());
    d.ends = {};
    return core::Column::string(std::move(name), std::move(offsets), std::move(d.bytes), std::move(d.valid));
  }
  std::size_t non_null = 0;
  for (const auto v : d.valid) non_null += v;
  const bool categorical =
      forced_ ? *forced_ == core::Kind::categorical
              : d.dict.size() <= categorical_min_levels_ ||
                    static_cast<double>(d.dict.size()) <= categorical_max_share_ * static_cast<double>(non_null);
  if (categorical) return core::Column::categorical(std::move(name), std::move(d.codes), d.dict.strings(), std::move(d.valid));
  std::vector<std::uint64_t> offsets;
  offsets.reserve(n + 1);
  offsets.push_back(0);
  std::string bytes;
  for (const std::int32_t code : d.codes) {
    if (code >= 0) bytes.append(d.dict.at(code));
    offsets.push_back(bytes.size());
  }
  d.codes = {};
  return core::Column::string(std::move(name), std::move(offsets), std::move(bytes), std::move(d.valid));
}

}  // namespace assay::io
