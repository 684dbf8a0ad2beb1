// Splits the time of `assay drift` into reading and the drift engine, and
// prints the typed size of both tables (the memory bar of issue 4 is peak
// RSS < 2x this size). Used by bench/drift_vs_scipy.py.
//
//   drift_bench REFERENCE CURRENT [threads] [columns]
// prints one JSON line: {"read_seconds", "drift_seconds", "typed_bytes",
// "columns", "drifted", "threads"}. `columns` compares only N columns spread
// evenly over the file (to show the engine's time is linear in the count).

#include <fmt/format.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "drift/drift_run.hpp"
#include "io/table_reader.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    fmt::print(stderr, "usage: drift_bench REFERENCE CURRENT [threads] [columns]\n");
    return 2;
  }
  const int threads = argc > 3 ? std::atoi(argv[3]) : tbb::this_task_arena::max_concurrency();
  tbb::task_arena arena(threads);
  return arena.execute([&] {
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    const auto reference = assay::io::read_table(argv[1]);
    const auto current = assay::io::read_table(argv[2]);
    const auto t1 = clock::now();
    assay::drift::DriftRequest request;
    if (argc > 4) {
      const auto names = reference.table.names();
      // Every k-th column, so the mix of kinds stays that of the file.
      const auto n = std::min<std::size_t>(names.size(), std::strtoull(argv[4], nullptr, 10));
      for (std::size_t i = 0; i < n; ++i) request.columns.columns.push_back(names[i * names.size() / n]);
    }
    const assay::drift::DriftReport report = assay::drift::run_drift(reference.table, current.table, request);
    const auto t2 = clock::now();
    fmt::print("{{\"read_seconds\": {:.3f}, \"drift_seconds\": {:.3f}, \"typed_bytes\": {}, \"columns\": {}, "
               "\"drifted\": {}, \"threads\": {}}}\n",
               std::chrono::duration<double>(t1 - t0).count(), std::chrono::duration<double>(t2 - t1).count(),
               reference.table.memory_bytes() + current.table.memory_bytes(), report.overall.columns.size(),
               report.overall.verdict.drifted, threads);
    return 0;
  });
}
