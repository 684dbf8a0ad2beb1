#include "report/csv_table.hpp"

#include <fmt/format.h>

#include <cmath>

namespace assay::report {

namespace {

void append_cell(std::string& out, const std::string& cell, char delimiter) {
  if (cell.find_first_of(std::string{delimiter, '"', '\n', '\r'}) == std::string::npos) {
    out += cell;
    return;
  }
  out += '"';
  for (const char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

std::string csv_table(const core::Table& table, const std::vector<ExtraColumn>& extra, char delimiter) {
  std::string out;
  bool first = true;
  auto separate = [&] {
    if (!first) out += delimiter;
    first = false;
  };
  for (const auto& column : table.all()) {
    separate();
    append_cell(out, column.name(), delimiter);
  }
  for (const auto& e : extra) {
    separate();
    append_cell(out, e.name, delimiter);
  }
  out += '\n';
  for (std::size_t i = 0; i < table.rows(); ++i) {
    first = true;
    for (const auto& column : table.all()) {
      separate();
      append_cell(out, column.text(i), delimiter);
    }
    for (const auto& e : extra) {
      separate();
      if (std::isfinite(e.values[i])) out += fmt::format("{}", e.values[i]);
    }
    out += '\n';
  }
  return out;
}

}  // namespace assay::report
