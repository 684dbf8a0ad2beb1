#include "quality/leakage.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <oneapi/tbb/parallel_invoke.h>

#include "core/error.hpp"
#include "quality/contamination.hpp"
#include "quality/target_leakage.hpp"

namespace assay::quality {

std::vector<core::Finding> run_leakage(const LeakageInput& input, const Options& options) {
  const core::Table& train = *input.train;
  const core::Table& test = *input.test;
  const Roles& roles = input.roles;
  roles.require_in(train, "train");
  Roles test_roles = roles;
  test_roles.target.reset();  // the test set may come without labels
  test_roles.require_in(test, "test");

  std::vector<std::string> shared, train_only;
  for (const auto c : feature_columns(train, roles)) {
    const std::string& name = train.column(c).name();
    (test.contains(name) ? shared : train_only).push_back(name);
  }
  if (shared.empty()) {
    throw core::Error(fmt::format("train and test share no feature column (train features: {})",
                                  fmt::join(train_only, ", ")));
  }

  core::Finding exact, normalised;
  std::vector<core::Finding> target_findings;
  tbb::parallel_invoke([&] { exact = check_contamination(train, test, shared, false, options); },
                       [&] { normalised = check_contamination(train, test, shared, true, options); },
                       [&] {
                         if (!roles.target) return;
                         target_findings = check_target_leakage(train, *roles.target, feature_columns(train, roles), options);
                         for (auto& f : check_id_leakage(train, *roles.target, roles.id, options)) {
                           target_findings.push_back(std::move(f));
                         }
                       });
  if (!train_only.empty()) {
    exact.details["train_only_columns"] = train_only;
    normalised.details["train_only_columns"] = train_only;
  }
  std::vector<core::Finding> out;
  out.push_back(std::move(exact));
  out.push_back(std::move(normalised));
  if (roles.timestamp) out.push_back(check_temporal(train.column(*roles.timestamp), test.column(*roles.timestamp), options));
  if (roles.id) out.push_back(check_id_overlap(train.column(*roles.id), test.column(*roles.id), options));
  for (auto& f : target_findings) out.push_back(std::move(f));
  return out;
}

}  // namespace assay::quality
