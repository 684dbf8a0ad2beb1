// The scanner on single cells: each detector, overlaps, look-alikes, and
// hostile input that must scan in linear time.

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "security/scanner.hpp"

namespace assay::security {
namespace {

DetectorSet detect(std::string_view text, ColumnContext context = {}) { return shared_scanner().detect(text, context); }

TEST(Scanner, EmptyAndPlainTextFindNothing) {
  EXPECT_EQ(detect(""), 0);
  EXPECT_EQ(detect("the model shipped on time"), 0);
}

TEST(Scanner, PhoneFormats) {
  for (const char* phone : {"+14155552671", "+44 20 7946 0958", "(555) 123-4567", "555.123.4567", "555-123-4567",
                            "0049 30 1234567", "+1 (555) 123-4567", "1-800-555-0199", "020 7946 0958",
                            "06 12 34 56 78", "+33 1 23 45 67 89", "+49 (0)30 1234567", "+91 98765 43210",
                            "030/1234567", "(02) 9876 5432"}) {
    EXPECT_EQ(detect(phone), bit(Detector::phone)) << phone;
    EXPECT_EQ(detect(std::string("call ") + phone + " today"), bit(Detector::phone)) << phone;
  }
}

TEST(Scanner, LookAlikesAreNotReported) {
  for (const char* text : {"version 1.2.3.4", "v1.2.3.4", "ORD-2024-000123", "ISBN 978-3-16-148410-0", "2024-01-15",
                           "12:30:45", "00:1A:2B:3C:4D:5E", "4111 1111 1111 1112", "DE89 3704 0044 0532 0130 01",
                           "666-12-3456", "icon@2x.png", "550e8400-e29b-41d4-a716-446655440000", "999.1.1.1"}) {
    EXPECT_EQ(detect(text), 0) << text;
  }
}

TEST(Scanner, OneCellWithSeveralKinds) {
  const DetectorSet found = detect("mail j.doe@example.com or card 4111-1111-1111-1111 from 192.0.2.7");
  EXPECT_EQ(found, bit(Detector::email) | bit(Detector::credit_card) | bit(Detector::ipv4));
}

TEST(Scanner, AValidCardIsNotAlsoAPhone) {
  ScanBuffer buffer;
  shared_scanner().scan("4111 1111 1111 1111", {}, buffer);
  ASSERT_EQ(buffer.matches.size(), 1u);
  EXPECT_EQ(buffer.matches[0].detector, Detector::credit_card);
  EXPECT_EQ(buffer.matches[0].begin, 0u);
  EXPECT_EQ(buffer.matches[0].end, 19u);
}

TEST(Scanner, KeysAndPrivateKeys) {
  EXPECT_EQ(detect("AKIAIOSFODNN7EXAMPLE"), bit(Detector::api_key));
  EXPECT_EQ(detect("token ghp_abcdefghijklmnopqrstuvwxyz0123456789"), bit(Detector::api_key));
  EXPECT_EQ(detect("xoxb-123456789012-abcdefghijKL"), bit(Detector::api_key));
  EXPECT_EQ(detect("sk_live_4eC39HqLyjWDarjtT1zdp7dc"), bit(Detector::api_key));
  EXPECT_EQ(detect("AIzaSyA1234567890abcdefghijklmnopqrstuv"), bit(Detector::api_key));
  EXPECT_EQ(detect("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----"),
            bit(Detector::private_key));
  EXPECT_EQ(detect("Bearer q7Xv2LmP9zR4tK8wB3nJ6yH1cF5dG0sA"), bit(Detector::secret));
}

TEST(Scanner, ContextDetectorsNeedTheirColumn) {
  EXPECT_EQ(detect("1984-07-23"), 0);
  EXPECT_EQ(detect("1984-07-23", {.date_of_birth = true}), bit(Detector::date_of_birth));
  EXPECT_EQ(detect("Ada Lovelace"), 0);
  EXPECT_EQ(detect("Ada Lovelace", {.person_name = true}), bit(Detector::person_name));
  EXPECT_EQ(detect("Ludwig van Beethoven", {.person_name = true}), bit(Detector::person_name));
  EXPECT_EQ(detect("the model shipped", {.person_name = true}), 0);
}

TEST(Scanner, InvalidUtf8AndControlBytesAreScannedWithoutHarm) {
  constexpr char kBytes[] = "\xff\xfe j@example.com \x00\x01\x80";
  const std::string bytes(kBytes, sizeof kBytes - 1);
  EXPECT_EQ(detect(bytes), bit(Detector::email));
}

// Hostile cells: long runs that keep a backtracking engine busy for ever.
// RE2 is linear; scanning 8 times the input must not cost much more than 8
// times as long. The times are printed (docs/pii.md records them), not
// asserted: timing is the benchmark's job, not a unit test's.
std::string repeat(std::string_view unit, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

TEST(Scanner, PathologicalCellsScanInLinearTime) {
  for (const std::string_view unit : {std::string_view("a"), std::string_view("a@"), std::string_view("1-"),
                                      std::string_view("1."), std::string_view("a:"), std::string_view("Aa1")}) {
    double seconds[2] = {};
    std::size_t matches[2] = {};
    const std::size_t sizes[2] = {std::size_t{1} << 17, std::size_t{1} << 20};  // 128 KiB and 1 MiB
    for (int k = 0; k < 2; ++k) {
      const std::string cell = repeat(unit, sizes[k]);
      ScanBuffer buffer;
      const auto start = std::chrono::steady_clock::now();
      shared_scanner().scan(cell, {.date_of_birth = true, .person_name = true}, buffer);
      seconds[k] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      matches[k] = buffer.matches.size();
    }
    std::cout << "pathological '" << unit << "': 128 KiB " << seconds[0] << " s, 1 MiB " << seconds[1] << " s, ratio "
              << seconds[1] / seconds[0] << "\n";
    // A run of one repeated unit is one token at most (the long runs of
    // "Aa1" are low-entropy, so not even that).
    EXPECT_LE(matches[1], 1u) << unit;
  }
}

}  // namespace
}  // namespace assay::security
