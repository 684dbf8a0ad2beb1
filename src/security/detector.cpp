#include "security/detector.hpp"

namespace assay::security {

std::string_view detector_name(Detector detector) {
  switch (detector) {
    case Detector::private_key: return "private_key";
    case Detector::api_key: return "api_key";
    case Detector::email: return "email";
    case Detector::iban: return "iban";
    case Detector::credit_card: return "credit_card";
    case Detector::ssn: return "ssn";
    case Detector::ipv6: return "ipv6";
    case Detector::ipv4: return "ipv4";
    case Detector::phone: return "phone";
    case Detector::street_address: return "street_address";
    case Detector::date_of_birth: return "date_of_birth";
    case Detector::person_name: return "person_name";
    case Detector::secret: return "secret";
  }
  return "unknown";
}

std::optional<Detector> parse_detector(std::string_view name) {
  for (const Detector d : kDetectors) {
    if (detector_name(d) == name) return d;
  }
  return std::nullopt;
}

std::string_view confidence_name(Confidence confidence) {
  switch (confidence) {
    case Confidence::low: return "low";
    case Confidence::medium: return "medium";
    case Confidence::high: return "high";
  }
  return "low";
}

}  // namespace assay::security
