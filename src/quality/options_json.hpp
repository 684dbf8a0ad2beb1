#pragma once
// The JSON side of quality::Options: setting options from parsed JSON
// values and listing them. Kept out of options.hpp so that the checks,
// which include Options, do not parse nlohmann/json.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "quality/options.hpp"

namespace assay::quality {

// Sets one option from a JSON value (a number, or null to switch a limit
// level off; a string for outliers.method). Throws core::Error at `where`
// with `key` appended to its path for unknown keys and bad values.
void set_option(Options& options, std::string_view key, const nlohmann::json& value, core::Location where = {});

// Applies a thresholds document: {"missing": {"warn": 0.1, "fail": null},
// "outliers": {"method": "iqr"}, "max_examples": 10}. Paths in errors are
// the document's keys.
void apply_thresholds(Options& options, const nlohmann::json& document, const core::Location& where);

// Every settable key with its current value, for docs and --help.
std::vector<std::pair<std::string, nlohmann::json>> list_options(const Options& options);

}  // namespace assay::quality
