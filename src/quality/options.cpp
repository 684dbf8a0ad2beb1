#include "quality/options_json.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

#include "quality/json_parse.hpp"

namespace assay::quality {

namespace {

struct LimitKey {
  std::string_view name;
  Limit Options::*member;
};

constexpr std::array kLimits{
    LimitKey{"missing", &Options::missing},
    LimitKey{"type_violations", &Options::type_violations},
    LimitKey{"mixed_types", &Options::mixed_types},
    LimitKey{"out_of_range", &Options::out_of_range},
    LimitKey{"unseen_categories", &Options::unseen_categories},
    LimitKey{"constant", &Options::constant},
    LimitKey{"near_constant", &Options::near_constant},
    LimitKey{"high_cardinality", &Options::high_cardinality},
    LimitKey{"id_like", &Options::id_like},
    LimitKey{"blank_strings", &Options::blank_strings},
    LimitKey{"outliers", &Options::outliers},
    LimitKey{"non_finite", &Options::non_finite},
    LimitKey{"duplicate_rows", &Options::duplicate_rows},
    LimitKey{"duplicate_columns", &Options::duplicate_columns},
    LimitKey{"row_count_change", &Options::row_count_change},
    LimitKey{"class_imbalance", &Options::class_imbalance},
    LimitKey{"label_missing", &Options::label_missing},
    LimitKey{"contamination", &Options::contamination},
    LimitKey{"contamination_normalised", &Options::contamination_normalised},
    LimitKey{"target_auc", &Options::target_auc},
    LimitKey{"target_mi", &Options::target_mi},
    LimitKey{"id_auc", &Options::id_auc},
    LimitKey{"id_mi", &Options::id_mi},
    LimitKey{"temporal", &Options::temporal},
    LimitKey{"id_overlap", &Options::id_overlap},
};

// Numeric parameters: key, member, smallest and largest accepted value.
struct DoubleKey {
  std::string_view name;
  double Options::*member;
  double low, high;
};
constexpr std::array kDoubles{
    DoubleKey{"outliers.z", &Options::outlier_z, 0.0, 1e9},
    DoubleKey{"outliers.iqr_k", &Options::outlier_iqr_k, 0.0, 1e9},
    DoubleKey{"out_of_range.quantile", &Options::out_of_range_quantile, 0.0, 0.5},
};

struct CountKey {
  std::string_view name;
  std::size_t Options::*member;
  std::size_t low, high;
};
constexpr std::array kCounts{
    CountKey{"min_rows", &Options::min_rows, 1, std::size_t{1} << 40},
    CountKey{"max_classes", &Options::max_classes, 2, 1'000'000},
    CountKey{"max_examples", &Options::max_examples, 0, 10'000},
    CountKey{"target_leakage.min_category_rows", &Options::min_category_rows, 1, std::size_t{1} << 40},
    CountKey{"target_leakage.bins", &Options::mi_bins, 2, 10'000},
};

core::Location at(core::Location where, std::string_view key) {
  where.path = where.path.empty() ? std::string(key) : where.path + "." + std::string(key);
  return where;
}

std::string known_keys() {
  std::string out;
  for (const auto& k : kLimits) out += fmt::format("{}{}.warn|fail", out.empty() ? "" : ", ", k.name);
  out += ", outliers.method";
  for (const auto& k : kDoubles) out += ", " + std::string(k.name);
  for (const auto& k : kCounts) out += ", " + std::string(k.name);
  out += ", contamination.round_digits";
  return out;
}

double number(const nlohmann::json& value, const core::Location& where) {
  if (!value.is_number()) throw core::Error(where, fmt::format("expected a number, found {}", value.dump()));
  const double v = value.get<double>();
  if (!std::isfinite(v)) throw core::Error(where, "expected a finite number");
  return v;
}

}  // namespace

void set_option(Options& options, std::string_view key, const nlohmann::json& value, core::Location where) {
  const core::Location here = at(where, key);
  for (const auto& k : kLimits) {
    for (std::string_view level : {"warn", "fail"}) {
      if (key != fmt::format("{}.{}", k.name, level)) continue;
      Limit& limit = options.*(k.member);
      std::optional<double>& slot = level == "warn" ? limit.warn : limit.fail;
      slot = value.is_null() ? std::nullopt : std::optional<double>(number(value, here));
      return;
    }
  }
  if (key == "outliers.method") {
    if (value == "mad") {
      options.outlier_rule = OutlierRule::mad;
    } else if (value == "iqr") {
      options.outlier_rule = OutlierRule::iqr;
    } else {
      throw core::Error(here, fmt::format("expected \"mad\" or \"iqr\", found {}", value.dump()));
    }
    return;
  }
  for (const auto& k : kDoubles) {
    if (key != k.name) continue;
    const double v = number(value, here);
    if (v < k.low || v > k.high) throw core::Error(here, fmt::format("expected a value in [{}, {}], found {}", k.low, k.high, v));
    options.*(k.member) = v;
    return;
  }
  for (const auto& k : kCounts) {
    if (key != k.name) continue;
    const double v = number(value, here);
    if (v != std::floor(v) || v < static_cast<double>(k.low) || v > static_cast<double>(k.high)) {
      throw core::Error(here, fmt::format("expected a whole number in [{}, {}], found {}", k.low, k.high, v));
    }
    options.*(k.member) = static_cast<std::size_t>(v);
    return;
  }
  if (key == "contamination.round_digits") {
    const double v = number(value, here);
    if (v != std::floor(v) || v < 1 || v > 17) throw core::Error(here, fmt::format("expected a whole number in [1, 17], found {}", v));
    options.round_digits = static_cast<int>(v);
    return;
  }
  throw core::Error(here, fmt::format("unknown setting; expected one of {}", known_keys()));
}

void apply_thresholds(Options& options, const nlohmann::json& document, const core::Location& where) {
  if (!document.is_object()) throw core::Error(where, fmt::format("expected an object of settings, found {}", document.type_name()));
  for (const auto& [name, value] : document.items()) {
    if (name == "format" || name == "version") continue;  // optional, informative
    if (value.is_object()) {
      for (const auto& [sub, v] : value.items()) set_option(options, name + "." + sub, v, where);
    } else {
      set_option(options, name, value, where);
    }
  }
}

void apply_thresholds_text(Options& options, std::string_view text, const std::string& file) {
  apply_thresholds(options, parse_json(text, file), core::Location{.file = file});
}

void apply_setting(Options& options, std::string_view assignment) {
  const auto eq = assignment.find('=');
  const core::Location where{.path = "--set"};
  if (eq == std::string_view::npos || eq == 0) {
    throw core::Error(where, fmt::format("expected KEY=VALUE, found '{}'", assignment));
  }
  const std::string_view key = assignment.substr(0, eq);
  const std::string_view text = assignment.substr(eq + 1);
  nlohmann::json value;
  double number = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (text == "off" || text == "null" || text == "none") {
    value = nullptr;
  } else if (ec == std::errc() && end == text.data() + text.size()) {
    value = number;
  } else {
    value = std::string(text);
  }
  set_option(options, key, value, where);
}

std::vector<std::pair<std::string, nlohmann::json>> list_options(const Options& options) {
  std::vector<std::pair<std::string, nlohmann::json>> out;
  const auto level = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  for (const auto& k : kLimits) {
    const Limit& limit = options.*(k.member);
    out.emplace_back(std::string(k.name) + ".warn", level(limit.warn));
    out.emplace_back(std::string(k.name) + ".fail", level(limit.fail));
  }
  out.emplace_back("outliers.method", options.outlier_rule == OutlierRule::mad ? "mad" : "iqr");
  for (const auto& k : kDoubles) out.emplace_back(std::string(k.name), options.*(k.member));
  for (const auto& k : kCounts) out.emplace_back(std::string(k.name), options.*(k.member));
  out.emplace_back("contamination.round_digits", options.round_digits);
  return out;
}

}  // namespace assay::quality
