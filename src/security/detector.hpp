#pragma once
// The kinds of personal data and secrets the PII scan looks for
// (docs/pii.md lists each with its pattern, validator and confidence).
// The enum order is the order of precedence when two matches overlap: a
// private key beats the base64 inside it, a valid card beats the phone
// number its digits also spell.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace assay::security {

enum class Detector : std::uint8_t {
  private_key,
  api_key,
  email,
  iban,
  credit_card,
  ssn,
  ipv6,
  ipv4,
  phone,
  street_address,
  date_of_birth,
  person_name,
  secret,
};

inline constexpr std::size_t kDetectorCount = 13;

inline constexpr std::array<Detector, kDetectorCount> kDetectors{
    Detector::private_key, Detector::api_key,        Detector::email,         Detector::iban,
    Detector::credit_card, Detector::ssn,            Detector::ipv6,          Detector::ipv4,
    Detector::phone,       Detector::street_address, Detector::date_of_birth, Detector::person_name,
    Detector::secret};

// snake_case: "credit_card", "date_of_birth", ...
std::string_view detector_name(Detector detector);
std::optional<Detector> parse_detector(std::string_view name);

// Detectors that only apply to a column whose header (or neighbour) says
// what it holds: a date is a date of birth only in a "dob" column.
constexpr bool needs_column_context(Detector d) {
  return d == Detector::date_of_birth || d == Detector::person_name;
}

enum class Confidence : std::uint8_t { low, medium, high };

std::string_view confidence_name(Confidence confidence);

// A set of detectors as bits, one per enum value.
using DetectorSet = std::uint16_t;
constexpr DetectorSet bit(Detector d) { return static_cast<DetectorSet>(1u << static_cast<unsigned>(d)); }
constexpr bool has(DetectorSet set, Detector d) { return (set & bit(d)) != 0; }

}  // namespace assay::security
