#include "core/details.hpp"

#include <algorithm>

namespace assay::core {

Details::Details(std::initializer_list<Entry> entries) {
  for (const auto& [key, value] : entries) (*this)[key] = value;
}

DetailValue& Details::operator[](std::string_view key) {
  for (auto& entry : entries_) {
    if (entry.first == key) return entry.second;
  }
  return entries_.emplace_back(std::string(key), DetailValue()).second;
}

const DetailValue* Details::find(std::string_view key) const {
  for (const auto& entry : entries_) {
    if (entry.first == key) return &entry.second;
  }
  return nullptr;
}

bool Details::erase(std::string_view key) {
  const auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.first == key; });
  if (it == entries_.end()) return false;
  entries_.erase(it);
  return true;
}

DetailValue::DetailValue(const std::vector<std::string>& texts) : value(DetailList(texts.begin(), texts.end())) {}

}  // namespace assay::core
