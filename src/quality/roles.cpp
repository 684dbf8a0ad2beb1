#include "quality/roles.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/error.hpp"

namespace assay::quality {

void Roles::require_in(const core::Table& table, std::string_view what) const {
  const auto require = [&](const std::optional<std::string>& name, std::string_view flag) {
    if (!name || table.contains(*name)) return;
    try {
      table.column(*name);
    } catch (const core::Error& e) {
      throw core::Error(core::Location{.path = std::string(flag)}, fmt::format("{} ({})", e.message(), what));
    }
  };
  require(target, "--target");
  require(id, "--id");
  require(timestamp, "--timestamp");
  for (const auto& name : ignore) require(name, "--ignore");
}

bool Roles::ignored(std::string_view name) const {
  return std::find(ignore.begin(), ignore.end(), name) != ignore.end();
}

bool Roles::is_feature(std::string_view name) const {
  return !ignored(name) && name != target && name != id && name != timestamp;
}

std::vector<std::size_t> feature_columns(const core::Table& table, const Roles& roles) {
  std::vector<std::size_t> out;
  for (std::size_t c = 0; c < table.columns(); ++c) {
    if (roles.is_feature(table.column(c).name())) out.push_back(c);
  }
  return out;
}

std::vector<std::size_t> checked_columns(const core::Table& table, const Roles& roles,
                                         const std::vector<std::optional<std::string>>& except) {
  std::vector<std::size_t> out;
  for (std::size_t c = 0; c < table.columns(); ++c) {
    const std::string& name = table.column(c).name();
    if (roles.ignored(name)) continue;
    if (std::any_of(except.begin(), except.end(), [&](const auto& e) { return e && *e == name; })) continue;
    out.push_back(c);
  }
  return out;
}

}  // namespace assay::quality
