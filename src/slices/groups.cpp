#include "slices/groups.hpp"

#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

#include "core/error.hpp"

namespace assay::slices {

namespace {

constexpr std::uint64_t kNoGroup = std::numeric_limits<std::uint64_t>::max();

bool holds_numbers(core::Kind k) { return k == core::Kind::float64 || k == core::Kind::int64; }

// A combination of levels as one integer: the codes in mixed radix, the
// first column most significant, so integer order is level order.
struct Radix {
  std::vector<std::uint64_t> place;

  explicit Radix(std::span<const EncodedColumn> columns, const std::string& flag) : place(columns.size(), 1) {
    std::uint64_t combinations = 1;
    for (std::size_t c = columns.size(); c-- > 0;) {
      place[c] = combinations;
      const std::uint64_t levels = std::max<std::uint64_t>(columns[c].levels.size(), 1);
      if (combinations > std::numeric_limits<std::uint64_t>::max() / levels / 2) {
        throw core::Error(core::Location{.path = flag}, "too many combinations of levels; group by fewer columns");
      }
      combinations *= levels;
    }
  }
};

// The level of `other`'s row in `encoded`, or -1 when the value is in none.
class LevelOf {
 public:
  LevelOf(const EncodedColumn& encoded, const core::Column& other, const std::string& flag)
      : encoded_(encoded), other_(other) {
    if (encoded.binned != holds_numbers(other.kind())) {
      throw core::Error(core::Location{.path = flag},
                        fmt::format("column '{}' is {} in one file and {} in the other", other.name(), encoded.kind,
                                    core::kind_name(other.kind())));
    }
    for (std::size_t i = 0; i < encoded.levels.size(); ++i) {
      const Level& level = encoded.levels[i];
      if (level.null) {
        null_ = static_cast<int>(i);
      } else if (!encoded.binned) {
        labels_.emplace(level.label, static_cast<int>(i));
      }
    }
  }

  int operator()(std::uint32_t row) const {
    if (encoded_.binned) {
      const double v = other_.as_double(row);  // NaN when null
      if (std::isnan(v)) return null_;
      for (std::size_t i = 0; i < encoded_.levels.size(); ++i) {
        const Level& l = encoded_.levels[i];
        if (l.null) continue;
        const bool by_value = l.low && l.high && *l.low == *l.high;
        if (by_value ? v == *l.low : (!l.low || v > *l.low) && (!l.high || v <= *l.high)) return static_cast<int>(i);
      }
      return -1;
    }
    if (!other_.is_valid(row)) return null_;
    const auto it = labels_.find(other_.text(row));
    return it == labels_.end() ? -1 : it->second;
  }

 private:
  const EncodedColumn& encoded_;
  const core::Column& other_;
  std::unordered_map<std::string, int> labels_;
  int null_ = -1;
};

}  // namespace

Grouping group_rows(const core::Table& table, const std::vector<std::string>& by, std::span<const std::uint32_t> rows,
                    std::size_t bins, const std::string& flag) {
  if (by.empty()) throw core::Error(core::Location{.path = flag}, "names no column");
  std::vector<const core::Column*> chosen;
  for (const auto& name : by) {
    const core::Column* column = &core::column_for_flag(table, name, flag);
    if (std::find(chosen.begin(), chosen.end(), column) != chosen.end()) {
      throw core::Error(core::Location{.path = flag}, fmt::format("column '{}' is named twice", name));
    }
    chosen.push_back(column);
  }
  std::vector<Encoding> encodings(chosen.size());
  tbb::parallel_for(std::size_t{0}, chosen.size(), [&](std::size_t i) {
    encodings[i] = encode_column(*chosen[i], rows, bins, kMaxCodes - 1);
  });
  Grouping out;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    if (!encodings[i].column) {
      throw core::Error(core::Location{.path = flag}, fmt::format("column '{}' cannot be grouped by: it {}",
                                                                  chosen[i]->name(), encodings[i].skipped_because));
    }
    out.columns.push_back(std::move(*encodings[i].column));
  }

  const Radix radix(out.columns, flag);
  std::map<std::uint64_t, std::vector<std::uint32_t>> members;
  for (std::size_t j = 0; j < rows.size(); ++j) {
    std::uint64_t key = 0;
    for (std::size_t c = 0; c < out.columns.size(); ++c) key += out.columns[c].codes[j] * radix.place[c];
    members[key].push_back(rows[j]);
  }
  for (auto& [key, group_rows] : members) {
    Group group;
    for (std::size_t c = 0; c < out.columns.size(); ++c) {
      const EncodedColumn& column = out.columns[c];
      const Level& level = column.levels[(key / radix.place[c]) % std::max<std::size_t>(column.levels.size(), 1)];
      group.predicates.push_back({column.name, level.label, level.low, level.high, level.null});
    }
    group.rows = std::move(group_rows);
    out.groups.push_back(std::move(group));
  }
  return out;
}

std::vector<std::vector<std::uint32_t>> match_groups(const Grouping& grouping, const core::Table& other,
                                                     const std::string& flag) {
  std::vector<LevelOf> level_of;
  for (const EncodedColumn& column : grouping.columns) {
    const core::Column* found = other.find(column.name);
    if (found == nullptr) {
      throw core::Error(core::Location{.path = flag}, fmt::format("column '{}' is missing from one of the files", column.name));
    }
    level_of.emplace_back(column, *found, flag);
  }
  const Radix radix(grouping.columns, flag);
  std::unordered_map<std::uint64_t, std::size_t> index;
  for (std::size_t g = 0; g < grouping.groups.size(); ++g) {
    std::uint64_t key = 0;
    const Group& group = grouping.groups[g];
    for (std::size_t c = 0; c < grouping.columns.size(); ++c) {
      const auto& levels = grouping.columns[c].levels;
      const auto it = std::find_if(levels.begin(), levels.end(), [&](const Level& l) {
        return l.label == group.predicates[c].level && l.null == group.predicates[c].null;
      });
      key += static_cast<std::uint64_t>(it - levels.begin()) * radix.place[c];
    }
    index.emplace(key, g);
  }
  std::vector<std::vector<std::uint32_t>> out(grouping.groups.size());
  for (std::uint32_t row = 0; row < other.rows(); ++row) {
    std::uint64_t key = 0;
    for (std::size_t c = 0; c < level_of.size() && key != kNoGroup; ++c) {
      const int level = level_of[c](row);
      key = level < 0 ? kNoGroup : key + static_cast<std::uint64_t>(level) * radix.place[c];
    }
    if (key == kNoGroup) continue;
    const auto it = index.find(key);
    if (it != index.end()) out[it->second].push_back(row);
  }
  return out;
}

}  // namespace assay::slices
