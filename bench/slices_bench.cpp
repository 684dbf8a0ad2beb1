// Splits the time of weak-slice discovery into reading and the search, so
// that the search can be compared with the same search written with pandas
// (bench/slices_vs_pandas.py), which is timed on a frame already in memory.
//
//   slices_bench FILE [threads] [repeat]
// prints one JSON line: {"read_seconds", "search_seconds" (best of repeat),
// "examined", "top", "threads"}. The search is `assay slices --task binary
// --target y --prediction pred --depth 2 --bootstrap 1000` on the table.

#include <fmt/format.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

#if defined(ASSAY_WITH_MIMALLOC)
#include <mimalloc.h>
#endif

#include "io/table_reader.hpp"
#include "slices/slicing.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: slices_bench FILE [threads] [repeat]\n");
    return 2;
  }
#if defined(ASSAY_WITH_MIMALLOC)
  mi_option_enable(mi_option_large_os_pages);  // as `assay` does (src/cli/allocator.hpp)
#endif
  const int threads = argc > 2 ? std::atoi(argv[2]) : tbb::this_task_arena::max_concurrency();
  const int repeat = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;
  tbb::task_arena arena(threads);
  return arena.execute([&] {
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    const auto input = assay::io::read_table(argv[1]);
    const double read_seconds = std::chrono::duration<double>(clock::now() - t0).count();

    assay::slices::Spec spec;
    spec.task = assay::metrics::Task::binary;
    spec.target = "y";
    spec.prediction = "pred";
    spec.depth = 2;
    spec.bootstrap.resamples = 1000;
    double best = 0.0;
    assay::slices::SliceReport report;
    for (int r = 0; r < repeat; ++r) {
      const auto start = clock::now();
      report = assay::slices::run_slices(input.table, spec);
      const double seconds = std::chrono::duration<double>(clock::now() - start).count();
      best = r == 0 ? seconds : std::min(best, seconds);
    }
    std::string top;
    if (!report.slices.empty()) {
      for (const auto& p : report.slices.front().predicates) {
        top += fmt::format("{}{} = {}", top.empty() ? "" : " AND ", p.column, p.level);
      }
    }
    fmt::print("{{\"read_seconds\": {:.4f}, \"search_seconds\": {:.4f}, \"examined\": {}, \"top\": \"{}\", "
               "\"threads\": {}}}\n",
               read_seconds, best, report.examined, top, threads);
    return 0;
  });
}
