// Chunking of the current data and per-chunk drift: a shift that starts on
// a known day is reported from that day's chunk on.

#include <gtest/gtest.h>


#include "core/random.hpp"
#include "core/error.hpp"
#include "drift/chunks.hpp"
#include "drift/drift_run.hpp"

namespace assay::drift {
namespace {

constexpr std::int64_t kDay = 86400LL * 1000000000LL;

TEST(ChunkSpec, ParsesRowsHoursDaysWeeks) {
  EXPECT_EQ(parse_chunk("5000").unit, ChunkSpec::Unit::rows);
  EXPECT_EQ(parse_chunk("5000rows").size, 5000);
  EXPECT_EQ(parse_chunk("5000-rows").unit, ChunkSpec::Unit::rows);
  EXPECT_EQ(parse_chunk("6h").unit, ChunkSpec::Unit::hours);
  EXPECT_EQ(parse_chunk("1d").unit, ChunkSpec::Unit::days);
  EXPECT_EQ(parse_chunk("2w").size, 2);
  for (const char* bad : {"", "0", "-1d", "1y", "d", "1.5d", "10 rows"}) {
    EXPECT_THROW(parse_chunk(bad), core::Error) << bad;
  }
}

core::Table daily(std::size_t days, std::size_t per_day, std::size_t shift_from_day, std::int64_t first_day) {
  core::Random rng(3);
  std::vector<std::int64_t> ts;
  std::vector<double> x;
  std::vector<std::uint8_t> ts_valid;
  for (std::size_t d = 0; d < days; ++d) {
    for (std::size_t i = 0; i < per_day; ++i) {
      // Rows out of time order, and one row per day without a timestamp.
      ts.push_back((first_day + static_cast<std::int64_t>(days - 1 - d)) * kDay + static_cast<std::int64_t>(i) * 1000);
      ts_valid.push_back(i == 0 ? 0 : 1);
      x.push_back(rng.normal() + (days - 1 - d >= shift_from_day ? 1.0 : 0.0));
    }
  }
  std::vector<core::Column> cols;
  cols.push_back(core::Column::timestamp("ts", std::move(ts), std::move(ts_valid)));
  cols.push_back(core::Column::float64("x", std::move(x)));
  return core::Table(std::move(cols));
}

TEST(Chunks, DaysInTimeOrderWithoutNullTimestamps) {
  const core::Table t = daily(4, 50, 99, 19000);
  const Chunking c = make_chunks(t, parse_chunk("1d"), std::string("ts"));
  ASSERT_EQ(c.chunks.size(), 4u);
  EXPECT_EQ(c.null_timestamps, 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(*c.chunks[i].start_ns, (19000 + static_cast<std::int64_t>(i)) * kDay);
    EXPECT_EQ(*c.chunks[i].end_ns - *c.chunks[i].start_ns, kDay);
    EXPECT_EQ(c.chunks[i].rows.size(), 49u);
  }
}

TEST(Chunks, WeeksStartOnMonday) {
  // Day 19000 since the epoch is 2022-01-08, a Saturday.
  const core::Table t = daily(10, 5, 99, 19000);
  const Chunking c = make_chunks(t, parse_chunk("1w"), std::string("ts"));
  ASSERT_EQ(c.chunks.size(), 3u);
  EXPECT_EQ(core::format_timestamp(*c.chunks[0].start_ns), "2022-01-03T00:00:00Z");
  EXPECT_EQ(core::format_timestamp(*c.chunks[1].start_ns), "2022-01-10T00:00:00Z");
  EXPECT_EQ(c.chunks[0].rows.size(), 2u * 4);  // Sat, Sun
}

TEST(Chunks, RowsInFileOrderOrTimeOrder) {
  const core::Table t = daily(3, 10, 99, 19000);
  const Chunking by_file = make_chunks(t, parse_chunk("12"), std::nullopt);
  ASSERT_EQ(by_file.chunks.size(), 3u);
  EXPECT_EQ(by_file.chunks[2].rows.size(), 6u);
  EXPECT_EQ(by_file.chunks[0].rows.front(), 0u);
  const Chunking by_time = make_chunks(t, parse_chunk("9"), std::string("ts"));
  ASSERT_EQ(by_time.chunks.size(), 3u);
  EXPECT_EQ(*by_time.chunks[0].first_ns, 19000 * kDay + 1000);
}

TEST(Chunks, Errors) {
  const core::Table t = daily(2, 5, 99, 19000);
  EXPECT_THROW(make_chunks(t, parse_chunk("1d"), std::nullopt), core::Error);
  EXPECT_THROW(make_chunks(t, parse_chunk("1d"), std::string("x")), core::Error);
  EXPECT_THROW(make_chunks(t, parse_chunk("1"), std::nullopt, 5), core::Error);
}

TEST(ChunkDrift, ReportsWhenTheShiftStarted) {
  const core::Table reference = daily(5, 200, 99, 18000);
  const core::Table current = daily(6, 200, 3, 19000);  // days 3, 4, 5 shifted by 1 sd
  DriftRequest request;
  request.columns.timestamp = "ts";
  request.chunk = parse_chunk("1d");
  const DriftReport report = run_drift(reference, current, request);
  ASSERT_EQ(report.chunks.size(), 6u);
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(report.chunks[i].comparison.verdict.dataset_drift, i >= 3) << "day " << i;
    EXPECT_TRUE(report.chunks[i].comparison.columns[0].reference_hist.empty());
  }
  const auto& last = report.findings.back();
  EXPECT_EQ(last.id, "drift.chunk.5");
  EXPECT_EQ(last.status, core::Status::fail);
  EXPECT_EQ(last.subject, core::format_timestamp(19005 * kDay));
}

}  // namespace
}  // namespace assay::drift
