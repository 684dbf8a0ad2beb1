#pragma once
// A metrics::MetricSet as two JSON objects, the way every document that
// carries metrics writes them: values by name (null when undefined or
// non-finite) and, beside them, the reason for each null.

#include <nlohmann/json.hpp>

#include "metrics/result.hpp"

namespace assay::report {

// {name: value | null, ...} in the set's order.
nlohmann::ordered_json metric_values_json(const metrics::MetricSet& set);

// {name: reason, ...} for the values that are null: the engine's reason, or
// the non-finite value worded ("positive infinity").
nlohmann::ordered_json metric_notes_json(const metrics::MetricSet& set);

}  // namespace assay::report
