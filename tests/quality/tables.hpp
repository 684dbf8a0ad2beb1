#pragma once
// Small in-memory tables and finding lookups for the quality tests.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/table.hpp"

namespace assay::quality::testing {

inline core::Column doubles(std::string name, std::vector<double> values, std::vector<std::uint8_t> validity = {}) {
  return core::Column::float64(std::move(name), std::move(values), std::move(validity));
}

inline core::Column ints(std::string name, std::vector<std::int64_t> values, std::vector<std::uint8_t> validity = {}) {
  return core::Column::int64(std::move(name), std::move(values), std::move(validity));
}

inline core::Column texts(std::string name, const std::vector<std::string>& values, std::vector<std::uint8_t> validity = {}) {
  return core::Column::string(std::move(name), values, std::move(validity));
}

// A categorical column from its values (dictionary in order of first appearance).
inline core::Column categories(std::string name, const std::vector<std::string>& values,
                               std::vector<std::uint8_t> validity = {}) {
  std::vector<std::string> dictionary;
  std::vector<std::int32_t> codes;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!validity.empty() && validity[i] == 0) {
      codes.push_back(-1);
      continue;
    }
    auto it = std::find(dictionary.begin(), dictionary.end(), values[i]);
    if (it == dictionary.end()) it = dictionary.insert(dictionary.end(), values[i]);
    codes.push_back(static_cast<std::int32_t>(it - dictionary.begin()));
  }
  return core::Column::categorical(std::move(name), std::move(codes), std::move(dictionary), std::move(validity));
}

// 0, 1, ..., n-1 as doubles.
inline std::vector<double> ramp(std::size_t n, double scale = 1.0) {
  std::vector<double> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<double>(i) * scale;
  return v;
}

inline const core::Finding* find_id(const std::vector<core::Finding>& findings, const std::string& id) {
  for (const auto& f : findings) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

// The finding with `id`; fails the test when absent.
inline const core::Finding& get(const std::vector<core::Finding>& findings, const std::string& id) {
  const core::Finding* f = find_id(findings, id);
  if (f == nullptr) {
    ADD_FAILURE() << "no finding " << id;
    static const core::Finding none;
    return none;
  }
  return *f;
}

inline std::vector<const core::Finding*> not_passing(const std::vector<core::Finding>& findings) {
  std::vector<const core::Finding*> out;
  for (const auto& f : findings) {
    if (f.status != core::Status::pass && f.status != core::Status::info) out.push_back(&f);
  }
  return out;
}

}  // namespace assay::quality::testing
