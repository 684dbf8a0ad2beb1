#include "report/profile_json.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/column.hpp"
#include "report/json_number.hpp"
#include "report/provenance_json.hpp"
#include "report/text_table.hpp"

namespace assay::report {

namespace {

using json = nlohmann::ordered_json;

// Sets out[name] to the statistic; a non-finite one is null, with why in notes.
void put_statistic(json& out, json& notes, const std::string& name, const std::optional<double>& v, bool is_time) {
  if (v && is_time) {
    out[name] = core::format_timestamp(static_cast<std::int64_t>(std::llround(*v)));
    return;
  }
  out[name] = json_number(v);
  if (v && !std::isfinite(*v)) notes[name] = non_finite_reason(*v);
}

std::string percentile_name(double q) { return fmt::format("p{}", q * 100.0); }

}  // namespace

json profile_json(const std::vector<profile::ColumnProfile>& columns, const core::FileFingerprint& input,
                  double seconds) {
  auto doc = document_header("profile");
  doc["inputs"] = inputs_json({input});
  doc["rows"] = input.rows;
  doc["elapsed_seconds"] = seconds;
  auto& out = doc["columns"] = json::array();
  for (const auto& c : columns) {
    const bool is_time = c.kind == core::Kind::timestamp;
    json j{{"name", c.name},     {"kind", core::kind_name(c.kind)}, {"count", c.count},
           {"nulls", c.nulls},   {"distinct", c.distinct}};
    if (c.kind == core::Kind::float64) {
      j["non_finite"] = {{"positive_infinities", c.positive_infinities},
                         {"negative_infinities", c.negative_infinities},
                         {"nans", c.nans}};
    }
    json notes = json::object();
    if (c.min || c.max) {
      put_statistic(j, notes, "min", c.min, is_time);
      put_statistic(j, notes, "max", c.max, is_time);
    }
    if (c.mean) put_statistic(j, notes, "mean", c.mean, false);
    if (c.mean) put_statistic(j, notes, "std", c.std, false);
    if (!c.percentiles.empty()) {
      auto& p = j["percentiles"] = json::object();
      for (const auto& pc : c.percentiles) put_statistic(p, notes, percentile_name(pc.q), pc.value, is_time);
    }
    if (!notes.empty()) j["notes"] = std::move(notes);
    auto& top = j["top"] = json::array();
    for (const auto& t : c.top) {
      // The engine words non-finite float values "inf", "-inf" (and "nan"):
      // numbers, so null here with the reason beside.
      if (c.kind == core::Kind::float64 && (t.value == "inf" || t.value == "-inf" || t.value == "nan")) {
        const double v = t.value == "nan" ? NAN : t.value == "inf" ? INFINITY : -INFINITY;
        top.push_back({{"value", nullptr}, {"count", t.count}, {"reason", non_finite_reason(v)}});
      } else {
        top.push_back({{"value", t.value}, {"count", t.count}});
      }
    }
    out.push_back(std::move(j));
  }
  return doc;
}

std::string profile_text(const std::vector<profile::ColumnProfile>& columns, const core::FileFingerprint& input) {
  std::string out = fmt::format("{}: {} rows x {} columns, {} bytes, xxh3-128 {}\n\n", input.path, input.rows,
                                input.columns, input.bytes, input.content.hex());
  using A = TextTable::Align;
  TextTable table({"column", "kind", "count", "nulls", "distinct", "min", "p50", "max", "mean", "std", "top"},
                  {A::left, A::left, A::right, A::right, A::right, A::right, A::right, A::right, A::right, A::right,
                   A::left});
  for (const auto& c : columns) {
    const bool is_time = c.kind == core::Kind::timestamp;
    const auto cell = [&](const std::optional<double>& v) -> std::string {
      if (!v) return "";
      return is_time ? core::format_timestamp(static_cast<std::int64_t>(std::llround(*v))) : format_number(*v);
    };
    std::optional<double> median;
    for (const auto& p : c.percentiles) {
      if (p.q == 0.5) median = p.value;
    }
    std::string top;
    if (!c.top.empty()) {
      top = c.top.front().value.substr(0, 24);
      top += fmt::format(" ({})", c.top.front().count);
    }
    table.add_row({c.name, std::string(core::kind_name(c.kind)), fmt::format("{}", c.count), fmt::format("{}", c.nulls),
                   fmt::format("{}", c.distinct), cell(c.min), cell(median), cell(c.max),
                   c.mean && !is_time ? format_number(*c.mean) : "", c.std ? format_number(*c.std) : "", top});
  }
  out += table.render();
  for (const auto& c : columns) {
    if (c.non_finite() == 0) continue;
    out += fmt::format("{}: {} +inf, {} -inf, {} NaN left out of min, max, mean, std and percentiles\n", c.name,
                       c.positive_infinities, c.negative_infinities, c.nans);
  }
  return out;
}

}  // namespace assay::report
