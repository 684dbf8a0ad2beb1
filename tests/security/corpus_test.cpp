// Precision and recall of every detector on the labelled corpus written by
// tests/reference/pii_corpus.py (docs/pii.md records the table). Each text
// carries one label: the detector that must find it, or `none` for a
// look-alike no detector may report.

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <map>
#include <string>

#include "io/table_reader.hpp"
#include "security/scanner.hpp"

namespace assay::security {
namespace {

struct Tally {
  std::size_t true_positive = 0;
  std::size_t false_positive = 0;
  std::size_t false_negative = 0;
};

TEST(PiiCorpus, EveryDetectorHasPrecisionAndRecallOfAtLeast95Percent) {
  io::ReadOptions options;
  options.default_kind = core::Kind::string;
  options.na_tokens = {};
  const auto input = io::read_table(ASSAY_REFERENCE_DIR "/pii_corpus.csv.gz", options);
  const core::Column& text = input.table.column("text");
  const core::Column& label = input.table.column("label");
  ASSERT_GE(input.table.rows(), 20000u);

  const Scanner& scanner = shared_scanner();
  std::map<std::string, Tally> tallies;
  std::map<std::string, std::vector<std::string>> misses;  // a few, for the failure message
  ScanBuffer buffer;
  for (std::size_t row = 0; row < input.table.rows(); ++row) {
    const std::string truth(label.str(row));
    scanner.scan(text.str(row), {}, buffer);
    DetectorSet found = 0;
    for (const Match& m : buffer.matches) found |= bit(m.detector);
    for (const Detector d : kDetectors) {
      const std::string name(detector_name(d));
      const bool labelled = truth == name;
      const bool hit = has(found, d);
      Tally& t = tallies[name];
      if (labelled && hit) ++t.true_positive;
      if (labelled && !hit) ++t.false_negative;
      if (!labelled && hit) ++t.false_positive;
      if (labelled != hit && misses[name].size() < 5) {
        misses[name].push_back(fmt::format("{} '{}' (label {})", hit ? "FP" : "FN", text.str(row), truth));
      }
    }
  }
  std::size_t labelled_detectors = 0;
  for (const Detector d : kDetectors) {
    if (needs_column_context(d)) continue;  // no column here: unit-tested in scan_table_test
    const std::string name(detector_name(d));
    const Tally& t = tallies[name];
    const double precision = static_cast<double>(t.true_positive) / static_cast<double>(t.true_positive + t.false_positive);
    const double recall = static_cast<double>(t.true_positive) / static_cast<double>(t.true_positive + t.false_negative);
    ASSERT_GT(t.true_positive + t.false_negative, 100u) << name << " has too few labelled examples";
    ++labelled_detectors;
    std::cout << fmt::format("| {:<14} | {:>6} | {:>4} | {:>4} | {:.4f} | {:.4f} |\n", name,
                             t.true_positive + t.false_negative, t.false_positive, t.false_negative, precision, recall);
    EXPECT_GE(precision, 0.95) << name << ": " << fmt::format("{}", fmt::join(misses[name], "; "));
    EXPECT_GE(recall, 0.95) << name << ": " << fmt::format("{}", fmt::join(misses[name], "; "));
  }
  EXPECT_EQ(labelled_detectors, kDetectorCount - 2);
}

}  // namespace
}  // namespace assay::security
