#include "report/html_charts.hpp"

#include <cmath>

#include "report/html_summary.hpp"
#include "report/html_text.hpp"

namespace assay::report {

namespace {

using json = nlohmann::ordered_json;

constexpr const char* kFont = "system-ui, sans-serif";

json number_or_null(const std::optional<double>& v) {
  return v && std::isfinite(*v) ? json(*v) : json(nullptr);
}

// Okabe-Ito: bluish green, orange, vermillion, reddish purple.
json status_scales() {
  return {{"color",
           {{"field", "status"},
            {"type", "nominal"},
            {"title", "status"},
            {"scale", {{"domain", {"pass", "warn", "fail", "error"}}, {"range", {"#009E73", "#E69F00", "#D55E00", "#CC79A7"}}}}}},
          {"shape",
           {{"field", "status"},
            {"type", "nominal"},
            {"title", "status"},
            {"scale", {{"domain", {"pass", "warn", "fail", "error"}}, {"range", {"circle", "triangle-up", "diamond", "cross"}}}}}}};
}

json config() {
  return {{"font", kFont},
          {"axis", {{"labelFontSize", 12}, {"titleFontSize", 12}, {"labelLimit", 260}}},
          {"header", {{"labelFontSize", 13}, {"labelFontWeight", "bold"}}},
          {"view", {{"stroke", "#d0d7de"}}}};
}

// A faceted layered chart: one panel per `panel` value, each with its own x scale.
json faceted(json values, json layers) {
  json spec;
  spec["data"] = {{"values", std::move(values)}};
  spec["facet"] = {{"row",
                    {{"field", "panel"},
                     {"type", "nominal"},
                     {"title", nullptr},
                     {"sort", nullptr},
                     {"header", {{"labelAngle", 0}, {"labelAlign", "left"}, {"labelAnchor", "start"}, {"labelOrient", "top"}}}}}};
  spec["spec"] = {{"width", 560}, {"layer", std::move(layers)}};
  spec["resolve"] = {{"scale", {{"x", "independent"}, {"y", "independent"}}}};
  spec["config"] = config();
  return spec;
}

json y_axis(const std::string& field, bool sort_by_x) {
  json y{{"field", field}, {"type", "nominal"}, {"title", nullptr}};
  y["sort"] = sort_by_x ? json("-x") : json(nullptr);
  return y;
}

}  // namespace

json findings_chart(const std::vector<const core::Finding*>& findings) {
  json values = json::array();
  for (const core::Finding* f : findings) {
    if (!f->value || !std::isfinite(*f->value)) continue;
    std::string label = f->subject == "model" || f->subject == "dataset" ? std::string(f->id) : f->subject;
    json row{{"panel", metric_label(f->metric)},
             {"label", label},
             {"value", *f->value},
             {"ci_low", number_or_null(detail_number(f->details, "ci_low"))},
             {"ci_high", number_or_null(detail_number(f->details, "ci_high"))},
             {"limit", f->threshold ? json(f->threshold->value) : json(nullptr)},
             {"status", core::status_name(f->status)}};
    values.push_back(std::move(row));
  }
  if (values.empty()) return nullptr;
  const json y = y_axis("label", false);
  json x{{"field", "value"}, {"type", "quantitative"}, {"title", nullptr}, {"scale", {{"zero", false}, {"padding", 12}}}};
  json interval{{"mark", {{"type", "rule"}, {"strokeWidth", 3}, {"color", "#56B4E9"}}},
                {"encoding", {{"y", y}, {"x", {{"field", "ci_low"}, {"type", "quantitative"}}}, {"x2", {{"field", "ci_high"}}}}}};
  json limit{{"mark", {{"type", "tick"}, {"color", "#1b1f24"}, {"thickness", 2}, {"size", 18}}},
             {"encoding", {{"y", y}, {"x", {{"field", "limit"}, {"type", "quantitative"}}}}}};
  json point_encoding = status_scales();
  point_encoding["y"] = y;
  point_encoding["x"] = x;
  point_encoding["tooltip"] = json::array({{{"field", "label"}, {"title", "check"}},
                                           {{"field", "value"}, {"format", ".4g"}},
                                           {{"field", "ci_low"}, {"title", "CI low"}, {"format", ".4g"}},
                                           {{"field", "ci_high"}, {"title", "CI high"}, {"format", ".4g"}},
                                           {{"field", "limit"}, {"format", ".4g"}},
                                           {{"field", "status"}}});
  json point{{"mark", {{"type", "point"}, {"filled", true}, {"size", 110}, {"opacity", 1}}}, {"encoding", point_encoding}};
  return faceted(std::move(values), json::array({interval, limit, point}));
}

json drift_chart(const core::Finding& features) {
  const core::DetailList* columns = detail_list(features.details, "columns");
  if (columns == nullptr || columns->empty()) return nullptr;
  json values = json::array();
  for (const auto& item : *columns) {
    const core::Details* c = as_object(item);
    if (c == nullptr) continue;
    const auto value = detail_number(*c, "value");
    const auto metric = detail_text(*c, "metric");
    if (!value || !metric || !std::isfinite(*value)) continue;
    const core::Details* threshold = detail_object(*c, "threshold");
    const bool is_drifted = detail_flag(*c, "drifted");
    const bool p_value = metric->ends_with("p_value");
    values.push_back({{"panel", metric_label(*metric) + (p_value ? " (lower means more change)" : " (higher means more change)")},
                      {"column", detail_text(*c, "column").value_or("")},
                      {"value", *value},
                      {"limit", threshold ? number_or_null(detail_number(*threshold, "value")) : json(nullptr)},
                      {"changed", is_drifted ? "changed" : "stable"}});
  }
  if (values.empty()) return nullptr;
  const json y = y_axis("column", true);
  json bar_encoding{{"y", y},
                    {"x", {{"field", "value"}, {"type", "quantitative"}, {"title", nullptr}}},
                    {"color",
                     {{"field", "changed"},
                      {"type", "nominal"},
                      {"title", "distribution"},
                      {"scale", {{"domain", {"stable", "changed"}}, {"range", {"#0072B2", "#D55E00"}}}}}},
                    {"tooltip", json::array({{{"field", "column"}},
                                             {{"field", "value"}, {"title", "score"}, {"format", ".4g"}},
                                             {{"field", "limit"}, {"format", ".4g"}},
                                             {{"field", "changed"}}})}};
  json bar{{"mark", {{"type", "bar"}, {"height", {{"band", 0.7}}}}}, {"encoding", bar_encoding}};
  json limit{{"mark", {{"type", "tick"}, {"color", "#1b1f24"}, {"thickness", 2}}},
             {"encoding", {{"y", y}, {"x", {{"field", "limit"}, {"type", "quantitative"}}}}}};
  json label{{"mark", {{"type", "text"}, {"align", "left"}, {"dx", 4}, {"fontSize", 11}}},
             {"encoding", {{"y", y}, {"x", {{"field", "value"}, {"type", "quantitative"}}}, {"text", {{"field", "changed"}}}}}};
  return faceted(std::move(values), json::array({bar, limit, label}));
}

json slices_chart(const core::Finding& discover) {
  const core::DetailList* weak = detail_list(discover.details, "weak_slices");
  if (weak == nullptr || weak->empty()) return nullptr;
  const auto overall = detail_number(discover.details, "overall_error");
  json values = json::array();
  for (const auto& item : *weak) {
    const core::Details* s = as_object(item);
    if (s == nullptr) continue;
    const auto error = detail_number(*s, "error");
    if (!error || !std::isfinite(*error)) continue;
    values.push_back({{"segment", detail_text(*s, "slice").value_or("")},
                      {"rows", number_or_null(detail_number(*s, "rows"))},
                      {"error", *error},
                      {"gap", number_or_null(detail_number(*s, "gap"))}});
  }
  if (values.empty()) return nullptr;
  const json y = y_axis("segment", true);
  json layers = json::array();
  layers.push_back({{"mark", {{"type", "bar"}, {"color", "#E69F00"}, {"height", {{"band", 0.7}}}}},
                    {"encoding",
                     {{"y", y},
                      {"x", {{"field", "error"}, {"type", "quantitative"}, {"title", "error rate"}, {"axis", {{"format", "%"}}}}},
                      {"tooltip", json::array({{{"field", "segment"}},
                                               {{"field", "rows"}},
                                               {{"field", "error"}, {"title", "error rate"}, {"format", ".1%"}},
                                               {{"field", "gap"}, {"format", ".1%"}}})}}}});
  if (overall && std::isfinite(*overall)) {
    layers.push_back({{"mark", {{"type", "rule"}, {"color", "#1b1f24"}, {"strokeDash", {4, 3}}, {"strokeWidth", 2}}},
                      {"encoding", {{"x", {{"datum", *overall}, {"type", "quantitative"}}}}}});
    layers.push_back({{"mark", {{"type", "text"}, {"align", "left"}, {"baseline", "top"}, {"dx", 4}, {"y", 2}, {"fontSize", 11}}},
                      {"encoding", {{"x", {{"datum", *overall}, {"type", "quantitative"}}}, {"text", {{"value", "all rows"}}}}}});
  }
  json spec;
  spec["data"] = {{"values", std::move(values)}};
  spec["width"] = 560;
  spec["layer"] = std::move(layers);
  spec["config"] = config();
  return spec;
}

}  // namespace assay::report
