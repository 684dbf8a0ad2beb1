#pragma once
// JUnit XML of a suite run, for CI test reports (GitHub, GitLab, Jenkins):
// one <testsuite> for the suite, one <testcase> per Finding
// (name = Finding id, classname = "assay.<category>"):
//   fail, and warn under --fail-on warn   -> <failure message type="fail|warn">
//   error (could not be computed)         -> <error message type="error">
//   warn otherwise, pass, info            -> passing, the message in <system-out>
// Failure and error messages carry the value, the limit and the reference.
// Text is XML-escaped; control characters and invalid UTF-8 are replaced,
// so the document is well-formed whatever the data held. The format follows
// tests/suite/junit.xsd.

#include <string>

#include "suite/outcome.hpp"

namespace assay::report {

std::string junit_xml(const suite::Outcome& outcome);

// `text` escaped for XML attribute values and character data.
std::string xml_escape(std::string_view text);

}  // namespace assay::report
