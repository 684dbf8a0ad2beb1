#include "core/column.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace assay::core {

namespace {

std::vector<std::uint8_t> all_valid_if_empty(std::vector<std::uint8_t> validity, std::size_t rows,
                                             const std::string& name) {
  if (validity.empty()) return std::vector<std::uint8_t>(rows, 1);
  if (validity.size() != rows) {
    throw Error(fmt::format("column '{}': validity has {} entries for {} values", name, validity.size(), rows));
  }
  return validity;
}

std::string format_double(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  return fmt::format("{}", v);  // shortest round-trip representation
}

}  // namespace

Column::Column(std::string name, Kind kind, std::vector<std::uint8_t> validity, std::size_t rows)
    : name_(std::move(name)), kind_(kind), validity_(all_valid_if_empty(std::move(validity), rows, name_)) {
  null_count_ = static_cast<std::size_t>(std::count(validity_.begin(), validity_.end(), std::uint8_t{0}));
}

Column Column::float64(std::string name, std::vector<double> values, std::vector<std::uint8_t> validity) {
  Column c(std::move(name), Kind::float64, std::move(validity), values.size());
  c.f64_ = std::move(values);
  if (c.null_count_ == 0) return c;  // nothing to mark: skip a pass over the values
  for (std::size_t i = 0; i < c.f64_.size(); ++i) {
    if (!c.validity_[i]) c.f64_[i] = std::numeric_limits<double>::quiet_NaN();
  }
  return c;
}

Column Column::int64(std::string name, std::vector<std::int64_t> values, std::vector<std::uint8_t> validity) {
  Column c(std::move(name), Kind::int64, std::move(validity), values.size());
  c.i64_ = std::move(values);
  return c;
}

Column Column::timestamp(std::string name, std::vector<std::int64_t> ns, std::vector<std::uint8_t> validity) {
  Column c(std::move(name), Kind::timestamp, std::move(validity), ns.size());
  c.i64_ = std::move(ns);
  return c;
}

Column Column::boolean(std::string name, std::vector<std::uint8_t> values, std::vector<std::uint8_t> validity) {
  Column c(std::move(name), Kind::boolean, std::move(validity), values.size());
  c.bool_ = std::move(values);
  return c;
}

Column Column::categorical(std::string name, std::vector<std::int32_t> codes, std::vector<std::string> dictionary,
                           std::vector<std::uint8_t> validity) {
  Column c(std::move(name), Kind::categorical, std::move(validity), codes.size());
  const auto n_categories = static_cast<std::int32_t>(dictionary.size());
  // Without nulls, the range of the codes tells whether all are in the
  // dictionary in one vectorised pass; otherwise (or to name the row that is
  // not) look at each.
  std::int32_t lowest = 0;
  std::int32_t highest = -1;
  for (const std::int32_t code : codes) {  // a plain reduction, so it vectorises
    lowest = std::min(lowest, code);
    highest = std::max(highest, code);
  }
  const bool all_in_range = lowest >= 0 && highest < n_categories;
  if (c.null_count_ > 0 || !all_in_range) {
    for (std::size_t i = 0; i < codes.size(); ++i) {
      if (!c.validity_[i]) {
        codes[i] = -1;
      } else if (codes[i] < 0 || codes[i] >= n_categories) {
        throw Error(fmt::format("column '{}': code {} at row {} is outside its dictionary of {}", c.name_, codes[i], i,
                                n_categories));
      }
    }
  }
  c.codes_ = std::move(codes);
  c.dictionary_ = std::move(dictionary);
  return c;
}

Column Column::string(std::string name, std::vector<std::uint64_t> offsets, std::string bytes,
                      std::vector<std::uint8_t> validity) {
  if (offsets.empty() || offsets.back() != bytes.size()) {
    throw Error(fmt::format("column '{}': string offsets do not cover its bytes", name));
  }
  Column c(std::move(name), Kind::string, std::move(validity), offsets.size() - 1);
  c.offsets_ = std::move(offsets);
  c.bytes_ = std::move(bytes);
  return c;
}

Column Column::string(std::string name, const std::vector<std::string>& values, std::vector<std::uint8_t> validity) {
  std::vector<std::uint64_t> offsets{0};
  std::string bytes;
  for (const auto& v : values) {
    bytes += v;
    offsets.push_back(bytes.size());
  }
  return string(std::move(name), std::move(offsets), std::move(bytes), std::move(validity));
}

void Column::require(Kind a, Kind b, std::string_view accessor) const {
  if (kind_ != a && kind_ != b) {
    throw Error(fmt::format("column '{}' is {}, not {}", name_, kind_name(kind_), accessor));
  }
}

std::span<const double> Column::f64() const {
  require(Kind::float64, Kind::float64, "float64");
  return f64_;
}

std::span<const std::int64_t> Column::i64() const {
  require(Kind::int64, Kind::timestamp, "int64");
  return i64_;
}

std::span<const std::uint8_t> Column::booleans() const {
  require(Kind::boolean, Kind::boolean, "bool");
  return bool_;
}

std::span<const std::int32_t> Column::codes() const {
  require(Kind::categorical, Kind::categorical, "categorical");
  return codes_;
}

const std::vector<std::string>& Column::dictionary() const {
  require(Kind::categorical, Kind::categorical, "categorical");
  return dictionary_;
}

std::string_view Column::str(std::size_t row) const {
  require(Kind::string, Kind::string, "string");
  return std::string_view(bytes_).substr(offsets_[row], offsets_[row + 1] - offsets_[row]);
}

double Column::as_double(std::size_t row) const {
  if (!validity_[row]) return std::numeric_limits<double>::quiet_NaN();
  switch (kind_) {
    case Kind::float64: return f64_[row];
    case Kind::int64:
    case Kind::timestamp: return static_cast<double>(i64_[row]);
    case Kind::boolean: return bool_[row];
    default: throw Error(fmt::format("column '{}' is {}, not numeric", name_, kind_name(kind_)));
  }
}

std::string Column::text(std::size_t row) const {
  if (!validity_[row]) return {};
  switch (kind_) {
    case Kind::float64: return format_double(f64_[row]);
    case Kind::int64: return fmt::format("{}", i64_[row]);
    case Kind::timestamp: return format_timestamp(i64_[row]);
    case Kind::boolean: return bool_[row] ? "true" : "false";
    case Kind::categorical: return dictionary_[static_cast<std::size_t>(codes_[row])];
    case Kind::string: return std::string(str(row));
  }
  return {};
}

std::size_t Column::memory_bytes() const noexcept {
  std::size_t dict = 0;
  for (const auto& d : dictionary_) dict += d.size();
  return validity_.size() + f64_.size() * sizeof(double) + i64_.size() * sizeof(std::int64_t) + bool_.size() +
         codes_.size() * sizeof(std::int32_t) + dict + offsets_.size() * sizeof(std::uint64_t) + bytes_.size();
}

std::string format_timestamp(std::int64_t ns) {
  using namespace std::chrono;
  const sys_time<nanoseconds> t{nanoseconds{ns}};
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", static_cast<int>(ymd.year()),
                                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                                hms.hours().count(), hms.minutes().count(), hms.seconds().count());
  if (auto frac = hms.subseconds().count(); frac != 0) {
    std::string digits = fmt::format("{:09}", frac);
    digits.erase(digits.find_last_not_of('0') + 1);
    out += "." + digits;
  }
  return out + "Z";
}

}  // namespace assay::core
