#include "drift/feature_matrix.hpp"

#include <cmath>
#include <limits>

#include "drift/column_data.hpp"
#include "stats/moments.hpp"

namespace assay::drift {

namespace {

bool numeric_kind(core::Kind k) { return k == core::Kind::float64 || k == core::Kind::int64; }

}  // namespace

FeatureEncoding fit_encoding(const core::Table& reference, std::span<const ColumnSpec> columns) {
  FeatureEncoding enc;
  for (const ColumnSpec& spec : columns) {
    const core::Column& c = reference.column(spec.name);
    FeatureEncoding::Feature f;
    f.name = spec.name;
    f.numeric = numeric_kind(c.kind());
    std::vector<double> values;
    values.reserve(c.size() - c.null_count());
    if (f.numeric) {
      for (std::size_t i = 0; i < c.size(); ++i) {
        if (c.is_valid(i) && std::isfinite(c.as_double(i))) values.push_back(c.as_double(i));
      }
    } else {
      const LabeledCodes lc = labeled_codes(c);
      const std::vector<std::string>& labels = lc.labels;
      std::vector<double> counts(labels.size(), 0.0);
      for (const std::int32_t code : lc.codes) {
        if (code >= 0) counts[static_cast<std::size_t>(code)] += 1.0;
      }
      const double total = static_cast<double>(c.size() - c.null_count());
      std::vector<double> share_by_code(labels.size(), 0.0);
      for (std::size_t k = 0; k < labels.size(); ++k) {
        if (counts[k] == 0) continue;
        f.index.emplace(labels[k], static_cast<std::int32_t>(f.index.size()));
        f.share[labels[k]] += counts[k] / total;
        share_by_code[k] = counts[k] / total;
      }
      for (const std::int32_t code : lc.codes) {
        if (code >= 0) values.push_back(share_by_code[static_cast<std::size_t>(code)]);
      }
    }
    if (!values.empty()) {
      const stats::MeanVariance mv = stats::mean_variance(values, 0.0);
      f.mean = mv.mean;
      const double sd = std::sqrt(mv.variance);
      f.scale = sd > 0 && std::isfinite(sd) ? sd : 1.0;
    }
    enc.features.push_back(std::move(f));
  }
  return enc;
}

RowMatrix encode(const core::Table& table, const FeatureEncoding& encoding, Encoding how,
                 std::span<const std::uint32_t> rows) {
  const std::size_t n = rows.empty() ? table.rows() : rows.size();
  RowMatrix m(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(encoding.features.size()));
  for (std::size_t j = 0; j < encoding.features.size(); ++j) {
    const auto& f = encoding.features[j];
    const core::Column& c = table.column(f.name);
    // Categorical: the encoded value of each code of this table's labels.
    std::vector<double> by_code;
    LabeledCodes lc;
    if (!f.numeric) {
      lc = labeled_codes(c);
      const std::vector<std::string>& labels = lc.labels;
      auto next_unseen = static_cast<std::int32_t>(f.index.size());
      for (const auto& label : labels) {
        if (how == Encoding::raw) {
          const auto it = f.index.find(label);
          by_code.push_back(it != f.index.end() ? it->second : next_unseen++);
        } else {
          const auto it = f.share.find(label);
          by_code.push_back(it != f.share.end() ? it->second : 0.0);
        }
      }
    }
    for (std::size_t r = 0; r < n; ++r) {
      const std::size_t i = rows.empty() ? r : rows[r];
      double v = std::numeric_limits<double>::quiet_NaN();
      if (f.numeric) {
        if (c.is_valid(i) && std::isfinite(c.as_double(i))) v = c.as_double(i);
      } else if (lc.codes[i] >= 0) {
        v = by_code[static_cast<std::size_t>(lc.codes[i])];
      }
      if (how == Encoding::standardized) v = std::isnan(v) ? 0.0 : (v - f.mean) / f.scale;
      m(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(j)) = v;
    }
  }
  return m;
}

}  // namespace assay::drift
