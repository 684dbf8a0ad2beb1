#pragma once
// Console rendering of a drift run for people:
//
//   drift: current cur.csv (1000000 rows) vs reference ref.csv (1000000 rows)
//
//   column  kind     role     method       statistic  p-value  threshold  drift
//   f0      float64  feature  wasserstein  0.5012     -        0.1        DRIFT
//   ...
//   dataset drift: yes - 7 of 20 columns drifted (35.0%), more than 30%
//
// then the multivariate result and one line per chunk when present.
// Drifted rows say DRIFT (red when colour is on).

#include <string>

#include "core/provenance.hpp"
#include "drift/drift_run.hpp"

namespace assay::report {

std::string drift_text(const drift::DriftReport& report, const drift::DriftRequest& request,
                       const core::FileFingerprint& reference, const core::FileFingerprint& current, bool color);

}  // namespace assay::report
