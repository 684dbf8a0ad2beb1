#include "quality/schema_validate.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "quality/kind_conformance.hpp"
#include "quality/limit.hpp"
#include "quality/text_parse.hpp"
#include "quality/text_scan.hpp"
#include "quality/wording.hpp"

namespace assay::quality {

namespace {

// Any offending value is an anomaly.
const Limit kAnyIsError{Bad::above, std::nullopt, 0.0};

core::Finding anomaly(std::string_view check, const std::string& column, std::string metric, double count,
                      std::string message) {
  auto f = judged(fmt::format("schema.{}.{}", check, column), column, std::move(metric), count, kAnyIsError,
                  std::move(message));
  f.details.erase("warn");
  f.details.erase("fail");
  f.details["anomaly"] = check;
  return f;
}

void check_categories(const core::Column& column, const ColumnSchema& expected, const Options& options,
                      std::vector<core::Finding>& out) {
  if (!expected.categories || !is_text(column.kind())) return;
  std::unordered_map<std::string_view, char> allowed;
  for (const auto& c : *expected.categories) allowed.emplace(c, 1);
  std::unordered_map<std::string, std::size_t> unexpected;
  std::vector<std::string> order;
  Examples examples(options.max_examples);
  const std::size_t count = count_text(
      column,
      [&](std::string_view text) {
        if (allowed.count(text) != 0) return false;
        auto [it, added] = unexpected.try_emplace(std::string(text), 0);
        if (added) order.push_back(it->first);
        return true;
      },
      examples);
  if (count == 0) return;
  // Per-value counts (the predicate above ran once per category for categoricals).
  for (std::size_t row = 0; row < column.size(); ++row) {
    if (!column.is_valid(row)) continue;
    const auto it = unexpected.find(column.text(row));
    if (it != unexpected.end()) ++it->second;
  }
  std::erase_if(order, [&](const std::string& v) { return unexpected[v] == 0; });  // unused dictionary entries
  std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) { return unexpected[a] > unexpected[b]; });
  core::DetailList values;
  std::string listed;
  for (std::size_t i = 0; i < order.size() && i < std::max<std::size_t>(options.max_examples, 1); ++i) {
    values.push_back(core::Details{{"value", order[i]}, {"count", unexpected[order[i]]}});
    if (i < 3) listed += fmt::format("{}'{}' ({})", i == 0 ? "" : ", ", order[i], unexpected[order[i]]);
  }
  auto f = anomaly("categories", column.name(), "out_of_domain_count", static_cast<double>(count),
                   fmt::format("{} values of {} are not among its {} allowed categories: {}", count, column.name(),
                               expected.categories->size(), listed));
  f.details["distinct"] = order.size();
  f.details["values"] = values;
  f.details["examples"] = examples.list();
  out.push_back(std::move(f));
}

void check_range(const core::Column& column, const ColumnSchema& expected, const Options& options,
                 std::vector<core::Finding>& out) {
  const bool numeric = (expected.min || expected.max) &&
                       (column.kind() == core::Kind::float64 || column.kind() == core::Kind::int64 ||
                        column.kind() == core::Kind::boolean);
  const bool time = (expected.min_time || expected.max_time) && column.kind() == core::Kind::timestamp;
  if (!numeric && !time) return;
  std::size_t below = 0, above = 0;
  Examples examples(options.max_examples);
  for (std::size_t row = 0; row < column.size(); ++row) {
    if (!column.is_valid(row)) continue;
    bool low = false, high = false;
    if (time) {
      const std::int64_t t = column.i64()[row];
      low = expected.min_time && t < *expected.min_time;
      high = expected.max_time && t > *expected.max_time;
    } else {
      const double v = column.as_double(row);
      low = expected.min && v < *expected.min;  // NaN compares false: not out of range
      high = expected.max && v > *expected.max;
    }
    if (!low && !high) continue;
    (low ? below : above) += 1;
    examples.add_cell(column, row);
  }
  if (below + above == 0) return;
  const auto bound = [&](bool lower) -> std::string {
    if (time) {
      const auto& b = lower ? expected.min_time : expected.max_time;
      return b ? core::format_timestamp(*b) : (lower ? "-inf" : "inf");
    }
    const auto& b = lower ? expected.min : expected.max;
    return b ? fmt::format("{}", *b) : (lower ? "-inf" : "inf");
  };
  auto f = anomaly("range", column.name(), "out_of_range_count", static_cast<double>(below + above),
                   fmt::format("{} values of {} are outside [{}, {}] ({} below, {} above): {}", below + above,
                               column.name(), bound(true), bound(false), below, above, examples.describe()));
  f.details["below"] = below;
  f.details["above"] = above;
  f.details["examples"] = examples.list();
  out.push_back(std::move(f));
}

std::vector<core::Finding> check_column(const core::Column& column, const ColumnSchema& expected,
                                        const Options& options) {
  std::vector<core::Finding> out;
  const Conformance c = kind_conformance(column, expected.kind, options.max_examples);
  if (c.violations > 0) {
    auto f = anomaly("type", column.name(), "type_violation_count", static_cast<double>(c.violations),
                     fmt::format("{} values of {} do not fit the schema kind {} (read as {}): {}", c.violations,
                                 column.name(), core::kind_name(expected.kind), core::kind_name(column.kind()),
                                 c.examples.describe()));
    f.details["expected_kind"] = core::kind_name(expected.kind);
    f.details["actual_kind"] = core::kind_name(column.kind());
    f.details["examples"] = c.examples.list();
    out.push_back(std::move(f));
  }
  if (!expected.nullable && column.null_count() > 0) {
    std::size_t first = 0;
    while (column.is_valid(first)) ++first;
    auto f = anomaly("nulls", column.name(), "null_count", static_cast<double>(column.null_count()),
                     fmt::format("{} is not nullable but has {} nulls ({}), first at row {}", column.name(),
                                 column.null_count(), percent(share_of(column.null_count(), column.size())), first + 1));
    out.push_back(std::move(f));
  }
  check_categories(column, expected, options, out);
  check_range(column, expected, options, out);
  if (out.empty()) {
    core::Finding f;
    f.id = fmt::format("schema.column.{}", column.name());
    f.category = "schema";
    f.subject = column.name();
    f.metric = "anomaly_count";
    f.value = 0.0;
    f.status = core::Status::pass;
    f.message = fmt::format("{} conforms to the schema ({})", column.name(), core::kind_name(expected.kind));
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

std::vector<core::Finding> validate_schema(const core::Table& table, const Schema& schema, const Options& options) {
  std::vector<core::Finding> out;
  for (const auto& expected : schema.columns) {
    if (table.contains(expected.name)) continue;
    auto f = anomaly("missing_column", expected.name, "column_present", 1.0,
                     fmt::format("column {} ({}) of the schema is missing from the data", expected.name,
                                 core::kind_name(expected.kind)));
    f.value.reset();
    f.reason = "the column is absent";
    out.push_back(std::move(f));
  }
  std::vector<std::vector<core::Finding>> per_column(table.columns());
  tbb::parallel_for(std::size_t{0}, table.columns(), [&](std::size_t i) {
    const core::Column& column = table.column(i);
    if (const ColumnSchema* expected = schema.find(column.name())) {
      per_column[i] = check_column(column, *expected, options);
    } else {
      auto f = anomaly("new_column", column.name(), "column_present", 1.0,
                       fmt::format("column {} ({}) is not in the schema", column.name(), core::kind_name(column.kind())));
      f.value.reset();
      f.reason = "the column is not in the schema";
      per_column[i].push_back(std::move(f));
    }
  });
  for (auto& findings : per_column) {
    for (auto& f : findings) out.push_back(std::move(f));
  }
  return out;
}

}  // namespace assay::quality
