// Drift per segment: each level's result is the comparison of that level's
// reference and current rows alone; levels absent from the reference or
// too small are not compared and are errors; the segment column is never
// compared.

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/random.hpp"
#include "core/take.hpp"
#include "drift/drift_run.hpp"

namespace assay::drift {
namespace {

core::Table side(std::uint64_t seed, const std::vector<std::pair<std::string, std::size_t>>& sizes, double de_shift) {
  core::Random rng(seed);
  std::vector<std::string> country;
  std::vector<double> x;
  for (const auto& [name, n] : sizes) {
    for (std::size_t i = 0; i < n; ++i) {
      country.push_back(name);
      x.push_back(rng.normal() + (name == "DE" ? de_shift : 0.0));
    }
  }
  core::Table t;
  t.add(core::Column::string("country", country));
  t.add(core::Column::float64("x", x));
  return t;
}

std::vector<std::uint32_t> rows_of(const core::Table& t, const std::string& level) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < t.rows(); ++i) {
    if (t.column("country").str(i) == level) out.push_back(i);
  }
  return out;
}

TEST(Segments, EachSegmentIsTheComparisonOfItsRows) {
  const core::Table reference = side(1, {{"DE", 200}, {"FR", 150}, {"LU", 5}}, 0.0);
  const core::Table current = side(2, {{"FR", 150}, {"DE", 200}, {"IT", 60}, {"LU", 8}}, 1.0);
  DriftRequest request;
  request.segments = SegmentSpec{.by = {"country"}, .bins = 5, .min_support = 50};
  const DriftReport report = run_drift(reference, current, request);
  ASSERT_EQ(report.selection.columns.size(), 1u);  // x; never country
  EXPECT_EQ(report.selection.columns[0].name, "x");
  ASSERT_EQ(report.segments.size(), 4u);
  EXPECT_EQ(report.segments[0].label, "country = FR");

  for (const char* level : {"FR", "DE"}) {
    const auto& s = report.segments[level == std::string("FR") ? 0 : 1];
    ASSERT_TRUE(s.comparison) << level;
    const Comparison alone = compare_tables(core::take_rows(reference, {"x"}, rows_of(reference, level)),
                                            core::take_rows(current, {"x"}, rows_of(current, level)),
                                            report.selection.columns, DriftOptions{});
    EXPECT_EQ(s.comparison->columns[0].statistic, alone.columns[0].statistic) << level;
    EXPECT_EQ(s.comparison->columns[0].p_value, alone.columns[0].p_value) << level;
  }
  EXPECT_TRUE(report.segments[1].comparison->columns[0].drifted);  // DE shifted
  EXPECT_EQ(report.segments[2].reason, "absent from the reference");
  EXPECT_EQ(report.segments[2].reference_rows, 0u);
  EXPECT_NE(report.segments[3].reason.find("too few rows"), std::string::npos);

  std::map<std::string, core::Status> status;
  for (const auto& f : report.findings) status[f.subject] = f.status;
  EXPECT_EQ(status["country = FR"], core::Status::pass);
  EXPECT_EQ(status["country = DE"], core::Status::fail);
  EXPECT_EQ(status["country = IT"], core::Status::error);
  EXPECT_EQ(status["country = LU"], core::Status::error);
}

TEST(Segments, SegmentColumnsThatAreRolesOrComparedAreRefused) {
  const core::Table reference = side(1, {{"DE", 60}}, 0.0);
  const core::Table current = side(2, {{"DE", 60}}, 0.0);
  DriftRequest request;
  request.segments = SegmentSpec{.by = {"country"}};
  request.columns.target = "country";
  EXPECT_THROW(run_drift(reference, current, request), core::Error);
  request.columns.target.reset();
  request.columns.columns = {"x", "country"};
  EXPECT_THROW(run_drift(reference, current, request), core::Error);
  request.columns.columns.clear();
  request.segments->by = {"nope"};
  EXPECT_THROW(run_drift(reference, current, request), core::Error);
}

}  // namespace
}  // namespace assay::drift
