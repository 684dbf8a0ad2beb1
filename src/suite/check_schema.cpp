// schema: validate, file: SCHEMA.json: the current data against a schema
// written by `assay schema infer` (the quality engine's validator, as
// `assay schema validate`). One Finding: the number of anomalies (missing
// or new columns, type violations, nulls, categories and ranges outside the
// schema), limit max: 0 unless given, with the anomalies in its details.

#include <fmt/format.h>

#include <filesystem>

#include "quality/schema_json.hpp"
#include "quality/schema_validate.hpp"
#include "suite/kinds.hpp"
#include "suite/measure.hpp"
#include "suite/suite_file.hpp"
#include "suite/workspace.hpp"
#include "suite/yaml_reader.hpp"

namespace assay::suite {

namespace {

std::vector<std::string> schema_actions(const Suite&) { return {"validate"}; }

class SchemaCheck final : public Check {
 public:
  SchemaCheck(CheckHeader header, std::string file) : Check(std::move(header)), file_(std::move(file)) {}

  std::vector<std::string> files() const override { return {file_}; }

  void prepare(Workspace& ws) const override { schema(ws); }

  std::vector<core::Finding> run(Workspace& ws) const override {
    const auto& findings = ws.memo<std::vector<core::Finding>>("schema.validate." + file_, [&] {
      return quality::validate_schema(ws.current(), schema(ws), quality::Options{});
    });
    core::DetailList anomalies;
    std::size_t count = 0;
    for (const core::Finding& f : findings) {
      if (f.status == core::Status::pass || f.status == core::Status::info) continue;
      ++count;
      if (anomalies.size() < 20) anomalies.push_back(core::Details{{"id", f.id}, {"message", f.message}});
    }
    Measure m{.category = "schema", .subject = "dataset", .metric = "anomaly_count", .value = static_cast<double>(count),
              .direction = Direction::lower_is_better};
    m.details["schema"] = file_;
    m.details["anomalies"] = std::move(anomalies);
    return {judged_finding(header(), std::move(m))};
  }

 private:
  const quality::Schema& schema(Workspace& ws) const {
    return ws.memo<quality::Schema>("schema.file." + file_,
                                    [&] { return quality::parse_schema(ws.file_text(file_), file_); });
  }

  std::string file_;
};

std::string schema_path(const Suite& suite, const std::string& path) {
  const std::filesystem::path p(path);
  if (p.is_absolute()) return path;
  return (std::filesystem::path(suite.path).parent_path() / p).lexically_normal().string();
}

std::unique_ptr<Check> parse_schema_check(CheckSource& source, CheckHeader header) {
  const auto node = source.keys.take("file");
  if (!node) throw core::Error(header.where, fmt::format("check {}: schema: validate needs file: SCHEMA.json", header.id));
  std::string file = schema_path(source.suite, source.yaml.text(*node, source.keys.path("file")));
  if (!header.limits.any()) header.limits.max = 0.0;
  return std::make_unique<SchemaCheck>(std::move(header), std::move(file));
}

}  // namespace

KindEntry schema_kind() {
  return {.key = "schema",
          .summary = "validate the current data against a schema file (assay schema infer)",
          .limits = {.absolute = true, .relative = false, .interval = false, .required = false},
          .names = schema_actions,
          .parse = parse_schema_check,
          .options = {{"file", "string"}}};
}

}  // namespace assay::suite
