#pragma once
// The PII scanner: every detector's pattern over one cell of text.
//
// One pass per cell finds which detectors can match (an RE2::Set, a DFA over
// all patterns at once); only those detectors' own patterns then find the
// spans, and each span goes through its validator (security/validators.hpp)
// and a check of the characters around it. RE2 runs in time linear in the
// text, so no cell can stall a scan. Overlapping matches keep the detector
// that comes first in the Detector enum; text shaped like a card, an IBAN,
// an SSN or an IPv4 address that fails its checksum or range is reported as
// nothing, and not read as a phone number either.
//
// A Scanner is built once (it compiles the patterns) and is safe to share
// between threads; each thread passes its own ScanBuffer.

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "security/detector.hpp"

#include <re2/re2.h>
#include <re2/set.h>

namespace assay::security {

struct Match {
  Detector detector;
  std::size_t begin;  // byte offsets into the cell
  std::size_t end;
};

// What a column's header says about its cells: the detectors that need
// context run only when it is set.
struct ColumnContext {
  bool date_of_birth = false;
  bool person_name = false;
};

// Per-thread working space of Scanner::scan; `matches` holds the result.
struct ScanBuffer {
  std::vector<Match> matches;  // ordered by begin, not overlapping
  std::vector<int> hits;
  std::vector<Match> candidates;
  std::vector<std::uint8_t> accepted;  // per candidate
  std::vector<std::uint8_t> taken;     // per byte of the cell
};

class Scanner {
 public:
  Scanner();
  ~Scanner();
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  // Fills buffer.matches with the validated matches in `text`.
  void scan(std::string_view text, ColumnContext context, ScanBuffer& buffer) const;

  // The detectors with a match in `text` (a convenience over scan()).
  DetectorSet detect(std::string_view text, ColumnContext context = {}) const;

 private:
  void find_spans(Detector detector, std::string_view text, ScanBuffer& buffer) const;

  std::unique_ptr<RE2::Set> set_;
  std::vector<Detector> set_detectors_;              // set index -> detector
  std::vector<std::unique_ptr<RE2>> patterns_;  // by detector
  std::unique_ptr<RE2> person_name_;
};

// The scanner every caller shares (patterns compiled on first use).
const Scanner& shared_scanner();

}  // namespace assay::security
