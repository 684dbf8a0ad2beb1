#include "planted_data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <numeric>
#include <random>
#include <vector>

namespace assay::quality::testing {

namespace {

// mt19937_64's output is fixed by the standard; the transforms below are
// ours, so the data is the same with any standard library.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(uniform() * static_cast<double>(n)); }

 private:
  std::mt19937_64 engine_;
};

struct Row {
  std::int64_t id = 0;
  std::int64_t ts = 0;  // seconds since the epoch
  double x0 = 0, x1 = 0;
  std::int64_t x2 = 0;
  std::string cat, city;
  double weak = 0, leak = 0;
  int target = 0;
};

double round_to(double v, double scale) { return std::round(v * scale) / scale; }

Row plain_row(Rng& rng, std::int64_t id, std::int64_t ts, bool clean) {
  Row r;
  r.id = id;
  r.ts = ts;
  r.target = rng.uniform() < 0.3 ? 1 : 0;
  r.x0 = round_to(rng.uniform() * 100.0, 100.0);
  if (r.x0 >= 100.0) r.x0 = 99.99;
  r.x1 = round_to(rng.uniform() * 100.0 - 50.0, 1000.0);
  if (r.x1 >= 50.0) r.x1 = 49.999;
  r.x2 = static_cast<std::int64_t>(rng.below(1000));
  r.cat = fmt::format("c{}", rng.below(8));
  r.city = fmt::format("city{}", rng.below(20));
  r.weak = round_to(0.3 * r.target + rng.uniform(), 10000.0);
  const double noise = rng.uniform();
  const int flipped = rng.uniform() < 0.01 ? 1 - r.target : r.target;
  r.leak = clean ? round_to(0.9 * noise + 0.5, 10000.0) : round_to(flipped + 0.9 * noise, 10000.0);
  return r;
}

void write_csv(const std::string& path, const std::vector<Row>& rows) {
  std::ofstream out(path, std::ios::binary);
  out << "id,ts,x0,x1,x2,cat,city,weak,leak,target\n";
  // One buffer for the file, formatted through fmt's own buffer (an
  // iterator into a std::string goes character by character: the test
  // spent most of its time there under the sanitizers).
  fmt::memory_buffer text;
  for (const auto& r : rows) {
    const std::int64_t day = r.ts / 86400, second = r.ts % 86400;
    // Civil date from days since the epoch (Hinnant's algorithm).
    const std::int64_t z = day + 719468, era = z / 146097, doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2);
    fmt::format_to(fmt::appender(text), "{},{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z,{},{},{},{},{},{},{},{}\n", r.id, y,
                   m, d, second / 3600, second / 60 % 60, second % 60, r.x0, r.x1, r.x2, r.cat, r.city, r.weak, r.leak,
                   r.target);
  }
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace

Planted write_planted(const std::string& dir, bool clean, std::size_t rows) {
  Rng rng(clean ? 20240502 : 20240501);
  const std::int64_t t0 = 1'700'000'000;  // 2023-11-14
  std::vector<Row> train, test;
  for (std::size_t i = 0; i < rows; ++i) {
    train.push_back(plain_row(rng, static_cast<std::int64_t>(i + 1), t0 + static_cast<std::int64_t>(i) * 60, clean));
  }
  // Every numeric column's minimum and maximum in the first two training rows.
  train[0].x0 = 0.0, train[0].x1 = -50.0, train[0].x2 = 0, train[0].weak = 0.0, train[0].leak = 0.0;
  train[1].x0 = 99.99, train[1].x1 = 49.999, train[1].x2 = 999, train[1].weak = 1.3, train[1].leak = 2.0;
  const std::int64_t test_start = t0 + static_cast<std::int64_t>(rows) * 60;
  for (std::size_t i = 0; i < rows; ++i) {
    test.push_back(plain_row(rng, static_cast<std::int64_t>(1'000'000 + i), test_start + static_cast<std::int64_t>(i) * 60, clean));
  }
  Planted planted;
  planted.rows = rows;
  if (clean) {
    planted = Planted{rows, 0, 0, 0, 0, 0, 0, 0};
  } else {
    // Disjoint test rows for each problem, the duplicates' sources among the rest.
    std::vector<std::size_t> order(rows);
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t i = rows - 1; i > 0; --i) std::swap(order[i], order[rng.below(i + 1)]);
    std::size_t next = 0;
    const auto take = [&](std::size_t n) {
      std::vector<std::size_t> out(order.begin() + static_cast<std::ptrdiff_t>(next),
                                   order.begin() + static_cast<std::ptrdiff_t>(next + n));
      next += n;
      return out;
    };
    const auto above = take(planted.out_of_range_above), below = take(planted.out_of_range_below);
    const auto exact = take(planted.exact_copies), near = take(planted.near_copies);
    const auto temporal = take(planted.temporal), overlap = take(planted.id_overlap);
    const auto duplicates = take(planted.duplicates), sources = take(planted.duplicates);
    for (const auto r : above) test[r].x0 = round_to(101.0 + 49.0 * rng.uniform(), 100.0);
    for (const auto r : below) test[r].x0 = round_to(-1.0 - 49.0 * rng.uniform(), 100.0);
    // Copies of distinct training rows (not the two extreme rows).
    std::vector<std::size_t> train_rows(rows - 2);
    std::iota(train_rows.begin(), train_rows.end(), std::size_t{2});
    for (std::size_t i = train_rows.size() - 1; i > 0; --i) std::swap(train_rows[i], train_rows[rng.below(i + 1)]);
    std::size_t t = 0;
    const auto copy_train = [&](std::size_t r) {
      const Row& src = train[train_rows[t++]];
      const std::int64_t id = test[r].id, ts = test[r].ts;
      test[r] = src;
      test[r].id = id;
      test[r].ts = ts;
    };
    for (const auto r : exact) copy_train(r);
    for (const auto r : near) {
      copy_train(r);
      std::string upper = test[r].cat;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      test[r].cat = upper + " ";
      test[r].x1 *= 1.0 - 1e-9;  // towards zero: stays in the training range
    }
    for (const auto r : temporal) test[r].ts = t0 + static_cast<std::int64_t>(rng.below(rows - 1)) * 60;
    for (const auto r : overlap) test[r].id = train[rng.below(rows)].id;
    for (std::size_t i = 0; i < duplicates.size(); ++i) {
      const std::int64_t id = test[duplicates[i]].id;
      test[duplicates[i]] = test[sources[i]];
      test[duplicates[i]].id = id;
    }
  }
  write_csv(dir + "/train.csv", train);
  write_csv(dir + "/test.csv", test);
  return planted;
}

}  // namespace assay::quality::testing
