#pragma once
// The files the HTML report inlines, compiled into the binary at build time
// (cmake/WebAssets.cmake): Vega, Vega-Lite and vega-embed as minified by
// their npm packages (web/package-lock.json), and the report's own style
// and script (web/report.css, web/report.js).

#include <string_view>

namespace assay::web {

std::string_view vega_js();
std::string_view vega_lite_js();
std::string_view vega_embed_js();
std::string_view report_css();
std::string_view report_js();

}  // namespace assay::web
