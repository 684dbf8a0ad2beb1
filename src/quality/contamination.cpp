#include "quality/contamination.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_reduce.h>

#include <cmath>
#include <optional>

#include "core/error.hpp"
#include "quality/cell_encoding.hpp"
#include "quality/hash_index.hpp"
#include "quality/limit.hpp"
#include "quality/text_parse.hpp"
#include "quality/wording.hpp"

namespace assay::quality {

namespace {

std::vector<std::size_t> indices(const core::Table& table, std::span<const std::string> columns) {
  std::vector<std::size_t> out;
  const auto names = table.names();
  for (const auto& name : columns) {
    table.column(name);  // throws with suggestions when absent
    out.push_back(static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin()));
  }
  return out;
}

// For each test row, the first train row with the same hash, or kAbsent.
std::vector<std::uint64_t> matches(std::span<const core::Hash128> train, std::span<const core::Hash128> test) {
  const PartitionedIndex index(train);
  std::vector<std::uint64_t> found(test.size());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, test.size(), 1 << 14), [&](const auto& range) {
    for (std::size_t r = range.begin(); r != range.end(); ++r) found[r] = index.find(test[r]);
  });
  return found;
}

// A comparable time for each row: instants and integers exactly, floats as
// they are (long double holds both), text parsed as ISO 8601.
std::optional<long double> time_of(const core::Column& column, std::size_t row) {
  if (!column.is_valid(row)) return std::nullopt;
  switch (column.kind()) {
    case core::Kind::timestamp:
    case core::Kind::int64: return static_cast<long double>(column.i64()[row]);
    case core::Kind::float64: {
      const double v = column.f64()[row];
      return std::isnan(v) ? std::nullopt : std::optional<long double>(v);
    }
    case core::Kind::categorical:
    case core::Kind::string: {
      const auto ns = parse_timestamp(column.text(row));
      return ns ? std::optional<long double>(static_cast<long double>(*ns)) : std::nullopt;
    }
    case core::Kind::boolean: break;
  }
  throw core::Error(fmt::format("timestamp column '{}' is {}; expected timestamp, int64, float64 or ISO 8601 text",
                                column.name(), core::kind_name(column.kind())));
}

std::string render_time(const core::Column& column, long double t) {
  if (column.kind() == core::Kind::float64) return fmt::format("{}", static_cast<double>(t));
  if (column.kind() == core::Kind::int64) return fmt::format("{}", static_cast<std::int64_t>(t));
  return core::format_timestamp(static_cast<std::int64_t>(t));
}

}  // namespace

core::Finding check_contamination(const core::Table& train, const core::Table& test,
                                  std::span<const std::string> columns, bool normalised, const Options& options) {
  const Normalisation norm{normalised, options.round_digits};
  const auto train_columns = indices(train, columns);
  const auto test_columns = indices(test, columns);
  std::vector<core::Hash128> train_hashes, test_hashes;
  train_hashes = row_hashes(train, train_columns, norm);
  test_hashes = row_hashes(test, test_columns, norm);
  const auto found = matches(train_hashes, test_hashes);
  std::size_t count = 0;
  std::vector<std::pair<std::size_t, std::uint64_t>> pairs;  // (test row, train row), 1-based
  for (std::size_t r = 0; r < found.size(); ++r) {
    if (found[r] == HashIndex::kAbsent) continue;
    ++count;
    if (pairs.size() < options.max_examples) pairs.emplace_back(r + 1, found[r] + 1);
  }
  core::DetailList examples;
  for (const auto& [test_row, train_row] : pairs) examples.push_back(core::Details{{"test_row", test_row}, {"train_row", train_row}});
  const double share = share_of(count, test.rows());
  std::string listed;
  for (std::size_t i = 0; i < pairs.size() && i < 3; ++i) {
    listed += fmt::format("{}test row {} = train row {}", i == 0 ? "" : ", ", pairs[i].first, pairs[i].second);
  }
  const std::string how = normalised ? "after normalisation" : "exactly";
  auto f = judged(normalised ? "leakage.contamination_normalised.dataset" : "leakage.contamination.dataset", "dataset",
                  "contaminated_share", share, normalised ? options.contamination_normalised : options.contamination,
                  count == 0 ? fmt::format("no test row appears in train ({}, {} columns)", how, columns.size())
                             : fmt::format("{} test rows ({}) appear in train {}: {}", count, percent(share), how, listed));
  f.details["count"] = count;
  f.details["test_rows"] = test.rows();
  f.details["train_rows"] = train.rows();
  f.details["columns"] = std::vector<std::string>(columns.begin(), columns.end());
  if (normalised) f.details["round_digits"] = options.round_digits;
  f.details["examples"] = examples;
  return f;
}

core::Finding check_temporal(const core::Column& train_time, const core::Column& test_time, const Options& options) {
  std::optional<long double> newest;
  for (std::size_t r = 0; r < train_time.size(); ++r) {
    const auto t = time_of(train_time, r);
    if (t && (!newest || *t > *newest)) newest = t;
  }
  std::size_t timed = 0, older = 0;
  std::optional<long double> oldest;
  Examples examples(options.max_examples);
  for (std::size_t r = 0; r < test_time.size(); ++r) {
    const auto t = time_of(test_time, r);
    if (!t) continue;
    ++timed;
    if (!oldest || *t < *oldest) oldest = t;
    if (newest && *t < *newest) {
      ++older;
      examples.add_cell(test_time, r);
    }
  }
  const double share = share_of(older, timed);
  auto f = judged(fmt::format("leakage.temporal.{}", test_time.name()), test_time.name(), "temporal_leak_share", share,
                  options.temporal,
                  older == 0 ? fmt::format("every test row is at or after the newest training row")
                             : fmt::format("{} test rows ({}) are older than the newest training row ({}): {}", older,
                                           percent(share), render_time(train_time, *newest), examples.describe()));
  f.details["count"] = older;
  f.details["newest_train"] = newest ? core::DetailValue(render_time(train_time, *newest)) : core::DetailValue();
  f.details["oldest_test"] = oldest ? core::DetailValue(render_time(test_time, *oldest)) : core::DetailValue();
  f.details["examples"] = examples.list();
  if (!newest) f.reason = "the training data has no times";
  return f;
}

core::Finding check_id_overlap(const core::Column& train_id, const core::Column& test_id, const Options& options) {
  const CellEncoder train_encoder(train_id, {}), test_encoder(test_id, {});
  HashIndex index(train_id.size());
  for (std::size_t r = 0; r < train_id.size(); ++r) {
    if (train_id.is_valid(r)) index.insert(train_encoder.code(r), r);
  }
  std::size_t with_id = 0, shared = 0;
  Examples examples(options.max_examples);
  for (std::size_t r = 0; r < test_id.size(); ++r) {
    if (!test_id.is_valid(r)) continue;
    ++with_id;
    if (index.find(test_encoder.code(r)) == HashIndex::kAbsent) continue;
    ++shared;
    examples.add_cell(test_id, r);
  }
  const double share = share_of(shared, with_id);
  auto f = judged(fmt::format("leakage.id_overlap.{}", test_id.name()), test_id.name(), "id_overlap_share", share,
                  options.id_overlap,
                  shared == 0 ? fmt::format("no test id of {} appears in train", test_id.name())
                              : fmt::format("{} test rows ({}) have an id ({}) that also appears in train: {}", shared,
                                            percent(share), test_id.name(), examples.describe()));
  f.details["count"] = shared;
  f.details["examples"] = examples.list();
  return f;
}

}  // namespace assay::quality
