#pragma once
// Checks applied after a pattern matched, to keep false positives down.
// Each takes the matched text as written (with its spaces or dashes) and
// never throws; any byte sequence is a valid input.

#include <string>
#include <string_view>

namespace assay::security {

// The ASCII letters and digits of `text`, letters upper-cased: the form
// check digits are computed on, and the form hashed by redaction.
std::string alphanumerics(std::string_view text);

// Luhn (ISO/IEC 7812-1 annex B) over the digits of `text`: from the right,
// every second digit doubled (minus 9 when above 9); valid when the sum is
// a multiple of 10. False when `text` has no digit.
bool luhn_valid(std::string_view text);

// A payment card number: 13 to 19 digits, the separators (space or dash)
// all the same and between groups, an issuer prefix in use (Visa 4,
// Mastercard 51-55 and 2221-2720, Amex 34/37, Discover 6011/644-649/65,
// JCB 3528-3589, Diners 300-305/36/38-39, UnionPay 62, Maestro 50/56-58/67)
// and a valid Luhn digit.
bool card_valid(std::string_view text);
// The digit count and separators of a card, without the prefix and Luhn
// checks: text shaped like a card that fails them is not reported, and is
// not read as anything else either.
bool card_shaped(std::string_view text);

// An IBAN (ISO 13616-1): a country code with its registered length, two
// check digits, and mod-97 of the rearranged number (first four characters
// moved to the end, letters as 10..35) equal to 1. Spaces are ignored.
bool iban_valid(std::string_view text);
// A country code of the IBAN registry and the length it registers.
bool iban_shaped(std::string_view text);

// A US Social Security number NNN-NN-NNNN (or with spaces) in an issuable
// range (SSA): area not 000, 666 or 900-999; group not 00; serial not 0000.
bool ssn_valid(std::string_view text);

// A dotted quad with every octet 0..255 and no leading zeros.
bool ipv4_valid(std::string_view text);
// An IPv6 address in any RFC 4291 text form (inet_pton), with at least
// one "::" or eight groups.
bool ipv6_valid(std::string_view text);

// The local part and domain of an email address: no leading, trailing or
// doubled dots, labels not starting or ending with '-', a top-level domain
// that is not an image or document extension ("icon@2x.png").
bool email_valid(std::string_view text);

// Digits between `min_digits` and 15 (E.164's maximum).
bool phone_valid(std::string_view text, std::size_t min_digits);

// Shannon entropy of the bytes of `text` in bits per byte:
// -sum p_i log2 p_i over the byte frequencies (0 for empty text).
double shannon_entropy(std::string_view text);

// A random-looking token: at least kSecretMinLength characters with an
// upper-case letter, a lower-case letter and a digit; entropy of at least
// kSecretMinEntropy bits per character; and the character class (upper,
// lower, digit, other) changing between at least kSecretMinClassChanges of
// adjacent characters. Entropy alone does not tell a random token from a
// long identifier ("ProcessPaymentTransactionHandler2024" has 4.05 bits per
// character, more than many random 32-character tokens); class changes do
// (0.23 there, 0.62 on average for random letters and digits). docs/pii.md
// gives the measured error of these values.
inline constexpr std::size_t kSecretMinLength = 24;
inline constexpr double kSecretMinEntropy = 3.5;
inline constexpr double kSecretMinClassChanges = 0.4;
bool secret_valid(std::string_view text);

// A calendar date whose year is between 1870 and 2100 (the shapes of
// docs/pii.md: ISO, day-first and month-first with / . -).
bool plausible_date(std::string_view text);

}  // namespace assay::security
