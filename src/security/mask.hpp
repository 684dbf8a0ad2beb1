#pragma once
// Masked forms of matched text, the only form in which personal data
// appears in assay's outputs (DESIGN.md, Output conventions). A masked form
// keeps what helps a person recognise the kind of value and at most four of
// its characters: "j***@e***.com", "**** **** **** 1234", "***-**-6789".

#include <string>
#include <string_view>

#include "security/detector.hpp"

namespace assay::security {

std::string masked(Detector detector, std::string_view text);

// The form a match is hashed in, so that the same value written two ways
// hashes the same: card, IBAN, SSN and phone by their letters and digits,
// email lower-cased, anything else as written.
std::string normalised(Detector detector, std::string_view text);

}  // namespace assay::security
