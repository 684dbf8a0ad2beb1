#include "report/html_text.hpp"

#include <fmt/format.h>

#include <cmath>

#include "report/junit.hpp"

namespace assay::report {

std::string html_escape(std::string_view text) { return xml_escape(text); }

bool is_share_metric(std::string_view metric) { return metric.ends_with("_share"); }

std::string display_number(double value, bool share) {
  if (!std::isfinite(value)) return "-";
  if (share) return fmt::format("{:.3g}%", 100.0 * value);
  if (value == std::floor(value) && std::fabs(value) < 1e15) return fmt::format("{:.0f}", value);
  return fmt::format("{:.3g}", value);
}

std::string html_number(double value, bool share) {
  if (!std::isfinite(value)) return "-";
  return fmt::format("<data value=\"{:.17g}\">{}</data>", value, display_number(value, share));
}

std::string script_json(const nlohmann::ordered_json& doc) {
  const std::string text = doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

const core::Details* as_object(const core::DetailValue& value) { return std::get_if<core::Details>(&value.value); }

std::optional<double> detail_number(const core::Details& details, std::string_view key) {
  const core::DetailValue* v = details.find(key);
  if (v == nullptr) return std::nullopt;
  if (const auto* d = std::get_if<double>(&v->value)) return *d;
  if (const auto* n = std::get_if<std::int64_t>(&v->value)) return static_cast<double>(*n);
  return std::nullopt;
}

std::optional<std::string> detail_text(const core::Details& details, std::string_view key) {
  const core::DetailValue* v = details.find(key);
  if (v == nullptr) return std::nullopt;
  if (const auto* s = std::get_if<std::string>(&v->value)) return *s;
  return std::nullopt;
}

const core::DetailList* detail_list(const core::Details& details, std::string_view key) {
  const core::DetailValue* v = details.find(key);
  return v == nullptr ? nullptr : std::get_if<core::DetailList>(&v->value);
}

bool detail_flag(const core::Details& details, std::string_view key) {
  const core::DetailValue* v = details.find(key);
  const bool* b = v == nullptr ? nullptr : std::get_if<bool>(&v->value);
  return b != nullptr && *b;
}

const core::Details* detail_object(const core::Details& details, std::string_view key) {
  const core::DetailValue* v = details.find(key);
  return v == nullptr ? nullptr : as_object(*v);
}

}  // namespace assay::report
