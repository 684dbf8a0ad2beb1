#include "security/scanner.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "security/chars.hpp"
#include "security/validators.hpp"

namespace assay::security {

namespace {

// The patterns (RE2 syntax; docs/pii.md shows them with examples). They
// find candidates; validators and edge checks decide.
std::string_view pattern_of(Detector d) {
  switch (d) {
    case Detector::private_key:
      return R"(-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----[A-Za-z0-9+/=\r\n\\]*(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----)?)";
    case Detector::api_key:
      return R"((?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16})"
             R"(|gh[pousr]_[A-Za-z0-9]{36,})"
             R"(|github_pat_[A-Za-z0-9_]{60,})"
             R"(|xox[abposr]-[A-Za-z0-9\-]{10,})"
             R"(|[sr]k_(?:live|test)_[A-Za-z0-9]{16,})"
             R"(|AIza[0-9A-Za-z_\-]{35})"
             R"(|sk-(?:proj-|ant-)?[A-Za-z0-9_\-]{32,})"
             R"(|SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})"
             R"(|glpat-[A-Za-z0-9_\-]{20})";
    case Detector::email: return R"([A-Za-z0-9._%+\-]{1,64}@(?:[A-Za-z0-9\-]{1,63}\.){1,8}[A-Za-z]{2,24})";
    case Detector::iban: return R"([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)";
    case Detector::credit_card:
      return R"(\d{4}(?:[ \-]?\d{4}){2}[ \-]?\d{1,4}(?:[ \-]?\d{1,3})?|\d{4}[ \-]?\d{6}[ \-]?\d{4,5})";
    case Detector::ssn: return R"(\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4})";
    case Detector::ipv6: return R"((?:[0-9A-Fa-f]{1,4})?:(?:[0-9A-Fa-f]{0,4}:){1,6}[0-9A-Fa-f]{0,4}(?:\.\d{1,3}){0,3})";
    case Detector::ipv4: return R"(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})";
    case Detector::phone:
      // International (+ or 00), North American, UK, French, German and
      // Australian national forms.
      return R"(\+[1-9]\d{0,2}(?:[ .\-]?(?:\(\d{1,4}\)|\d{1,5})){1,6})"
             R"(|00[1-9]\d{0,2}(?:[ .\-]\d{1,8}){1,5})"
             R"(|(?:1[ .\-])?(?:\(\d{3}\) ?|\d{3}[.\-])\d{3}[.\-]\d{4})"
             R"(|\d{3} \d{3} \d{4})"
             R"(|\(0\d{1,4}\) ?\d{3,4}[ \-]?\d{3,4})"
             R"(|0\d{2,4}[ \-]\d{3,4}[ \-]?\d{3,4})"
             R"(|0[1-9](?:[ .]\d{2}){4})"
             R"(|0\d{2,4}[/\-]\d{4,8})";
    case Detector::street_address:
      return R"(\d{1,5}[A-Za-z]?,? (?:[A-Z][A-Za-z'.\-]* ){1,4})"
             R"((?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace)"
             R"(|Close|Crescent|Highway|Hwy|Parkway|Pkwy|Square|Sq|Circle|Cir|Trail|Row|Gardens|Mews)\b\.?)"
             R"(|[A-Z][a-zäöüß]+(?:straße|strasse|weg|gasse|platz|allee|ring|damm) \d{1,4}[a-z]?)";
    case Detector::secret: return R"([A-Za-z0-9+/_\-]{24,}={0,2})";
    case Detector::date_of_birth:
    case Detector::person_name: return {};
  }
  return {};
}

constexpr std::string_view kPersonName =
    R"((?:(?:van|von|der|den|de|da|del|di|du|la|le|bin|al|ten|ter) )*\p{Lu}[\p{L}\p{M}'’.\-]*)"
    R"((?:,? (?:(?:van|von|der|den|de|da|del|di|du|la|le|bin|al|ten|ter) )*\p{Lu}[\p{L}\p{M}'’.\-]*){0,4})";

bool in(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }

// The character before and after a span, '\0' at the ends of the cell.
char before(std::string_view text, std::size_t b) { return b == 0 ? '\0' : text[b - 1]; }
char after(std::string_view text, std::size_t e, std::size_t k = 0) { return e + k < text.size() ? text[e + k] : '\0'; }

// A number (card, phone, SSN, IBAN, IPv4) stands alone: not glued to
// letters, digits or joining punctuation ("v1.2.3.4", "555-123-4567-8",
// "#4111...").
bool number_edges(std::string_view text, std::size_t b, std::size_t e) {
  const char p = before(text, b);
  if (p != '\0' && (is_alnum(p) || in(p, "_-./#@+"))) return false;
  const char n = after(text, e);
  if (n == '\0') return true;
  if (is_alnum(n) || in(n, "_#@+")) return false;
  return !(in(n, "-./") && is_alnum(after(text, e, 1)));
}

bool word_edges(std::string_view text, std::size_t b, std::size_t e) {
  const char p = before(text, b), n = after(text, e);
  return !(p != '\0' && (is_alnum(p) || p == '_')) && !(n != '\0' && (is_alnum(n) || n == '_'));
}

bool email_edges(std::string_view text, std::size_t b, std::size_t e) {
  const char p = before(text, b), n = after(text, e);
  if (p != '\0' && (is_alnum(p) || in(p, "._%+-"))) return false;
  return !(n != '\0' && (is_alnum(n) || in(n, "_-@")));
}

bool ipv6_edges(std::string_view text, std::size_t b, std::size_t e) {
  const char p = before(text, b), n = after(text, e);
  return !(p != '\0' && (is_alnum(p) || in(p, ":._"))) && !(n != '\0' && (is_alnum(n) || in(n, ":_")));
}

// "version 1.2.3.4", "release 1.2.3.4": a dotted version number, not an address.
bool after_version_word(std::string_view text, std::size_t b) {
  std::size_t end = b;
  while (end > 0 && text[end - 1] == ' ') --end;
  std::size_t start = end;
  while (start > 0 && is_alnum(text[start - 1])) --start;
  std::string word(text.substr(start, end - start));
  std::transform(word.begin(), word.end(), word.begin(), to_lower);
  return word == "version" || word == "release" || word == "build" || word == "ver" || word == "firmware";
}

enum class Verdict { reject, claim, accept };

// The validators of docs/pii.md; `claim` keeps the span from other
// detectors without reporting it.
Verdict judge(Detector d, std::string_view text, std::size_t b, std::size_t e) {
  const std::string_view m = text.substr(b, e - b);
  switch (d) {
    case Detector::private_key: return Verdict::accept;
    case Detector::api_key: return word_edges(text, b, e) ? Verdict::accept : Verdict::reject;
    case Detector::email: return email_edges(text, b, e) && email_valid(m) ? Verdict::accept : Verdict::reject;
    case Detector::iban:
      if (!word_edges(text, b, e) || !iban_shaped(m)) return Verdict::reject;
      return iban_valid(m) ? Verdict::accept : Verdict::claim;
    case Detector::credit_card:
      if (!number_edges(text, b, e) || !card_shaped(m)) return Verdict::reject;
      return card_valid(m) ? Verdict::accept : Verdict::claim;
    case Detector::ssn:
      if (!number_edges(text, b, e)) return Verdict::reject;
      return ssn_valid(m) ? Verdict::accept : Verdict::claim;
    case Detector::ipv6: return ipv6_edges(text, b, e) && ipv6_valid(m) ? Verdict::accept : Verdict::reject;
    case Detector::ipv4:
      if (!number_edges(text, b, e)) return Verdict::reject;
      return ipv4_valid(m) && !after_version_word(text, b) ? Verdict::accept : Verdict::claim;
    case Detector::phone: {
      if (!number_edges(text, b, e)) return Verdict::reject;
      const bool international = m.front() == '+' || m.starts_with("00");
      return phone_valid(m, international ? 8 : 10) ? Verdict::accept : Verdict::reject;
    }
    case Detector::street_address: return word_edges(text, b, e) ? Verdict::accept : Verdict::reject;
    case Detector::secret: return secret_valid(m) ? Verdict::accept : Verdict::reject;
    case Detector::date_of_birth:
    case Detector::person_name: return Verdict::reject;
  }
  return Verdict::reject;
}

// A cell without its surrounding spaces, as [begin, end).
std::pair<std::size_t, std::size_t> trimmed(std::string_view text) {
  std::size_t b = 0, e = text.size();
  while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
  while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  return {b, e};
}

RE2::Options pattern_options() {
  RE2::Options options;
  options.set_longest_match(true);
  options.set_log_errors(false);
  // Enough DFA cache for two threads over the combined patterns; past it
  // RE2 falls back to its (still linear) NFA.
  options.set_max_mem(std::int64_t{64} << 20);
  return options;
}

}  // namespace

Scanner::Scanner() {
  const RE2::Options options = pattern_options();
  set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  patterns_.resize(kDetectorCount);
  for (const Detector d : kDetectors) {
    const std::string_view pattern = pattern_of(d);
    if (pattern.empty()) continue;
    auto re = std::make_unique<RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
    std::string error;
    if (!re->ok() || set_->Add(re2::StringPiece(pattern.data(), pattern.size()), &error) < 0) {
      throw std::logic_error("PII pattern for " + std::string(detector_name(d)) + " does not compile: " + re->error() +
                             error);
    }
    patterns_[static_cast<std::size_t>(d)] = std::move(re);
    set_detectors_.push_back(d);
  }
  if (!set_->Compile()) throw std::logic_error("PII pattern set does not compile");
  person_name_ = std::make_unique<RE2>(re2::StringPiece(kPersonName.data(), kPersonName.size()), options);
  if (!person_name_->ok()) throw std::logic_error("person name pattern does not compile: " + person_name_->error());
}

Scanner::~Scanner() = default;

void Scanner::find_spans(Detector detector, std::string_view text, ScanBuffer& buffer) const {
  const RE2& re = *patterns_[static_cast<std::size_t>(detector)];
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m;
  std::size_t pos = 0;
  // Each search resumes after the previous match, never inside it, so the
  // work stays linear in the cell even when candidates are rejected.
  while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    const auto b = static_cast<std::size_t>(m.data() - text.data());
    const std::size_t e = b + m.size();
    if (e == b) {
      pos = b + 1;
      continue;
    }
    const Verdict verdict = judge(detector, text, b, e);
    if (verdict != Verdict::reject) {
      buffer.candidates.push_back({detector, b, e});
      buffer.accepted.push_back(verdict == Verdict::accept ? 1 : 0);
    }
    pos = e;
  }
}

void Scanner::scan(std::string_view text, ColumnContext context, ScanBuffer& buffer) const {
  buffer.matches.clear();
  buffer.candidates.clear();
  buffer.accepted.clear();
  if (text.empty()) return;
  buffer.hits.clear();
  RE2::Set::ErrorInfo error{};
  const re2::StringPiece input(text.data(), text.size());
  if (!set_->Match(input, &buffer.hits, &error) && error.kind != RE2::Set::kNoError) {
    // The set's DFA ran out of memory: every detector searches on its own
    // (slower, still linear), never a silent miss.
    buffer.hits.clear();
    for (std::size_t i = 0; i < set_detectors_.size(); ++i) buffer.hits.push_back(static_cast<int>(i));
  }
  // Detectors in order of precedence.
  std::sort(buffer.hits.begin(), buffer.hits.end(),
            [&](int a, int b) { return set_detectors_[static_cast<std::size_t>(a)] < set_detectors_[static_cast<std::size_t>(b)]; });
  for (const int hit : buffer.hits) find_spans(set_detectors_[static_cast<std::size_t>(hit)], text, buffer);

  if (context.date_of_birth || context.person_name) {
    const auto [b, e] = trimmed(text);
    const std::string_view cell = text.substr(b, e - b);
    if (context.date_of_birth && plausible_date(cell)) {
      buffer.candidates.push_back({Detector::date_of_birth, b, e});
      buffer.accepted.push_back(1);
    }
    if (context.person_name && !cell.empty() &&
        RE2::FullMatch(re2::StringPiece(cell.data(), cell.size()), *person_name_)) {
      buffer.candidates.push_back({Detector::person_name, b, e});
      buffer.accepted.push_back(1);
    }
  }
  if (buffer.candidates.empty()) return;

  // Overlaps: candidates are grouped by detector in order of precedence,
  // and one detector's candidates never overlap, so marking the bytes each
  // kept candidate covers costs at most the cell's length per detector.
  const bool several = buffer.candidates.front().detector != buffer.candidates.back().detector;
  if (several) buffer.taken.assign(text.size(), 0);
  for (std::size_t i = 0; i < buffer.candidates.size(); ++i) {
    const Match& c = buffer.candidates[i];
    if (several) {
      if (std::any_of(buffer.taken.begin() + static_cast<std::ptrdiff_t>(c.begin),
                      buffer.taken.begin() + static_cast<std::ptrdiff_t>(c.end), [](std::uint8_t t) { return t != 0; })) {
        continue;
      }
      std::fill(buffer.taken.begin() + static_cast<std::ptrdiff_t>(c.begin),
                buffer.taken.begin() + static_cast<std::ptrdiff_t>(c.end), std::uint8_t{1});
    }
    if (buffer.accepted[i] != 0) buffer.matches.push_back(c);
  }
  std::sort(buffer.matches.begin(), buffer.matches.end(), [](const Match& a, const Match& b) { return a.begin < b.begin; });
}

DetectorSet Scanner::detect(std::string_view text, ColumnContext context) const {
  ScanBuffer buffer;
  scan(text, context, buffer);
  DetectorSet out = 0;
  for (const Match& m : buffer.matches) out |= bit(m.detector);
  return out;
}

const Scanner& shared_scanner() {
  static const Scanner scanner;
  return scanner;
}

}  // namespace assay::security
