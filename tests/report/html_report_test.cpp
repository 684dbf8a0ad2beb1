// The HTML report of a suite run: self-contained (no external resource),
// its charts valid Vega-Lite JSON built from Findings, its summary's numbers
// the Findings' own values, and no data value able to break out of its
// element.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>
#include <string>
#include <vector>

#include "report/html_report.hpp"
#include "report/html_text.hpp"
#include "report/web_assets.hpp"

namespace assay::report {
namespace {

using core::Finding;
using core::Status;

Finding finding(std::string id, std::string category, std::string subject, std::string metric, double value,
                core::Threshold limit, Status status) {
  Finding f;
  f.id = std::move(id);
  f.category = std::move(category);
  f.subject = std::move(subject);
  f.metric = std::move(metric);
  f.value = value;
  f.threshold = std::move(limit);
  f.status = status;
  f.message = f.metric + " message";
  return f;
}

suite::Outcome failing_outcome() {
  suite::Outcome o;
  o.suite_path = "suites/assay.yaml";
  o.suite_name = "rain forecast";
  o.suite_hash = "0123456789abcdef0123456789abcdef";
  o.task = "binary";
  o.inputs.push_back({.path = "current.csv", .bytes = 1000, .content = {}, .format = "csv", .rows = 1458, .columns = 14});
  Finding auc = finding("metric.roc_auc", "metrics", "model", "roc_auc", 0.6423, {">=", 0.7}, Status::fail);
  auc.details["check"] = "metric";
  auc.details["rows"] = 1458;
  auc.details["ci_low"] = 0.61;
  auc.details["ci_high"] = 0.67;
  Finding drift = finding("drift.features", "drift", "dataset", "drifted_share", 0.6, {"<=", 0.5}, Status::fail);
  drift.details["compared"] = 5;
  drift.details["drifted"] = 3;
  drift.details["drifted_columns"] = std::vector<std::string>{"a", "b", "c"};
  core::DetailList columns;
  for (const char* name : {"a", "b", "c", "d", "e"}) {
    columns.emplace_back(core::Details{{"column", name},
                                       {"metric", "wasserstein_normed"},
                                       {"value", 0.2},
                                       {"threshold", core::Details{{"op", "<"}, {"value", 0.1}}},
                                       {"drifted", true}});
  }
  drift.details["columns"] = std::move(columns);
  Finding missing = finding("quality.missing_share.x", "quality", "x", "missing_share", 0.07, {"<=", 0.05}, Status::warn);
  Finding broken;
  broken.id = "calibration.ece";
  broken.category = "calibration";
  broken.subject = "model";
  broken.metric = "ece";
  broken.status = Status::error;
  broken.reason = "no score column";
  broken.message = "ece could not be computed: no score column";
  Finding slices = finding("slices.discover", "slices", "weather=snow", "misclassification_gap", 0.3, {"<=", 0.25},
                           Status::fail);
  slices.details["overall_error"] = 0.3;
  slices.details["weak_slices"] =
      core::DetailList{core::Details{{"slice", "weather=snow"}, {"rows", 42}, {"error", 0.52}, {"gap", 0.22}}};
  Finding ok = finding("metric.f1", "metrics", "model", "f1", 0.81, {">=", 0.5}, Status::pass);
  o.findings = {ok, auc, drift, missing, broken, slices};
  return o;
}

std::vector<std::string> all_matches(const std::string& text, const std::regex& pattern, int group = 1) {
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[group].str());
  }
  return out;
}

// The text of each <script type="application/json"> element.
std::vector<std::string> specs(const std::string& html) {
  std::vector<std::string> out;
  const std::string open = "<script type=\"application/json\"";
  for (std::size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
    const std::size_t start = html.find('>', at) + 1;
    out.push_back(html.substr(start, html.find("</script>", start) - start));
  }
  return out;
}

// The page's markup: the text outside <script> and <style> elements.
std::string markup(const std::string& html) {
  std::string out;
  std::size_t at = 0;
  while (at < html.size()) {
    const std::size_t script = html.find("<script", at), style = html.find("<style", at);
    const std::size_t open = std::min(script, style);
    if (open == std::string::npos) break;
    out.append(html, at, open - at);
    const std::size_t close = html.find(open == script ? "</script>" : "</style>", open);
    if (close == std::string::npos) return out;
    at = close + 8;
  }
  return out + html.substr(std::min(at, html.size()));
}

TEST(HtmlReport, ReferencesNoExternalResource) {
  const std::string html = suite_html(failing_outcome());
  // Attributes that load or link a resource, in the markup and in inline styles.
  const std::regex attribute(R"re((?:src|href|action|poster|srcset)\s*=\s*["']?\s*([^"'\s>]*))re", std::regex::icase);
  const std::string page = markup(html);
  ASSERT_LT(page.size(), html.size() / 5);
  const auto values = all_matches(page, attribute);
  ASSERT_FALSE(values.empty());  // the table of contents links to sections
  for (const auto& value : values) {
    EXPECT_EQ(value.find("//"), std::string::npos) << value;
    EXPECT_EQ(value.find("http:"), std::string::npos) << value;
    EXPECT_EQ(value.find("https:"), std::string::npos) << value;
  }
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(web::report_css().find("url("), std::string::npos);
  // The libraries are inlined.
  EXPECT_NE(html.find("vegaEmbed"), std::string::npos);
  EXPECT_NE(html.find("vegaLite"), std::string::npos);
}

TEST(HtmlReport, EmbedsValidVegaLiteSpecsOnePerChart) {
  const std::string html = suite_html(failing_outcome());
  const auto texts = specs(html);
  const auto charts = all_matches(markup(html), std::regex(R"re(<div class="chart" id="([^"]+)")re"));
  ASSERT_EQ(texts.size(), charts.size());
  ASSERT_EQ(texts.size(), 3u);  // model quality, drift, weak segments
  for (const auto& text : texts) {
    const auto spec = nlohmann::json::parse(text);  // throws when invalid
    ASSERT_TRUE(spec.contains("data"));
    EXPECT_FALSE(spec["data"]["values"].empty());
    EXPECT_TRUE(spec.contains("layer") || spec["spec"].contains("layer"));
    EXPECT_FALSE(spec.contains("$schema"));  // a URL; vega-embed does not need it
  }
  // Drift: one bar per compared column, from the Finding's details.
  EXPECT_EQ(nlohmann::json::parse(texts[1])["data"]["values"].size(), 5u);
}

TEST(HtmlReport, SummaryNumbersAreTheFindingsValues) {
  const suite::Outcome outcome = failing_outcome();
  const std::string html = suite_html(outcome);
  EXPECT_NE(html.find("data-verdict=\"fail\""), std::string::npos);
  EXPECT_NE(html.find("Do not ship"), std::string::npos);
  const auto items = all_matches(markup(html), std::regex(R"re(<li class="(\w+)" data-finding="([^"]+)">(.*)</li>)re"), 0);
  ASSERT_EQ(items.size(), 3u);  // the three most important of five problems
  // Errors first, then failures in file order.
  const std::vector<std::string> expected_ids{"calibration.ece", "metric.roc_auc", "drift.features"};
  const std::regex number(R"re(<data value="([^"]+)">([^<]+)</data>)re");
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_NE(items[i].find("data-finding=\"" + expected_ids[i] + "\""), std::string::npos) << items[i];
  }
  EXPECT_NE(items[0].find("no score column"), std::string::npos);
  const auto auc = all_matches(items[1], number);
  ASSERT_EQ(auc.size(), 3u);  // value, limit, rows
  EXPECT_EQ(std::stod(auc[0]), 0.6423);
  EXPECT_EQ(std::stod(auc[1]), 0.7);
  EXPECT_EQ(std::stod(auc[2]), 1458.0);
  EXPECT_NE(items[1].find(">0.642</data>"), std::string::npos);
  EXPECT_NE(items[1].find("below the minimum of"), std::string::npos);
  const auto drift = all_matches(items[2], number);
  ASSERT_EQ(drift.size(), 4u);  // drifted, compared, share, limit
  EXPECT_EQ(std::stod(drift[0]), 3.0);
  EXPECT_EQ(std::stod(drift[1]), 5.0);
  EXPECT_EQ(std::stod(drift[2]), 0.6);
  EXPECT_EQ(std::stod(drift[3]), 0.5);
  EXPECT_NE(items[2].find(">60%</data>"), std::string::npos);
  EXPECT_NE(html.find("And 2 more in the tables below."), std::string::npos);
}

TEST(HtmlReport, VerdictInWordsForEachOutcome) {
  suite::Outcome outcome = failing_outcome();
  outcome.findings.erase(outcome.findings.begin() + 1, outcome.findings.end());
  EXPECT_NE(suite_html(outcome).find("data-verdict=\"pass\""), std::string::npos);
  outcome.findings.push_back(failing_outcome().findings[3]);  // a warning
  const std::string warned = suite_html(outcome);
  EXPECT_NE(warned.find("data-verdict=\"warn\""), std::string::npos);
  EXPECT_NE(warned.find(">Ship<"), std::string::npos);
  outcome.fail_on_warn = true;
  EXPECT_NE(suite_html(outcome).find("data-verdict=\"fail\""), std::string::npos);
  outcome.findings.push_back(failing_outcome().findings[4]);  // an error, no failure
  outcome.fail_on_warn = false;
  const std::string errored = suite_html(outcome);
  EXPECT_NE(errored.find("data-verdict=\"error\""), std::string::npos);
  EXPECT_NE(errored.find("Could not finish"), std::string::npos);
}

TEST(HtmlReport, DataValuesCannotBreakOutOfTheirElements) {
  suite::Outcome outcome = failing_outcome();
  const std::string evil = "</script><script>alert(1)</script><!--\"'&\xff";
  outcome.findings[2].details["columns"] = core::DetailList{core::Details{
      {"column", evil}, {"metric", "psi"}, {"value", 0.3}, {"drifted", true}}};
  outcome.findings[3].subject = evil;
  outcome.suite_name = evil;
  const std::string html = suite_html(outcome);
  EXPECT_EQ(html.find("alert(1)</script>"), std::string::npos);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<!--"), std::string::npos);
  for (const auto& text : specs(html)) EXPECT_NO_THROW((void)nlohmann::json::parse(text));
  const auto drift = nlohmann::json::parse(specs(html)[1]);
  EXPECT_EQ(drift["data"]["values"][0]["column"], "</script><script>alert(1)</script><!--\"'&\xEF\xBF\xBD");
}

TEST(HtmlReport, SizeDependsOnFindingsNotOnRows) {
  suite::Outcome small = failing_outcome();
  suite::Outcome large = failing_outcome();
  large.inputs[0].rows = 14580000;
  for (auto& f : large.findings) {
    if (f.details.find("rows")) f.details["rows"] = 14580000;
  }
  const auto a = suite_html(small).size();
  const auto b = suite_html(large).size();
  EXPECT_LE(b, a + 64);  // only the digits of the row counts differ
}

TEST(HtmlText, EscapesAndNumbers) {
  EXPECT_EQ(html_escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&apos;");
  EXPECT_EQ(display_number(0.6423), "0.642");
  EXPECT_EQ(display_number(0.071, true), "7.1%");
  EXPECT_EQ(display_number(1458), "1458");
  EXPECT_EQ(html_number(0.1), "<data value=\"0.10000000000000001\">0.1</data>");
  EXPECT_EQ(script_json(nlohmann::ordered_json{{"a", "</script>"}}), "{\"a\":\"\\u003c/script>\"}");
}

}  // namespace
}  // namespace assay::report
