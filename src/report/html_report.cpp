#include "report/html_report.hpp"

#include <fmt/format.h>

#include <functional>

#include "core/version.hpp"
#include "report/html_charts.hpp"
#include "report/html_summary.hpp"
#include "report/html_text.hpp"
#include "report/suite_cells.hpp"
#include "report/web_assets.hpp"

namespace assay::report {

namespace {

using core::Finding;
using json = nlohmann::ordered_json;

// Tables longer than this are collapsed in <details> with a filter box.
constexpr std::size_t kOpenRows = 12;

struct Page {
  std::string body;
  std::string specs;  // <script type="application/json"> elements
  int charts = 0;
  int tables = 0;

  void chart(const std::string& section, const json& spec, const std::string& label) {
    if (spec.is_null()) return;
    const std::string id = fmt::format("chart-{}", ++charts);
    body += fmt::format("<div class=\"chart\" id=\"{0}\" data-section=\"{1}\" data-spec=\"{0}-spec\" role=\"img\" "
                        "aria-label=\"{2}\"></div>\n",
                        id, section, html_escape(label));
    specs += fmt::format("<script type=\"application/json\" id=\"{}-spec\">{}</script>\n", id, script_json(spec));
  }
};

std::string status_tag(core::Status s) {
  const auto name = core::status_name(s);
  return fmt::format("<span class=\"tag {0}\">{0}</span>", name);
}

std::string number_cell(const std::optional<double>& v, bool share = false) {
  return v ? "<td class=\"num\">" + html_number(*v, share) + "</td>" : "<td class=\"num\">-</td>";
}

// A table, collapsed with a filter box when it is long.
std::string table_html(const std::string& id, const std::string& caption, const std::string& head,
                       const std::string& rows, std::size_t count, bool always_collapse = false) {
  const std::string table = fmt::format(
      "<table class=\"sortable\" id=\"{}\"><caption>{}</caption>\n<thead><tr>{}</tr></thead>\n<tbody>\n{}</tbody></table>\n",
      id, html_escape(caption), head, rows);
  if (count <= kOpenRows && !always_collapse) return table;
  return fmt::format(
      "<details><summary>{} ({} rows)</summary>\n"
      "<label><span class=\"visually-hidden\">Filter</span><input type=\"search\" class=\"filter\" data-table=\"{}\" "
      "placeholder=\"Filter rows\" aria-label=\"Filter the rows of: {}\"></label>\n{}</details>\n",
      html_escape(caption), count, id, html_escape(caption), table);
}

std::string findings_table(const std::string& id, const std::string& caption, const std::vector<const Finding*>& rows,
                           bool always_collapse = false) {
  std::string body;
  for (const Finding* f : rows) {
    const bool share = is_share_metric(f->metric);
    const auto low = detail_number(f->details, "ci_low");
    const auto high = detail_number(f->details, "ci_high");
    const std::string ci = low && high ? html_number(*low, share) + " &ndash; " + html_number(*high, share) : "-";
    body += fmt::format(
        "<tr><td>{}</td><th scope=\"row\"><code>{}</code></th><td>{}</td><td>{}</td>{}<td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td>{}<td>{}</td></tr>\n",
        status_tag(f->status), html_escape(f->id), html_escape(f->subject), html_escape(metric_label(f->metric)),
        number_cell(f->value, share), ci,
        f->threshold ? html_escape(f->threshold->op) + " " + html_number(f->threshold->value, share) : "-",
        number_cell(f->reference, share),
        html_escape(f->reason.empty() || f->message.find(f->reason) != std::string::npos ? f->message
                                                                                        : f->message + " (" + f->reason + ")"));
  }
  const std::string head =
      "<th scope=\"col\">status</th><th scope=\"col\">check</th><th scope=\"col\">subject</th><th scope=\"col\">metric</th>"
      "<th scope=\"col\" class=\"num\">value</th><th scope=\"col\" class=\"num\">interval</th>"
      "<th scope=\"col\" class=\"num\">limit</th><th scope=\"col\" class=\"num\">reference</th>"
      "<th scope=\"col\">message</th>";
  return table_html(id, caption, head, body, rows.size(), always_collapse);
}

void open_section(Page& page, const std::string& id, const std::string& title, const std::string& explain) {
  page.body += fmt::format("<section id=\"{0}\" aria-labelledby=\"{0}-h\">\n<h2 id=\"{0}-h\">{1}</h2>\n"
                           "<p class=\"explain\">{2}</p>\n",
                           id, html_escape(title), html_escape(explain));
}

// A table with one row per object of the Finding's details list `key`;
// nothing when the list is absent or empty.
void list_table(Page& page, const Finding& f, std::string_view key, const std::string& caption, const std::string& head,
                const std::function<std::string(const core::Details&)>& row) {
  const core::DetailList* list = detail_list(f.details, key);
  if (list == nullptr || list->empty()) return;
  std::string rows;
  for (const auto& item : *list) {
    if (const core::Details* object = as_object(item)) rows += row(*object);
  }
  page.body += table_html(fmt::format("table-{}-{}", key, ++page.tables), caption, head, rows, list->size());
}

void drift_columns_table(Page& page, const Finding& features) {
  const std::string head =
      "<th scope=\"col\">column</th><th scope=\"col\">measure</th><th scope=\"col\" class=\"num\">score</th>"
      "<th scope=\"col\" class=\"num\">limit</th><th scope=\"col\">distribution</th>";
  list_table(page, features, "columns", "Drift of each column (click a heading to sort)", head, [](const core::Details& c) {
    const core::Details* t = detail_object(c, "threshold");
    const auto op = t ? detail_text(*t, "op") : std::nullopt;
    const auto limit = t ? detail_number(*t, "value") : std::nullopt;
    return fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td>{}<td class=\"num\">{}</td><td>{}</td></tr>\n",
                       html_escape(detail_text(c, "column").value_or("")),
                       html_escape(metric_label(detail_text(c, "metric").value_or(""))),
                       number_cell(detail_number(c, "value")), op && limit ? html_escape(*op) + " " + html_number(*limit) : "-",
                       detail_flag(c, "drifted") ? "<span class=\"tag fail\">changed</span>"
                                                 : "<span class=\"tag pass\">stable</span>");
  });
}

void schema_anomalies(Page& page, const Finding& f) {
  list_table(page, f, "anomalies", "Values outside the schema (" + f.id + ")",
             "<th scope=\"col\">rule</th><th scope=\"col\">what was found</th>", [](const core::Details& a) {
               return fmt::format("<tr><th scope=\"row\"><code>{}</code></th><td>{}</td></tr>\n",
                                  html_escape(detail_text(a, "id").value_or("")),
                                  html_escape(detail_text(a, "message").value_or("")));
             });
}

void weak_slices_table(Page& page, const Finding& f) {
  const std::string head =
      "<th scope=\"col\">segment</th><th scope=\"col\" class=\"num\">rows</th>"
      "<th scope=\"col\" class=\"num\">error rate</th><th scope=\"col\" class=\"num\">gap to all rows</th>";
  list_table(page, f, "weak_slices", "Weakest segments found", head, [](const core::Details& s) {
    return fmt::format("<tr><th scope=\"row\">{}</th>{}{}{}</tr>\n", html_escape(detail_text(s, "slice").value_or("")),
                       number_cell(detail_number(s, "rows")), number_cell(detail_number(s, "error"), true),
                       number_cell(detail_number(s, "gap"), true));
  });
}

struct SectionSpec {
  std::string id, title, explain;
  std::function<bool(const Finding&)> member;
};

bool is_metric_check(const Finding& f) {
  const auto check = detail_text(f.details, "check");
  return check && *check == "metric";
}

std::vector<SectionSpec> section_specs() {
  const auto in = [](std::vector<std::string> categories) {
    return [categories](const Finding& f) {
      return std::find(categories.begin(), categories.end(), f.category) != categories.end();
    };
  };
  return {
      {"metrics", "Model quality",
       "How well the model's predictions match what happened, on the current data. A dot is the measured value, "
       "the blue bar around it the range it would plausibly take on similar data (its confidence interval, when "
       "computed), the black tick the limit the suite sets.",
       [](const Finding& f) { return is_metric_check(f) || f.category == "metrics" || f.category == "calibration"; }},
      {"drift", "Changes in the data (drift)",
       "Whether the data the model sees now looks like the data it was checked on before (the reference period). "
       "Each bar is a column's change score; the black tick is where the change counts as real.",
       in({"drift"})},
      {"quality", "Data quality",
       "Missing values, values outside the expected ranges, rows shared between training and evaluation data, and "
       "personal data.",
       in({"quality", "schema", "leakage", "pii"})},
      {"slices", "Weak segments",
       "Groups of rows (segments) on which the model makes clearly more mistakes than on the data as a whole.",
       [](const Finding& f) { return f.category == "slices" && !is_metric_check(f); }},
      {"fairness", "Fairness across groups",
       "Whether the model treats the groups of a sensitive attribute comparably.", in({"fairness"})},
      {"compare", "New model against the current one",
       "The challenger model's numbers next to the champion's, on the same data.", in({"compare"})},
  };
}

void render_section(Page& page, const SectionSpec& spec, const std::vector<const Finding*>& members) {
  open_section(page, spec.id, spec.title, spec.explain);
  if (spec.id == "drift") {
    for (const Finding* f : members) {
      if (f->metric == "drifted_share" && f->subject == "dataset") {
        page.chart(spec.id, drift_chart(*f), "Bar chart of each column's drift score against its limit");
        drift_columns_table(page, *f);
      }
    }
  } else if (spec.id == "slices") {
    for (const Finding* f : members) {
      page.chart(spec.id, slices_chart(*f), "Bar chart of the error rate of the weakest segments against all rows");
      weak_slices_table(page, *f);
    }
  } else if (spec.id != "quality") {
    page.chart(spec.id, findings_chart(members),
               "Chart of each check's value with its confidence interval and its limit");
  }
  if (spec.id == "quality") {
    for (const Finding* f : members) schema_anomalies(page, *f);
  }
  page.body += findings_table("table-" + spec.id, spec.title + ": checks", members);
  page.body += "</section>\n";
}

std::string provenance_html(const suite::Outcome& outcome) {
  std::string out =
      "<section id=\"provenance\" aria-labelledby=\"provenance-h\">\n<h2 id=\"provenance-h\">Provenance</h2>\n"
      "<p class=\"explain\">Exactly what was evaluated: the same files (same fingerprints) and the same suite (same "
      "hash) give the same report.</p>\n";
  out += "<table><caption>Inputs</caption>\n<thead><tr><th scope=\"col\">file</th><th scope=\"col\">format</th>"
         "<th scope=\"col\" class=\"num\">rows</th><th scope=\"col\" class=\"num\">columns</th>"
         "<th scope=\"col\" class=\"num\">bytes</th><th scope=\"col\">xxh3-128 of the content</th></tr></thead>\n<tbody>\n";
  for (const auto& f : outcome.inputs) {
    out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                       "<td class=\"num\">{}</td><td class=\"mono\">{}</td></tr>\n",
                       html_escape(f.path), html_escape(f.format), f.rows, f.columns, f.bytes, f.content.hex());
  }
  out += "</tbody></table>\n<table><caption>Run</caption>\n<tbody>\n";
  const std::vector<std::pair<std::string, std::string>> run{
      {"suite file", html_escape(outcome.suite_path)},
      {"suite hash (xxh3-128 of the text, --set values and variables used)",
       "<span class=\"mono\">" + html_escape(outcome.suite_hash) + "</span>"},
      {"task", html_escape(outcome.task)},
      {"warnings fail the run", outcome.fail_on_warn ? "yes (--fail-on warn)" : "no"},
      {"time taken", fmt::format("{:.2f} s", outcome.elapsed_seconds)},
      {"assay version", html_escape(kVersion)},
  };
  for (const auto& [key, value] : run) out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n", key, value);
  return out + "</tbody></table>\n</section>\n";
}

// Runs first, before the libraries: errors anywhere in the page are kept.
constexpr const char* kErrorHook =
    "window.assayErrors=[];window.addEventListener('error',function(e){var t=String(e.message||e);"
    "window.assayErrors.push(t);if(document.body)document.body.setAttribute('data-errors',window.assayErrors.join('\\n'));});"
    "window.addEventListener('unhandledrejection',function(e){var t='unhandled: '+String(e.reason);"
    "window.assayErrors.push(t);if(document.body)document.body.setAttribute('data-errors',window.assayErrors.join('\\n'));});"
    "(function(){var c=console.error;console.error=function(){window.assayErrors.push("
    "Array.prototype.map.call(arguments,String).join(' '));"
    "if(document.body)document.body.setAttribute('data-errors',window.assayErrors.join('\\n'));"
    "return c.apply(console,arguments);};})();";

}  // namespace

std::string suite_html(const suite::Outcome& outcome) {
  Page page;
  std::string nav = "<nav class=\"toc\" aria-label=\"Sections\"><a href=\"#summary\">Summary</a>";
  std::vector<bool> used(outcome.findings.size(), false);
  for (const SectionSpec& spec : section_specs()) {
    std::vector<const Finding*> members;
    for (std::size_t i = 0; i < outcome.findings.size(); ++i) {
      if (!used[i] && spec.member(outcome.findings[i])) {
        members.push_back(&outcome.findings[i]);
        used[i] = true;
      }
    }
    if (members.empty()) continue;
    render_section(page, spec, members);
    nav += fmt::format("<a href=\"#{}\">{}</a>", spec.id, html_escape(spec.title));
  }
  std::vector<const Finding*> other, all;
  for (std::size_t i = 0; i < outcome.findings.size(); ++i) {
    if (!used[i]) other.push_back(&outcome.findings[i]);
    all.push_back(&outcome.findings[i]);
  }
  if (!other.empty()) {
    render_section(page, {"other", "Other checks", "Checks of other kinds.", {}}, other);
    nav += "<a href=\"#other\">Other checks</a>";
  }
  open_section(page, "all", "Every check", "All the checks of the suite, in the order of the suite file.");
  page.body += findings_table("table-all", "Every check", all, true);
  page.body += "</section>\n";
  nav += "<a href=\"#all\">Every check</a><a href=\"#provenance\">Provenance</a></nav>\n";

  const bool pass = suite::verdict(outcome) == suite::Verdict::pass;
  std::string html;
  html.reserve(web::vega_js().size() + web::vega_lite_js().size() + web::vega_embed_js().size() + 200000);
  html += fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"assay {}\">\n<title>{}: {} (assay report)</title>\n<style>\n",
      kVersion, pass ? "PASS" : "FAIL", html_escape(outcome.suite_name.empty() ? outcome.suite_path : outcome.suite_name));
  html += web::report_css();
  html += "</style>\n<script>";
  html += kErrorHook;
  html += "</script>\n<script>";
  html += web::vega_js();
  html += "</script>\n<script>";
  html += web::vega_lite_js();
  html += "</script>\n<script>";
  html += web::vega_embed_js();
  html += "</script>\n</head>\n<body data-errors=\"\">\n";
  html += verdict_html(outcome);
  html += "<main>\n";
  html += summary_html(outcome);
  html += nav;
  html += page.body;
  html += provenance_html(outcome);
  html += "</main>\n<footer>Made by assay " + html_escape(kVersion) +
          ". This file is self-contained: it opens offline and prints as it shows.</footer>\n";
  html += page.specs;
  html += "<script>";
  html += web::report_js();
  html += "</script>\n</body>\n</html>\n";
  return html;
}

}  // namespace assay::report
