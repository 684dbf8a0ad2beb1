#include "io/csv_dialect.hpp"

#include <array>
#include <map>
#include <vector>

namespace assay::io {

namespace {

// Per line, the number of `delimiter` bytes outside quotes, for up to 50
// complete lines.
std::vector<std::size_t> counts_per_line(std::string_view sample, char delimiter) {
  std::vector<std::size_t> counts;
  std::size_t count = 0;
  bool in_quotes = false;
  for (std::size_t i = 0; i < sample.size() && counts.size() < 50; ++i) {
    const char c = sample[i];
    if (c == '"') {
      in_quotes = !in_quotes;
    } else if (!in_quotes && c == delimiter) {
      ++count;
    } else if (!in_quotes && (c == '\n' || c == '\r')) {
      if (c == '\r' && i + 1 < sample.size() && sample[i + 1] == '\n') ++i;
      counts.push_back(count);
      count = 0;
    }
  }
  if (counts.empty()) counts.push_back(count);  // a single line without a break
  return counts;
}

}  // namespace

char detect_delimiter(std::string_view sample) {
  constexpr std::array<char, 4> candidates{',', ';', '\t', '|'};
  char best = ',';
  std::size_t best_lines = 0;
  std::size_t best_fields = 0;
  for (const char d : candidates) {
    const auto counts = counts_per_line(sample, d);
    // The most common non-zero count and how many lines have it.
    std::map<std::size_t, std::size_t> histogram;
    for (const auto c : counts) {
      if (c > 0) ++histogram[c];
    }
    for (const auto& [fields, lines] : histogram) {
      if (lines > best_lines || (lines == best_lines && fields > best_fields)) {
        best = d;
        best_lines = lines;
        best_fields = fields;
      }
    }
  }
  return best;
}

}  // namespace assay::io
