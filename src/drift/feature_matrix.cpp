#include "drift/feature_matrix.hpp"

#include <cmath>
#include <limits>

#include "stats/moments.hpp"

namespace assay::drift {

namespace {

bool numeric_kind(core::Kind k) { return k == core::Kind::float64 || k == core::Kind::int64; }

// Labels by code: the dictionary, or "false"/"true" for bool columns.
std::vector<std::string> labels_of(const core::Column& c) {
  if (c.kind() == core::Kind::boolean) return {"false", "true"};
  return c.dictionary();
}

std::size_t code_of(const core::Column& c, std::size_t row) {
  if (c.kind() == core::Kind::boolean) return c.booleans()[row] != 0 ? 1 : 0;
  return static_cast<std::size_t>(c.codes()[row]);
}

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
        if (c.is_valid(i)) values.push_back(c.as_double(i));
      }
    } else {
      const std::vector<std::string> labels = labels_of(c);
      std::vector<double> counts(labels.size(), 0.0);
      for (std::size_t i = 0; i < c.size(); ++i) {
        if (c.is_valid(i)) counts[code_of(c, i)] += 1.0;
      }
      const double total = static_cast<double>(c.size() - c.null_count());
      std::vector<double> share_by_code(labels.size(), 0.0);
      for (std::size_t k = 0; k < labels.size(); ++k) {
        if (counts[k] == 0) continue;
        f.index.emplace(labels[k], static_cast<std::int32_t>(f.index.size()));
        f.share[labels[k]] += counts[k] / total;
        share_by_code[k] = counts[k] / total;
      }
      for (std::size_t i = 0; i < c.size(); ++i) {
        if (c.is_valid(i)) values.push_back(share_by_code[code_of(c, i)]);
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
    // Categorical: the encoded value of each code of this table's dictionary.
    std::vector<double> by_code;
    if (!f.numeric) {
      const std::vector<std::string> labels = labels_of(c);
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
      if (c.is_valid(i)) v = f.numeric ? c.as_double(i) : by_code[code_of(c, i)];
      if (how == Encoding::standardized) v = std::isnan(v) ? 0.0 : (v - f.mean) / f.scale;
      m(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(j)) = v;
    }
  }
  return m;
}

}  // namespace assay::drift
