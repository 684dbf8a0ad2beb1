#include "drift/chunks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <numeric>

#include "core/error.hpp"

namespace assay::drift {

namespace {

constexpr std::int64_t kHourNs = 3600LL * 1000000000LL;
constexpr std::int64_t kDayNs = 24 * kHourNs;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

[[noreturn]] void bad_chunk(std::string_view text) {
  throw core::Error(core::Location{.path = "--chunk"},
                    fmt::format("'{}' is not a chunk size: use N (rows, also Nrows or N-rows), Nh, Nd or Nw with N > 0",
                                text));
}

}  // namespace

ChunkSpec parse_chunk(std::string_view text) {
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec == std::errc::result_out_of_range) {
    throw core::Error(core::Location{.path = "--chunk"}, fmt::format("'{}' is too large a chunk size", text));
  }
  if (ec != std::errc() || n <= 0) bad_chunk(text);
  const std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
  ChunkSpec spec;
  spec.size = n;
  if (unit.empty() || unit == "rows" || unit == "-rows") {
    spec.unit = ChunkSpec::Unit::rows;
  } else if (unit == "h") {
    spec.unit = ChunkSpec::Unit::hours;
  } else if (unit == "d") {
    spec.unit = ChunkSpec::Unit::days;
  } else if (unit == "w") {
    spec.unit = ChunkSpec::Unit::weeks;
  } else {
    bad_chunk(text);
  }
  if (spec.unit != ChunkSpec::Unit::rows) chunk_width_ns(spec);  // throws when it does not fit a timestamp
  return spec;
}

std::int64_t chunk_width_ns(const ChunkSpec& spec) {
  std::int64_t unit = 0;
  switch (spec.unit) {
    case ChunkSpec::Unit::hours: unit = kHourNs; break;
    case ChunkSpec::Unit::days: unit = kDayNs; break;
    case ChunkSpec::Unit::weeks: unit = 7 * kDayNs; break;
    case ChunkSpec::Unit::rows: return 0;
  }
  std::int64_t width = 0;
  if (__builtin_mul_overflow(spec.size, unit, &width)) {
    throw core::Error(core::Location{.path = "--chunk"},
                      fmt::format("a chunk of {}{} is longer than timestamps can span (at most {} days)", spec.size,
                                  spec.unit == ChunkSpec::Unit::hours  ? "h"
                                  : spec.unit == ChunkSpec::Unit::days ? "d"
                                                                       : "w",
                                  std::numeric_limits<std::int64_t>::max() / kDayNs));
  }
  return width;
}

Chunking make_chunks(const core::Table& current, const ChunkSpec& spec, const std::optional<std::string>& timestamp,
                     std::size_t max_chunks) {
  Chunking out;
  const core::Column* ts = nullptr;
  if (timestamp) {
    ts = &current.column(*timestamp);
    if (ts->kind() != core::Kind::timestamp) {
      throw core::Error(core::Location{.path = "--timestamp"},
                        fmt::format("column '{}' is {}, not a timestamp (force it with --type {}=timestamp)", *timestamp,
                                    core::kind_name(ts->kind()), *timestamp));
    }
  } else if (spec.unit != ChunkSpec::Unit::rows) {
    throw core::Error(core::Location{.path = "--chunk"}, "time chunks need --timestamp COLUMN");
  }
  // Row indices are 32-bit (chunks hold index lists for every column).
  if (current.rows() > std::numeric_limits<std::uint32_t>::max()) {
    throw core::Error(core::Location{.path = "--chunk"},
                      fmt::format("the current data has {} rows; chunks handle at most {}", current.rows(),
                                  std::numeric_limits<std::uint32_t>::max()));
  }
  // Rows with a timestamp, in time order (stable: ties keep file order).
  std::vector<std::uint32_t> order;
  order.reserve(current.rows());
  for (std::size_t i = 0; i < current.rows(); ++i) {
    if (ts != nullptr && !ts->is_valid(i)) {
      ++out.null_timestamps;
      continue;
    }
    order.push_back(static_cast<std::uint32_t>(i));
  }
  if (ts != nullptr) {
    const auto v = ts->i64();
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return v[a] < v[b]; });
  }

  if (spec.unit == ChunkSpec::Unit::rows) {
    const auto size = static_cast<std::size_t>(spec.size);
    if ((order.size() + size - 1) / size > max_chunks) {
      throw core::Error(core::Location{.path = "--chunk"},
                        fmt::format("{} rows in chunks of {} make more than {} chunks", order.size(), size, max_chunks));
    }
    for (std::size_t begin = 0; begin < order.size(); begin += size) {
      Chunk c;
      c.index = out.chunks.size();
      c.rows.assign(order.begin() + static_cast<std::ptrdiff_t>(begin),
                    order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), begin + size)));
      if (ts != nullptr) {
        c.first_ns = ts->i64()[c.rows.front()];
        c.last_ns = ts->i64()[c.rows.back()];
      }
      out.chunks.push_back(std::move(c));
    }
    return out;
  }

  // Time chunks: the start of each row's bucket.
  const auto v = ts->i64();
  const std::int64_t width = chunk_width_ns(spec);
  // Weeks: 1970-01-01 was a Thursday; Monday starts are 3 days earlier.
  const std::int64_t offset = spec.unit == ChunkSpec::Unit::weeks ? -3 * kDayNs : 0;
  // floor((t - offset) / width) * width + offset without forming t - offset,
  // and bucket ends checked: near the ends of the int64 range a bucket
  // boundary may not be representable.
  auto start_of = [&](std::int64_t t) {
    const std::int64_t k = floor_div(t, width);
    std::int64_t start = 0;
    std::int64_t end = 0;
    bool overflow = __builtin_mul_overflow(k, width, &start);  // start <= t < start + width
    // With the offset (in (-width, 0]) the bucket is [start + offset, ...)
    // or, when t lies past start + width + offset, the next one.
    if (!overflow && t - start >= width + offset) overflow = __builtin_add_overflow(start, width, &start);
    if (!overflow) overflow = __builtin_add_overflow(start, offset, &start) || __builtin_add_overflow(start, width, &end);
    if (overflow) {
      throw core::Error(core::Location{.path = "--chunk"},
                        fmt::format("the chunk holding timestamp {} ends beyond the last representable timestamp; "
                                    "use shorter chunks",
                                    core::format_timestamp(t)));
    }
    return start;
  };
  for (const std::uint32_t row : order) {
    const std::int64_t start = start_of(v[row]);
    if (out.chunks.empty() || *out.chunks.back().start_ns != start) {
      if (out.chunks.size() == max_chunks) {
        throw core::Error(core::Location{.path = "--chunk"},
                          fmt::format("the current data spans more than {} chunks of this size", max_chunks));
      }
      Chunk c;
      c.index = out.chunks.size();
      c.start_ns = start;
      c.end_ns = start + width;
      c.first_ns = v[row];
      out.chunks.push_back(std::move(c));
    }
    out.chunks.back().rows.push_back(row);
    out.chunks.back().last_ns = v[row];
  }
  return out;
}

}  // namespace assay::drift
