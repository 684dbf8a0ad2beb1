// The validators against their specifications: Luhn (ISO/IEC 7812-1),
// ISO 13616 mod-97, the SSA's never-issued SSN ranges, IPv4 octets.

#include <gtest/gtest.h>

#include "security/validators.hpp"

namespace assay::security {
namespace {

TEST(Luhn, AcceptsTheStandardTestNumbersAndRejectsOneDigitOff) {
  EXPECT_TRUE(luhn_valid("79927398713"));  // the worked example of the standard
  EXPECT_FALSE(luhn_valid("79927398710"));
  EXPECT_TRUE(luhn_valid("4111 1111 1111 1111"));
  EXPECT_FALSE(luhn_valid("4111 1111 1111 1112"));
  EXPECT_FALSE(luhn_valid(""));
  EXPECT_FALSE(luhn_valid("no digits"));
}

TEST(Card, NeedsAnIssuerPrefixConsistentSeparatorsAndLength) {
  EXPECT_TRUE(card_valid("4111-1111-1111-1111"));
  EXPECT_TRUE(card_valid("378282246310005"));     // American Express test number
  EXPECT_TRUE(card_valid("3782 822463 10005"));
  EXPECT_FALSE(card_valid("4111-1111 1111-1111"));  // mixed separators
  EXPECT_FALSE(card_valid("1111111111111117"));      // Luhn-valid, no issuer starts with 1
  EXPECT_FALSE(card_valid("4111111"));               // too short
  EXPECT_TRUE(card_shaped("4111 1111 1111 1112"));
  EXPECT_FALSE(card_valid("4111 1111 1111 1112"));
}

TEST(Iban, ChecksMod97AndTheCountryLength) {
  EXPECT_TRUE(iban_valid("DE89 3704 0044 0532 0130 00"));  // ISO 13616 example
  EXPECT_TRUE(iban_valid("GB82WEST12345698765432"));
  EXPECT_FALSE(iban_valid("GB82WEST12345698765433"));      // check digits off
  EXPECT_FALSE(iban_valid("DE89 3704 0044 0532 0130 0"));  // DE has 22 characters
  EXPECT_FALSE(iban_valid("XX89 3704 0044 0532 0130 00"));  // no such country
  EXPECT_FALSE(iban_valid("DE89-3704-0044-0532-0130-00"));
  EXPECT_FALSE(iban_valid(""));
}

TEST(Ssn, RejectsTheRangesTheSsaNeverIssues) {
  EXPECT_TRUE(ssn_valid("123-45-6789"));
  EXPECT_TRUE(ssn_valid("899 99 9999"));
  EXPECT_FALSE(ssn_valid("000-12-3456"));
  EXPECT_FALSE(ssn_valid("666-12-3456"));
  EXPECT_FALSE(ssn_valid("900-12-3456"));
  EXPECT_FALSE(ssn_valid("999-12-3456"));
  EXPECT_FALSE(ssn_valid("123-00-3456"));
  EXPECT_FALSE(ssn_valid("123-45-0000"));
}

TEST(Ip, Ipv4OctetsAndIpv6TextForms) {
  EXPECT_TRUE(ipv4_valid("192.168.0.1"));
  EXPECT_TRUE(ipv4_valid("0.0.0.0"));
  EXPECT_FALSE(ipv4_valid("256.1.1.1"));
  EXPECT_FALSE(ipv4_valid("01.2.3.4"));
  EXPECT_FALSE(ipv4_valid("1.2.3"));
  EXPECT_FALSE(ipv4_valid("1.2.3.4.5"));
  EXPECT_TRUE(ipv6_valid("2001:db8::1"));
  EXPECT_TRUE(ipv6_valid("::ffff:192.0.2.1"));
  EXPECT_TRUE(ipv6_valid("1:2:3:4:5:6:7:8"));
  EXPECT_FALSE(ipv6_valid("12:30:45"));
  EXPECT_FALSE(ipv6_valid("00:1A:2B:3C:4D:5E"));
  EXPECT_FALSE(ipv6_valid("::"));
}

TEST(Email, DotsLabelsAndFileNames) {
  EXPECT_TRUE(email_valid("j.doe+tag@mail.example.co.uk"));
  EXPECT_FALSE(email_valid(".j@example.com"));
  EXPECT_FALSE(email_valid("a..b@example.com"));
  EXPECT_FALSE(email_valid("a@-example.com"));
  EXPECT_FALSE(email_valid("icon@2x.png"));
}

TEST(Entropy, ShannonBitsPerCharacter) {
  EXPECT_DOUBLE_EQ(shannon_entropy(""), 0.0);
  EXPECT_DOUBLE_EQ(shannon_entropy("aaaa"), 0.0);
  EXPECT_DOUBLE_EQ(shannon_entropy("abab"), 1.0);
  EXPECT_DOUBLE_EQ(shannon_entropy("abcdefgh"), 3.0);
}

TEST(Secret, RandomTokensButNotLongIdentifiers) {
  EXPECT_TRUE(secret_valid("q7Xv2LmP9zR4tK8wB3nJ6yH1cF5dG0sA"));
  EXPECT_FALSE(secret_valid("ProcessPaymentTransactionHandler2024"));
  EXPECT_FALSE(secret_valid("0123456789abcdef0123456789abcdef"));  // hex: a hash or an id
  EXPECT_FALSE(secret_valid("q7Xv2LmP9z"));                          // too short
}

TEST(Date, PlausibleCalendarDates) {
  EXPECT_TRUE(plausible_date("1984-07-23"));
  EXPECT_TRUE(plausible_date("23/07/1984"));
  EXPECT_TRUE(plausible_date("07/23/1984"));
  EXPECT_FALSE(plausible_date("1984-13-01"));
  EXPECT_FALSE(plausible_date("1850-01-01"));  // before 1870: no one alive
  EXPECT_FALSE(plausible_date("1984-07-23T10:00"));
  EXPECT_FALSE(plausible_date(""));
}

}  // namespace
}  // namespace assay::security
