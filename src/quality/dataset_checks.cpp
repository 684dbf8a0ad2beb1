#include "quality/dataset_checks.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "quality/cell_encoding.hpp"
#include "quality/classes.hpp"
#include "quality/hash_index.hpp"
#include "quality/limit.hpp"
#include "quality/wording.hpp"

namespace assay::quality {

core::Finding check_duplicate_rows(const core::Table& table, std::span<const std::size_t> columns,
                                   const Options& options) {
  const auto hashes = row_hashes(table, columns);
  const auto first = first_occurrences(hashes);
  std::size_t duplicates = 0;
  std::vector<char> duplicated_origin(table.rows());
  std::size_t groups = 0;
  std::vector<std::pair<std::size_t, std::uint64_t>> pairs;  // (row, same_as), 1-based
  for (std::size_t row = 0; row < first.size(); ++row) {
    if (first[row] == HashIndex::kAbsent) continue;
    ++duplicates;
    if (duplicated_origin[first[row]] == 0) {
      duplicated_origin[first[row]] = 1;
      ++groups;
    }
    if (pairs.size() < options.max_examples) pairs.emplace_back(row + 1, first[row] + 1);
  }
  const double share = share_of(duplicates, table.rows());
  std::string listed;
  for (std::size_t i = 0; i < pairs.size() && i < 3; ++i) {
    listed += fmt::format("{}row {} = row {}", i == 0 ? "" : ", ", pairs[i].first, pairs[i].second);
  }
  auto f = judged("quality.duplicate_rows.dataset", "dataset", "duplicate_share", share, options.duplicate_rows,
                  duplicates == 0 ? fmt::format("no duplicate rows among {}", table.rows())
                                  : fmt::format("{} rows ({}) repeat an earlier row ({} distinct rows repeated): {}",
                                                duplicates, percent(share), groups, listed));
  f.details["count"] = duplicates;
  f.details["distinct_duplicated"] = groups;
  f.details["rows"] = table.rows();
  std::vector<std::string> names;
  for (const std::size_t c : columns) names.push_back(table.column(c).name());
  f.details["columns"] = names;
  core::DetailList examples;
  for (const auto& [row, same_as] : pairs) examples.push_back(core::Details{{"row", row}, {"same_as", same_as}});
  f.details["examples"] = examples;
  return f;
}

core::Finding check_duplicate_columns(const core::Table& table, std::span<const std::size_t> columns,
                                      const Options& options) {
  // Columns without a value are alike only in being empty: the missing and
  // constant checks report them.
  std::vector<std::size_t> with_values;
  for (const auto c : columns) {
    if (table.column(c).null_count() < table.rows()) with_values.push_back(c);
  }
  columns = with_values;
  std::vector<core::Hash128> hashes(columns.size());
  tbb::parallel_for(std::size_t{0}, columns.size(), [&](std::size_t i) { hashes[i] = column_hash(table.column(columns[i])); });
  HashIndex index(columns.size());
  std::vector<std::vector<std::string>> groups;
  std::vector<std::size_t> group_of(columns.size(), 0);
  std::size_t duplicates = 0;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::uint64_t first = index.insert(hashes[i], i);
    if (first == i) continue;
    ++duplicates;
    if (group_of[first] == 0) {
      groups.push_back({table.column(columns[first]).name()});
      group_of[first] = groups.size();
    }
    groups[group_of[first] - 1].push_back(table.column(columns[i]).name());
  }
  std::string listed;
  for (std::size_t g = 0; g < groups.size() && g < 3; ++g) {
    listed += fmt::format("{}{}", g == 0 ? "" : "; ", fmt::join(groups[g], " = "));
  }
  auto f = judged("quality.duplicate_columns.dataset", "dataset", "duplicate_column_count",
                  static_cast<double>(duplicates), options.duplicate_columns,
                  duplicates == 0 ? fmt::format("no two of the {} columns have the same content", columns.size())
                                  : fmt::format("{} columns repeat another column's content: {}", duplicates, listed));
  core::DetailList group_list(groups.begin(), groups.end());
  f.details["groups"] = group_list;
  return f;
}

std::optional<core::Finding> check_class_imbalance(const core::Column& target, const Options& options) {
  const auto labels = class_labels(target, options.max_classes);
  if (!labels) return std::nullopt;
  const std::size_t labelled = target.size() - labels->missing;
  if (labelled == 0) return std::nullopt;
  core::Details counts;
  std::size_t smallest = 0, largest = 0;
  for (std::size_t c = 0; c < labels->names.size(); ++c) {
    counts[labels->names[c]] = labels->counts[c];
    if (labels->counts[c] < labels->counts[smallest]) smallest = c;
    if (labels->counts[c] > labels->counts[largest]) largest = c;
  }
  const bool one_class = labels->names.size() < 2;
  const double share = one_class ? 0.0 : share_of(labels->counts[smallest], labelled);
  const double ratio = one_class ? INFINITY
                                 : static_cast<double>(labels->counts[largest]) /
                                       static_cast<double>(labels->counts[smallest]);
  auto f = judged(fmt::format("quality.class_imbalance.{}", target.name()), target.name(), "minority_share", share,
                  options.class_imbalance,
                  one_class ? fmt::format("{} has a single class, '{}'", target.name(), labels->names[0])
                            : fmt::format("the rarest class of {}, '{}', is {} of labelled rows (imbalance ratio {:.3g})",
                                          target.name(), labels->names[smallest], percent(share), ratio));
  f.details["classes"] = counts;
  f.details["imbalance_ratio"] = one_class ? core::DetailValue() : core::DetailValue(ratio);
  return f;
}

core::Finding check_label_missing(const core::Column& target, const Options& options) {
  const double share = share_of(target.null_count(), target.size());
  auto f = judged(fmt::format("quality.label_missing.{}", target.name()), target.name(), "missing_share", share,
                  options.label_missing,
                  fmt::format("the target {} is missing in {} rows ({})", target.name(), target.null_count(),
                              percent(share)));
  f.details["count"] = target.null_count();
  return f;
}

}  // namespace assay::quality
