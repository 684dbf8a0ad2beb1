#include "fairness/evaluate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "calibration/columns.hpp"
#include "core/error.hpp"
#include "metrics/model_columns.hpp"
#include "metrics/labels.hpp"

namespace assay::fairness {

namespace {

struct Coded {
  std::vector<std::int32_t> codes;
  std::vector<std::string> labels;  // sorted as numpy.unique
};

Coded code_column(const core::Table& table, const std::string& name, std::span<const std::uint32_t> rows) {
  Coded out;
  out.labels = metrics::distinct_labels(table.column(name), rows);
  metrics::sort_labels(out.labels);
  if (out.labels.size() < 2) {
    throw core::Error(core::Location{.path = "--sensitive"},
                      fmt::format("column '{}' has {} group{} on the rows evaluated; fairness compares two or more", name,
                                  out.labels.size(), out.labels.size() == 1 ? "" : "s"));
  }
  out.codes = metrics::encode_labels(table.column(name), rows, out.labels);
  return out;
}

// Groups of the intersection of `columns`: the combinations that occur, in
// the order of the first column, then the second, ...
void intersect(const std::vector<Coded>& columns, std::vector<std::int32_t>& group,
               std::vector<std::vector<std::string>>& names) {
  const std::size_t n = columns.front().codes.size();
  std::map<std::vector<std::int32_t>, std::int32_t> index;
  std::vector<std::int32_t> key(columns.size());
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t c = 0; c < columns.size(); ++c) key[c] = columns[c].codes[i];
    index.emplace(key, 0);
  }
  std::int32_t next = 0;
  for (auto& [combination, code] : index) {
    code = next++;
    std::vector<std::string> values;
    for (std::size_t c = 0; c < columns.size(); ++c) values.push_back(columns[c].labels[static_cast<std::size_t>(combination[c])]);
    names.push_back(std::move(values));
  }
  group.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t c = 0; c < columns.size(); ++c) key[c] = columns[c].codes[i];
    group[i] = index.at(key);
  }
}

}  // namespace

Evaluation evaluate(const core::Table& table, const Spec& spec) {
  if (spec.sensitive.empty()) throw core::Error(core::Location{.path = "--sensitive"}, "name one or more columns");
  for (const auto& s : spec.sensitive) {
    if (s.empty()) throw core::Error(core::Location{.path = "--sensitive"}, "a column name is empty");
    if (std::count(spec.sensitive.begin(), spec.sensitive.end(), s) > 1) {
      throw core::Error(core::Location{.path = "--sensitive"}, fmt::format("column '{}' is named twice", s));
    }
  }
  if (spec.options.min_group < 1) throw core::Error(core::Location{.path = "--min-group"}, "expected 1 or more rows");
  std::vector<std::string> names{spec.target, spec.prediction};
  if (spec.score) names.push_back(*spec.score);
  names.insert(names.end(), spec.sensitive.begin(), spec.sensitive.end());
  Evaluation out;
  const std::vector<std::uint32_t> rows = metrics::complete_rows(table, names, out.dropped_rows);
  out.n = rows.size();

  metrics::BinaryBits bits = metrics::binary_bits(table, spec.target, spec.prediction, rows, spec.positive);
  if (bits.target_labels < 2) {
    throw core::Error(fmt::format("column '{}' holds one class only; fairness rates need both outcomes", spec.target));
  }
  out.positive = bits.positive;
  out.negative = bits.negative;
  const std::vector<std::uint8_t> truth = std::move(bits.truth);
  const std::vector<std::uint8_t> predicted = std::move(bits.predicted);
  std::vector<double> score;
  if (spec.score) score = metrics::finite_values(table, *spec.score, rows, "score", true).to_vector();
  const Inputs inputs{.truth = truth, .predicted = predicted, .score = score, .row_key = rows};

  std::vector<Coded> coded;
  for (const auto& s : spec.sensitive) coded.push_back(code_column(table, s, rows));
  for (std::size_t c = 0; c < coded.size(); ++c) {
    std::vector<std::vector<std::string>> group_names;
    for (const auto& l : coded[c].labels) group_names.push_back({l});
    out.groupings.push_back(analyse_grouping(inputs, coded[c].codes, group_names, {spec.sensitive[c]}, spec.options));
  }
  if (coded.size() > 1) {
    std::vector<std::int32_t> group;
    std::vector<std::vector<std::string>> group_names;
    intersect(coded, group, group_names);
    out.groupings.push_back(analyse_grouping(inputs, group, group_names, spec.sensitive, spec.options));
  }
  for (const auto& g : out.groupings) {
    std::size_t small = 0;
    for (const auto& group : g.groups) small += group.too_small ? 1 : 0;
    if (small > 0) {
      out.warnings.push_back(fmt::format("{}: {} group{} smaller than --min-group {} left out of the summaries",
                                         fmt::format("{}", fmt::join(g.columns, " x ")), small, small == 1 ? "" : "s",
                                         spec.options.min_group));
    }
  }
  if (out.dropped_rows > 0) {
    out.warnings.insert(out.warnings.begin(), fmt::format("dropped {} of {} rows with a null in {}", out.dropped_rows,
                                                          table.rows(), calibration::join_names(names)));
  }
  return out;
}

}  // namespace assay::fairness
