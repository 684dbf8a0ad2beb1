#pragma once
// What a column's header says about its cells: "first_name" holds person
// names, "dob" dates of birth, "email" email addresses. Headers are split
// into lower-case words at punctuation and camelCase ("customerEmail" ->
// customer, email).

#include <optional>
#include <string_view>

#include "security/detector.hpp"

namespace assay::security {

struct HeaderHint {
  bool name_like = false;   // name, first_name, surname, full_name, ... (not file_name, product_name, ...)
  bool birth = false;       // dob, date_of_birth, birthdate, born, ...
  std::optional<Detector> suggests;  // the detector the header names, if any
};

HeaderHint header_hint(std::string_view header);

}  // namespace assay::security
