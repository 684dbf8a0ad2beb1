#include "suite/outcome.hpp"

namespace assay::suite {

Verdict verdict(const Outcome& outcome) {
  for (const core::Finding& finding : outcome.findings) {
    switch (finding.status) {
      case core::Status::fail:
      case core::Status::error:
        return Verdict::fail;
      case core::Status::warn:
        if (outcome.fail_on_warn) return Verdict::fail;
        break;
      case core::Status::pass:
      case core::Status::info:
        break;
    }
  }
  return Verdict::pass;
}

int exit_code(const Outcome& outcome) { return verdict(outcome) == Verdict::pass ? 0 : 1; }

}  // namespace assay::suite
