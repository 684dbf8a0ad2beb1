#include "report/calibrator_json.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "core/error.hpp"

namespace assay::report {

nlohmann::ordered_json calibrator_json(const calibration::Calibrator& c, const std::string& assay_version) {
  nlohmann::ordered_json doc;
  doc["schema"] = kCalibratorSchema;
  doc["assay_version"] = assay_version;
  doc["method"] = std::string(calibration::method_name(c.method));
  doc["target"] = c.target;
  if (c.method == calibration::Method::temperature) {
    doc["input"] = nlohmann::ordered_json{{"scores", c.scores}, {"classes", c.classes}, {"space", c.logits ? "logits" : "probabilities"}};
  } else {
    doc["input"] = nlohmann::ordered_json{{"score", *c.score}};
    doc["labels"] = nlohmann::ordered_json{{"negative", *c.negative}, {"positive", *c.positive}};
  }
  doc["fitted_rows"] = c.fitted_rows;
  switch (c.method) {
    case calibration::Method::platt: doc["parameters"] = nlohmann::ordered_json{{"a", c.platt.a}, {"b", c.platt.b}}; break;
    case calibration::Method::isotonic: doc["parameters"] = nlohmann::ordered_json{{"x", c.isotonic.x}, {"y", c.isotonic.y}}; break;
    case calibration::Method::temperature: doc["parameters"] = nlohmann::ordered_json{{"temperature", c.temperature}}; break;
    case calibration::Method::histogram:
      doc["parameters"] = nlohmann::ordered_json{{"edges", c.histogram.edges}, {"values", c.histogram.value}, {"counts", c.histogram.count}};
      break;
  }
  return doc;
}

namespace {

// Field access with errors naming the JSON path.
class Reader {
 public:
  explicit Reader(std::string source) : source_(std::move(source)) {}

  [[noreturn]] void fail(const std::string& path, const std::string& what) const {
    throw core::Error(core::Location{.file = source_, .path = path}, what);
  }

  const nlohmann::json& field(const nlohmann::json& object, const std::string& parent, const char* key) const {
    const std::string path = parent.empty() ? key : parent + "." + key;
    if (!object.is_object()) fail(parent, "expected an object");
    const auto it = object.find(key);
    if (it == object.end()) fail(path, "missing field");
    return *it;
  }

  std::string text(const nlohmann::json& object, const std::string& parent, const char* key) const {
    const nlohmann::json& v = field(object, parent, key);
    if (!v.is_string() || v.get_ref<const std::string&>().empty()) {
      fail(join(parent, key), fmt::format("expected a non-empty string, got {}", v.dump()));
    }
    return v.get<std::string>();
  }

  double number(const nlohmann::json& object, const std::string& parent, const char* key) const {
    const nlohmann::json& v = field(object, parent, key);
    if (!v.is_number() || !std::isfinite(v.get<double>())) fail(join(parent, key), fmt::format("expected a finite number, got {}", v.dump()));
    return v.get<double>();
  }

  std::size_t count(const nlohmann::json& object, const std::string& parent, const char* key) const {
    const nlohmann::json& v = field(object, parent, key);
    if (!v.is_number_unsigned()) fail(join(parent, key), fmt::format("expected a count, got {}", v.dump()));
    return v.get<std::size_t>();
  }

  std::vector<double> numbers(const nlohmann::json& object, const std::string& parent, const char* key) const {
    const nlohmann::json& v = field(object, parent, key);
    const std::string path = join(parent, key);
    if (!v.is_array() || v.empty()) fail(path, "expected a non-empty array of numbers");
    std::vector<double> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_number() || !std::isfinite(v[i].get<double>())) {
        fail(fmt::format("{}[{}]", path, i), fmt::format("expected a finite number, got {}", v[i].dump()));
      }
      out.push_back(v[i].get<double>());
    }
    return out;
  }

  std::vector<std::string> texts(const nlohmann::json& object, const std::string& parent, const char* key) const {
    const nlohmann::json& v = field(object, parent, key);
    const std::string path = join(parent, key);
    if (!v.is_array() || v.size() < 2) fail(path, "expected an array of two or more strings");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_string()) fail(fmt::format("{}[{}]", path, i), fmt::format("expected a string, got {}", v[i].dump()));
      out.push_back(v[i].get<std::string>());
    }
    return out;
  }

  static std::string join(const std::string& parent, const char* key) { return parent.empty() ? key : parent + "." + key; }

 private:
  std::string source_;
};

void check_probabilities(const Reader& r, const std::vector<double>& values, const char* path) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i] < 0.0 || values[i] > 1.0) r.fail(fmt::format("{}[{}]", path, i), fmt::format("expected a probability, got {}", values[i]));
  }
}

}  // namespace

calibration::Calibrator calibrator_from_json(const nlohmann::json& doc, const std::string& source) {
  const Reader r(source);
  if (!doc.is_object()) r.fail("", "expected a JSON object (an assay calibrator file)");
  const std::string schema = r.text(doc, "", "schema");
  if (schema != kCalibratorSchema) r.fail("schema", fmt::format("expected \"{}\", got \"{}\"", kCalibratorSchema, schema));
  calibration::Calibrator c;
  const std::string method = r.text(doc, "", "method");
  const auto parsed = calibration::parse_method(method);
  if (!parsed) r.fail("method", fmt::format("expected platt, isotonic, temperature or histogram, got \"{}\"", method));
  c.method = *parsed;
  c.target = r.text(doc, "", "target");
  const nlohmann::json& input = r.field(doc, "", "input");
  if (c.method == calibration::Method::temperature) {
    c.scores = r.texts(input, "input", "scores");
    c.classes = r.texts(input, "input", "classes");
    if (c.classes.size() != c.scores.size()) r.fail("input.classes", fmt::format("{} classes for {} score columns", c.classes.size(), c.scores.size()));
    const std::string space = r.text(input, "input", "space");
    if (space != "logits" && space != "probabilities") r.fail("input.space", fmt::format("expected logits or probabilities, got \"{}\"", space));
    c.logits = space == "logits";
  } else {
    c.score = r.text(input, "input", "score");
    const nlohmann::json& labels = r.field(doc, "", "labels");
    c.negative = r.text(labels, "labels", "negative");
    c.positive = r.text(labels, "labels", "positive");
    if (*c.negative == *c.positive) r.fail("labels.positive", "the positive and negative labels are the same");
  }
  c.fitted_rows = r.count(doc, "", "fitted_rows");
  const nlohmann::json& p = r.field(doc, "", "parameters");
  switch (c.method) {
    case calibration::Method::platt:
      c.platt = {r.number(p, "parameters", "a"), r.number(p, "parameters", "b")};
      break;
    case calibration::Method::isotonic: {
      c.isotonic.x = r.numbers(p, "parameters", "x");
      c.isotonic.y = r.numbers(p, "parameters", "y");
      if (c.isotonic.y.size() != c.isotonic.x.size()) {
        r.fail("parameters.y", fmt::format("{} values for {} thresholds", c.isotonic.y.size(), c.isotonic.x.size()));
      }
      for (std::size_t i = 1; i < c.isotonic.x.size(); ++i) {
        if (!(c.isotonic.x[i] > c.isotonic.x[i - 1])) r.fail(fmt::format("parameters.x[{}]", i), "thresholds must increase");
        if (c.isotonic.y[i] < c.isotonic.y[i - 1]) r.fail(fmt::format("parameters.y[{}]", i), "values must not decrease");
      }
      check_probabilities(r, c.isotonic.y, "parameters.y");
      break;
    }
    case calibration::Method::temperature:
      c.temperature = r.number(p, "parameters", "temperature");
      if (!(c.temperature > 0.0)) r.fail("parameters.temperature", fmt::format("expected a positive number, got {}", c.temperature));
      break;
    case calibration::Method::histogram: {
      c.histogram.edges = r.numbers(p, "parameters", "edges");
      c.histogram.value = r.numbers(p, "parameters", "values");
      const std::size_t bins = c.histogram.value.size();
      if (c.histogram.edges.size() != bins + 1) {
        r.fail("parameters.edges", fmt::format("expected {} edges for {} values, got {}", bins + 1, bins, c.histogram.edges.size()));
      }
      for (std::size_t k = 0; k <= bins; ++k) {
        if (c.histogram.edges[k] != static_cast<double>(k) / static_cast<double>(bins)) {
          r.fail(fmt::format("parameters.edges[{}]", k), fmt::format("expected the uniform edge {}/{}", k, bins));
        }
      }
      check_probabilities(r, c.histogram.value, "parameters.values");
      const nlohmann::json& counts = r.field(p, "parameters", "counts");
      if (!counts.is_array() || counts.size() != bins) r.fail("parameters.counts", fmt::format("expected {} counts", bins));
      for (const auto& n : counts) {
        if (!n.is_number_unsigned()) r.fail("parameters.counts", fmt::format("expected counts, got {}", n.dump()));
        c.histogram.count.push_back(n.get<std::size_t>());
      }
      break;
    }
  }
  return c;
}

}  // namespace assay::report
