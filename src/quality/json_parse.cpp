#include "quality/json_parse.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace assay::quality {

nlohmann::json parse_json(std::string_view text, const std::string& file) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // Line and column of the byte where parsing stopped.
    const std::size_t stop = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < stop; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string what = e.what();
    if (const auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
    throw core::Error(core::Location{.file = file, .line = line, .column = column}, "invalid JSON: " + what);
  } catch (const nlohmann::json::exception& e) {
    // Not a syntax error but a value JSON cannot hold here, such as a number
    // beyond the double range (found by fuzzing).
    std::string what = e.what();
    if (const auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    throw core::Error(core::Location{.file = file}, "invalid JSON: " + what);
  }
}

}  // namespace assay::quality
