// The canonical data hash ignores column order, line endings, quoting,
// number formatting and file format, and changes with any value.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "io/table_reader.hpp"
#include "quality/fingerprint.hpp"
#include "tables.hpp"

namespace assay::quality {
namespace {

using namespace testing;

class Fingerprint : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("assay_fingerprint_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  io::ReadResult read(const std::string& name, const std::string& text) {
    const auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return io::read_table(path);
  }

  std::filesystem::path dir_;
};

TEST_F(Fingerprint, CanonicalHashIgnoresLayoutButNotValues) {
  const auto base = read("a.csv", "id,city,score\n1,Paris,0.5\n2,Lyon,1.25\n3,,2\n");
  const auto reordered = read("b.csv", "score,id,city\r\n0.5,1,Paris\r\n1.25,2,Lyon\r\n2.0,3,\r\n");
  const auto quoted = read("c.csv", "\"id\",\"city\",\"score\"\n\"1\",\"Paris\",5e-1\n2,\"Lyon\",1.250\n3,,2\n");
  const auto changed = read("e.csv", "id,city,score\n1,Paris,0.5\n2,Lyon,1.26\n3,,2\n");
  const auto fb = fingerprint(base.table);
  EXPECT_NE(base.fingerprint.content, reordered.fingerprint.content);
  EXPECT_EQ(fingerprint(reordered.table).canonical, fb.canonical);
  EXPECT_EQ(fingerprint(quoted.table).canonical, fb.canonical);
  EXPECT_NE(fingerprint(changed.table).canonical, fb.canonical);
  EXPECT_EQ(fingerprint(reordered.table).schema, fb.schema);
  // Per-column hashes: only the changed column differs.
  const auto fc = fingerprint(changed.table);
  EXPECT_EQ(fc.columns[0].hash, fb.columns[0].hash);
  EXPECT_EQ(fc.columns[1].hash, fb.columns[1].hash);
  EXPECT_NE(fc.columns[2].hash, fb.columns[2].hash);
  EXPECT_EQ(fb.rows, 3u);
}

TEST_F(Fingerprint, CanonicalHashIsTheSameForJsonLines) {
  const auto csv = read("a.csv", "id,city,score\n1,Paris,0.5\n2,Lyon,1.25\n3,,2\n");
  const auto jsonl = read("d.jsonl", "{\"city\":\"Paris\",\"id\":1,\"score\":0.5}\n{\"id\":2,\"city\":\"Lyon\",\"score\":1.25}\n"
                                     "{\"id\":3,\"city\":null,\"score\":2}\n");
  EXPECT_EQ(fingerprint(jsonl.table).canonical, fingerprint(csv.table).canonical);
}

TEST(FingerprintInMemory, SchemaHashFollowsNamesAndKinds) {
  core::Table a({ints("x", {1, 2}), texts("y", {"a", "b"})});
  core::Table b({doubles("x", {1, 2}), texts("y", {"a", "b"})});
  core::Table c({ints("x", {1, 2}), texts("z", {"a", "b"})});
  EXPECT_EQ(fingerprint(a).canonical, fingerprint(b).canonical);  // same values
  EXPECT_NE(fingerprint(a).schema, fingerprint(b).schema);        // different kinds
  EXPECT_NE(fingerprint(a).canonical, fingerprint(c).canonical);  // names are part of the data
  core::Table rows({ints("x", {2, 1}), texts("y", {"b", "a"})});
  EXPECT_NE(fingerprint(a).canonical, fingerprint(rows).canonical);  // row order matters
  EXPECT_EQ(fingerprint(core::Table{}).rows, 0u);
}

}  // namespace
}  // namespace assay::quality
