// The scan of a table: which columns are scanned, column context (names,
// dates of birth), counts and shares, masked examples, sampling, the same
// result for any thread count, and the redacted table.

#include <gtest/gtest.h>
#include <oneapi/tbb/task_arena.h>

#include "core/error.hpp"
#include "security/keyed_hash.hpp"
#include "security/mask.hpp"
#include "security/pii_scan.hpp"
#include "security/redact.hpp"

namespace assay::security {
namespace {

core::Table people() {
  std::vector<core::Column> columns;
  columns.push_back(core::Column::int64("card_digits", {4111111111111111, 12, 5500000000000004, 7}));
  columns.push_back(core::Column::string("full_name", {"Ada Lovelace", "Alan Turing", "", "grace"}));
  columns.push_back(core::Column::string("birthday", {"1815-12-10", "1912-06-23", "n/a", "1906-12-09"}));
  columns.push_back(core::Column::categorical("contact", {0, 1, 0, -1}, {"ada@example.com", "none"}, {1, 1, 1, 0}));
  columns.push_back(core::Column::float64("amount", {1.0, 2.0, 3.0, 4.0}));
  columns.push_back(core::Column::string("signup", {"2020-01-01", "2021-02-02", "2022-03-03", "2023-04-04"}));
  return core::Table(std::move(columns));
}

const DetectorCount& count_of(const PiiScan& scan, std::string_view column, Detector d) {
  for (const auto& cs : scan.columns) {
    if (cs.column == column) return cs.counts[static_cast<std::size_t>(d)];
  }
  throw std::runtime_error("no such column in the scan");
}

TEST(ScanTable, TextAndIntegerColumnsWithTheirContext) {
  const PiiScan scan = scan_table(people(), {});
  ASSERT_EQ(scan.columns.size(), 5u);  // not the float column
  EXPECT_EQ(count_of(scan, "card_digits", Detector::credit_card).rows, 2u);
  EXPECT_EQ(count_of(scan, "full_name", Detector::person_name).rows, 2u);  // "grace" is not capitalised
  EXPECT_EQ(count_of(scan, "birthday", Detector::date_of_birth).rows, 2u);  // 1815: before anyone alive
  EXPECT_EQ(count_of(scan, "birthday", Detector::date_of_birth).confidence, Confidence::high);
  // Each of the contact column's rows counts, though "ada@example.com" is scanned once.
  EXPECT_EQ(count_of(scan, "contact", Detector::email).rows, 2u);
  EXPECT_EQ(count_of(scan, "contact", Detector::email).examples[0].masked, "a***@e***.com");
  // Dates in a column that is no birthday and not next to a name: not personal data.
  EXPECT_EQ(count_of(scan, "signup", Detector::date_of_birth).rows, 0u);
}

TEST(ScanTable, DatesNextToANameColumnAreLowConfidenceBirthDates) {
  std::vector<core::Column> columns;
  columns.push_back(core::Column::string("surname", {"Lovelace", "Turing"}));
  columns.push_back(core::Column::string("day", {"1955-12-10", "1912-06-23"}));
  const PiiScan scan = scan_table(core::Table(std::move(columns)), {});
  EXPECT_EQ(count_of(scan, "day", Detector::date_of_birth).rows, 2u);
  EXPECT_EQ(count_of(scan, "day", Detector::date_of_birth).confidence, Confidence::low);
}

TEST(ScanTable, FindingsShareAndStatus) {
  const auto findings = pii_findings(scan_table(people(), {}), {});
  const core::Finding* email = nullptr;
  for (const auto& f : findings) {
    if (f.id == "pii.email.contact") email = &f;
  }
  ASSERT_NE(email, nullptr);
  EXPECT_DOUBLE_EQ(*email->value, 2.0 / 3.0);  // the null row has no text
  EXPECT_EQ(email->status, core::Status::fail);
  EXPECT_EQ(email->message.find("ada@example.com"), std::string::npos);
}

TEST(ScanTable, BadColumnsAndSamples) {
  EXPECT_THROW(scan_table(people(), {.columns = {"nope"}}), core::Error);
  EXPECT_THROW(scan_table(people(), {.columns = {"amount"}}), core::Error);  // no text
  EXPECT_THROW(scan_table(people(), {.sample = 0}), core::Error);
  const PiiScan sampled = scan_table(people(), {.columns = {"card_digits"}, .sample = 2});
  EXPECT_EQ(sampled.rows, 2u);  // rows 0 and 2
  EXPECT_EQ(count_of(sampled, "card_digits", Detector::credit_card).rows, 2u);
}

TEST(ScanTable, EmptyTableAndHeaderHoldingData) {
  std::vector<core::Column> columns;
  columns.push_back(core::Column::string("someone@example.com", std::vector<std::string>{}));
  const PiiScan scan = scan_table(core::Table(std::move(columns)), {});
  ASSERT_EQ(scan.columns.size(), 1u);
  EXPECT_EQ(scan.columns[0].label, "column 1");
  const auto findings = pii_findings(scan, {});
  for (const auto& f : findings) EXPECT_EQ(f.id.find("someone"), std::string::npos) << f.id;
  EXPECT_EQ(core::worst_status(findings), core::Status::fail);
}

TEST(ScanTable, SameResultForAnyThreadCount) {
  std::vector<std::string> notes;
  for (int i = 0; i < 20000; ++i) notes.push_back(i % 7 == 0 ? "mail u" + std::to_string(i) + "@example.com" : "plain text");
  std::vector<core::Column> columns;
  columns.push_back(core::Column::string("notes", notes));
  const core::Table table(std::move(columns));
  tbb::task_arena one(1), two(2);
  const PiiScan a = one.execute([&] { return scan_table(table, {}); });
  const PiiScan b = two.execute([&] { return scan_table(table, {}); });
  const auto& ea = count_of(a, "notes", Detector::email);
  const auto& eb = count_of(b, "notes", Detector::email);
  EXPECT_EQ(ea.rows, 2858u);
  EXPECT_EQ(ea.rows, eb.rows);
  ASSERT_EQ(ea.examples.size(), eb.examples.size());
  for (std::size_t i = 0; i < ea.examples.size(); ++i) EXPECT_EQ(ea.examples[i].row, eb.examples[i].row);
}

TEST(Redact, MaskHashAndDrop) {
  const core::Table table = people();
  const PiiScan scan = scan_table(table, {});
  const core::Table masked_table = redact_table(table, scan, {.mode = RedactMode::mask});
  EXPECT_EQ(masked_table.column("contact").text(0), "a***@e***.com");
  EXPECT_EQ(masked_table.column("contact").text(1), "none");
  EXPECT_EQ(masked_table.column("card_digits").text(0), "**** **** **** 1111");
  EXPECT_EQ(masked_table.column("card_digits").text(1), "12");
  EXPECT_EQ(masked_table.column("signup").text(0), "2020-01-01");

  const RedactOptions hash{.mode = RedactMode::hash, .key = "sixteen byte key"};
  const core::Table hashed = redact_table(table, scan, hash);
  const std::string expected = "[email:" + hmac_sha256_hex(hash.key, "email:ada@example.com").substr(0, 24) + "]";
  EXPECT_EQ(hashed.column("contact").text(0), expected);
  EXPECT_THROW(redact_table(table, scan, {.mode = RedactMode::hash, .key = "short"}), core::Error);

  const core::Table dropped = redact_table(table, scan, {.mode = RedactMode::drop});
  EXPECT_EQ(dropped.names(), (std::vector<std::string>{"amount", "signup"}));
}

TEST(KeyedHash, Rfc4231TestCase2) {
  // RFC 4231, test case 2: key "Jefe".
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Mask, ShowsAtMostFourCharactersOfTheValue) {
  EXPECT_EQ(masked(Detector::email, "john.doe@example.com"), "j***@e***.com");
  EXPECT_EQ(masked(Detector::credit_card, "4111-1111-1111-1234"), "**** **** **** 1234");
  EXPECT_EQ(masked(Detector::ssn, "123-45-6789"), "***-**-6789");
  EXPECT_EQ(masked(Detector::phone, "555-123-4567"), "***-***-4567");
  EXPECT_EQ(masked(Detector::ipv4, "192.0.2.1"), "192.***.***.***");
  EXPECT_EQ(masked(Detector::api_key, "AKIAIOSFODNN7EXAMPLE"), "AKIA****");
  EXPECT_EQ(masked(Detector::person_name, "Ada Lovelace"), "A** L*******");
  EXPECT_EQ(normalised(Detector::credit_card, "4111-1111 1111-1234"), "4111111111111234");
  EXPECT_EQ(normalised(Detector::email, "John@Example.COM"), "john@example.com");
}

}  // namespace
}  // namespace assay::security
