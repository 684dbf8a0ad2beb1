#include "security/pii_scan.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>

#include "core/error.hpp"
#include "security/mask.hpp"

namespace assay::security {

namespace {

constexpr std::size_t kBlockRows = 4096;

bool scannable(core::Kind kind) {
  return kind == core::Kind::string || kind == core::Kind::categorical || kind == core::Kind::int64;
}

// A cell's text; `storage` holds it for kinds stored as numbers.
std::string_view cell_text(const core::Column& column, std::size_t row, std::string& storage) {
  if (column.kind() == core::Kind::string) return column.str(row);
  if (column.kind() == core::Kind::categorical) {
    const std::int32_t code = column.codes()[row];
    return code < 0 ? std::string_view{} : std::string_view(column.dictionary()[static_cast<std::size_t>(code)]);
  }
  storage = column.text(row);
  return storage;
}

std::vector<std::size_t> selected_columns(const core::Table& table, const PiiOptions& options) {
  std::vector<std::size_t> out;
  if (options.columns.empty()) {
    for (std::size_t c = 0; c < table.columns(); ++c) {
      if (scannable(table.column(c).kind())) out.push_back(c);
    }
    return out;
  }
  const auto names = table.names();
  for (const auto& name : options.columns) {
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
      const auto near = core::closest_names(name, names);
      throw core::Error(core::Location{.path = "--columns"},
                        fmt::format("no column named '{}'{}", name,
                                    near.empty() ? "" : fmt::format("; did you mean {}?", fmt::join(near, ", "))));
    }
    const auto c = static_cast<std::size_t>(it - names.begin());
    if (!scannable(table.column(c).kind())) {
      throw core::Error(core::Location{.path = "--columns"},
                        fmt::format("column '{}' holds {} values, not text", name, core::kind_name(table.column(c).kind())));
    }
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

std::vector<std::size_t> sampled_rows(std::size_t rows, const std::optional<std::size_t>& sample) {
  const std::size_t n = sample ? std::min(*sample, rows) : rows;
  std::vector<std::size_t> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = sample ? i * rows / n : i;
  return out;
}

// Confidence of a detector's matches in a column (docs/pii.md, Confidence):
// a check digit or a fixed prefix is strong evidence, a pattern alone
// medium, entropy or a neighbouring column weak; a header naming the same
// kind of data raises it one level.
Confidence confidence_of(Detector d, const ColumnScan& column) {
  Confidence base = Confidence::medium;
  switch (d) {
    case Detector::private_key:
    case Detector::api_key:
    case Detector::credit_card:
    case Detector::iban:
    case Detector::email: base = Confidence::high; break;
    case Detector::secret:
    case Detector::street_address: base = Confidence::low; break;
    case Detector::date_of_birth: base = column.hint.birth ? Confidence::medium : Confidence::low; break;
    default: break;
  }
  const bool header_agrees = column.hint.suggests == d || (d == Detector::ipv6 && column.hint.suggests == Detector::ipv4) ||
                             (d == Detector::secret && column.hint.suggests == Detector::api_key);
  if (header_agrees && base != Confidence::high) base = static_cast<Confidence>(static_cast<int>(base) + 1);
  return base;
}

std::string_view validator_of(Detector d) {
  switch (d) {
    case Detector::credit_card: return "Luhn check digit and issuer prefix";
    case Detector::iban: return "ISO 13616 mod-97 and country length";
    case Detector::ssn: return "SSA area, group and serial ranges";
    case Detector::ipv4: return "octets 0-255, not after 'version'";
    case Detector::ipv6: return "RFC 4291 text form";
    case Detector::email: return "dot placement, label rules, not a file extension";
    case Detector::phone: return "8-15 digits (international) or 10-15 (national)";
    case Detector::secret: return "Shannon entropy >= 4.0 bits/char, mixed case and digits";
    case Detector::date_of_birth: return "a calendar date, year 1870-2100";
    default: return "pattern";
  }
}

std::string percent(double share) { return share == 0.0 ? "0%" : fmt::format("{:.3g}%", share * 100.0); }

}  // namespace

DetectorSet ColumnScan::found() const {
  DetectorSet out = 0;
  for (const Detector d : kDetectors) {
    if (counts[static_cast<std::size_t>(d)].rows > 0) out |= bit(d);
  }
  return out;
}

PiiScan scan_table(const core::Table& table, const PiiOptions& options) {
  if (options.sample && *options.sample == 0) throw core::Error(core::Location{.path = "--sample"}, "must be at least 1");
  const Scanner& scanner = shared_scanner();
  const auto selected = selected_columns(table, options);
  const auto rows = sampled_rows(table.rows(), options.sample);

  PiiScan scan;
  scan.rows = rows.size();
  scan.columns.resize(selected.size());
  std::vector<HeaderHint> hints(table.columns());
  for (std::size_t c = 0; c < table.columns(); ++c) hints[c] = header_hint(table.column(c).name());

  // Units of work: rows of a column, or a categorical column's distinct values.
  struct Work {
    std::size_t column;  // index into scan.columns
    std::size_t units;
  };
  std::vector<Work> work;
  std::vector<std::vector<DetectorSet>> found(selected.size());
  for (std::size_t i = 0; i < selected.size(); ++i) {
    const core::Column& column = table.column(selected[i]);
    ColumnScan& cs = scan.columns[i];
    cs.column = column.name();
    cs.index = selected[i];
    cs.hint = hints[selected[i]];
    const bool next_to_name = (selected[i] > 0 && hints[selected[i] - 1].name_like) ||
                              (selected[i] + 1 < table.columns() && hints[selected[i] + 1].name_like);
    cs.context.person_name = cs.hint.name_like;
    cs.context.date_of_birth = cs.hint.birth || (next_to_name && !cs.hint.name_like);
    cs.header_matches = scanner.detect(column.name());
    cs.label = cs.header_matches == 0 ? column.name() : fmt::format("column {}", selected[i] + 1);
    const std::size_t units = column.kind() == core::Kind::categorical ? column.dictionary().size() : rows.size();
    found[i].assign(units, 0);
    work.push_back({i, units});
  }
  std::vector<std::pair<std::size_t, std::size_t>> blocks;  // (work item, first unit)
  for (std::size_t w = 0; w < work.size(); ++w) {
    for (std::size_t u = 0; u < work[w].units; u += kBlockRows) blocks.emplace_back(w, u);
  }
  tbb::enumerable_thread_specific<ScanBuffer> buffers;
  tbb::parallel_for(std::size_t{0}, blocks.size(), [&](std::size_t k) {
    ScanBuffer& buffer = buffers.local();
    const auto [w, first] = blocks[k];
    const std::size_t i = work[w].column;
    const core::Column& column = table.column(selected[i]);
    const ColumnContext context = scan.columns[i].context;
    const std::size_t last = std::min(first + kBlockRows, work[w].units);
    std::string storage;
    for (std::size_t u = first; u < last; ++u) {
      std::string_view text;
      if (column.kind() == core::Kind::categorical) {
        text = column.dictionary()[u];
      } else {
        if (!column.is_valid(rows[u])) continue;
        text = cell_text(column, rows[u], storage);
      }
      scanner.scan(text, context, buffer);
      DetectorSet set = 0;
      for (const Match& m : buffer.matches) set |= bit(m.detector);
      found[i][u] = set;
    }
  });

  // Counts and examples per column, in row order.
  tbb::parallel_for(std::size_t{0}, selected.size(), [&](std::size_t i) {
    const core::Column& column = table.column(selected[i]);
    ColumnScan& cs = scan.columns[i];
    const bool categorical = column.kind() == core::Kind::categorical;
    ScanBuffer buffer;
    std::string storage;
    for (std::size_t k = 0; k < rows.size(); ++k) {
      const std::size_t row = rows[k];
      if (!column.is_valid(row)) continue;
      const std::string_view text = cell_text(column, row, storage);
      if (text.empty()) continue;
      ++cs.rows_with_text;
      cs.bytes += text.size();
      const DetectorSet set = categorical ? found[i][static_cast<std::size_t>(column.codes()[row])] : found[i][k];
      if (set == 0) continue;
      bool rescanned = false;
      for (const Detector d : kDetectors) {
        if (!has(set, d)) continue;
        DetectorCount& count = cs.counts[static_cast<std::size_t>(d)];
        ++count.rows;
        if (count.examples.size() >= options.examples) continue;
        if (!rescanned) scanner.scan(text, cs.context, buffer);
        rescanned = true;
        for (const Match& m : buffer.matches) {
          if (m.detector == d) {
            count.examples.push_back({row, masked(d, text.substr(m.begin, m.end - m.begin))});
            break;
          }
        }
      }
    }
    for (const Detector d : kDetectors) cs.counts[static_cast<std::size_t>(d)].confidence = confidence_of(d, cs);
  });
  for (const auto& cs : scan.columns) scan.bytes += cs.bytes;
  return scan;
}

std::vector<core::Finding> pii_findings(const PiiScan& scan, const PiiOptions& options) {
  std::vector<core::Finding> out;
  for (const ColumnScan& cs : scan.columns) {
    if (cs.header_matches != 0 || cs.hint.suggests) {
      core::Finding f;
      f.id = "pii.column_name." + cs.label;
      f.category = "pii";
      f.subject = cs.label;
      f.metric = "column_name";
      std::vector<std::string> names;
      core::DetailList kinds;
      for (const Detector d : kDetectors) {
        if (!has(cs.header_matches, d)) continue;
        names.emplace_back(detector_name(d));
        kinds.emplace_back(names.back());
      }
      if (cs.header_matches != 0) {
        f.value = 1.0;
        f.status = core::Status::fail;
        f.message = fmt::format("the name of column {} itself holds personal data ({})", cs.index + 1,
                                fmt::join(names, ", "));
        f.details["detectors"] = kinds;
      } else {
        f.value = 0.0;
        f.status = core::Status::warn;
        f.message = fmt::format("the column name suggests {}", detector_name(*cs.hint.suggests));
        f.details["suggests"] = std::string(detector_name(*cs.hint.suggests));
      }
      out.push_back(std::move(f));
    }
    const DetectorSet any = cs.found();
    if (any == 0) {
      core::Finding f;
      f.id = "pii.clean." + cs.label;
      f.category = "pii";
      f.subject = cs.label;
      f.metric = "pii_share";
      f.value = 0.0;
      f.threshold = core::Threshold{"<=", options.max_share};
      f.status = core::Status::pass;
      f.message = fmt::format("no personal data found in {} rows with text", cs.rows_with_text);
      f.details["rows"] = cs.rows_with_text;
      out.push_back(std::move(f));
      continue;
    }
    for (const Detector d : kDetectors) {
      const DetectorCount& count = cs.counts[static_cast<std::size_t>(d)];
      if (count.rows == 0) continue;
      const double share = cs.rows_with_text == 0 ? 0.0 : static_cast<double>(count.rows) / static_cast<double>(cs.rows_with_text);
      core::Finding f;
      f.id = fmt::format("pii.{}.{}", detector_name(d), cs.label);
      f.category = "pii";
      f.subject = cs.label;
      f.metric = "pii_share";
      f.value = share;
      f.threshold = core::Threshold{"<=", options.max_share};
      f.status = share > options.max_share ? core::Status::fail : core::Status::pass;
      std::vector<std::string> shown;
      core::DetailList examples;
      for (const Example& e : count.examples) {
        if (shown.size() < 3) shown.push_back(fmt::format("{} (row {})", e.masked, e.row + 1));
        examples.emplace_back(core::Details{{"row", e.row + 1}, {"value", e.masked}});
      }
      f.message = fmt::format("{} in {} of {} rows ({}), confidence {}, e.g. {}", detector_name(d), count.rows,
                              cs.rows_with_text, percent(share), confidence_name(count.confidence), fmt::join(shown, ", "));
      f.details["detector"] = std::string(detector_name(d));
      f.details["count"] = count.rows;
      f.details["rows"] = cs.rows_with_text;
      f.details["confidence"] = std::string(confidence_name(count.confidence));
      f.details["validator"] = std::string(validator_of(d));
      f.details["examples"] = std::move(examples);
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace assay::security
