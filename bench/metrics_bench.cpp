// Times the binary metrics engine on arrays already in memory, for
// bench/metrics_vs_sklearn.py. Reads raw little-endian files written by numpy
// (labels as uint8, scores as float64), then runs evaluate_binary `--repeat`
// times and prints one JSON line: {"rows":..,"seconds":[..],"metrics":{..}}.
//
//   metrics_bench --labels y.u8 --scores p.f64 [--repeat 3] [--bootstrap 0]
//                 [--ci-metrics roc_auc] [--threads 2]

#include <fmt/format.h>
#include <oneapi/tbb/global_control.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "metrics/binary.hpp"

namespace {

template <class T>
std::vector<T> read_raw(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fmt::print(stderr, "cannot open {}\n", path);
    std::exit(2);
  }
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<T> values(bytes.size() / sizeof(T));
  std::memcpy(values.data(), bytes.data(), values.size() * sizeof(T));
  return values;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    out.push_back(text.substr(start, comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string labels_path, scores_path, ci_metrics;
  int repeat = 3;
  std::size_t resamples = 0;
  int threads = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--labels") labels_path = value;
    else if (flag == "--scores") scores_path = value;
    else if (flag == "--repeat") repeat = std::stoi(value);
    else if (flag == "--bootstrap") resamples = std::stoul(value);
    else if (flag == "--ci-metrics") ci_metrics = value;
    else if (flag == "--threads") threads = std::stoi(value);
    else {
      fmt::print(stderr, "unknown flag {}\n", flag);
      return 2;
    }
  }
  std::unique_ptr<tbb::global_control> limit;
  if (threads > 0) {
    limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism, threads);
  }
  const auto truth = read_raw<std::uint8_t>(labels_path);
  const auto score = read_raw<double>(scores_path);

  assay::metrics::BinaryOptions options;
  options.bootstrap.resamples = resamples;
  if (!ci_metrics.empty()) options.bootstrap.metrics = split(ci_metrics);
  std::vector<double> seconds;
  assay::metrics::Result result;
  for (int r = 0; r < repeat; ++r) {
    const auto start = std::chrono::steady_clock::now();
    result = assay::metrics::evaluate_binary({.truth = truth, .score = score}, options);
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::string metrics;
  for (const auto& item : result.metrics.items()) {
    if (!item.value.value) continue;
    metrics += fmt::format("{}\"{}\":{:.17g}", metrics.empty() ? "" : ",", item.name, *item.value.value);
  }
  std::string intervals;
  for (const auto& ci : result.bootstrap.intervals) {
    intervals += fmt::format("{}\"{}\":[{:.17g},{:.17g}]", intervals.empty() ? "" : ",", ci.metric, ci.low, ci.high);
  }
  fmt::print("{{\"rows\":{},\"seconds\":[{}],\"metrics\":{{{}}},\"ci\":{{{}}}}}\n", truth.size(),
             fmt::join(seconds, ","), metrics, intervals);
  return 0;
}
