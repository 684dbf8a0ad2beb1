#include "security/validators.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <utility>

#include "security/chars.hpp"

namespace assay::security {

namespace {

std::string digits_of(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (is_digit(c)) out.push_back(c);
  }
  return out;
}

// The number of the leading `n` digits (n <= 9).
int prefix(const std::string& digits, std::size_t n) {
  int value = 0;
  for (std::size_t i = 0; i < n && i < digits.size(); ++i) value = value * 10 + (digits[i] - '0');
  return value;
}

bool card_issuer_known(const std::string& d) {
  const int p1 = prefix(d, 1), p2 = prefix(d, 2), p3 = prefix(d, 3), p4 = prefix(d, 4);
  if (p1 == 4) return true;                                              // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return true;  // Mastercard
  if (p2 == 34 || p2 == 37) return true;                                 // American Express
  if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65) return true;   // Discover
  if (p4 >= 3528 && p4 <= 3589) return true;                             // JCB
  if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) return true;  // Diners Club
  if (p2 == 62) return true;                                             // UnionPay
  if (p2 == 50 || (p2 >= 56 && p2 <= 58) || p2 == 67) return true;       // Maestro
  return false;
}

// ISO 13616 registry: country code and IBAN length (SWIFT IBAN registry).
constexpr std::pair<std::string_view, int> kIbanLengths[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22}, {"BH", 22},
    {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27},
    {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FK", 18}, {"FO", 18}, {"FR", 27},
    {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22},
    {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32},
    {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19},
    {"MN", 20}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24}, {"SC", 31},
    {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28}, {"TL", 23},
    {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
};

int iban_length(std::string_view country) {
  for (const auto& [code, length] : kIbanLengths) {
    if (code == country) return length;
  }
  return 0;
}

// Card separators: none, or one kind (space or dash) used alone between digits.
bool separators_consistent(std::string_view text) {
  char separator = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) continue;
    if (c != ' ' && c != '-') return false;
    if (separator != 0 && c != separator) return false;
    if (i == 0 || i + 1 == text.size() || !is_digit(text[i - 1]) || !is_digit(text[i + 1])) return false;
    separator = c;
  }
  return true;
}

}  // namespace

std::string alphanumerics(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (is_digit(c) || is_upper(c)) {
      out.push_back(c);
    } else if (is_lower(c)) {
      out.push_back(static_cast<char>(c - 'a' + 'A'));
    }
  }
  return out;
}

bool luhn_valid(std::string_view text) {
  const std::string digits = digits_of(text);
  if (digits.empty()) return false;
  int sum = 0;
  bool doubled = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (doubled) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    doubled = !doubled;
  }
  return sum % 10 == 0;
}

bool card_shaped(std::string_view text) {
  const std::string digits = digits_of(text);
  return digits.size() >= 13 && digits.size() <= 19 && separators_consistent(text);
}

bool card_valid(std::string_view text) {
  return card_shaped(text) && card_issuer_known(digits_of(text)) && luhn_valid(text);
}

bool iban_shaped(std::string_view text) {
  const std::string compact = alphanumerics(text);
  if (compact.size() < 15 || !is_upper(compact[0]) || !is_upper(compact[1])) return false;
  if (!is_digit(compact[2]) || !is_digit(compact[3])) return false;
  return iban_length(std::string_view(compact).substr(0, 2)) == static_cast<int>(compact.size());
}

bool iban_valid(std::string_view text) {
  for (const char c : text) {
    if (!is_alnum(c) && c != ' ') return false;
  }
  if (!iban_shaped(text)) return false;
  const std::string compact = alphanumerics(text);
  const std::string rearranged = compact.substr(4) + compact.substr(0, 4);
  // Digit by digit (two for a letter), remainder kept below 97.
  int remainder = 0;
  for (const char c : rearranged) {
    if (is_digit(c)) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else {
      const int value = c - 'A' + 10;
      remainder = (remainder * 100 + value) % 97;
    }
  }
  return remainder == 1;
}

bool ssn_valid(std::string_view text) {
  const std::string d = digits_of(text);
  if (d.size() != 9) return false;
  const int area = prefix(d, 3);
  const int group = (d[3] - '0') * 10 + (d[4] - '0');
  const int serial = prefix(d.substr(5), 4);
  if (area == 0 || area == 666 || area >= 900) return false;
  return group != 0 && serial != 0;
}

bool ipv4_valid(std::string_view text) {
  int octets = 0;
  std::size_t i = 0;
  while (i <= text.size()) {
    const std::size_t start = i;
    int value = 0;
    while (i < text.size() && is_digit(text[i]) && i - start < 4) value = value * 10 + (text[i++] - '0');
    const std::size_t length = i - start;
    if (length == 0 || length > 3 || value > 255 || (length > 1 && text[start] == '0')) return false;
    ++octets;
    if (i == text.size()) break;
    if (text[i] != '.') return false;
    ++i;
  }
  return octets == 4;
}

bool ipv6_valid(std::string_view text) {
  if (text.size() < 2 || text.size() > 45) return false;
  std::size_t colons = 0;
  for (const char c : text) colons += c == ':' ? 1 : 0;
  if (text.find("::") == std::string_view::npos && colons != 7 && !(colons == 6 && text.find('.') != text.npos)) {
    return false;
  }
  const std::string copy(text);
  unsigned char address[16];
  return inet_pton(AF_INET6, copy.c_str(), address) == 1 && copy != "::";
}

bool email_valid(std::string_view text) {
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || at > 64) return false;
  const std::string_view local = text.substr(0, at);
  const std::string_view domain = text.substr(at + 1);
  if (local.front() == '.' || local.back() == '.' || local.find("..") != local.npos) return false;
  if (domain.empty() || domain.size() > 253) return false;
  std::size_t label_start = 0;
  while (label_start <= domain.size()) {
    auto end = domain.find('.', label_start);
    if (end == std::string_view::npos) end = domain.size();
    const std::string_view label = domain.substr(label_start, end - label_start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    if (end == domain.size()) {
      static constexpr std::array<std::string_view, 12> kFileExtensions{"png", "jpg", "jpeg", "gif", "svg", "webp",
                                                                        "bmp", "ico", "pdf", "tiff", "heic", "avif"};
      std::string tld(label);
      std::transform(tld.begin(), tld.end(), tld.begin(), to_lower);
      return std::find(kFileExtensions.begin(), kFileExtensions.end(), tld) == kFileExtensions.end();
    }
    label_start = end + 1;
  }
  return false;
}

bool phone_valid(std::string_view text, std::size_t min_digits) {
  const std::size_t n = digits_of(text).size();
  return n >= min_digits && n <= 15;
}

double shannon_entropy(std::string_view text) {
  if (text.empty()) return 0.0;
  std::array<std::size_t, 256> counts{};
  for (const char c : text) ++counts[static_cast<unsigned char>(c)];
  double bits = 0.0;
  const double n = static_cast<double>(text.size());
  for (const std::size_t count : counts) {
    if (count == 0) continue;
    const double p = static_cast<double>(count) / n;
    bits -= p * std::log2(p);
  }
  return bits;
}

bool secret_valid(std::string_view text) {
  if (text.size() < kSecretMinLength) return false;
  const auto class_of = [](char c) { return is_upper(c) ? 0 : is_lower(c) ? 1 : is_digit(c) ? 2 : 3; };
  std::array<bool, 4> seen{};
  std::size_t changes = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    seen[static_cast<std::size_t>(class_of(text[i]))] = true;
    if (i > 0 && class_of(text[i]) != class_of(text[i - 1])) ++changes;
  }
  if (!seen[0] || !seen[1] || !seen[2]) return false;
  const double change_share = static_cast<double>(changes) / static_cast<double>(text.size() - 1);
  return change_share >= kSecretMinClassChanges && shannon_entropy(text) >= kSecretMinEntropy;
}

bool plausible_date(std::string_view text) {
  // Up to three numbers separated by one kind of separator.
  std::array<int, 3> parts{};
  std::array<std::size_t, 3> widths{};
  std::size_t count = 0, i = 0;
  char separator = 0;
  while (i < text.size() && count < 3) {
    const std::size_t start = i;
    int value = 0;
    while (i < text.size() && is_digit(text[i]) && i - start < 4) value = value * 10 + (text[i++] - '0');
    if (i == start) return false;
    parts[count] = value;
    widths[count++] = i - start;
    if (i == text.size()) break;
    const char c = text[i];
    if (c != '-' && c != '/' && c != '.') return false;
    if (separator != 0 && c != separator) return false;
    separator = c;
    ++i;
  }
  if (count != 3 || i != text.size()) return false;
  int year = 0, month = 0, day = 0;
  if (widths[0] == 4) {
    year = parts[0], month = parts[1], day = parts[2];
  } else if (widths[2] == 4) {
    year = parts[2];
    // Day first unless that cannot be a month-day pair.
    day = parts[0], month = parts[1];
    if (month > 12) std::swap(day, month);
  } else {
    return false;
  }
  return year >= 1870 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace assay::security
