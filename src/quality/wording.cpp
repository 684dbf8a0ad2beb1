#include "quality/wording.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace assay::quality {

std::string percent(double share) {
  if (share == 0.0) return "0%";
  return fmt::format("{:.3g}%", share * 100.0);
}

double share_of(std::size_t count, std::size_t total) {
  return total == 0 ? 0.0 : static_cast<double>(count) / static_cast<double>(total);
}

bool Examples::add(std::size_t row, std::string_view value) {
  if (full()) return false;
  json_.push_back({{"row", row + 1}, {"value", std::string(value)}});
  return true;
}

std::string Examples::describe() const {
  std::string out;
  const std::size_t shown = std::min<std::size_t>(json_.size(), 3);
  for (std::size_t i = 0; i < shown; ++i) {
    std::string value = json_[i]["value"].get<std::string>();
    if (value.size() > 40) value = value.substr(0, 37) + "...";
    out += fmt::format("{}'{}' (row {})", i == 0 ? "" : ", ", value, json_[i]["row"].get<std::size_t>());
  }
  return out;
}

}  // namespace assay::quality
