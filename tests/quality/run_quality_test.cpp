// The whole quality run: roles, ignored columns, schema anomalies, and the
// same findings whatever the thread count.

#include <gtest/gtest.h>
#include <oneapi/tbb/task_arena.h>

#include <random>

#include "core/error.hpp"
#include "quality/leakage.hpp"
#include "quality/quality.hpp"
#include "quality/schema.hpp"
#include "tables.hpp"
#include "report/details_json.hpp"

namespace assay::quality {
namespace {

using namespace testing;
using core::Status;

core::Table sample(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::int64_t> id(n), y(n);
  std::vector<double> a(n), b(n);
  std::vector<std::string> c(n);
  for (std::size_t i = 0; i < n; ++i) {
    id[i] = static_cast<std::int64_t>(i);
    y[i] = static_cast<std::int64_t>(rng() % 3 == 0);
    a[i] = static_cast<double>(rng() % 1000000) / 10000.0;
    b[i] = static_cast<double>(rng() % 50);
    c[i] = "k" + std::to_string(rng() % 7);
  }
  for (std::size_t i = n - 20; i < n; ++i) {  // 20 duplicate rows (ids differ)
    a[i] = a[i - 100];
    b[i] = b[i - 100];
    c[i] = c[i - 100];
    y[i] = y[i - 100];
  }
  return core::Table({ints("id", id), doubles("a", a), doubles("b", b), categories("c", c), ints("y", y)});
}

std::string render(const std::vector<core::Finding>& findings) {
  std::string out;
  for (const auto& f : findings) {
    out += f.id + " " + std::string(core::status_name(f.status)) + " " + (f.value ? std::to_string(*f.value) : "null") +
           " " + report::details_json(f.details).dump() + "\n";
  }
  return out;
}

TEST(RunQuality, SameFindingsForAnyThreadCount) {
  const auto data = sample(50'000, 1), reference = sample(40'000, 2);
  const QualityInput input{&data, &reference, nullptr, Roles{.target = "y", .id = "id"}};
  const Options options;
  tbb::task_arena one(1), two(2);
  const auto serial = one.execute([&] { return run_quality(input, options); });
  const auto parallel = two.execute([&] { return run_quality(input, options); });
  EXPECT_EQ(render(serial), render(parallel));
  const LeakageInput leak{&reference, &data, Roles{.target = "y", .id = "id"}};
  EXPECT_EQ(render(one.execute([&] { return run_leakage(leak, options); })),
            render(two.execute([&] { return run_leakage(leak, options); })));
  EXPECT_EQ(report::details_json(get(serial, "quality.duplicate_rows.dataset").details)["count"], 20);
}

TEST(RunQuality, RolesShapeTheChecks) {
  const auto data = sample(2'000, 3);
  const auto f = run_quality({&data, nullptr, nullptr, Roles{.target = "y", .id = "id", .ignore = {"b"}}}, Options{});
  EXPECT_EQ(find_id(f, "quality.missing.b"), nullptr);        // ignored
  EXPECT_EQ(find_id(f, "quality.id_like.id"), nullptr);       // declared id
  EXPECT_NE(find_id(f, "quality.missing.id"), nullptr);
  EXPECT_NE(find_id(f, "quality.class_imbalance.y"), nullptr);
  EXPECT_NE(find_id(f, "leakage.target.a"), nullptr);
  EXPECT_NE(find_id(f, "leakage.target.c"), nullptr);
  EXPECT_EQ(find_id(f, "leakage.target.id"), nullptr);
  EXPECT_NE(find_id(f, "leakage.id_target.id"), nullptr);
  // Without --id the sequential id is flagged and joins the duplicate-row hash.
  const auto g = run_quality({&data, nullptr, nullptr, Roles{}}, Options{});
  EXPECT_EQ(get(g, "quality.id_like.id").status, Status::warn);
  EXPECT_EQ(report::details_json(get(g, "quality.duplicate_rows.dataset").details)["count"], 0);
  EXPECT_THROW(run_quality({&data, nullptr, nullptr, Roles{.timestamp = "when"}}, Options{}), core::Error);
}

TEST(RunQuality, SchemaAnomaliesJoinTheFindings) {
  const auto data = sample(1'000, 4);
  Schema schema = infer_schema(data);
  schema.columns[1].max = 50.0;  // a reaches 99.99
  const auto f = run_quality({&data, nullptr, &schema, Roles{}}, Options{});
  EXPECT_EQ(get(f, "schema.range.a").status, Status::fail);
  EXPECT_EQ(get(f, "schema.column.b").status, Status::pass);
}

}  // namespace
}  // namespace assay::quality
