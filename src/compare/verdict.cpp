#include "compare/verdict.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/error.hpp"

namespace assay::compare {

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::promote: return "promote";
    case Verdict::keep: return "keep";
    case Verdict::inconclusive: break;
  }
  return "inconclusive";
}

void check_policy(const Policy& policy) {
  if (!(std::isfinite(policy.min_gain) && policy.min_gain >= 0.0)) {
    throw core::Error(core::Location{.path = "--min-gain"}, fmt::format("expected a number >= 0, got {}", policy.min_gain));
  }
  if (policy.max_slice_loss && !(std::isfinite(*policy.max_slice_loss) && *policy.max_slice_loss >= 0.0)) {
    throw core::Error(core::Location{.path = "--max-slice-loss"},
                      fmt::format("expected a number >= 0, got {}", *policy.max_slice_loss));
  }
  if (!(policy.alpha > 0.0 && policy.alpha < 1.0)) {
    throw core::Error(core::Location{.path = "--alpha"}, fmt::format("expected a level in (0, 1), got {}", policy.alpha));
  }
}

namespace {

std::string signed_number(double x) { return fmt::format("{:+.4g}", x); }

std::string test_words(const Delta& d) {
  switch (d.test) {
    case Test::delong: return "DeLong";
    case Test::mcnemar: return fmt::format("McNemar {}", d.mcnemar ? mcnemar_method_name(d.mcnemar->method) : "");
    case Test::paired_bootstrap: break;
  }
  return "paired bootstrap";
}

std::string slice_name(const Comparison& c, const SliceDelta& s) { return fmt::format("{} = {}", *c.by, s.level); }

}  // namespace

Decision decide(const Comparison& c, const Policy& policy) {
  check_policy(policy);
  if (!policy.metric.empty() && policy.metric != c.metric) {
    throw core::Error(core::Location{.path = "metric"},
                      fmt::format("the policy judges '{}' but the comparison measured '{}'", policy.metric, c.metric));
  }
  const Delta& d = c.overall;
  Decision out;
  if (!d.gain || !d.p_value) {
    out.error = true;
    out.reason = fmt::format("{} could not be compared: {}", c.metric, d.reason);
    return out;
  }
  const double gain = *d.gain;
  const double p = *d.p_value;
  const std::string measured =
      fmt::format("{} {} (p = {:.3g}, {})", c.metric, signed_number(*d.delta), p, test_words(d));
  if (gain < 0.0 && p < policy.alpha) {
    out.verdict = Verdict::keep;
    out.reason = fmt::format("the challenger is significantly worse: {} < alpha {}", measured, policy.alpha);
    return out;
  }
  const SliceDelta* worst = nullptr;
  const SliceDelta* unchecked = nullptr;
  if (policy.max_slice_loss) {
    for (const auto& s : c.slices) {
      if (!s.delta.gain) {
        if (!unchecked) unchecked = &s;
      } else if (*s.delta.gain < -*policy.max_slice_loss && (!worst || *s.delta.gain < *worst->delta.gain)) {
        worst = &s;
      }
    }
  }
  if (worst) {
    out.verdict = Verdict::keep;
    out.reason = fmt::format("slice {} loses {:.4g} of {} (more than max_slice_loss {})", slice_name(c, *worst),
                             -*worst->delta.gain, c.metric, *policy.max_slice_loss);
    return out;
  }
  if (gain > 0.0 && p < policy.alpha && gain >= policy.min_gain) {
    if (unchecked) {
      out.reason = fmt::format("significant gain, {}, but slice {} could not be compared ({}), so max_slice_loss "
                               "cannot be checked",
                               measured, slice_name(c, *unchecked), unchecked->delta.reason);
      return out;
    }
    out.verdict = Verdict::promote;
    out.reason = fmt::format("the challenger is significantly better: {} < alpha {}, gain >= min_gain {}", measured,
                             policy.alpha, policy.min_gain);
    if (policy.max_slice_loss && !c.slices.empty()) {
      out.reason += fmt::format(", no slice loses more than {}", *policy.max_slice_loss);
    }
    return out;
  }
  if (p >= policy.alpha) {
    out.reason = fmt::format("no significant difference: {} >= alpha {}", measured, policy.alpha);
  } else {
    out.reason = fmt::format("the gain is significant but below min_gain {}: {}", policy.min_gain, measured);
  }
  return out;
}

std::vector<core::Finding> findings(const Comparison& c, const Policy& policy) {
  const Decision decision = decide(c, policy);
  const Delta& d = c.overall;
  std::vector<core::Finding> out;
  core::Finding f;
  f.id = "compare." + c.metric;
  f.category = "compare";
  f.subject = fmt::format("{} vs {}", c.challenger, c.champion);
  f.metric = c.metric;
  f.value = d.delta;
  f.reference = d.champion.value;
  f.threshold = core::Threshold{c.higher_is_better ? ">=" : "<=", c.higher_is_better ? policy.min_gain : -policy.min_gain};
  f.status = decision.error ? core::Status::error
                            : decision.verdict == Verdict::promote ? core::Status::pass : core::Status::fail;
  f.message = fmt::format("{}: {}", verdict_name(decision.verdict), decision.reason);
  if (!d.delta) f.reason = d.reason;
  f.details["verdict"] = verdict_name(decision.verdict);
  f.details["test"] = test_name(d.test);
  f.details["champion"] = d.champion.value;
  f.details["challenger"] = d.challenger.value;
  f.details["gain"] = d.gain;
  f.details["p_value"] = d.p_value;
  f.details["alpha"] = policy.alpha;
  f.details["rows"] = d.size;
  if (d.interval.defined) {
    f.details["ci_low"] = d.interval.low;
    f.details["ci_high"] = d.interval.high;
  }
  out.push_back(std::move(f));
  for (const auto& s : c.slices) {
    core::Finding g;
    g.id = fmt::format("compare.{}.{}.{}", c.metric, *c.by, s.level);
    g.category = "compare";
    g.subject = slice_name(c, s);
    g.metric = c.metric;
    g.value = s.delta.delta;
    g.reference = s.delta.champion.value;
    if (!s.delta.delta) g.reason = s.delta.reason;
    if (policy.max_slice_loss) {
      const double limit = *policy.max_slice_loss;
      g.threshold = core::Threshold{c.higher_is_better ? ">=" : "<=", c.higher_is_better ? -limit : limit};
      if (!s.delta.gain) {
        g.status = core::Status::error;
        g.message = fmt::format("slice {} could not be compared: {}", g.subject, s.delta.reason);
      } else {
        const bool loses = *s.delta.gain < -limit;
        g.status = loses ? core::Status::fail : core::Status::pass;
        g.message = fmt::format("slice {}: {} {} ({} max_slice_loss {})", g.subject, c.metric,
                                signed_number(*s.delta.delta), loses ? "loses more than" : "within", limit);
      }
    } else {
      g.status = core::Status::info;
      g.message = s.delta.delta ? fmt::format("slice {}: {} {}", g.subject, c.metric, signed_number(*s.delta.delta))
                                : fmt::format("slice {} could not be compared: {}", g.subject, s.delta.reason);
    }
    g.details["test"] = test_name(s.delta.test);
    g.details["rows"] = s.delta.size;
    g.details["p_value"] = s.delta.p_value;
    g.details["p_adjusted"] = s.p_adjusted;
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace assay::compare
