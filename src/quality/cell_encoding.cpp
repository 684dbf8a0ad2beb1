#include "quality/cell_encoding.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <algorithm>

namespace assay::quality {

namespace {

enum Tag : char { kNull = 0, kInteger = 1, kFloat = 2, kTimestamp = 3, kText = 4 };

void append_word(std::uint64_t word, char tag, std::string& out) {
  char bytes[9];
  bytes[0] = tag;
  std::memcpy(bytes + 1, &word, 8);
  out.append(bytes, 9);
}

// Powers of ten 1e-330 .. 1e330 (subnormal and infinite ends included).
const std::array<double, 661>& powers_of_ten() {
  static const std::array<double, 661> table = [] {
    std::array<double, 661> t{};
    for (int i = 0; i < 661; ++i) t[static_cast<std::size_t>(i)] = std::pow(10.0, i - 330);
    return t;
  }();
  return table;
}

double pow10(int exponent) { return powers_of_ten()[static_cast<std::size_t>(std::clamp(exponent, -330, 330) + 330)]; }

std::string lower_trimmed(std::string_view text) {
  std::string out(trim_ascii(text));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

double round_significant(double value, int digits) {
  if (value == 0.0 || !std::isfinite(value)) return value;
  // Decimal exponent from the binary one, corrected by one comparison.
  const double magnitude = std::fabs(value);
  int exponent = static_cast<int>(std::floor(std::ilogb(magnitude) * 0.30102999566398119521));
  if (magnitude >= pow10(exponent + 1)) ++exponent;
  if (magnitude < pow10(exponent)) --exponent;
  const int shift = digits - 1 - exponent;
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
      for (const auto& entry : column.dictionary()) {
        dictionary_.push_back(normalisation_.enabled ? lower_trimmed(entry) : entry);
      }
      break;
    case core::Kind::string: break;
  }
}

void CellEncoder::append_double(double value, std::string& out) const {
  if (normalisation_.enabled) value = round_significant(value, normalisation_.digits);
  // Whole numbers within int64 range encode as integers (2^63 itself is out).
  if (value == std::trunc(value) && value >= -9223372036854775808.0 && value < 9223372036854775808.0) {
    append_word(static_cast<std::uint64_t>(static_cast<std::int64_t>(value)), kInteger, out);
    return;
  }
  if (std::isnan(value)) value = std::numeric_limits<double>::quiet_NaN();
  append_word(std::bit_cast<std::uint64_t>(value), kFloat, out);
}

void CellEncoder::append_text(std::string_view text, std::string& out) const {
  const auto length = static_cast<std::uint32_t>(text.size());
  char header[5];
  header[0] = kText;
  std::memcpy(header + 1, &length, 4);
  out.append(header, 5);
  out.append(text);
}

void CellEncoder::append(std::size_t row, std::string& out) const {
  if (validity_[row] == 0) {
    out.push_back(kNull);
    return;
  }
  switch (kind_) {
    case core::Kind::float64: append_double(f64_[row], out); return;
    case core::Kind::int64: append_word(static_cast<std::uint64_t>(i64_[row]), kInteger, out); return;
    case core::Kind::boolean: append_word(booleans_[row] != 0 ? 1 : 0, kInteger, out); return;
    case core::Kind::timestamp: append_word(static_cast<std::uint64_t>(i64_[row]), kTimestamp, out); return;
    case core::Kind::categorical: append_text(dictionary_[static_cast<std::size_t>(codes_[row])], out); return;
    case core::Kind::string:
      if (normalisation_.enabled) {
        append_text(lower_trimmed(column_->str(row)), out);
      } else {
        append_text(column_->str(row), out);
      }
      return;
  }
}

std::vector<core::Hash128> row_hashes(const core::Table& table, std::span<const std::size_t> columns,
                                      Normalisation normalisation) {
  std::vector<CellEncoder> encoders;
  encoders.reserve(columns.size());
  for (const std::size_t index : columns) encoders.emplace_back(table.column(index), normalisation);
  std::vector<core::Hash128> hashes(table.rows());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, table.rows(), 4096), [&](const auto& range) {
    std::string buffer;
    for (std::size_t row = range.begin(); row != range.end(); ++row) {
      buffer.clear();
      for (const auto& encoder : encoders) encoder.append(row, buffer);
      hashes[row] = core::xxh3_128(std::string_view(buffer));
    }
  });
  return hashes;
}

core::Hash128 column_hash(const core::Column& column) {
  const CellEncoder encoder(column, {});
  core::Xxh3Stream stream;
  std::string buffer;
  constexpr std::size_t kChunk = 1 << 16;
  buffer.reserve(kChunk + 64);
  for (std::size_t row = 0; row < column.size(); ++row) {
    encoder.append(row, buffer);
    if (buffer.size() >= kChunk) {
      stream.update(buffer);
      buffer.clear();
    }
  }
  stream.update(buffer);
  return stream.digest();
}

}  // namespace assay::quality
