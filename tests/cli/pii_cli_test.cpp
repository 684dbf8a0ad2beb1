// assay pii end to end: exit codes, masked examples only, the redacted copy
// (none of the flagged strings left in it, written atomically), and one-line
// errors for bad usage.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/run_assay.hpp"

namespace assay::testing {
namespace {

// Every value a scan must flag in the file below.
const std::vector<std::string> kFlagged{
    "ada@example.com", "4111 1111 1111 1111", "+44 20 7946 0958", "alan.turing@example.org", "DE89 3704 0044 0532 0130 00",
    "123-45-6789",     "192.0.2.44",          "AKIAIOSFODNN7EXAMPLE", "Ada Lovelace", "Alan Turing", "1912-06-23"};

class PiiCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = temp_dir();
    data_ = dir_ + "/people.csv";
    std::ofstream(data_, std::ios::binary)
        << "id,name,dob,email,notes,amount\n"
           "1,Ada Lovelace,,ada@example.com,\"card 4111 1111 1111 1111, call +44 20 7946 0958\",12.50\n"
           "2,Alan Turing,1912-06-23,alan.turing@example.org,version 1.2.3.4 deployed; ssn 123-45-6789,NA\n"
           "3,,,,\"IBAN DE89 3704 0044 0532 0130 00 from 192.0.2.44, key AKIAIOSFODNN7EXAMPLE\",3\n"
           "4,,,,nothing here,\n";
    clean_ = dir_ + "/clean.csv";
    std::ofstream(clean_, std::ios::binary) << "id,city,amount\n1,Paris,3.5\n2,Lyon,4\n3,Nice,\n";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  std::string dir_, data_, clean_;
};

TEST_F(PiiCli, CleanDataExitsZeroAndPersonalDataExitsOne) {
  const auto clean = run_assay({"pii", "--data", clean_});
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  const auto found = run_assay({"pii", "--data", data_});
  EXPECT_EQ(found.exit_code, 1) << found.out << found.err;
  for (const char* detector : {"email", "credit_card", "phone", "iban", "ssn", "ipv4", "api_key", "person_name",
                               "date_of_birth"}) {
    EXPECT_NE(found.out.find(std::string("pii.") + detector), std::string::npos) << detector << "\n" << found.out;
  }
}

TEST_F(PiiCli, OutputsShowOnlyMaskedValues) {
  const auto r = run_assay({"--format", "json", "pii", "--data", data_});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  for (const auto& value : kFlagged) EXPECT_EQ(r.out.find(value), std::string::npos) << value;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["schema"], "assay.pii/v1");
  EXPECT_EQ(doc["rows_scanned"], 4);
  bool card = false;
  for (const auto& f : doc["findings"]) {
    // 192.0.2.44 in row 3; "version 1.2.3.4" in row 2 is no address.
    if (f["id"] == "pii.ipv4.notes") EXPECT_EQ(f["details"]["count"], 1);
    if (f["id"] == "pii.credit_card.notes") {
      card = true;
      EXPECT_EQ(f["details"]["examples"][0]["value"], "**** **** **** 1111");
      EXPECT_EQ(f["details"]["confidence"], "high");
      EXPECT_DOUBLE_EQ(f["value"].get<double>(), 0.25);
    }
  }
  EXPECT_TRUE(card) << r.out;
}

TEST_F(PiiCli, RedactedCopiesHoldNoneOfTheFlaggedStrings) {
  ::setenv("ASSAY_TEST_PII_KEY", "a key of at least sixteen bytes", 1);
  for (const std::string mode : {"mask", "hash", "drop"}) {
    const std::string out = dir_ + "/redacted_" + mode + ".csv";
    const auto r = run_assay({"pii", "--data", data_, "--redact", out, "--mode", mode, "--salt-env", "ASSAY_TEST_PII_KEY"});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    const std::string text = read(out);
    ASSERT_FALSE(text.empty()) << mode;
    for (const auto& value : kFlagged) EXPECT_EQ(text.find(value), std::string::npos) << mode << ": " << value << "\n" << text;
    // What was not flagged is copied as written.
    if (mode != "drop") EXPECT_NE(text.find("version 1.2.3.4 deployed"), std::string::npos) << text;
    EXPECT_NE(text.find("12.50"), std::string::npos) << text;
    EXPECT_NE(text.find(",NA"), std::string::npos) << text;
  }
  const std::string hashed = read(dir_ + "/redacted_hash.csv");
  EXPECT_NE(hashed.find("[email:"), std::string::npos) << hashed;
  // The same key gives the same token: joins on a hashed column still work.
  const auto again = run_assay({"pii", "--data", data_, "--redact", dir_ + "/again.csv", "--mode", "hash", "--salt-env",
                                "ASSAY_TEST_PII_KEY"});
  EXPECT_EQ(read(dir_ + "/again.csv"), hashed);
  EXPECT_EQ(read(dir_ + "/redacted_drop.csv").substr(0, 10), "id,amount\n");
}

TEST_F(PiiCli, BadUsageIsOneLineAndWritesNothing) {
  const std::string out = dir_ + "/never.csv";
  expect_bad({"pii", "--data", data_, "--columns", "nots"}, "did you mean 'notes'");
  expect_bad({"pii", "--data", data_, "--redact", out, "--mode", "scramble"}, "expected mask, hash or drop");
  expect_bad({"pii", "--data", data_, "--redact", out, "--mode", "hash"}, "--salt-env");
  expect_bad({"pii", "--data", data_, "--redact", out, "--mode", "hash", "--salt-env", "ASSAY_TEST_UNSET_VARIABLE"},
             "not set");
  ::setenv("ASSAY_TEST_SHORT_KEY", "short", 1);
  expect_bad({"pii", "--data", data_, "--redact", out, "--mode", "hash", "--salt-env", "ASSAY_TEST_SHORT_KEY"},
             "at least 16");
  expect_bad({"pii", "--data", data_, "--redact", out, "--sample", "2"}, "every row");
  expect_bad({"pii", "--data", data_, "--sample", "0"}, "--sample");
  expect_bad({"pii", "--data", data_, "--mode", "mask"}, "--redact");
  expect_bad({"pii", "--data", dir_ + "/missing.csv"}, "missing.csv");
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(PiiCli, SampleScansEvenlySpacedRows) {
  const auto r = run_assay({"--format", "json", "pii", "--data", data_, "--sample", "2"});
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["rows_scanned"], 2);
  EXPECT_EQ(doc["sample"], 2);
}

}  // namespace
}  // namespace assay::testing
