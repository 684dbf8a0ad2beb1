#include "quality/cell_encoding.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace assay::quality {

namespace {

constexpr std::uint64_t kWhole = 1, kFloat = 2, kTime = 3;
constexpr std::size_t kCode = 16;  // bytes per cell code

// Powers of ten 1e-330 .. 1e330 (subnormal and infinite ends included),
// built once at start-up: a constant table, read without a guard.
std::array<double, 661> make_powers_of_ten() {
  std::array<double, 661> t{};
  for (int i = 0; i < 661; ++i) t[static_cast<std::size_t>(i)] = std::pow(10.0, i - 330);
  return t;
}
const std::array<double, 661> kPowersOfTen = make_powers_of_ten();

inline double pow10(int exponent) { return kPowersOfTen[static_cast<std::size_t>(exponent + 330)]; }

void store(const core::Hash128& code, std::byte* out) {
  std::memcpy(out, &code.high, 8);
  std::memcpy(out + 8, &code.low, 8);
}

// Trimmed, ASCII-lower-cased copy into `buffer`.
std::string_view normalise_text(std::string_view text, std::string& buffer) {
  text = trim_ascii(text);
  buffer.assign(text);
  for (char& c : buffer) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return buffer;
}

}  // namespace

double round_significant(double value, int digits) {
  if (value == 0.0 || !std::isfinite(value)) return value;
  // Decimal exponent from the binary one (|error| <= 1), corrected by comparison.
  const double magnitude = std::fabs(value);
  int exponent = (std::ilogb(magnitude) * 78913) >> 18;  // floor(e2 * log10(2)) for |e2| < 1100
  if (exponent < 308 && magnitude >= pow10(exponent + 1)) ++exponent;
  if (magnitude < pow10(exponent)) --exponent;
  const int shift = std::clamp(digits - 1 - exponent, -330, 330);
  // Dividing by an exact power of ten rounds better than multiplying by its inverse.
  if (shift >= 0) {
    const double scale = pow10(shift);
    const double scaled = value * scale;
    if (!std::isfinite(scaled)) return value;
    return std::nearbyint(scaled) / scale;
  }
  const double scale = pow10(-shift);
  return std::nearbyint(value / scale) * scale;
}

std::string_view trim_ascii(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  std::size_t begin = 0, end = text.size();
  while (begin < end && space(text[begin])) ++begin;
  while (end > begin && space(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

CellEncoder::CellEncoder(const core::Column& column, Normalisation normalisation)
    : column_(&column), kind_(column.kind()), normalisation_(normalisation), validity_(column.validity()) {
  switch (kind_) {
    case core::Kind::float64: f64_ = column.f64(); break;
    case core::Kind::int64:
    case core::Kind::timestamp: i64_ = column.i64(); break;
    case core::Kind::boolean: booleans_ = column.booleans(); break;
    case core::Kind::categorical:
      codes_ = column.codes();
      dictionary_codes_.reserve(column.dictionary().size());
      for (const auto& entry : column.dictionary()) dictionary_codes_.push_back(text_code(entry));
      break;
    case core::Kind::string: break;
  }
}

core::Hash128 CellEncoder::number_code(double value) const {
  if (normalisation_.enabled) value = round_significant(value, normalisation_.digits);
  // Whole numbers within int64 range code as integers (2^63 itself is out).
  if (value == std::trunc(value) && value >= -9223372036854775808.0 && value < 9223372036854775808.0) {
    return {kWhole, static_cast<std::uint64_t>(static_cast<std::int64_t>(value))};
  }
  if (std::isnan(value)) value = std::numeric_limits<double>::quiet_NaN();
  return {kFloat, std::bit_cast<std::uint64_t>(value)};
}

core::Hash128 CellEncoder::text_code(std::string_view text) const {
  if (!normalisation_.enabled) return core::xxh3_128(text);
  thread_local std::string buffer;
  return core::xxh3_128(normalise_text(text, buffer));
}

core::Hash128 CellEncoder::code(std::size_t row) const {
  if (validity_[row] == 0) return {0, 0};
  switch (kind_) {
    case core::Kind::float64: return number_code(f64_[row]);
    case core::Kind::int64: return {kWhole, static_cast<std::uint64_t>(i64_[row])};
    case core::Kind::boolean: return {kWhole, booleans_[row] != 0 ? 1u : 0u};
    case core::Kind::timestamp: return {kTime, static_cast<std::uint64_t>(i64_[row])};
    case core::Kind::categorical: return dictionary_codes_[static_cast<std::size_t>(codes_[row])];
    case core::Kind::string: return text_code(column_->str(row));
  }
  return {0, 0};
}

void CellEncoder::write(std::size_t begin, std::size_t end, std::byte* out, std::size_t stride) const {
  // One loop per kind keeps the per-cell work to a load, a test and a store.
  const auto each = [&](auto code_of) {
    for (std::size_t row = begin; row < end; ++row, out += stride) {
      store(validity_[row] != 0 ? code_of(row) : core::Hash128{0, 0}, out);
    }
  };
  switch (kind_) {
    case core::Kind::float64: each([&](std::size_t r) { return number_code(f64_[r]); }); return;
    case core::Kind::int64: each([&](std::size_t r) { return core::Hash128{kWhole, static_cast<std::uint64_t>(i64_[r])}; }); return;
    case core::Kind::boolean: each([&](std::size_t r) { return core::Hash128{kWhole, booleans_[r] != 0 ? 1u : 0u}; }); return;
    case core::Kind::timestamp: each([&](std::size_t r) { return core::Hash128{kTime, static_cast<std::uint64_t>(i64_[r])}; }); return;
    case core::Kind::categorical: each([&](std::size_t r) { return dictionary_codes_[static_cast<std::size_t>(codes_[r])]; }); return;
    case core::Kind::string: each([&](std::size_t r) { return text_code(column_->str(r)); }); return;
  }
}

std::vector<core::Hash128> row_hashes(const core::Table& table, std::span<const std::size_t> columns,
                                      Normalisation normalisation) {
  std::vector<CellEncoder> encoders;
  encoders.reserve(columns.size());
  for (const std::size_t index : columns) encoders.emplace_back(table.column(index), normalisation);
  const std::size_t width = kCode * encoders.size();
  std::vector<core::Hash128> hashes(table.rows());
  constexpr std::size_t kBlock = 1024;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, table.rows(), 4 * kBlock), [&](const auto& range) {
    std::vector<std::byte> block(kBlock * width);
    for (std::size_t begin = range.begin(); begin < range.end(); begin += kBlock) {
      const std::size_t end = std::min(begin + kBlock, range.end());
      for (std::size_t c = 0; c < encoders.size(); ++c) encoders[c].write(begin, end, block.data() + c * kCode, width);
      for (std::size_t row = begin; row < end; ++row) {
        hashes[row] = core::xxh3_128(std::span<const std::byte>(block.data() + (row - begin) * width, width));
      }
    }
  });
  return hashes;
}

core::Hash128 column_hash(const core::Column& column) {
  const CellEncoder encoder(column, {});
  core::Xxh3Stream stream;
  constexpr std::size_t kBlock = 4096;
  std::vector<std::byte> block(kBlock * kCode);
  for (std::size_t begin = 0; begin < column.size(); begin += kBlock) {
    const std::size_t end = std::min(begin + kBlock, column.size());
    encoder.write(begin, end, block.data(), kCode);
    stream.update(std::string_view(reinterpret_cast<const char*>(block.data()), (end - begin) * kCode));
  }
  return stream.digest();
}

}  // namespace assay::quality
