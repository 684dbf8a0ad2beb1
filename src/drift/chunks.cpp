#include "drift/chunks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
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
  return spec;
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
  std::int64_t width = 0;
  std::int64_t offset = 0;  // weeks: 1970-01-01 was a Thursday; Monday starts are 3 days earlier
  switch (spec.unit) {
    case ChunkSpec::Unit::hours: width = spec.size * kHourNs; break;
    case ChunkSpec::Unit::days: width = spec.size * kDayNs; break;
    case ChunkSpec::Unit::weeks:
      width = spec.size * 7 * kDayNs;
      offset = -3 * kDayNs;
      break;
    case ChunkSpec::Unit::rows: break;
  }
  auto start_of = [&](std::int64_t t) { return floor_div(t - offset, width) * width + offset; };
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
