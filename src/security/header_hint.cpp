#include "security/header_hint.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace assay::security {

namespace {

std::vector<std::string> words_of(std::string_view header) {
  std::vector<std::string> words;
  std::string word;
  char previous = 0;
  for (const char c : header) {
    const bool upper = c >= 'A' && c <= 'Z';
    const bool lower = c >= 'a' && c <= 'z';
    const bool digit = c >= '0' && c <= '9';
    if (!upper && !lower && !digit) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      if (upper && previous >= 'a' && previous <= 'z' && !word.empty()) {
        words.push_back(std::move(word));
        word.clear();
      }
      word.push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
    }
    previous = c;
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

template <std::size_t N>
bool any_of_words(const std::vector<std::string>& words, const std::array<std::string_view, N>& set) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return std::find(set.begin(), set.end(), w) != set.end(); });
}

// Words before "name" that make it something other than a person's name.
constexpr std::array<std::string_view, 40> kNotPerson{
    "file",   "host",    "user",    "product", "company",  "brand",  "model",   "class",   "feature", "domain",
    "app",    "dataset", "table",   "column",  "schema",   "field",  "package", "device",  "server",  "bucket",
    "key",    "tag",     "event",   "metric",  "org",      "business", "store", "city",    "street",  "country",
    "team",   "project", "job",     "role",    "category", "type",   "variable", "display", "path",   "item"};

constexpr std::array<std::string_view, 8> kPersonWords{"surname",  "forename", "firstname", "lastname",
                                                       "fullname", "givenname", "middlename", "maidenname"};

}  // namespace

HeaderHint header_hint(std::string_view header) {
  const auto words = words_of(header);
  std::string joined;
  for (const auto& w : words) joined += w;
  HeaderHint hint;
  const bool has_name = std::find(words.begin(), words.end(), "name") != words.end() || any_of_words(words, kPersonWords);
  hint.name_like = has_name && !any_of_words(words, kNotPerson);
  hint.birth = any_of_words(words, std::array<std::string_view, 5>{"dob", "birth", "birthday", "birthdate", "born"}) ||
               joined.find("dateofbirth") != std::string::npos;
  if (hint.birth) {
    hint.suggests = Detector::date_of_birth;
  } else if (hint.name_like) {
    hint.suggests = Detector::person_name;
  } else if (any_of_words(words, std::array<std::string_view, 3>{"email", "mail", "e"}) && joined.find("mail") != joined.npos) {
    hint.suggests = Detector::email;
  } else if (any_of_words(words, std::array<std::string_view, 6>{"phone", "mobile", "tel", "telephone", "fax", "cell"})) {
    hint.suggests = Detector::phone;
  } else if (any_of_words(words, std::array<std::string_view, 2>{"ssn", "sin"}) || joined.find("socialsecurity") != joined.npos) {
    hint.suggests = Detector::ssn;
  } else if (any_of_words(words, std::array<std::string_view, 3>{"card", "cc", "pan"}) || joined.find("creditcard") != joined.npos) {
    hint.suggests = Detector::credit_card;
  } else if (any_of_words(words, std::array<std::string_view, 1>{"iban"})) {
    hint.suggests = Detector::iban;
  } else if (any_of_words(words, std::array<std::string_view, 3>{"ip", "ipaddr", "ipv4"})) {
    hint.suggests = Detector::ipv4;
  } else if (any_of_words(words, std::array<std::string_view, 1>{"ipv6"})) {
    hint.suggests = Detector::ipv6;
  } else if (any_of_words(words, std::array<std::string_view, 3>{"address", "street", "addr"})) {
    hint.suggests = Detector::street_address;
  } else if (any_of_words(words, std::array<std::string_view, 6>{"apikey", "token", "secret", "password", "passwd", "credential"}) ||
             joined.find("apikey") != joined.npos || joined.find("accesskey") != joined.npos) {
    hint.suggests = Detector::api_key;
  }
  return hint;
}

}  // namespace assay::security
