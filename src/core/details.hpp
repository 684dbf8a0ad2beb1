#pragma once
// Details: the structured part of a Finding (counts, examples, the rule a
// check applied). A small JSON-like value built by engines and rendered by
// src/report (report/details_json.hpp); core stays free of a JSON library.
//
// A DetailValue is null, bool, integer, double, string, a list of values or
// a nested Details. Details keeps its keys in insertion order, so rendered
// documents have a stable key order; assigning to an existing key replaces
// its value in place. Doubles are stored as given: the renderer writes
// non-finite ones as null.

#include <cstddef>
#include <cstdint>
#include <concepts>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace assay::core {

struct DetailValue;

class Details {
 public:
  using Entry = std::pair<std::string, DetailValue>;

  Details() = default;
  Details(std::initializer_list<Entry> entries);

  // The value at `key`, appended as null when absent.
  DetailValue& operator[](std::string_view key);
  // The value at `key`, or nullptr when absent.
  const DetailValue* find(std::string_view key) const;
  // Removes `key`; false when it was absent.
  bool erase(std::string_view key);

  bool empty() const noexcept;
  std::size_t size() const noexcept;
  const std::vector<Entry>& entries() const noexcept { return entries_; }

 private:
  std::vector<Entry> entries_;
};

using DetailList = std::vector<DetailValue>;

struct DetailValue {
  std::variant<std::nullptr_t, bool, std::int64_t, double, std::string, DetailList, Details> value = nullptr;

  DetailValue() = default;
  DetailValue(std::nullptr_t) {}
  DetailValue(bool b) : value(b) {}
  // Counts and sizes; every count assay keeps fits in int64.
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  DetailValue(T n) : value(static_cast<std::int64_t>(n)) {}
  DetailValue(double x) : value(x) {}
  DetailValue(const char* text) : value(std::string(text)) {}
  DetailValue(std::string text) : value(std::move(text)) {}
  DetailValue(std::string_view text) : value(std::string(text)) {}
  DetailValue(DetailList list) : value(std::move(list)) {}
  DetailValue(Details object) : value(std::move(object)) {}
  DetailValue(const std::vector<std::string>& texts);
  // Null when empty.
  template <typename T>
  DetailValue(const std::optional<T>& v) : DetailValue(v ? DetailValue(*v) : DetailValue()) {}

  bool is_null() const noexcept { return std::holds_alternative<std::nullptr_t>(value); }
};

inline bool Details::empty() const noexcept { return entries_.empty(); }
inline std::size_t Details::size() const noexcept { return entries_.size(); }

}  // namespace assay::core
