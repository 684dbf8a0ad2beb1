#include "core/error.hpp"

#include <fmt/format.h>

namespace assay::core {

std::string Location::to_string() const {
  std::string out = file;
  if (!file.empty() && line > 0) {
    out += fmt::format(":{}", line);
    if (column > 0) out += fmt::format(":{}", column);
  }
  if (!path.empty()) out += out.empty() ? path : ": " + path;
  return out;
}

namespace {
std::string compose(const Location& where, const std::string& what) {
  std::string prefix = where.to_string();
  return prefix.empty() ? what : prefix + ": " + what;
}
}  // namespace

Error::Error(std::string what) : std::runtime_error(what), message_(std::move(what)) {}

Error::Error(Location where, std::string what)
    : std::runtime_error(compose(where, what)), where_(std::move(where)), message_(std::move(what)) {}

}  // namespace assay::core
