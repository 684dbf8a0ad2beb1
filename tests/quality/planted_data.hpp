#pragma once
// The planted-problems datasets (issue 5's Bar): a training and a test file
// of 100,000 rows each, generated from a seeded RNG, with problems planted
// in known rows so the expected counts are known by construction. The clean
// twin is the same generator with nothing planted.
//
// Columns: id (int64), ts (timestamp), x0 (float, 2 decimals in [0, 100)),
// x1 (float, 3 decimals in [-50, 50)), x2 (int in [0, 1000)), cat (8
// levels), city (20 levels), weak (0.3 target + U(0,1), 4 decimals), leak,
// target (0/1, 30% positive). The training file's first two rows hold every
// numeric column's minimum and maximum, so clean test values are in range.
//
// Planted (disjoint sets of test rows; counts in Planted):
//   duplicates      rows copying another plain test row (all but id)
//   out_of_range    x0 above the training max (70%) or below its min (30%)
//   exact copies    a training row's features (new id, ts in test time)
//   near copies     a training row with cat upper-cased plus a trailing space
//                   and x1 scaled by 1 - 1e-9 (equal only after normalisation)
//   temporal        ts before the newest training row
//   id overlap      id taken from a training row
//   leak            (both files) the target with 1% flipped plus 0.9 U(0,1);
//                   in the clean twin, 0.9 U(0,1) + 0.5

#include <cstddef>
#include <string>

namespace assay::quality::testing {

struct Planted {
  std::size_t rows = 100'000;
  std::size_t duplicates = 1'000;
  std::size_t out_of_range_above = 700;
  std::size_t out_of_range_below = 300;
  std::size_t exact_copies = 500;
  std::size_t near_copies = 250;
  std::size_t temporal = 200;
  std::size_t id_overlap = 100;
};

// Writes <dir>/train.csv and <dir>/test.csv; nothing planted when `clean`.
// Returns what was planted (all zero but rows when clean).
Planted write_planted(const std::string& dir, bool clean, std::size_t rows = 100'000);

}  // namespace assay::quality::testing
