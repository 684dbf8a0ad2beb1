#pragma once
// TextTable: an aligned plain-text table for console output. Numbers are
// right-aligned, text left-aligned; columns are as wide as their widest cell
// (counted in UTF-8 code points).

#include <string>
#include <vector>

namespace assay::report {

class TextTable {
 public:
  enum class Align { left, right };

  explicit TextTable(std::vector<std::string> header, std::vector<Align> align = {});

  void add_row(std::vector<std::string> cells);
  std::string render() const;

 private:
  std::vector<std::string> header_;
  std::vector<Align> align_;
  std::vector<std::vector<std::string>> rows_;
};

// Compact human rendering of a number: up to 6 significant digits, no
// trailing zeros, "-" for nullopt handled by the caller.
std::string format_number(double value);

}  // namespace assay::report
