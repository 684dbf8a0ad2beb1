#pragma once
// `--set key.path=value`: overrides applied to the suite's YAML tree before
// it is read, so an override is validated like the file's own values.
// Path components are map keys; in `checks` a component is a check's
// position (0-based) or its `id`. The value is a YAML scalar
// (`--set checks.f1_floor.min=0.85`, `--set data.current=prod.csv`).
// Missing maps on the path are created; a bad path is an error naming the
// assignment.

#include <yaml-cpp/yaml.h>

#include <string_view>

namespace assay::suite {

void apply_override(YAML::Node& root, std::string_view assignment);

}  // namespace assay::suite
