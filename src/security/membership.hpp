#pragma once
// Membership-inference risk of a model from its outputs on the rows it was
// trained on (members) and on held-out rows (non-members): how well a
// threshold on one number per row tells the two apart (docs/privacy.md).
//
// Attacks, each a score where higher means "member":
//   loss            -(cross-entropy loss of the true label) (Yeom et al.,
//                   "Privacy Risk in Machine Learning", CSF 2018): the loss
//                   term of scikit-learn's log_loss, probabilities clipped
//                   to [eps, 1 - eps] with eps = 2.22e-16 (float64 machine
//                   epsilon, sklearn 1.2's eps="auto") and renormalised
//   confidence      the probability of the true label (Shokri et al.,
//                   "Membership Inference Attacks against Machine Learning
//                   Models", S&P 2017, as a threshold without shadow models)
//   max_confidence  the largest probability (needs no label)
// For each: the attack ROC AUC (members positive; ties count one half, as
// sklearn.metrics.roc_auc_score), the membership advantage max(TPR - FPR)
// over thresholds (Yeom et al.), and the TPR at 1% and 0.1% FPR (Carlini et
// al., "Membership Inference Attacks From First Principles", S&P 2022): the
// largest TPR among the ROC points (every distinct score a threshold, as
// sklearn's roc_curve with drop_intermediate=False, plus (0, 0)) whose FPR
// is <= the target. No interpolation between points: a rate no threshold
// achieves is not reported.
// Overall, per true class, and per slice of a --by column. A class or slice
// with members only or non-members only has no AUC: null with a reason.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "security/class_probabilities.hpp"

namespace assay::security {

inline constexpr std::array<double, 2> kFprTargets{0.01, 0.001};

enum class Attack { loss, confidence, max_confidence };
inline constexpr std::array<Attack, 3> kAttacks{Attack::loss, Attack::confidence, Attack::max_confidence};
std::string_view attack_name(Attack attack);

struct AttackStats {
  std::size_t members = 0;
  std::size_t nonmembers = 0;
  std::optional<double> auc;        // null: see reason
  std::optional<double> advantage;
  std::array<std::optional<double>, kFprTargets.size()> tpr_at_fpr;
  std::string reason;
};

struct AttackResult {
  Attack attack = Attack::loss;
  AttackStats overall;
  std::vector<std::pair<std::string, AttackStats>> classes;  // in class order
  std::vector<std::pair<std::string, AttackStats>> slices;   // by value, sorted
};

struct MembershipResult {
  std::vector<std::string> classes;
  std::size_t members = 0;
  std::size_t nonmembers = 0;
  std::vector<AttackResult> attacks;  // kAttacks order
};

// `member_slices` and `nonmember_slices` give each row's --by value (both
// empty without --by). The two inputs must share their classes.
MembershipResult membership_inference(const ClassProbabilities& members, const ClassProbabilities& nonmembers,
                                      const std::vector<std::string>& member_slices,
                                      const std::vector<std::string>& nonmember_slices);

// The attack's stats on the rows of `score` (members flagged in `member`).
AttackStats attack_stats(std::span<const double> score, std::span<const std::uint8_t> member);

// Findings "privacy.<attack>.attack_auc" and ".advantage" (info: the CLI
// judges nothing; the suite's privacy check does), details with the TPR at
// low FPR, per class and per slice.
std::vector<core::Finding> membership_findings(const MembershipResult& result);

}  // namespace assay::security
