#include "report/junit.hpp"

#include <fmt/format.h>

#include "report/suite_cells.hpp"

namespace assay::report {

namespace {

struct Counts {
  std::size_t tests = 0, failures = 0, errors = 0;
};

bool fails(const core::Finding& f, bool fail_on_warn) {
  return f.status == core::Status::fail || (fail_on_warn && f.status == core::Status::warn);
}

}  // namespace

std::string xml_escape(std::string_view text) {
  // Invalid UTF-8 becomes U+FFFD first (suite_cells' rule); what is left to
  // escape is ASCII, since bytes of multi-byte characters are >= 0x80.
  const std::string clean = utf8_clean(text);
  std::string out;
  out.reserve(clean.size());
  for (const char ch : clean) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\t': out += "&#9;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\xEF\xBF\xBD";  // U+FFFD: XML 1.0 cannot hold control characters
        } else {
          out += ch;
        }
    }
  }
  return out;
}

std::string junit_xml(const suite::Outcome& outcome) {
  Counts counts;
  for (const auto& f : outcome.findings) {
    ++counts.tests;
    if (f.status == core::Status::error) {
      ++counts.errors;
    } else if (fails(f, outcome.fail_on_warn)) {
      ++counts.failures;
    }
  }
  const double seconds = outcome.elapsed_seconds;
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"assay\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\" time=\"{:.3f}\">\n",
                     counts.tests, counts.failures, counts.errors, seconds);
  out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\" time=\"{:.3f}\">\n",
                     xml_escape(outcome.suite_path), counts.tests, counts.failures, counts.errors, seconds);
  out += "    <properties>\n";
  out += fmt::format("      <property name=\"suite_hash\" value=\"{}\"/>\n", xml_escape(outcome.suite_hash));
  out += fmt::format("      <property name=\"task\" value=\"{}\"/>\n", xml_escape(outcome.task));
  for (const auto& input : outcome.inputs) {
    out += fmt::format("      <property name=\"input\" value=\"{} xxh3-128 {}\"/>\n", xml_escape(input.path),
                       input.content.hex());
  }
  out += "    </properties>\n";
  for (const auto& f : outcome.findings) {
    out += fmt::format("    <testcase name=\"{}\" classname=\"assay.{}\" time=\"0\">", xml_escape(f.id),
                       xml_escape(f.category));
    const std::string numbers = value_limit_reference(f);
    const std::string body = xml_escape(fmt::format("{}\nsubject: {}\nmetric: {}\n{}{}", f.message, f.subject, f.metric,
                                                    numbers, f.reason.empty() ? "" : "\nreason: " + f.reason));
    if (f.status == core::Status::error) {
      out += fmt::format("\n      <error message=\"{}\" type=\"error\">{}</error>\n    ",
                         xml_escape(fmt::format("could not be computed: {}", f.reason.empty() ? f.message : f.reason)),
                         body);
    } else if (fails(f, outcome.fail_on_warn)) {
      out += fmt::format("\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    ",
                         xml_escape(fmt::format("{} ({})", numbers, f.message)), core::status_name(f.status), body);
    } else {
      out += fmt::format("\n      <system-out>{}: {}</system-out>\n    ", core::status_name(f.status), body);
    }
    out += "</testcase>\n";
  }
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

}  // namespace assay::report
