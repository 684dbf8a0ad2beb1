#pragma once
// assay::core::Error: the one exception type for bad input and bad usage.
// It carries where the problem is (file:line:column, a config or JSON path,
// an HTTP field) and what it is. Front ends translate it once: the CLI prints
// `where: what` and exits 2; anything else that escapes is an internal error.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace assay::core {

struct Location {
  std::string file;    // input file, or empty
  std::size_t line = 0;    // 1-based; 0 when unknown
  std::size_t column = 0;  // 1-based byte column; 0 when unknown
  std::string path;    // config key or JSON path such as `columns[3].kind`

  // "file:line:column", "file:line", "file: path", "path" or "".
  std::string to_string() const;
};

class Error : public std::runtime_error {
 public:
  explicit Error(std::string what);
  Error(Location where, std::string what);

  const Location& where() const noexcept { return where_; }
  const std::string& message() const noexcept { return message_; }

 private:
  Location where_;
  std::string message_;
};

}  // namespace assay::core
