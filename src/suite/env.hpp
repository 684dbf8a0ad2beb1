#pragma once
// ${NAME} and ${NAME:-default} in suite values. Expansion happens on each
// scalar as it is read (after YAML parsing), so a value can never change the
// structure of the file and errors point at the scalar. `$${` writes a
// literal `${`. An unset variable without a default is an error; a set but
// empty variable expands to the empty string (with `:-`, to the default).

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace assay::suite {

using Getenv = std::function<std::optional<std::string>(const std::string& name)>;

// The process environment.
Getenv process_environment();

struct Expansion {
  std::string text;
  std::vector<std::pair<std::string, std::string>> used;  // variable, value substituted
};

// Throws std::invalid_argument with a message (no location: the caller adds
// the scalar's) on an unset variable, an unterminated `${` or a bad name.
Expansion expand_env(std::string_view text, const Getenv& getenv);

}  // namespace assay::suite
