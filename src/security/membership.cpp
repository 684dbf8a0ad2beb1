#include "security/membership.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "metrics/probability.hpp"
#include "metrics/ranked.hpp"

namespace assay::security {

std::string_view attack_name(Attack attack) {
  switch (attack) {
    case Attack::loss:
      return "loss";
    case Attack::confidence:
      return "confidence";
    case Attack::max_confidence:
      return "max_confidence";
  }
  return "";
}

namespace {

// One attack score per row: higher means "member".
std::vector<double> attack_scores(const ClassProbabilities& p, Attack attack) {
  std::vector<double> out(p.rows());
  const metrics::ScoreColumns columns = p.score_columns();
  for (std::size_t i = 0; i < p.rows(); ++i) {
    const auto truth = static_cast<std::size_t>(p.truth[i]);
    switch (attack) {
      case Attack::loss:
        out[i] = p.binary ? -metrics::binary_log_loss_term(p.columns[1][i], truth == 1)
                          : -metrics::multiclass_log_loss_term(columns, i, p.truth[i]);
        break;
      case Attack::confidence:
        out[i] = p.prob(i, truth);
        break;
      case Attack::max_confidence: {
        double best = 0.0;
        for (std::size_t c = 0; c < p.columns.size(); ++c) best = std::max(best, p.prob(i, c));
        out[i] = best;
        break;
      }
    }
  }
  return out;
}

}  // namespace

AttackStats attack_stats(std::span<const double> score, std::span<const std::uint8_t> member) {
  AttackStats s;
  for (const std::uint8_t m : member) (m != 0 ? s.members : s.nonmembers) += 1;
  if (s.members == 0 || s.nonmembers == 0) {
    s.reason = s.members == 0 ? "no member rows: the attack cannot be measured"
                              : "no non-member rows: the attack cannot be measured";
    return s;
  }
  const metrics::RankedScores ranked = metrics::rank_scores(score, {});
  const metrics::ThresholdCounts counts = metrics::threshold_counts(ranked, member, {});
  s.auc = metrics::roc_auc(counts).value;
  // At least 0: the threshold above every score gives TPR = FPR = 0.
  s.advantage = std::max(0.0, metrics::best_youden_threshold(counts)->value);
  const auto p = static_cast<double>(s.members);
  const auto n = static_cast<double>(s.nonmembers);
  for (std::size_t t = 0; t < kFprTargets.size(); ++t) {
    double best = 0.0;  // the point (0, 0)
    for (std::size_t g = 0; g < counts.tps.size(); ++g) {
      if (counts.fps[g] / n <= kFprTargets[t]) best = std::max(best, counts.tps[g] / p);
    }
    s.tpr_at_fpr[t] = best;
  }
  return s;
}

MembershipResult membership_inference(const ClassProbabilities& members, const ClassProbabilities& nonmembers,
                                      const std::vector<std::string>& member_slices,
                                      const std::vector<std::string>& nonmember_slices) {
  MembershipResult result;
  result.classes = members.classes;
  result.members = members.rows();
  result.nonmembers = nonmembers.rows();
  const std::size_t n = members.rows() + nonmembers.rows();
  std::vector<std::uint8_t> member(n, 0);
  std::fill(member.begin(), member.begin() + static_cast<std::ptrdiff_t>(members.rows()), 1);
  std::vector<std::int32_t> truth(members.truth);
  truth.insert(truth.end(), nonmembers.truth.begin(), nonmembers.truth.end());
  std::vector<std::string> slice(member_slices);
  slice.insert(slice.end(), nonmember_slices.begin(), nonmember_slices.end());
  std::map<std::string, std::vector<std::size_t>> slice_rows;
  if (!slice.empty()) {
    for (std::size_t i = 0; i < n; ++i) slice_rows[slice[i]].push_back(i);
  }

  for (const Attack attack : kAttacks) {
    std::vector<double> score = attack_scores(members, attack);
    const std::vector<double> other = attack_scores(nonmembers, attack);
    score.insert(score.end(), other.begin(), other.end());
    auto on_rows = [&](const std::vector<std::size_t>& rows) {
      std::vector<double> s(rows.size());
      std::vector<std::uint8_t> m(rows.size());
      for (std::size_t j = 0; j < rows.size(); ++j) {
        s[j] = score[rows[j]];
        m[j] = member[rows[j]];
      }
      return attack_stats(s, m);
    };
    AttackResult r;
    r.attack = attack;
    r.overall = attack_stats(score, member);
    for (std::size_t c = 0; c < result.classes.size(); ++c) {
      std::vector<std::size_t> rows;
      for (std::size_t i = 0; i < n; ++i) {
        if (static_cast<std::size_t>(truth[i]) == c) rows.push_back(i);
      }
      r.classes.emplace_back(result.classes[c], on_rows(rows));
    }
    for (const auto& [value, rows] : slice_rows) r.slices.emplace_back(value, on_rows(rows));
    result.attacks.push_back(std::move(r));
  }
  return result;
}

namespace {

core::Details stats_details(const AttackStats& s) {
  core::Details d;
  d["members"] = s.members;
  d["nonmembers"] = s.nonmembers;
  d["attack_auc"] = s.auc;
  d["advantage"] = s.advantage;
  core::Details tpr;
  for (std::size_t t = 0; t < kFprTargets.size(); ++t) tpr[fmt::format("{}", kFprTargets[t])] = s.tpr_at_fpr[t];
  d["tpr_at_fpr"] = std::move(tpr);
  if (!s.reason.empty()) d["reason"] = s.reason;
  return d;
}

core::Details group_details(const std::vector<std::pair<std::string, AttackStats>>& groups) {
  core::Details d;
  for (const auto& [name, s] : groups) d[name] = stats_details(s);
  return d;
}

}  // namespace

std::vector<core::Finding> membership_findings(const MembershipResult& result) {
  std::vector<core::Finding> out;
  for (const AttackResult& r : result.attacks) {
    const std::string attack(attack_name(r.attack));
    for (const bool auc : {true, false}) {
      core::Finding f;
      f.category = "privacy";
      f.subject = attack;
      f.metric = auc ? "attack_auc" : "advantage";
      f.id = "privacy." + attack + "." + f.metric;
      f.value = auc ? r.overall.auc : r.overall.advantage;
      f.reason = r.overall.reason;
      f.status = f.value ? core::Status::info : core::Status::error;
      f.message = f.value ? fmt::format("{} attack: {} = {:.4f} ({} members, {} non-members; 0.5 / 0 is no leak)",
                                        attack, f.metric, *f.value, r.overall.members, r.overall.nonmembers)
                          : fmt::format("{} attack: {} undefined: {}", attack, f.metric, r.overall.reason);
      f.details = stats_details(r.overall);
      f.details["classes"] = group_details(r.classes);
      if (!r.slices.empty()) f.details["slices"] = group_details(r.slices);
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace assay::security
