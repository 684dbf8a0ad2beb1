#include "core/table.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "core/error.hpp"
#include "core/row_limit.hpp"

namespace assay::core {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Optimal string alignment distance: Levenshtein plus adjacent
// transpositions, the commonest typo ("scroe" for "score" is one edit).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

void check_row_count(std::size_t rows) {
  if (rows > kMaxRows) {
    throw Error(fmt::format("more than {} data rows; assay holds row numbers in 32 bits (read a part with --max-rows)",
                            kMaxRows));
  }
}

Table::Table(std::vector<Column> columns) {
  for (auto& c : columns) add(std::move(c));
}

void Table::add(Column column) {
  if (find(column.name()) != nullptr) throw Error(fmt::format("duplicate column name '{}'", column.name()));
  check_row_count(column.size());
  if (!columns_.empty() && column.size() != rows_) {
    throw Error(fmt::format("column '{}' has {} rows, the table has {}", column.name(), column.size(), rows_));
  }
  rows_ = column.size();
  columns_.push_back(std::move(column));
}

const Column* Table::find(std::string_view name) const noexcept {
  for (const auto& c : columns_) {
    if (c.name() == name) return &c;
  }
  return nullptr;
}

namespace {

std::string missing_column(const Table& table, std::string_view name) {
  const auto near = closest_names(name, table.names());
  if (near.empty()) return fmt::format("no column named '{}'", name);
  return fmt::format("no column named '{}'; did you mean {}?", name, fmt::join(near, ", "));
}

}  // namespace

const Column& Table::column(std::string_view name) const {
  if (const Column* c = find(name)) return *c;
  throw Error(missing_column(*this, name));
}

const Column& column_for_flag(const Table& table, std::string_view name, const std::string& flag) {
  if (const Column* c = table.find(name)) return *c;
  throw Error(Location{.path = flag}, missing_column(table, name));
}

std::vector<std::string> Table::names() const {
  std::vector<std::string> out;
  out.reserve(columns_.size());
  for (const auto& c : columns_) out.push_back(c.name());
  return out;
}

std::size_t Table::memory_bytes() const noexcept {
  std::size_t total = 0;
  for (const auto& c : columns_) total += c.memory_bytes();
  return total;
}

std::vector<std::string> closest_names(std::string_view name, const std::vector<std::string>& candidates,
                                       std::size_t limit) {
  const std::string key = lower(name);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& candidate : candidates) {
    const std::string c = lower(candidate);
    // The distance table is |key| x |c|: names longer than any typed name
    // (a header can be megabytes) are matched by prefix only.
    constexpr std::size_t kLongest = 256;
    const std::size_t d = key.size() <= kLongest && c.size() <= kLongest ? edit_distance(key, c) : SIZE_MAX / 3;
    const bool prefix = !key.empty() && (c.starts_with(key) || key.starts_with(c));
    if (prefix || d * 3 <= std::max(key.size(), c.size())) scored.emplace_back(prefix ? 0 : d, candidate);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < limit; ++i) out.push_back("'" + scored[i].second + "'");
  return out;
}

}  // namespace assay::core
