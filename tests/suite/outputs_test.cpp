// The renderings of a suite Outcome: JUnit XML (valid against
// tests/suite/junit.xsd with xmllint, escaped whatever the data held) and
// Markdown (renders with cmark, verdict in the first heading), JSON.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/junit.hpp"
#include "report/markdown.hpp"
#include "report/suite_json.hpp"

namespace assay::report {
namespace {

bool have_program(const char* name) {
  return std::system(("command -v " + std::string(name) + " >/dev/null 2>&1").c_str()) == 0;
}

std::string temp_file(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / ("assay_suite_outputs_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

// Runs a shell command, returning its exit code and stdout.
std::pair<int, std::string> shell(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return {-1, ""};
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

suite::Outcome sample_outcome() {
  suite::Outcome o;
  o.suite_path = "ci/assay.yaml";
  o.suite_hash = "0123456789abcdef0123456789abcdef";
  o.task = "binary";
  core::Finding pass;
  pass.id = "metric.f1";
  pass.category = "metrics";
  pass.subject = "model";
  pass.metric = "f1";
  pass.value = 0.91;
  pass.threshold = core::Threshold{">=", 0.8};
  pass.status = core::Status::pass;
  pass.message = "f1 = 0.91, limit >= 0.8: pass";
  core::Finding fail = pass;
  fail.id = "metric.roc_auc.drop";
  fail.metric = "roc_auc";
  fail.value = 0.71;
  fail.reference = 0.8;
  fail.threshold = core::Threshold{">=", 0.78};
  fail.status = core::Status::fail;
  fail.message = "roc_auc <dropped> & \"fell\" | 'badly' \x01 \xff\xfe";
  core::Finding error = pass;
  error.id = "calibration.ece";
  error.value.reset();
  error.status = core::Status::error;
  error.reason = "only one class present";
  error.message = "ece could not be computed";
  core::Finding warn = pass;
  warn.id = "quality.missing.income";
  warn.status = core::Status::warn;
  warn.message = "income is missing in 6% of rows";
  o.findings = {pass, fail, error, warn};
  return o;
}

TEST(SuiteJunit, CountsAndMessages) {
  const std::string xml = junit_xml(sample_outcome());
  EXPECT_THAT(xml, ::testing::HasSubstr("tests=\"4\" failures=\"1\" errors=\"1\""));
  EXPECT_THAT(xml, ::testing::HasSubstr("<failure message=\"value 0.71, limit &gt;= 0.78, reference 0.8"));
  EXPECT_THAT(xml, ::testing::HasSubstr("&lt;dropped&gt; &amp; &quot;fell&quot;"));
  EXPECT_THAT(xml, ::testing::HasSubstr("<error message=\"could not be computed: only one class present\""));
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  EXPECT_EQ(xml.find('\xff'), std::string::npos);
  suite::Outcome strict = sample_outcome();
  strict.fail_on_warn = true;
  EXPECT_THAT(junit_xml(strict), ::testing::HasSubstr("failures=\"2\""));
}

TEST(SuiteJunit, ValidatesAgainstTheJunitSchema) {
  ASSERT_TRUE(have_program("xmllint")) << "xmllint (libxml2-utils) is needed: scripts/install-deps.sh";
  const std::string xsd = std::string(ASSAY_SOURCE_DIR) + "/tests/suite/junit.xsd";
  for (const auto& outcome : {sample_outcome(), suite::Outcome{}}) {
    const std::string path = temp_file("junit.xml", junit_xml(outcome));
    const auto [code, out] = shell("xmllint --noout --schema '" + xsd + "' '" + path + "' 2>&1");
    EXPECT_EQ(code, 0) << out;
  }
  // The schema is not a rubber stamp: a testcase without a name is refused.
  const std::string bad = temp_file("bad.xml", "<testsuites><testsuite name=\"s\" tests=\"1\"><testcase/></testsuite></testsuites>");
  EXPECT_NE(shell("xmllint --noout --schema '" + xsd + "' '" + bad + "' 2>&1").first, 0);
}

TEST(SuiteMarkdown, VerdictFirstAndFailuresInATable) {
  const std::string md = suite_markdown(sample_outcome());
  EXPECT_THAT(md, ::testing::StartsWith("# ❌ FAIL"));
  EXPECT_THAT(md, ::testing::HasSubstr("| fail | metric.roc\\_auc.drop | model | 0.71 | &gt;= 0.78 | 0.8 |"));
  EXPECT_THAT(md, ::testing::HasSubstr("<details><summary>1 passing check</summary>"));
  EXPECT_THAT(md, ::testing::HasSubstr("\\| 'badly'"));
  EXPECT_EQ(md.find('\xff'), std::string::npos);
  suite::Outcome ok = sample_outcome();
  ok.findings = {ok.findings[0]};
  EXPECT_THAT(suite_markdown(ok), ::testing::StartsWith("# ✅ PASS"));
}

TEST(SuiteMarkdown, RendersWithCmark) {
  ASSERT_TRUE(have_program("cmark")) << "cmark is needed: scripts/install-deps.sh";
  const std::string path = temp_file("summary.md", suite_markdown(sample_outcome()));
  const auto [code, html] = shell("cmark --unsafe '" + path + "'");
  ASSERT_EQ(code, 0);
  EXPECT_THAT(html, ::testing::StartsWith("<h1>❌ FAIL assay suite ci/assay.yaml"));
  EXPECT_THAT(html, ::testing::HasSubstr("<details>"));
}

TEST(SuiteJson, DocumentHasProvenanceAndVerdict) {
  const auto doc = suite_json(sample_outcome());
  EXPECT_EQ(doc["schema"], "assay.suite/v1");
  EXPECT_EQ(doc["suite"]["hash"], "0123456789abcdef0123456789abcdef");
  EXPECT_EQ(doc["verdict"], "fail");
  EXPECT_EQ(doc["findings"].size(), 4u);
  EXPECT_TRUE(doc["findings"][2]["value"].is_null());
}

}  // namespace
}  // namespace assay::report
