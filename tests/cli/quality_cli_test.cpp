// assay quality, leakage, schema and fingerprint end to end: exit codes,
// JSON documents with provenance, overrides, and precise errors.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "cli/run_assay.hpp"

namespace assay::testing {
namespace {

class QualityCli : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = temp_dir(); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  // 200 rows: id, a number, a category, a label; `duplicate` repeats row 1
  // as the last row (with another id), `wide` moves one value out of range.
  std::string data(const std::string& name, bool duplicate = false, bool wide = false, int offset = 0) {
    std::string text = "id,x,color,label\n";
    for (int i = 0; i < 200; ++i) {
      const double x = wide && i == 7 ? 500.0 : (i * 37 % 101) / 4.0;
      text += std::to_string(offset + i) + "," + std::to_string(x) + "," + (i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue") +
              "," + std::to_string(i % 4 == 0 ? 1 : 0) + "\n";
    }
    if (duplicate) text += std::to_string(offset + 999) + ",0.000000,red,1\n";
    return write(name, text);
  }

  std::string dir_;
};

TEST_F(QualityCli, CleanDataExitsZero) {
  const auto ref = data("ref.csv");
  const auto cur = data("cur.csv", false, false, 1000);
  const auto r = run_assay({"quality", "--data", cur, "--reference", ref, "--target", "label", "--id", "id"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find("fail"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" pass (passing checks hidden"), std::string::npos) << r.out;
}

TEST_F(QualityCli, JsonDocumentCarriesProvenanceAndFindings) {
  const auto ref = data("ref.csv");
  const auto cur = data("cur.csv", true, true, 1000);
  const auto r = run_assay({"--format", "json", "quality", "--data", cur, "--reference", ref, "--id", "id"});
  EXPECT_EQ(r.exit_code, 0) << r.err;  // one duplicate and one out-of-range value in 201 rows: warnings
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["schema"], "assay.quality/v1");
  ASSERT_EQ(doc["inputs"].size(), 2u);
  EXPECT_EQ(doc["inputs"][0]["path"], cur);
  EXPECT_EQ(doc["inputs"][0]["xxh3_128"].get<std::string>().size(), 32u);
  EXPECT_EQ(doc["inputs"][1]["rows"], 200);
  const auto find = [&](const std::string& id) {
    for (const auto& f : doc["findings"]) {
      if (f["id"] == id) return f;
    }
    ADD_FAILURE() << "no finding " << id;
    return nlohmann::json();
  };
  EXPECT_EQ(find("quality.duplicate_rows.dataset")["details"]["count"], 1);
  EXPECT_EQ(find("quality.duplicate_rows.dataset")["details"]["examples"][0]["row"], 201);
  EXPECT_EQ(find("quality.out_of_range.x")["details"]["above"], 1);
  EXPECT_EQ(find("quality.out_of_range.x")["status"], "warn");
  EXPECT_EQ(find("quality.row_count_change.dataset")["status"], "pass");
  EXPECT_EQ(doc["status"], "warn");
  EXPECT_EQ(doc["summary"]["fail"].get<int>(), 0);
  EXPECT_EQ(doc["summary"]["warn"].get<int>(), 2);
  EXPECT_EQ(find("quality.outliers.x")["status"], "pass");
}

TEST_F(QualityCli, OverridesChangeTheVerdict) {
  const auto cur = data("cur.csv", true);
  // One duplicate in 201 rows: 0.5%, a warning by default.
  EXPECT_EQ(run_assay({"quality", "--data", cur, "--id", "id"}).exit_code, 0);
  EXPECT_EQ(run_assay({"quality", "--data", cur, "--id", "id", "--set", "duplicate_rows.fail=0.001"}).exit_code, 1);
  const auto thresholds = write("t.json", R"({"duplicate_rows": {"fail": 0}})");
  EXPECT_EQ(run_assay({"quality", "--data", cur, "--id", "id", "--thresholds", thresholds}).exit_code, 1);
}

TEST_F(QualityCli, BadSettingsAndRolesExitTwo) {
  const auto cur = data("cur.csv");
  auto r = run_assay({"quality", "--data", cur, "--set", "dupliate_rows.fail=0"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--set.dupliate_rows.fail: unknown setting"), std::string::npos) << r.err;
  r = run_assay({"quality", "--data", cur, "--target", "lable"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--target: no column named 'lable'; did you mean 'label'?"), std::string::npos) << r.err;
  const auto thresholds = write("t.json", "{\n  \"missing\": {\"warn\": 0.1,}\n}");
  r = run_assay({"quality", "--data", cur, "--thresholds", thresholds});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(thresholds + ":2:"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST_F(QualityCli, SchemaInferThenValidate) {
  const auto ref = data("ref.csv");
  const auto printed = run_assay({"schema", ref});
  ASSERT_EQ(printed.exit_code, 0) << printed.err;
  const auto doc = nlohmann::json::parse(printed.out);
  EXPECT_EQ(doc["schema"], "assay.schema/v1");
  EXPECT_EQ(doc["columns"][2]["categories"], (nlohmann::json{"blue", "green", "red"}));
  const std::string schema = dir_ + "/schema.json";
  ASSERT_EQ(run_assay({"schema", "infer", ref, "--output", schema}).exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(std::ifstream(schema)), doc);
  EXPECT_EQ(run_assay({"schema", "validate", "--schema", schema, ref}).exit_code, 0);
  const auto bad = write("bad.csv", "id,x,color,label,extra\n1,2.5,purple,1,z\n");
  const auto r = run_assay({"--format", "json", "schema", "validate", "--schema", schema, bad});
  EXPECT_EQ(r.exit_code, 1);
  const auto findings = nlohmann::json::parse(r.out)["findings"];
  std::vector<std::string> failed;
  for (const auto& f : findings) {
    if (f["status"] == "fail") failed.push_back(f["id"]);
  }
  EXPECT_EQ(failed, (std::vector<std::string>{"schema.categories.color", "schema.new_column.extra"}));
}

TEST_F(QualityCli, BadSchemaFileExitsTwoWithTheJsonPath) {
  const auto cur = data("cur.csv");
  const auto schema = write("s.json", R"({"format": "assay.schema", "version": 1, "columns": [
    {"name": "id", "kind": "int64"}, {"name": "x", "kind": "number"}]})");
  for (const auto& args : {std::vector<std::string>{"schema", "validate", "--schema", schema, cur},
                           std::vector<std::string>{"quality", "--data", cur, "--schema", schema}}) {
    const auto r = run_assay(args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(r.err, "assay: " + schema + ": columns[1].kind: expected one of float64, int64, bool, categorical, "
                                          "string, timestamp, found \"number\"\n");
  }
}

TEST_F(QualityCli, LeakageFindsSharedRows) {
  const auto train = data("train.csv");
  const auto test = write("test.csv", "id,x,color,label\n5000,0.000000,red,1\n5001,77.5,red,0\n5002,0.0, RED ,1\n");
  const auto r = run_assay({"--format", "json", "leakage", "--train", train, "--test", test, "--id", "id", "--target", "label"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["schema"], "assay.leakage/v1");
  EXPECT_EQ(doc["findings"][0]["id"], "leakage.contamination.dataset");
  EXPECT_EQ(doc["findings"][0]["details"]["count"], 1);
  EXPECT_EQ(doc["findings"][1]["details"]["count"], 2);
  EXPECT_EQ(doc["inputs"].size(), 2u);
  EXPECT_EQ(run_assay({"leakage", "--train", train}).exit_code, 2);
}

TEST_F(QualityCli, FingerprintIgnoresColumnOrderAndLineEndings) {
  const auto a = write("a.csv", "k,v\n1,x\n2,y\n");
  const auto b = write("b.csv", "v,k\r\ny,2\r\n");
  const auto c = write("c.csv", "v,k\r\nx,1\r\ny,2\r\n");
  const auto r = run_assay({"--format", "json", "fingerprint", a, b, c});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto files = nlohmann::json::parse(r.out)["files"];
  ASSERT_EQ(files.size(), 3u);
  EXPECT_NE(files[0]["xxh3_128"], files[2]["xxh3_128"]);
  EXPECT_EQ(files[0]["canonical_xxh3_128"], files[2]["canonical_xxh3_128"]);
  EXPECT_NE(files[0]["canonical_xxh3_128"], files[1]["canonical_xxh3_128"]);
  EXPECT_EQ(files[0]["column_hashes"][0]["name"], "k");
  EXPECT_EQ(files[0]["column_hashes"][0]["xxh3_128"], files[2]["column_hashes"][1]["xxh3_128"]);
  const auto text = run_assay({"fingerprint", a});
  EXPECT_NE(text.out.find("canonical"), std::string::npos);
}

}  // namespace
}  // namespace assay::testing
