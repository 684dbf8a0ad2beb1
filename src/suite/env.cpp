#include "suite/env.hpp"

#include <cstdlib>
#include <stdexcept>

namespace assay::suite {

namespace {

bool name_char(char c, bool first) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (!first && c >= '0' && c <= '9');
}

}  // namespace

Getenv process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

Expansion expand_env(std::string_view text, const Getenv& getenv) {
  Expansion out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 3, "$${") == 0) {
      out.text += "${";
      i += 3;
      continue;
    }
    if (text.compare(i, 2, "${") != 0) {
      out.text += text[i++];
      continue;
    }
    const std::size_t close = text.find('}', i + 2);
    if (close == std::string_view::npos) throw std::invalid_argument("unterminated '${' (write $${ for a literal ${)");
    const std::string_view body = text.substr(i + 2, close - i - 2);
    const std::size_t sep = body.find(":-");
    const std::string name(body.substr(0, sep));
    if (name.empty() || !name_char(name[0], true)) {
      throw std::invalid_argument("bad variable name in '${" + std::string(body) + "}'");
    }
    for (const char c : name) {
      if (!name_char(c, false)) throw std::invalid_argument("bad variable name in '${" + std::string(body) + "}'");
    }
    std::optional<std::string> value = getenv(name);
    if (sep != std::string_view::npos && (!value || value->empty())) value = std::string(body.substr(sep + 2));
    if (!value) {
      throw std::invalid_argument("environment variable " + name + " is not set (give a default: ${" + name +
                                  ":-value})");
    }
    out.used.emplace_back(name, *value);
    out.text += *value;
    i = close + 1;
  }
  return out;
}

}  // namespace assay::suite
