#pragma once
// Column: one named, typed, contiguous array with a validity mask.
//
// Storage by kind (exactly one is used):
//   float64      f64()       doubles; a null slot holds NaN
//   int64        i64()       a null slot holds 0
//   timestamp    i64()       nanoseconds since 1970-01-01T00:00:00Z
//   bool         booleans()  0 or 1 bytes; a null slot holds 0
//   categorical  codes()     int32 codes into dictionary(); a null slot holds -1
//   string       str(i)      UTF-8 bytes; a null slot is empty
// validity()[i] is 1 when row i holds a value, 0 when it is null. The mask is
// always materialised (one byte per row) so engines can zip it with values.
// Accessors for the wrong kind throw core::Error naming the column.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/kind.hpp"

namespace assay::core {

class Column {
 public:
  static Column float64(std::string name, std::vector<double> values, std::vector<std::uint8_t> validity = {});
  static Column int64(std::string name, std::vector<std::int64_t> values, std::vector<std::uint8_t> validity = {});
  static Column timestamp(std::string name, std::vector<std::int64_t> ns, std::vector<std::uint8_t> validity = {});
  static Column boolean(std::string name, std::vector<std::uint8_t> values, std::vector<std::uint8_t> validity = {});
  static Column categorical(std::string name, std::vector<std::int32_t> codes, std::vector<std::string> dictionary,
                            std::vector<std::uint8_t> validity = {});
  // offsets has size()+1 entries; value i is bytes[offsets[i], offsets[i+1]).
  static Column string(std::string name, std::vector<std::uint64_t> offsets, std::string bytes,
                       std::vector<std::uint8_t> validity = {});
  // Convenience for tests and small data: std::nullopt-free list of values.
  static Column string(std::string name, const std::vector<std::string>& values, std::vector<std::uint8_t> validity = {});

  const std::string& name() const noexcept { return name_; }
  Kind kind() const noexcept { return kind_; }
  std::size_t size() const noexcept { return validity_.size(); }
  std::size_t null_count() const noexcept { return null_count_; }
  bool is_valid(std::size_t row) const noexcept { return validity_[row] != 0; }
  std::span<const std::uint8_t> validity() const noexcept { return validity_; }

  std::span<const double> f64() const;
  std::span<const std::int64_t> i64() const;  // int64 and timestamp
  std::span<const std::uint8_t> booleans() const;
  std::span<const std::int32_t> codes() const;
  const std::vector<std::string>& dictionary() const;
  std::string_view str(std::size_t row) const;  // string kind only

  // The value of row i as a double for float64, int64, bool and timestamp
  // columns (NaN when null). Throws for categorical and string.
  double as_double(std::size_t row) const;

  // The value of row i rendered as text, for any kind ("" when null).
  std::string text(std::size_t row) const;

  // Bytes of typed storage plus the validity mask.
  std::size_t memory_bytes() const noexcept;

  void rename(std::string name) { name_ = std::move(name); }

 private:
  Column(std::string name, Kind kind, std::vector<std::uint8_t> validity, std::size_t rows);
  void require(Kind a, Kind b, std::string_view accessor) const;

  std::string name_;
  Kind kind_;
  std::vector<std::uint8_t> validity_;
  std::size_t null_count_ = 0;
  std::vector<double> f64_;
  std::vector<std::int64_t> i64_;
  std::vector<std::uint8_t> bool_;
  std::vector<std::int32_t> codes_;
  std::vector<std::string> dictionary_;
  std::vector<std::uint64_t> offsets_;
  std::string bytes_;
};

// Renders nanoseconds since the epoch as ISO-8601 UTC ("2024-03-01T12:00:00Z",
// with fractional seconds only when non-zero).
std::string format_timestamp(std::int64_t ns);

}  // namespace assay::core
