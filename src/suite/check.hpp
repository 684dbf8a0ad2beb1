#pragma once
// A check of a suite: the header every kind shares (id, severity, limits,
// where it is in the file) and the one interface a kind implements. A kind
// lives in its own check_<kind>.cpp, which parses its keys into a Check and
// computes its Findings from the Workspace (shared, memoised engine runs);
// registry.cpp lists the kinds. Adding a kind is one file and one line.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/finding.hpp"
#include "suite/limits.hpp"

namespace assay::suite {

class Workspace;
class MapReader;
class YamlSource;
struct Suite;

struct CheckHeader {
  std::string kind;         // the kind's key: "metric", "drift", ...
  std::string name;         // its value: "f1", "features", ...
  std::string id;           // unique in the suite; given or derived from kind and name
  bool id_given = false;
  std::string description;  // first sentence of each Finding's message when given
  Severity severity = Severity::fail;
  Limits limits;
  core::Location where;     // the check's map in the suite file
};

class Check {
 public:
  explicit Check(CheckHeader header) : header_(std::move(header)) {}
  virtual ~Check() = default;
  Check(const Check&) = delete;
  Check& operator=(const Check&) = delete;

  const CheckHeader& header() const noexcept { return header_; }

  // Before anything runs: checks the columns the check names against the
  // data and loads what it needs. Throws core::Error (bad suite or input:
  // exit 2, nothing written).
  virtual void prepare(Workspace& workspace) const = 0;

  // The check's Findings: one, or one per subject (slice, column, group).
  // A core::Error thrown here becomes an `error` Finding for this check.
  virtual std::vector<core::Finding> run(Workspace& workspace) const = 0;

  // Files the check reads besides the data (resolved paths).
  virtual std::vector<std::string> files() const { return {}; }

  // Whether the check computes anything on the reference data.
  virtual bool uses_reference() const { return header_.limits.relative(); }

 private:
  CheckHeader header_;
};

// What a kind may accept as limits.
struct LimitSupport {
  bool absolute = true;   // min, max
  bool relative = false;  // max_drop, max_rel_drop
  bool interval = false;  // ci: lower|upper
  bool required = false;  // a limit must be given
};

// Everything a kind's parser sees: the check's keys (common keys already
// taken), its header, and the suite parsed so far (task, columns, options).
struct CheckSource {
  const YamlSource& yaml;
  MapReader& keys;
  const Suite& suite;
};

struct KindEntry {
  std::string_view key;  // the key that selects the kind in a check
  std::string_view summary;
  LimitSupport limits;
  // The names the kind's key accepts for this suite (metric names for the
  // task, drift subjects, quality checks, ...), for errors and the schema.
  std::vector<std::string> (*names)(const Suite& suite);
  // Parses the kind-specific keys; header.name is already one of names().
  std::unique_ptr<Check> (*parse)(CheckSource& source, CheckHeader header);
  // The kind's own keys and their JSON types ("string", "number",
  // "integer"), for the suite's JSON Schema.
  std::vector<std::pair<std::string_view, std::string_view>> options = {};
};

}  // namespace assay::suite
