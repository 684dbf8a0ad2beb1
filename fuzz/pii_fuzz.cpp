// Fuzzes the PII scanner and its validators on one cell of arbitrary bytes:
// no crash, no sanitizer report, and the scanner's contract holds (matches
// inside the cell, ordered, not overlapping; a redacted cell keeps the text
// between matches).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "security/header_hint.hpp"
#include "security/mask.hpp"
#include "security/redact.hpp"
#include "security/scanner.hpp"
#include "security/validators.hpp"

using namespace assay::security;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)luhn_valid(text);
  (void)card_valid(text);
  (void)iban_valid(text);
  (void)ssn_valid(text);
  (void)ipv4_valid(text);
  (void)ipv6_valid(text);
  (void)email_valid(text);
  (void)phone_valid(text, 8);
  (void)secret_valid(text);
  (void)plausible_date(text);
  (void)header_hint(text);

  // The first byte picks the column context, as a header would.
  const ColumnContext context{.date_of_birth = size > 0 && (data[0] & 1) != 0,
                              .person_name = size > 0 && (data[0] & 2) != 0};
  ScanBuffer buffer;
  shared_scanner().scan(text, context, buffer);
  std::size_t previous_end = 0;
  for (const Match& m : buffer.matches) {
    if (m.begin < previous_end || m.end <= m.begin || m.end > text.size()) std::abort();
    previous_end = m.end;
    const std::string_view value = text.substr(m.begin, m.end - m.begin);
    (void)masked(m.detector, value);
    (void)normalised(m.detector, value);
  }
  const std::string redacted = redact_text(text, buffer.matches, RedactOptions{});
  if (buffer.matches.empty() && redacted != text) std::abort();
  return 0;
}
