#include "security/mask.hpp"

#include <cstddef>

#include "security/chars.hpp"
#include "security/validators.hpp"

namespace assay::security {

namespace {

// Every letter and digit as '*' except the last `keep` of them.
std::string stars_keeping_last(std::string_view text, std::size_t keep) {
  std::size_t alnum = 0;
  for (const char c : text) alnum += is_alnum(c) ? 1 : 0;
  std::string out;
  out.reserve(text.size());
  std::size_t seen = 0;
  for (const char c : text) {
    if (is_alnum(c)) {
      ++seen;
      out.push_back(seen + keep > alnum ? c : '*');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// The first byte of each word, then '*' per further letter or digit;
// non-ASCII bytes (letters of other scripts) become a single '*' run.
std::string initials(std::string_view text) {
  std::string out;
  bool in_word = false;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    const bool word = is_alnum(c) || u >= 0x80;
    if (!word) {
      out.push_back(c);
      in_word = false;
    } else if (!in_word) {
      out.push_back(u >= 0x80 ? '*' : c);
      in_word = true;
    } else if (u < 0x80 || (u & 0xC0) != 0x80) {
      out.push_back('*');
    }
  }
  return out;
}

std::string email_mask(std::string_view text) {
  const auto at = text.find('@');
  const auto dot = text.rfind('.');
  if (at == std::string_view::npos || dot == std::string_view::npos || dot < at || at == 0 || at + 1 >= text.size()) {
    return "***@***";
  }
  std::string out;
  out.push_back(text[0]);
  out += "***@";
  out.push_back(text[at + 1]);
  out += "***";
  out += text.substr(dot);
  return out;
}

std::string card_mask(std::string_view text) {
  const std::string digits = alphanumerics(text);
  const std::string last = digits.size() >= 4 ? digits.substr(digits.size() - 4) : digits;
  return "**** **** **** " + last;
}

}  // namespace

std::string masked(Detector detector, std::string_view text) {
  switch (detector) {
    case Detector::email: return email_mask(text);
    case Detector::credit_card: return card_mask(text);
    case Detector::iban: return std::string(text.substr(0, 2)) + stars_keeping_last(text.substr(2), 4);
    case Detector::ssn:
    case Detector::phone: return stars_keeping_last(text, text.size() > 10 ? 4 : 2);
    case Detector::ipv4: {
      const auto dot = text.find('.');
      return std::string(text.substr(0, dot)) + ".***.***.***";
    }
    case Detector::ipv6: {
      const auto colon = text.find(':');
      return std::string(text.substr(0, colon)) + ":****:****";
    }
    case Detector::api_key: return std::string(text.substr(0, 4)) + "****";
    case Detector::private_key: return "-----BEGIN PRIVATE KEY----- ****";
    case Detector::secret: return std::string(text.substr(0, 2)) + "****";
    case Detector::date_of_birth: return stars_keeping_last(text, 0);
    case Detector::street_address:
    case Detector::person_name: return initials(text);
  }
  return "****";
}

std::string normalised(Detector detector, std::string_view text) {
  switch (detector) {
    case Detector::credit_card:
    case Detector::iban:
    case Detector::ssn:
    case Detector::phone: return alphanumerics(text);
    case Detector::email: {
      std::string out(text);
      for (char& c : out) c = to_lower(c);
      return out;
    }
    default: return std::string(text);
  }
}

}  // namespace assay::security
