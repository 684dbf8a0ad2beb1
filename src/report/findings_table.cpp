#include "report/findings_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "report/text_table.hpp"

namespace assay::report {

namespace {

std::string check_name(const core::Finding& f) {
  const std::string suffix = "." + f.subject;
  if (f.id.size() > suffix.size() && f.id.ends_with(suffix)) return f.id.substr(0, f.id.size() - suffix.size());
  return f.id;
}

std::string colored(core::Status status, bool color) {
  const std::string word(core::status_name(status));
  if (!color) return word;
  switch (status) {
    case core::Status::fail:
    case core::Status::error: return "\x1b[31m" + word + "\x1b[0m";
    case core::Status::warn: return "\x1b[33m" + word + "\x1b[0m";
    case core::Status::pass: return "\x1b[32m" + word + "\x1b[0m";
    case core::Status::info: return word;
  }
  return word;
}

// Cuts at a code point boundary.
std::string shorten(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = limit - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

}  // namespace

std::string findings_summary(const std::vector<core::Finding>& findings) {
  std::string parts;
  for (const auto s : {core::Status::error, core::Status::fail, core::Status::warn, core::Status::pass, core::Status::info}) {
    const auto n = std::count_if(findings.begin(), findings.end(), [s](const auto& f) { return f.status == s; });
    if (n > 0) parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", n, core::status_name(s));
  }
  return fmt::format("{} finding{}{}{}", findings.size(), findings.size() == 1 ? "" : "s", parts.empty() ? "" : ": ", parts);
}

std::string findings_table(const std::vector<core::Finding>& findings, const FindingsTableOptions& options) {
  std::vector<std::size_t> order(findings.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) {
    return core::severity(findings[a].status) > core::severity(findings[b].status);
  });
  TextTable table({"STATUS", "CHECK", "SUBJECT", "VALUE", "THRESHOLD", "MESSAGE"},
                  {TextTable::Align::left, TextTable::Align::left, TextTable::Align::left, TextTable::Align::right,
                   TextTable::Align::left, TextTable::Align::left});
  std::size_t shown = 0;
  std::vector<core::Status> statuses;
  for (const auto i : order) {
    const auto& f = findings[i];
    if (!options.show_passing && (f.status == core::Status::pass || f.status == core::Status::info)) continue;
    ++shown;
    statuses.push_back(f.status);
    table.add_row({std::string(core::status_name(f.status)), check_name(f), f.subject,
                   f.value ? format_number(*f.value) : "-",
                   f.threshold ? fmt::format("{} {}", f.threshold->op, format_number(f.threshold->value)) : "",
                   shorten(f.message, options.max_message)});
  }
  std::string out;
  if (shown > 0) {
    std::string text = table.render();
    if (!options.color) {
      out = std::move(text);
    } else {
      // Colour the status word that starts each body line (after the header and rule).
      std::size_t line = 0, pos = 0;
      while (pos < text.size()) {
        const std::size_t end = text.find('\n', pos);
        std::string row = text.substr(pos, end - pos);
        if (line >= 2) {
          const core::Status s = statuses[line - 2];
          const std::size_t word = core::status_name(s).size();
          row = colored(s, true) + row.substr(word);
        }
        out += row + "\n";
        pos = end + 1;
        ++line;
      }
    }
    out += "\n";
  }
  out += findings_summary(findings);
  if (!options.show_passing && shown < findings.size()) out += " (passing checks hidden; --all shows them)";
  out += "\n";
  return out;
}

}  // namespace assay::report
