#include "metrics/labels.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "core/error.hpp"

namespace assay::metrics {

namespace {

// Only finite numbers: the texts "nan" and "inf" in a text column are text
// labels, and a NaN among numbers would leave them without an order.
std::optional<double> parse_number(std::string_view text) {
  double v = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// Canonical text of one valid cell. A non-finite number is no class: it is
// refused here, where every label of a number column is read.
std::string label_of(const core::Column& column, std::size_t row) {
  switch (column.kind()) {
    case core::Kind::float64:
    case core::Kind::int64: {
      const double value = column.as_double(row);
      if (!std::isfinite(value)) {
        throw core::Error(fmt::format("column '{}' holds {} at data row {}; a class label must be a finite number "
                                      "or text",
                                      column.name(), value, row + 1));
      }
      return number_label(value);
    }
    case core::Kind::boolean:
      return column.booleans()[row] ? "true" : "false";
    case core::Kind::categorical:
    case core::Kind::string:
    case core::Kind::timestamp: {
      std::string text = column.text(row);
      if (const auto number = parse_number(text)) return number_label(*number);
      return text;
    }
  }
  return {};
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Distinct values of an integer column on `rows`; stops once there are more
// than `limit` (the caller reports too many labels).
std::vector<std::int64_t> distinct_integers(std::span<const std::int64_t> values, std::span<const std::uint32_t> rows,
                                            std::size_t limit) {
  // Labels are few and usually small: a bit mask for 0..63, a short list
  // for the rest.
  std::uint64_t small = 0;
  std::vector<std::int64_t> other;
  for (const std::uint32_t r : rows) {
    const std::int64_t v = values[r];
    if (v >= 0 && v < 64) {
      small |= std::uint64_t{1} << v;
    } else if (std::find(other.begin(), other.end(), v) == other.end()) {
      other.push_back(v);
      if (other.size() > limit) break;
    }
  }
  std::vector<std::int64_t> seen;
  for (std::int64_t v = 0; v < 64; ++v) {
    if ((small >> v) & 1u) seen.push_back(v);
  }
  seen.insert(seen.end(), other.begin(), other.end());
  return seen;
}

}  // namespace

std::string number_label(double value) {
  if (std::isfinite(value) && value == std::trunc(value) && std::abs(value) < 9.007199254740992e15) {
    return fmt::format("{}", static_cast<long long>(value));
  }
  return fmt::format("{}", value);
}

std::vector<std::string> distinct_labels(const core::Column& column, std::span<const std::uint32_t> rows,
                                         std::size_t max_labels) {
  std::unordered_set<std::string> seen;
  auto add = [&](std::string label) {
    if (seen.insert(std::move(label)).second && seen.size() > max_labels) {
      throw core::Error(fmt::format("column '{}' has more than {} distinct labels; is it really a class column?",
                                    column.name(), max_labels));
    }
  };
  if (column.kind() == core::Kind::categorical) {
    std::vector<std::uint8_t> used(column.dictionary().size(), 0);
    for (const std::uint32_t r : rows) used[static_cast<std::size_t>(column.codes()[r])] = 1;
    for (std::size_t c = 0; c < used.size(); ++c) {
      if (!used[c]) continue;
      const std::string& text = column.dictionary()[c];
      const auto number = parse_number(text);
      add(number ? number_label(*number) : text);
    }
  } else if (column.kind() == core::Kind::int64) {
    for (const std::int64_t v : distinct_integers(column.i64(), rows, max_labels)) add(fmt::format("{}", v));
  } else {
    for (const std::uint32_t r : rows) add(label_of(column, r));
  }
  return {seen.begin(), seen.end()};
}

void sort_labels(std::vector<std::string>& labels) {
  const bool numeric = std::all_of(labels.begin(), labels.end(), [](const std::string& l) { return parse_number(l).has_value(); });
  if (numeric) {
    std::sort(labels.begin(), labels.end(),
              [](const std::string& a, const std::string& b) { return *parse_number(a) < *parse_number(b); });
  } else {
    std::sort(labels.begin(), labels.end());
  }
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
}

std::vector<std::int32_t> encode_labels(const core::Column& column, std::span<const std::uint32_t> rows,
                                        const std::vector<std::string>& classes) {
  std::unordered_map<std::string, std::int32_t> code;
  for (std::size_t c = 0; c < classes.size(); ++c) code.emplace(classes[c], static_cast<std::int32_t>(c));
  std::vector<std::int32_t> out(rows.size());
  std::vector<std::string> unknown;
  std::size_t unknown_rows = 0;
  auto lookup = [&](const std::string& label) -> std::int32_t {
    const auto it = code.find(label);
    if (it != code.end()) return it->second;
    ++unknown_rows;
    if (unknown.size() < 5 && std::find(unknown.begin(), unknown.end(), label) == unknown.end()) unknown.push_back(label);
    return -1;
  };
  if (column.kind() == core::Kind::categorical) {
    std::vector<std::int32_t> by_dictionary(column.dictionary().size(), -2);
    for (std::size_t j = 0; j < rows.size(); ++j) {
      const auto d = static_cast<std::size_t>(column.codes()[rows[j]]);
      if (by_dictionary[d] == -2) {
        const std::string& text = column.dictionary()[d];
        const auto number = parse_number(text);
        const auto it = code.find(number ? number_label(*number) : text);
        by_dictionary[d] = it == code.end() ? -1 : it->second;
      }
      out[j] = by_dictionary[d] >= 0 ? by_dictionary[d] : lookup(label_of(column, rows[j]));
    }
  } else if (column.kind() == core::Kind::int64) {
    // Codes by value: a table over the distinct values, then one lookup per row.
    const std::vector<std::int64_t> values = distinct_integers(column.i64(), rows, classes.size() + 5);
    std::unordered_map<std::int64_t, std::int32_t> by_value;
    for (const std::int64_t v : values) {
      const auto found = code.find(fmt::format("{}", v));
      by_value.emplace(v, found == code.end() ? -1 : found->second);
    }
    std::array<std::int32_t, 64> small{};
    for (std::int64_t v = 0; v < 64; ++v) small[static_cast<std::size_t>(v)] = by_value.count(v) ? by_value[v] : -1;
    for (std::size_t j = 0; j < rows.size(); ++j) {
      const std::int64_t v = column.i64()[rows[j]];
      // Values past the first classes.size() + 5 distinct ones are not in
      // by_value; they are not among the classes either, so they count as
      // unknown labels (the error below names them).
      std::int32_t c = -1;
      if (v >= 0 && v < 64) {
        c = small[static_cast<std::size_t>(v)];
      } else if (const auto it = by_value.find(v); it != by_value.end()) {
        c = it->second;
      }
      out[j] = c >= 0 ? c : lookup(fmt::format("{}", v));
    }
  } else {
    for (std::size_t j = 0; j < rows.size(); ++j) out[j] = lookup(label_of(column, rows[j]));
  }
  if (unknown_rows > 0) {
    throw core::Error(fmt::format("column '{}': {} rows hold labels that are not among the classes [{}]: {}",
                                  column.name(), unknown_rows, fmt::join(classes, ", "), fmt::join(unknown, ", ")));
  }
  return out;
}

BinaryLabels binary_labels(std::vector<std::string> labels, const std::optional<std::string>& requested) {
  sort_labels(labels);
  if (labels.size() > 2) {
    throw core::Error(fmt::format("a binary task needs at most two labels; target and prediction hold {}: {} "
                                  "(more than two classes: the multiclass task)",
                                  labels.size(), fmt::join(labels, ", ")));
  }
  if (requested) {
    const auto number = parse_number(*requested);
    const std::string positive = number ? number_label(*number) : *requested;
    const auto it = std::find(labels.begin(), labels.end(), positive);
    if (it == labels.end()) {
      if (labels.size() == 2) {
        throw core::Error(core::Location{.path = "--positive"},
                          fmt::format("positive label '{}' is not among the labels {}", *requested, fmt::join(labels, ", ")));
      }
      return {labels.empty() ? std::string("negative") : labels.front(), positive};
    }
    if (labels.size() == 1) return {"not " + positive, positive};
    return {labels[it == labels.begin() ? 1 : 0], positive};
  }
  auto is_positive = [](const std::string& l) {
    const std::string t = lower(l);
    return t == "1" || t == "true" || t == "yes";
  };
  auto is_negative = [](const std::string& l) {
    const std::string t = lower(l);
    return t == "0" || t == "false" || t == "no" || t == "-1";
  };
  std::vector<std::string> candidates;
  for (const auto& l : labels) {
    if (is_positive(l)) candidates.push_back(l);
  }
  if (candidates.size() == 1) {
    if (labels.size() == 1) return {"not " + candidates[0], candidates[0]};
    return {labels[0] == candidates[0] ? labels[1] : labels[0], candidates[0]};
  }
  if (candidates.empty() && labels.size() == 1 && is_negative(labels[0])) {
    const std::string t = lower(labels[0]);
    return {labels[0], t == "false" ? "true" : t == "no" ? "yes" : "1"};
  }
  throw core::Error(core::Location{.path = "--positive"},
                    fmt::format("cannot tell which label is positive among {}; pass --positive LABEL",
                                labels.empty() ? std::string("(none)") : fmt::format("{}", fmt::join(labels, ", "))));
}

std::vector<std::string> classes_from_columns(const std::vector<std::string>& columns) {
  if (columns.size() < 2) return columns;
  auto separator = [](char c) { return c == '_' || c == '-' || c == '.' || c == ':' || c == ' ' || c == '/'; };
  const std::string& first = columns[0];
  std::size_t prefix = first.size(), suffix = first.size();
  for (const auto& c : columns) {
    std::size_t p = 0;
    while (p < prefix && p < c.size() && c[p] == first[p]) ++p;
    prefix = p;
    std::size_t s = 0;
    while (s < suffix && s < c.size() && c[c.size() - 1 - s] == first[first.size() - 1 - s]) ++s;
    suffix = s;
  }
  // Cut only at a separator, so "p_10", "p_11" give "10", "11".
  while (prefix > 0 && !separator(first[prefix - 1])) --prefix;
  while (suffix > 0 && !separator(first[first.size() - suffix])) --suffix;
  std::vector<std::string> out;
  for (const auto& c : columns) {
    if (prefix + suffix >= c.size()) return columns;
    std::string name = c.substr(prefix, c.size() - prefix - suffix);
    const auto number = parse_number(name);
    out.push_back(number ? number_label(*number) : name);
  }
  return out;
}

}  // namespace assay::metrics
