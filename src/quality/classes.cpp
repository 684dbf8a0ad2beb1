#include "quality/classes.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <span>
#include <string_view>

namespace assay::quality {

namespace {

// Assigns class indices through an ordered map of keys; nullopt when there
// are more than max_classes keys.
template <class Key, class KeyOf, class NameOf>
std::optional<ClassLabels> by_map(const core::Column& column, std::size_t max_classes, KeyOf key_of, NameOf name_of) {
  std::map<Key, std::int32_t, std::less<>> classes;
  for (std::size_t row = 0; row < column.size(); ++row) {
    if (!column.is_valid(row)) continue;
    classes.try_emplace(key_of(row), 0);
    if (classes.size() > max_classes) return std::nullopt;
  }
  ClassLabels labels;
  std::int32_t next = 0;
  for (auto& [key, index] : classes) {
    index = next++;
    labels.names.push_back(name_of(key));
  }
  labels.counts.assign(classes.size(), 0);
  labels.index.assign(column.size(), -1);
  for (std::size_t row = 0; row < column.size(); ++row) {
    if (!column.is_valid(row)) {
      ++labels.missing;
      continue;
    }
    const std::int32_t c = classes.find(key_of(row))->second;
    labels.index[row] = c;
    ++labels.counts[static_cast<std::size_t>(c)];
  }
  return labels;
}

// Labels that are small non-negative integers (0/1, 0..9) are counted in an
// array instead of a map. False when the values are not all in [0, 1024);
// otherwise `out` is the labels, or nullopt for more than max_classes.
bool small_integers(const core::Column& column, std::span<const std::int64_t> values, std::size_t max_classes,
                    std::optional<ClassLabels>& out) {
  constexpr std::int64_t kLimit = 1024;
  std::vector<std::size_t> counts(kLimit, 0);
  for (std::size_t r = 0; r < values.size(); ++r) {
    if (!column.is_valid(r)) continue;
    if (values[r] < 0 || values[r] >= kLimit) return false;
    ++counts[static_cast<std::size_t>(values[r])];
  }
  std::vector<std::int32_t> index_of(kLimit, -1);
  ClassLabels labels;
  for (std::int64_t v = 0; v < kLimit; ++v) {
    if (counts[static_cast<std::size_t>(v)] == 0) continue;
    if (labels.names.size() == max_classes) {
      out.reset();
      return true;
    }
    index_of[static_cast<std::size_t>(v)] = static_cast<std::int32_t>(labels.names.size());
    labels.names.push_back(fmt::format("{}", v));
    labels.counts.push_back(counts[static_cast<std::size_t>(v)]);
  }
  labels.index.resize(values.size());
  for (std::size_t r = 0; r < values.size(); ++r) {
    labels.index[r] = column.is_valid(r) ? index_of[static_cast<std::size_t>(values[r])] : -1;
  }
  labels.missing = column.null_count();
  out = std::move(labels);
  return true;
}

}  // namespace

std::optional<ClassLabels> class_labels(const core::Column& column, std::size_t max_classes) {
  switch (column.kind()) {
    case core::Kind::timestamp: return std::nullopt;
    case core::Kind::boolean: {
      const auto values = column.booleans();
      return by_map<int>(column, max_classes, [&](std::size_t r) { return values[r] != 0 ? 1 : 0; },
                         [](int k) { return std::string(k != 0 ? "true" : "false"); });
    }
    case core::Kind::int64: {
      const auto values = column.i64();
      if (std::optional<ClassLabels> small; small_integers(column, values, max_classes, small)) return small;
      return by_map<std::int64_t>(column, max_classes, [&](std::size_t r) { return values[r]; },
                                  [](std::int64_t k) { return fmt::format("{}", k); });
    }
    case core::Kind::float64: {
      const auto values = column.f64();
      for (std::size_t r = 0; r < values.size(); ++r) {
        if (column.is_valid(r) && std::isnan(values[r])) return std::nullopt;  // NaN has no order
      }
      return by_map<double>(column, max_classes, [&](std::size_t r) { return values[r]; },
                            [](double k) { return fmt::format("{}", k); });
    }
    case core::Kind::categorical: {
      const auto codes = column.codes();
      const auto& dictionary = column.dictionary();
      return by_map<std::string_view>(
          column, max_classes, [&](std::size_t r) { return std::string_view(dictionary[static_cast<std::size_t>(codes[r])]); },
          [](std::string_view k) { return std::string(k); });
    }
    case core::Kind::string:
      return by_map<std::string_view>(column, max_classes, [&](std::size_t r) { return column.str(r); },
                                      [](std::string_view k) { return std::string(k); });
  }
  return std::nullopt;
}

}  // namespace assay::quality
