#pragma once
// A redacted copy of a table (`assay pii --redact OUT`): the matches a scan
// reports, masked or replaced by a keyed hash, or the columns holding them
// dropped. Columns the scan did not cover are copied as they are.

#include <string>

#include "core/table.hpp"
#include "security/pii_scan.hpp"

namespace assay::security {

enum class RedactMode { mask, hash, drop };

struct RedactOptions {
  RedactMode mode = RedactMode::mask;
  // hash: the HMAC key (at least kMinKeyBytes). Each match becomes
  // "[<detector>:<first 24 hex digits of HMAC-SHA256(key, detector:value)>]",
  // the value in its normalised form (security/mask.hpp).
  std::string key;
};

// Rewrites, in parallel, every column `scan` found personal data in; with
// mode drop, leaves those columns out. Throws core::Error when mode is
// hash and the key is shorter than kMinKeyBytes.
core::Table redact_table(const core::Table& table, const PiiScan& scan, const RedactOptions& options);

// One cell with its matches replaced (the unit redact_table applies).
std::string redact_text(std::string_view text, const std::vector<Match>& matches, const RedactOptions& options);

}  // namespace assay::security
