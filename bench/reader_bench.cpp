// Google Benchmark for the readers and the profile engine on in-memory text
// shaped like bench/make_data.py's files (12 floats, 6 categoricals, an int
// label, a probability), so parsing is timed without disk or page cache.
//
//   cmake --preset bench && cmake --build --preset bench --target reader_bench
//   build/bench/bench/reader_bench --benchmark_counters_tabular=true

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <oneapi/tbb/task_arena.h>

#include <random>
#include <string>

#include "io/csv_reader.hpp"
#include "io/jsonl_reader.hpp"
#include "profile/column_profile.hpp"

namespace {

struct Data {
  std::string csv;
  std::string jsonl;
};

const Data& data() {
  static const Data d = [] {
    constexpr int kRows = 200'000;
    std::mt19937_64 rng(1);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::uniform_int_distribution<int> level(0, 49);
    Data out;
    out.csv = "f0,f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,c0,c1,c2,c3,c4,c5,label,proba\n";
    for (int r = 0; r < kRows; ++r) {
      std::string row;
      std::string json = "{";
      for (int j = 0; j < 12; ++j) {
        const double v = normal(rng) * (j + 1);
        row += fmt::format("{:.6f},", v);
        json += fmt::format("\"f{}\": {:.6f}, ", j, v);
      }
      for (int j = 0; j < 6; ++j) {
        const int l = level(rng);
        row += fmt::format("c{}_v{},", j, l);
        json += fmt::format("\"c{}\": \"c{}_v{}\", ", j, j, l);
      }
      const int label = static_cast<int>(rng() % 2);
      const double p = (label + normal(rng) * 0.3 + 0.5) / 2.0;
      row += fmt::format("{},{:.6f}\n", label, p);
      json += fmt::format("\"label\": {}, \"proba\": {:.6f}}}\n", label, p);
      out.csv += row;
      out.jsonl += json;
    }
    return out;
  }();
  return d;
}

void BM_ReadCsv(benchmark::State& state) {
  const auto& text = data().csv;
  tbb::task_arena arena(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    arena.execute([&] { benchmark::DoNotOptimize(assay::io::read_csv_text(text)); });
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ReadCsv)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ReadJsonl(benchmark::State& state) {
  const auto& text = data().jsonl;
  tbb::task_arena arena(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    arena.execute([&] { benchmark::DoNotOptimize(assay::io::read_jsonl_text(text)); });
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ReadJsonl)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ProfileTable(benchmark::State& state) {
  const auto table = assay::io::read_csv_text(data().csv);
  tbb::task_arena arena(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    arena.execute([&] { benchmark::DoNotOptimize(assay::profile::profile_table(table)); });
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * table.rows() * table.columns()));
}
BENCHMARK(BM_ProfileTable)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
