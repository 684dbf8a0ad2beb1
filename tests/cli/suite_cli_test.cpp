// assay run / schema-of / init end to end on the built binary: the example
// suite, the malformed-suite corpus (each: exit 2, one line on stderr naming
// the file and line, nothing on stdout, no output written), flags, and the
// commands docs/ci.md shows.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/run_assay.hpp"

namespace assay::testing {
namespace {

namespace fs = std::filesystem;

const std::string kExample = "examples/suite/assay.yaml";

std::string slurp_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> outputs_to(const std::string& dir) {
  return {"--set", "outputs.json=" + dir + "/report.json", "--set", "outputs.junit=" + dir + "/junit.xml", "--set",
          "outputs.markdown=" + dir + "/summary.md", "--set", "outputs.html=" + dir + "/report.html"};
}

// "assay: FILE.yaml:LINE[:COLUMN]: message\n" (or a .json file the suite names).
bool names_file_and_line(const std::string& err) {
  if (err.rfind("assay: ", 0) != 0 || err.empty() || err.back() != '\n') return false;
  for (const std::string ext : {".yaml:", ".json:"}) {
    const auto at = err.find(ext);
    if (at == std::string::npos || err.find(' ', 7) < at) continue;
    const std::size_t digits = at + ext.size();
    return digits < err.size() && std::isdigit(static_cast<unsigned char>(err[digits]));
  }
  return false;
}

RunResult run_example(std::vector<std::string> extra, const std::string& dir) {
  std::vector<std::string> args{"--quiet", "run", kExample};
  for (auto& a : outputs_to(dir)) args.push_back(a);
  args.insert(args.end(), extra.begin(), extra.end());
  return run_assay(args);
}

TEST(SuiteCli, ExampleSuiteRunsEveryKind) {
  const std::string dir = temp_dir();
  const RunResult r = run_example({}, dir);
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  EXPECT_THAT(r.out, ::testing::HasSubstr(r.exit_code == 0 ? "PASS:" : "FAIL:"));
  const auto doc = nlohmann::json::parse(slurp_file(dir + "/report.json"));
  EXPECT_EQ(doc["schema"], "assay.suite/v1");
  EXPECT_EQ(doc["suite"]["hash"].get<std::string>().size(), 32u);
  EXPECT_EQ(doc["inputs"].size(), 2u);
  std::set<std::string> kinds;
  for (const auto& f : doc["findings"]) kinds.insert(f["details"]["check"].get<std::string>());
  EXPECT_EQ(kinds, (std::set<std::string>{"metric", "drift", "quality", "schema", "leakage", "calibration", "fairness",
                                          "slices"}));
  EXPECT_EQ(doc["verdict"], r.exit_code == 0 ? "pass" : "fail");
  EXPECT_TRUE(fs::exists(dir + "/junit.xml"));
  EXPECT_TRUE(fs::exists(dir + "/summary.md"));
  // The HTML report states the same verdict (tests/report has its content and
  // html_browser_test.py its rendering).
  const std::string html = slurp_file(dir + "/report.html");
  EXPECT_THAT(html, ::testing::HasSubstr("<!DOCTYPE html>"));
  EXPECT_THAT(html, ::testing::HasSubstr(r.exit_code == 0 ? "<span class=\"badge\">Ship</span>" : "Do not ship"));
}

TEST(SuiteCli, UnwritableHtmlPathExitsTwoAndWritesNothing) {
  const std::string dir = temp_dir();
  const RunResult r = run_example({"--set", "outputs.html=/proc/no-such-dir/report.html"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "assay: /proc/no-such-dir/report.html: cannot open for writing\n");
  EXPECT_FALSE(fs::exists(dir + "/report.json"));
  const RunResult empty = run_example({"--set", "outputs.html="}, dir);
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_EQ(std::count(empty.err.begin(), empty.err.end(), '\n'), 1) << empty.err;
  EXPECT_THAT(empty.err, ::testing::HasSubstr("outputs.html: empty file name"));
}

TEST(SuiteCli, JsonFormatOnlyAndFailOnWarn) {
  const std::string dir = temp_dir();
  const RunResult r = run_example({"--only", "metric.roc_auc", "--format", "json"}, dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["findings"].size(), 1u);
  EXPECT_EQ(doc["findings"][0]["id"], "metric.roc_auc");
  // A limit no model reaches fails the run.
  const RunResult fail = run_example({"--only", "metric.roc_auc", "--set", "checks.0.min=0.999"}, dir);
  EXPECT_EQ(fail.exit_code, 1);
  // As a warning it passes, unless warnings fail the run.
  const std::vector<std::string> warn{"--only", "metric.roc_auc", "--set", "checks.0.min=0.999", "--set",
                                      "checks.0.severity=warn"};
  EXPECT_EQ(run_example(warn, dir).exit_code, 0);
  auto strict = warn;
  strict.insert(strict.end(), {"--fail-on", "warn"});
  EXPECT_EQ(run_example(strict, dir).exit_code, 1);
  const RunResult unknown = run_example({"--only", "metric.roc_acu"}, dir);
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, ::testing::HasSubstr("did you mean 'metric.roc_auc'?"));
}

TEST(SuiteCli, EnvironmentDefaultAndOverride) {
  const std::string dir = temp_dir();
  // The example's ECE limit is ${ASSAY_MAX_ECE:-0.10}.
  ::setenv("ASSAY_MAX_ECE", "0.0000001", 1);
  const RunResult tight = run_example({"--only", "calibration.ece"}, dir);
  ::unsetenv("ASSAY_MAX_ECE");
  EXPECT_EQ(tight.exit_code, 1) << tight.out;
  EXPECT_EQ(run_example({"--only", "calibration.ece"}, dir).exit_code, 0);
}

TEST(SuiteCli, BadDataWritesNothing) {
  const std::string dir = temp_dir();
  const RunResult r = run_example({"--set", "data.current=../weather/nope.csv"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_THAT(r.err, ::testing::HasSubstr("nope.csv"));
  EXPECT_FALSE(fs::exists(dir + "/report.json"));
  EXPECT_FALSE(fs::exists(dir + "/junit.xml"));
  EXPECT_FALSE(fs::exists(dir + "/report.html"));
}

TEST(SuiteCli, EmptyCurrentDataIsAnErrorForEveryCheck) {
  const std::string dir = temp_dir();
  {
    std::ifstream in(std::string(ASSAY_SOURCE_DIR) + "/examples/weather/current.csv");
    std::string header;
    std::getline(in, header);
    std::ofstream(dir + "/empty.csv") << header << "\n";
  }
  const RunResult r = run_example({"--set", "data.current=" + dir + "/empty.csv", "--format", "json"}, dir);
  ASSERT_EQ(r.exit_code, 1) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  for (const auto& f : doc["findings"]) EXPECT_EQ(f["status"], "error") << f["id"];
}

TEST(SuiteCli, MalformedSuitesExitTwoWithFileAndLine) {
  const fs::path corpus = fs::path(ASSAY_SOURCE_DIR) / "tests/suite/malformed";
  std::size_t count = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (entry.path().extension() != ".yaml") continue;
    ++count;
    const std::string dir = temp_dir();
    const RunResult r = run_assay({"run", entry.path().string(), "--set", "outputs.json=" + dir + "/r.json"});
    const std::string name = entry.path().filename().string();
    EXPECT_EQ(r.exit_code, 2) << name << ": " << r.err << r.out;
    EXPECT_TRUE(r.out.empty()) << name;
    EXPECT_TRUE(names_file_and_line(r.err)) << name << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << name << ": " << r.err;
    EXPECT_FALSE(fs::exists(dir + "/r.json")) << name;
  }
  EXPECT_GE(count, 30u);
}

TEST(SuiteCli, SchemaOfSuiteIsJsonAndTheExamplesConform) {
  const RunResult r = run_assay({"schema-of", "suite"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto schema = nlohmann::json::parse(r.out);
  EXPECT_EQ(schema["type"], "object");
  EXPECT_EQ(schema["properties"]["checks"]["items"]["oneOf"].size(), 11u);  // one per check kind
  // Debian's python3-jsonschema and python3-yaml (scripts/install-deps.sh).
  ASSERT_EQ(std::system("/usr/bin/python3 -c 'import jsonschema, yaml' >/dev/null 2>&1"), 0)
      << "python3-jsonschema and python3-yaml are needed (scripts/install-deps.sh)";
  const std::string dir = temp_dir();
  std::ofstream(dir + "/schema.json") << r.out;
  const std::string script = dir + "/check.py";
  std::ofstream(script) << "import json, sys, yaml, jsonschema\n"
                           "schema = json.load(open(sys.argv[1]))\n"
                           "jsonschema.Draft202012Validator.check_schema(schema)\n"
                           "v = jsonschema.Draft202012Validator(schema)\n"
                           "for path in sys.argv[2:]:\n"
                           "    errors = list(v.iter_errors(yaml.safe_load(open(path))))\n"
                           "    expect_valid = '/malformed/' not in path\n"
                           "    if expect_valid and errors: sys.exit(path + ': ' + errors[0].message)\n"
                           "    if not expect_valid and not errors: sys.exit(path + ': accepted')\n";
  const std::string src = ASSAY_SOURCE_DIR;
  // Malformed files the schema can see (structure, names, types) must be refused by it too.
  const std::string cmd = "/usr/bin/python3 " + script + " " + dir + "/schema.json " + src + "/examples/suite/assay.yaml " + src +
                          "/tests/suite/malformed/unknown_metric.yaml " + src +
                          "/tests/suite/malformed/unknown_key_in_check.yaml " + src +
                          "/tests/suite/malformed/check_no_kind.yaml " + src + "/tests/suite/malformed/bad_severity.yaml";
  EXPECT_EQ(std::system(cmd.c_str()), 0);
}

}  // namespace
}  // namespace assay::testing

namespace assay::testing {
namespace {

TEST(SuiteInit, StarterSuiteRunsAsWritten) {
  const std::string dir = temp_dir();
  const std::string suite = dir + "/assay.yaml";
  const RunResult init = run_assay({"--quiet", "init", "examples/weather/current.csv", "--reference",
                                    "examples/weather/reference.csv", "--output", suite});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  const std::string text = slurp_file(suite);
  EXPECT_THAT(text, ::testing::HasSubstr("target: rain_tomorrow"));
  EXPECT_THAT(text, ::testing::HasSubstr("score: score"));
  EXPECT_THAT(text, ::testing::HasSubstr("{metric: roc_auc, min: "));
  // Every line that is not blank says what it does.
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line == "data:" || line == "columns:" || line == "checks:") continue;
    EXPECT_NE(line.find('#'), std::string::npos) << line;
  }
  const RunResult run = run_assay({"--quiet", "run", suite});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_TRUE(std::filesystem::exists(dir + "/assay-out/junit.xml"));
  EXPECT_TRUE(std::filesystem::exists(dir + "/assay-out/report.html"));
  // It does not overwrite.
  EXPECT_EQ(run_assay({"init", "examples/weather/current.csv", "--output", suite}).exit_code, 2);
}

}  // namespace
}  // namespace assay::testing

namespace assay::testing {
namespace {

TEST(SuiteDemo, DemoEndsWithTheExampleSuite) {
  const RunResult r = run_assay({"--quiet", "demo"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, ::testing::HasSubstr("$ assay run "));
  EXPECT_THAT(r.out, ::testing::HasSubstr("suite/assay.yaml"));
  EXPECT_TRUE(r.out.find("\nPASS: ") != std::string::npos || r.out.find("\nFAIL: ") != std::string::npos);
  // It ends by saying where the HTML report of the suite is.
  const auto at = r.out.find("The report for people: open ");
  ASSERT_NE(at, std::string::npos) << r.out;
  const auto path_start = at + std::string("The report for people: open ").size();
  const std::string path = r.out.substr(path_start, r.out.find(' ', path_start) - path_start);
  EXPECT_TRUE(fs::exists(path)) << path;
}

}  // namespace
}  // namespace assay::testing
