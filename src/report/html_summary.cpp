#include "report/html_summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "report/html_text.hpp"

namespace assay::report {

namespace {

using core::Finding;
using core::Status;

bool needs_attention(const Finding& f) {
  return f.status == Status::fail || f.status == Status::error || f.status == Status::warn;
}

std::string capitalized(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// Where the value was measured, after the metric's name.
std::string subject_phrase(const Finding& f) {
  if (f.subject.empty() || f.subject == "model" || f.subject == "dataset") return "";
  const std::string subject = "<q>" + html_escape(f.subject) + "</q>";
  if (f.category == "fairness") return " across the groups of " + subject;
  if (f.subject.find('=') != std::string::npos) return " for the rows where " + subject;
  return " of column " + subject;
}

std::string limit_phrase(const core::Threshold& t, bool share) {
  const std::string limit = html_number(t.value, share);
  if (t.op == ">=" || t.op == ">") return "below the minimum of " + limit;
  if (t.op == "<=" || t.op == "<") return "above the maximum of " + limit;
  return fmt::format("against the limit {} {}", html_escape(t.op), limit);
}

std::string rows_phrase(const Finding& f) {
  std::optional<double> rows = detail_number(f.details, "rows");
  if (!rows) rows = detail_number(f.details, "current_rows");
  if (!rows) return "";
  return fmt::format(" (measured on {} rows)", html_number(*rows));
}

std::string drifted_share_sentence(const Finding& f) {
  const auto drifted = detail_number(f.details, "drifted");
  const auto compared = detail_number(f.details, "compared");
  std::string names;
  if (const core::DetailList* list = detail_list(f.details, "drifted_columns")) {
    for (const auto& v : *list) {
      if (const auto* s = std::get_if<std::string>(&v.value)) names += (names.empty() ? "" : ", ") + html_escape(*s);
    }
  }
  std::string out = fmt::format("<strong>{} of {} columns changed their distribution</strong> since the reference data "
                                "({} of the columns compared)",
                                drifted ? html_number(*drifted) : "?", compared ? html_number(*compared) : "?",
                                html_number(*f.value, true));
  if (f.threshold) out += ", " + limit_phrase(*f.threshold, true);
  if (!names.empty()) out += ": " + names;
  return out + ".";
}

std::string advice(const std::string& category) {
  static const std::map<std::string, std::string, std::less<>> text{
      {"metrics", "Improve the model before releasing it (retrain or tune it), then run this suite again."},
      {"slices", "Look at the weakest groups of rows below: they may need more training data, or the model may "
                 "need to handle them differently."},
      {"drift", "Find out why the data changed: a new source, unit or encoding is a bug to fix upstream; a real "
                "change in the world calls for retraining on recent data."},
      {"quality", "Fix the data problems at their source: the model's numbers are only as good as the data they "
                  "were measured on."},
      {"schema", "Check the values outside the expected ranges or types: fix them upstream, or update the schema "
                 "if the change is legitimate."},
      {"leakage", "Remove the rows that appear in both the training and the evaluation data, then evaluate again: "
                  "leaked rows make the model look better than it is."},
      {"calibration", "Treat the scores as rankings, not probabilities, until they are recalibrated "
                      "(assay calibrate fit)."},
      {"fairness", "Review the difference between groups with the people accountable for the product before "
                   "release."},
      {"compare", "Keep the current model in production until the new model's shortfall is explained."},
      {"pii", "Remove or mask the personal data before the data is stored or shared."},
  };
  const auto it = text.find(category);
  return it == text.end() ? "Review the checks below that did not pass." : it->second;
}

struct Counts {
  std::size_t pass = 0, warn = 0, fail = 0, error = 0, info = 0;
};

Counts count(const std::vector<Finding>& findings) {
  Counts c;
  for (const auto& f : findings) {
    switch (f.status) {
      case Status::pass: ++c.pass; break;
      case Status::warn: ++c.warn; break;
      case Status::fail: ++c.fail; break;
      case Status::error: ++c.error; break;
      case Status::info: ++c.info; break;
    }
  }
  return c;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string_view tag_text(Status s) {
  switch (s) {
    case Status::fail: return "Failed";
    case Status::warn: return "Warning";
    case Status::error: return "Could not run";
    case Status::pass: return "Passed";
    case Status::info: return "Info";
  }
  return "";
}

}  // namespace

std::vector<const Finding*> ranked_problems(const suite::Outcome& outcome) {
  std::vector<const Finding*> out;
  for (const auto& f : outcome.findings) {
    if (needs_attention(f)) out.push_back(&f);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Finding* a, const Finding* b) { return core::severity(a->status) > core::severity(b->status); });
  return out;
}

std::string metric_label(const std::string& metric) {
  static const std::map<std::string, std::string, std::less<>> names{
      {"roc_auc", "ROC AUC"},
      {"average_precision", "average precision"},
      {"f1", "F1 score"},
      {"log_loss", "log loss"},
      {"brier_score", "Brier score"},
      {"mae", "mean absolute error"},
      {"mse", "mean squared error"},
      {"rmse", "root mean squared error"},
      {"r2", "R\xC2\xB2"},
      {"ece", "expected calibration error"},
      {"mce", "maximum calibration error"},
      {"drifted_share", "share of drifted columns"},
      {"missing_share", "share of missing values"},
      {"anomaly_count", "number of schema violations"},
      {"contaminated_share", "share of evaluation rows also in the training data"},
      {"misclassification_gap", "error-rate gap of the weakest segment"},
      {"psi", "population stability index (PSI)"},
      {"wasserstein_normed", "normed Wasserstein distance"},
      {"jensen_shannon", "Jensen-Shannon distance"},
      {"ks_p_value", "Kolmogorov-Smirnov p-value"},
  };
  const auto it = names.find(metric);
  if (it != names.end()) return it->second;
  std::string out = metric;
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

namespace {

// What a metric means, for readers who do not know it; empty when unknown.
std::string_view metric_hint(std::string_view metric) {
  static const std::map<std::string, std::string, std::less<>> hints{
      {"roc_auc", "how well the scores separate the two outcomes: 1 is perfect, 0.5 a coin toss"},
      {"average_precision", "how well the highest scores find the positive cases: 1 is perfect"},
      {"accuracy", "the share of predictions that were right"},
      {"f1", "balances missed positives against false alarms: 1 is perfect"},
      {"precision", "of the cases predicted positive, the share that were"},
      {"recall", "of the positive cases, the share the model found"},
      {"ece", "how far the predicted probabilities are from the observed frequencies: 0 is perfect"},
      {"brier_score", "the squared error of the predicted probabilities: 0 is perfect"},
      {"log_loss", "the penalty for confident wrong probabilities: lower is better"},
      {"r2", "the share of the variation the model explains: 1 is perfect"},
      {"mae", "the average size of an error, in the target's unit"},
      {"demographic_parity_ratio", "the lowest group's positive rate divided by the highest: 1 is equal"},
  };
  const auto it = hints.find(metric);
  return it == hints.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace

std::string problem_sentence(const Finding& f) {
  std::string label = capitalized(metric_label(f.metric));
  if (const core::Details* limits = detail_object(f.details, "limits")) {
    if (const auto ci = detail_text(*limits, "ci")) label += fmt::format(" (the {} end of its confidence interval)", *ci);
  }
  if (!f.value) {
    return fmt::format("<strong>{}</strong>{} could not be computed: {}.", html_escape(label), subject_phrase(f),
                       html_escape(f.reason.empty() ? f.message : f.reason));
  }
  if (f.metric == "drifted_share" && f.category == "drift") return drifted_share_sentence(f);
  const bool share = is_share_metric(f.metric);
  const std::string_view hint = metric_hint(f.metric);
  std::string out = fmt::format("<strong>{}</strong>{}{} is {}", html_escape(label),
                                hint.empty() ? "" : " <span class=\"hint\">(" + html_escape(hint) + ")</span>",
                                subject_phrase(f), html_number(*f.value, share));
  if (f.threshold) out += ", " + limit_phrase(*f.threshold, share);
  if (f.reference) out += fmt::format("; it was {} on the reference data", html_number(*f.reference, share));
  out += rows_phrase(f) + ".";
  if (const core::DetailList* anomalies = detail_list(f.details, "anomalies"); anomalies && !anomalies->empty()) {
    if (const core::Details* first = as_object(anomalies->front())) {
      if (const auto message = detail_text(*first, "message")) out += " For example: " + html_escape(*message) + ".";
    }
  }
  if (f.status == Status::error && !f.reason.empty()) out += " " + html_escape(capitalized(f.reason)) + ".";
  return out;
}

std::string verdict_html(const suite::Outcome& outcome) {
  const Counts c = count(outcome.findings);
  const std::size_t total = outcome.findings.size();
  const bool blocked_by_warn = outcome.fail_on_warn && c.warn > 0;
  std::string kind, badge, headline, lede;
  if (c.fail > 0 || (blocked_by_warn && c.error == 0)) {
    kind = "fail";
    badge = "Do not ship";
    const std::size_t failed = c.fail + (blocked_by_warn ? c.warn : 0);
    headline = fmt::format("{} of {} did not pass", plural(failed, "check", "checks"), total);
    lede = "The model should not be released until these problems are fixed, or the limits are deliberately changed.";
    if (c.error > 0) lede += fmt::format(" {} could not be computed either.", plural(c.error, "check", "checks"));
  } else if (c.error > 0) {
    kind = "error";
    badge = "Could not finish";
    headline = fmt::format("{} of {} could not be computed", plural(c.error, "check", "checks"), total);
    lede = "This run cannot say whether the model is ready: a check that cannot run never counts as a pass.";
  } else if (c.warn > 0) {
    kind = "warn";
    badge = "Ship";
    headline = fmt::format("every required check passed, {} to review", plural(c.warn, "warning", "warnings"));
    lede = "Nothing blocks the release. The warnings below do not block it either, but they are worth a look.";
  } else {
    kind = "pass";
    badge = "Ship";
    headline = fmt::format("all {} checks passed", total);
    lede = "The model meets every limit this suite sets.";
  }
  std::string out = fmt::format(
      "<header class=\"verdict {0}\" id=\"verdict\" data-verdict=\"{0}\"><div>\n"
      "<p class=\"eyebrow\">assay evaluation report &middot; {1}</p>\n"
      "<h1><span class=\"badge\">{2}</span><span class=\"visually-hidden\">: </span>{3}</h1>\n<p class=\"lede\">{4}</p>\n",
      kind, html_escape(outcome.suite_name.empty() ? outcome.suite_path : outcome.suite_name), badge,
      html_escape(capitalized(headline)), html_escape(lede));
  out += fmt::format("<p class=\"counts\">{} checks: {} passed, {} with a warning, {} failed, {} could not run"
                     " &middot; task {} &middot; {:.2f} s</p>\n</div></header>\n",
                     total, c.pass, c.warn, c.fail, c.error, html_escape(outcome.task), outcome.elapsed_seconds);
  return out;
}

std::string summary_html(const suite::Outcome& outcome) {
  const auto problems = ranked_problems(outcome);
  std::string out = "<section id=\"summary\" aria-labelledby=\"summary-h\">\n";
  if (problems.empty()) {
    out += "<h2 id=\"summary-h\">What we found</h2>\n<p>No problems: every check passed.</p>\n";
  } else {
    const std::size_t shown = std::min<std::size_t>(problems.size(), 3);
    out += fmt::format("<h2 id=\"summary-h\">{}</h2>\n<ol class=\"problems\">\n",
                       problems.size() <= 3 ? "What needs attention" : "The three most important problems");
    for (std::size_t i = 0; i < shown; ++i) {
      const Finding& f = *problems[i];
      out += fmt::format("<li class=\"{0}\" data-finding=\"{1}\"><span class=\"tag {0}\">{2}</span> {3}</li>\n",
                         core::status_name(f.status), html_escape(f.id), tag_text(f.status), problem_sentence(f));
    }
    out += "</ol>\n";
    if (problems.size() > shown) {
      out += fmt::format("<p>And {} more in the tables below.</p>\n", problems.size() - shown);
    }
  }
  out += "<h3>What to do next</h3>\n<ul class=\"next\">\n";
  std::vector<std::string> seen;
  for (const Finding* f : problems) {
    const std::string key = f->status == Status::error ? "error" : f->category;
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    out += "<li>" +
           html_escape(key == "error" ? "Fix what stopped the checks that could not run (the reason is beside each "
                                        "one below), then run the suite again."
                                      : advice(key)) +
           "</li>\n";
  }
  if (problems.empty()) out += "<li>Nothing blocks the release. Keep this report with the release record.</li>\n";
  out += fmt::format("<li>Run the same checks again on new data: <code>assay run {}</code></li>\n</ul>\n",
                     html_escape(outcome.suite_path));
  return out + "</section>\n";
}

}  // namespace assay::report
