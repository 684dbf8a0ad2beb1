#include "compare/join.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "core/error.hpp"
#include "core/take.hpp"

namespace assay::compare {

namespace {

const core::Column& join_column(const core::Table& table, const std::string& name, std::string_view file_flag) {
  const core::Column* column = table.find(name);
  if (!column) throw core::Error(core::Location{.path = std::string(file_flag)}, fmt::format("no column named '{}'", name));
  return *column;
}

// id text -> row, rejecting null and duplicate ids.
std::unordered_map<std::string, std::uint32_t> index_ids(const core::Column& id, std::string_view file_flag) {
  std::unordered_map<std::string, std::uint32_t> rows;
  rows.reserve(id.size());
  std::size_t nulls = 0, duplicates = 0;
  std::size_t first_null = 0;
  std::string first_duplicate;
  for (std::size_t i = 0; i < id.size(); ++i) {
    if (!id.is_valid(i)) {
      if (nulls++ == 0) first_null = i;
      continue;
    }
    std::string key = id.text(i);
    const auto [it, added] = rows.try_emplace(key, static_cast<std::uint32_t>(i));
    if (!added && duplicates++ == 0) first_duplicate = std::move(key);
  }
  if (nulls > 0) {
    throw core::Error(core::Location{.path = std::string(file_flag)},
                      fmt::format("id column '{}' is empty on {} rows (first at data row {})", id.name(), nulls,
                                  first_null + 1));
  }
  if (duplicates > 0) {
    throw core::Error(core::Location{.path = std::string(file_flag)},
                      fmt::format("id column '{}' repeats {} ids (e.g. '{}'); each id must appear once", id.name(),
                                  duplicates, first_duplicate));
  }
  return rows;
}

}  // namespace

Joined join_on_id(const core::Table& champion, const core::Table& challenger, const JoinSpec& spec) {
  constexpr std::string_view kFirst = "--champion-data";
  constexpr std::string_view kSecond = "--challenger-data";
  const core::Column& first_id = join_column(champion, spec.id, kFirst);
  const core::Column& second_id = join_column(challenger, spec.id, kSecond);
  const core::Column& first_model = join_column(champion, spec.champion, kFirst);
  const core::Column& second_model = join_column(challenger, spec.challenger, kSecond);
  const auto first_rows = index_ids(first_id, kFirst);
  const auto second_rows = index_ids(second_id, kSecond);

  std::vector<std::uint32_t> left, right;
  left.reserve(first_id.size());
  right.reserve(first_id.size());
  std::size_t unmatched = 0;
  std::string example;
  for (std::size_t i = 0; i < first_id.size(); ++i) {
    const std::string key = first_id.text(i);
    const auto it = second_rows.find(key);
    if (it == second_rows.end()) {
      if (unmatched++ == 0) example = key;
      continue;
    }
    left.push_back(static_cast<std::uint32_t>(i));
    right.push_back(it->second);
  }
  if (unmatched > 0) {
    throw core::Error(core::Location{.path = std::string(kFirst)},
                      fmt::format("{} of {} ids are not in --challenger-data (e.g. '{}')", unmatched, first_id.size(),
                                  example));
  }
  if (second_rows.size() > first_rows.size()) {
    for (std::size_t i = 0; i < second_id.size(); ++i) {
      if (!first_rows.contains(second_id.text(i))) {
        throw core::Error(core::Location{.path = std::string(kSecond)},
                          fmt::format("{} of {} ids are not in --champion-data (e.g. '{}')",
                                      second_rows.size() - first_rows.size(), second_id.size(), second_id.text(i)));
      }
    }
  }

  // From the champion's file when it has the column, else the challenger's.
  auto shared = [&](const std::string& name) {
    if (champion.contains(name)) return core::take_rows(champion.column(name), left);
    if (challenger.contains(name)) return core::take_rows(challenger.column(name), right);
    throw core::Error(fmt::format("no column named '{}' in --champion-data or --challenger-data", name));
  };
  Joined out;
  out.champion = spec.champion;
  out.challenger = spec.challenger == spec.champion ? spec.challenger + "_challenger" : spec.challenger;
  core::Column target = shared(spec.target);
  if (champion.contains(spec.target) && challenger.contains(spec.target)) {
    const core::Column& other = challenger.column(spec.target);
    std::size_t differ = 0;
    std::size_t example_row = 0;
    for (std::size_t j = 0; j < left.size(); ++j) {
      if (target.text(j) != other.text(right[j]) && differ++ == 0) example_row = j;
    }
    if (differ > 0) {
      throw core::Error(core::Location{.path = std::string(kSecond)},
                        fmt::format("target '{}' differs from --champion-data on {} ids (e.g. id '{}': '{}' vs '{}')",
                                    spec.target, differ, first_id.text(left[example_row]), target.text(example_row),
                                    other.text(right[example_row])));
    }
  }
  out.table.add(std::move(target));
  out.table.add(core::take_rows(first_model, left));
  core::Column second = core::take_rows(second_model, right);
  second.rename(out.challenger);
  out.table.add(std::move(second));
  if (spec.by && *spec.by != spec.target) out.table.add(shared(*spec.by));
  return out;
}

}  // namespace assay::compare
