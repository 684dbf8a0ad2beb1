#include "security/redact.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/parallel_for.h>

#include "core/error.hpp"
#include "security/keyed_hash.hpp"
#include "security/mask.hpp"

namespace assay::security {

namespace {

core::Column redacted_column(const core::Column& column, ColumnContext context, const RedactOptions& options) {
  const Scanner& scanner = shared_scanner();
  // Categorical: each distinct value once. Others: every row, as text.
  const bool categorical = column.kind() == core::Kind::categorical;
  const std::size_t units = categorical ? column.dictionary().size() : column.size();
  std::vector<std::string> out(units);
  tbb::enumerable_thread_specific<ScanBuffer> buffers;
  tbb::parallel_for(std::size_t{0}, units, [&](std::size_t u) {
    if (!categorical && !column.is_valid(u)) return;
    const std::string text = categorical ? column.dictionary()[u]
                                         : column.kind() == core::Kind::string ? std::string(column.str(u)) : column.text(u);
    ScanBuffer& buffer = buffers.local();
    scanner.scan(text, context, buffer);
    out[u] = buffer.matches.empty() ? text : redact_text(text, buffer.matches, options);
  });
  std::vector<std::uint8_t> validity(column.validity().begin(), column.validity().end());
  if (categorical) {
    std::vector<std::int32_t> codes(column.codes().begin(), column.codes().end());
    return core::Column::categorical(column.name(), std::move(codes), std::move(out), std::move(validity));
  }
  return core::Column::string(column.name(), out, std::move(validity));
}

}  // namespace

std::string redact_text(std::string_view text, const std::vector<Match>& matches, const RedactOptions& options) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (const Match& m : matches) {
    out.append(text.substr(at, m.begin - at));
    const std::string_view value = text.substr(m.begin, m.end - m.begin);
    if (options.mode == RedactMode::hash) {
      const std::string name(detector_name(m.detector));
      const std::string digest = hmac_sha256_hex(options.key, name + ":" + normalised(m.detector, value));
      out += fmt::format("[{}:{}]", name, std::string_view(digest).substr(0, 24));
    } else {
      out += masked(m.detector, value);
    }
    at = m.end;
  }
  out.append(text.substr(at));
  return out;
}

core::Table redact_table(const core::Table& table, const PiiScan& scan, const RedactOptions& options) {
  if (options.mode == RedactMode::hash && options.key.size() < kMinKeyBytes) {
    throw core::Error(core::Location{.path = "--salt-env"},
                      fmt::format("the hash key must be at least {} bytes, got {}", kMinKeyBytes, options.key.size()));
  }
  std::vector<const ColumnScan*> flagged(table.columns(), nullptr);
  for (const ColumnScan& cs : scan.columns) {
    if (cs.found() != 0) flagged[cs.index] = &cs;
  }
  std::vector<core::Column> columns;
  for (std::size_t c = 0; c < table.columns(); ++c) {
    if (flagged[c] == nullptr) {
      columns.push_back(table.column(c));
    } else if (options.mode != RedactMode::drop) {
      columns.push_back(redacted_column(table.column(c), flagged[c]->context, options));
    }
  }
  return core::Table(std::move(columns));
}

}  // namespace assay::security
