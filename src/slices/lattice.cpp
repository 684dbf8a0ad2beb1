#include "slices/lattice.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace assay::slices {

namespace {

using Combo = std::vector<std::uint32_t>;

// A slice's predicates packed as column << 16 | level, unused slots zero
// (column indices start at 1 in the packing so no predicate packs to zero).
struct Key {
  std::array<std::uint32_t, kMaxDepth> packed{};
  bool operator==(const Key&) const = default;
};

struct KeyHash {
  std::size_t operator()(const Key& k) const noexcept {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (const std::uint32_t p : k.packed) {
      h ^= p + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    }
    return static_cast<std::size_t>(h);
  }
};

Key key_of(std::span<const Predicate> predicates, std::size_t skip = kMaxDepth) {
  Key key;
  std::size_t out = 0;
  for (std::size_t i = 0; i < predicates.size(); ++i) {
    if (i == skip) continue;
    key.packed[out++] = ((predicates[i].column + 1) << 16) | predicates[i].level;
  }
  return key;
}

// Cells of one column combination: flat arrays indexed by the mixed-radix
// code of the combination's levels.
struct Cells {
  std::vector<std::size_t> strides;  // per column of the combination
  std::vector<double> count, deviation_sum, deviation_squares, error_max;
};

constexpr std::size_t kMaxFlatCells = std::size_t{1} << 20;

// Calls f(row, cell) for every row, cell being the mixed-radix code of the
// row's levels in `combo`.
template <class F>
void for_each_cell(std::span<const EncodedColumn> columns, const Combo& combo, std::span<const std::size_t> strides,
                   std::size_t n, F&& f) {
  if (combo.size() == 1) {
    const Code* a = columns[combo[0]].codes.data();
    for (std::size_t i = 0; i < n; ++i) f(i, std::size_t{a[i]});
  } else if (combo.size() == 2) {
    const Code* a = columns[combo[0]].codes.data();
    const Code* b = columns[combo[1]].codes.data();
    const std::size_t sa = strides[0];
    for (std::size_t i = 0; i < n; ++i) f(i, a[i] * sa + b[i]);
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t cell = 0;
      for (std::size_t k = 0; k < combo.size(); ++k) cell += columns[combo[k]].codes[i] * strides[k];
      f(i, cell);
    }
  }
}

std::vector<std::size_t> strides_of(std::span<const EncodedColumn> columns, const Combo& combo) {
  std::vector<std::size_t> strides(combo.size());
  std::size_t stride = 1;
  for (std::size_t i = combo.size(); i-- > 0;) {
    strides[i] = stride;
    stride *= columns[combo[i]].levels.size();
  }
  return strides;
}

// The counts of every cell of `combo`, one pass over the rows. Deviations
// d = e - mean are computed on the fly.
Cells accumulate_flat(std::span<const EncodedColumn> columns, const Combo& combo, const RowErrors& errors,
                      std::size_t cells) {
  Cells c;
  c.strides = strides_of(columns, combo);
  const std::size_t n = errors.error.size();
  const double mean = errors.mean;
  c.count.assign(cells, 0.0);
  c.deviation_sum.assign(cells, 0.0);
  c.deviation_squares.assign(cells, 0.0);
  c.error_max.assign(cells, 0.0);
  for_each_cell(columns, combo, c.strides, n, [&](std::size_t i, std::size_t cell) {
    const double e = errors.error[i];
    const double d = e - mean;
    c.count[cell] += 1.0;
    c.deviation_sum[cell] += d;
    c.deviation_squares[cell] += d * d;
    c.error_max[cell] = std::max(c.error_max[cell], e);
  });
  return c;
}

// Too many cells for a flat array: the same counts in a hash map of the
// cells present, then laid out as a sparse Cells with only those cells.
struct SparseCells {
  std::vector<std::size_t> strides;
  std::vector<std::size_t> cell;
  std::vector<SliceStats> stats;
};

SparseCells accumulate_sparse(std::span<const EncodedColumn> columns, const Combo& combo, const RowErrors& errors) {
  SparseCells s;
  s.strides = strides_of(columns, combo);
  std::unordered_map<std::size_t, SliceStats> map;
  for_each_cell(columns, combo, s.strides, errors.error.size(), [&](std::size_t i, std::size_t cell) {
    const double e = errors.error[i];
    const double d = e - errors.mean;
    SliceStats& st = map[cell];
    st.count += 1.0;
    st.deviation_sum += d;
    st.deviation_squares += d * d;
    st.error_max = std::max(st.error_max, e);
  });
  for (const auto& [cell, st] : map) s.cell.push_back(cell);
  std::sort(s.cell.begin(), s.cell.end());
  for (const std::size_t cell : s.cell) s.stats.push_back(map[cell]);
  return s;
}

double error_sum(const SliceStats& s, double mean) { return s.deviation_sum + s.count * mean; }

// What the search knows about the previous level: every examined slice by
// key, and which of them may have examined sub-slices.
struct PreviousLevel {
  std::unordered_map<Key, std::uint32_t, KeyHash> index;
  std::vector<std::uint8_t> extendable;  // by global slice index
};

// The slices of one combination, after the candidate rules of the search.
std::vector<Slice> slices_of(std::span<const EncodedColumn> columns, const Combo& combo, const RowErrors& errors,
                             const LatticeOptions& options, const PreviousLevel& previous,
                             const std::vector<Slice>& all) {
  std::size_t product = 1;
  for (const std::uint32_t c : combo) product *= columns[c].levels.size();

  std::vector<std::size_t> cells;
  std::vector<SliceStats> stats;
  std::vector<std::size_t> strides;
  if (product <= kMaxFlatCells) {
    Cells flat = accumulate_flat(columns, combo, errors, product);
    strides = flat.strides;
    for (std::size_t cell = 0; cell < product; ++cell) {
      if (flat.count[cell] == 0.0) continue;
      cells.push_back(cell);
      stats.push_back({flat.count[cell], flat.deviation_sum[cell], flat.deviation_squares[cell], flat.error_max[cell]});
    }
  } else {
    SparseCells sparse = accumulate_sparse(columns, combo, errors);
    strides = sparse.strides;
    cells = std::move(sparse.cell);
    stats = std::move(sparse.stats);
  }

  const double rows = static_cast<double>(errors.error.size());
  std::vector<Slice> out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    Slice slice;
    slice.stats = stats[i];
    std::size_t rest = cells[i];
    for (std::size_t k = 0; k < combo.size(); ++k) {
      slice.predicates.push_back({combo[k], static_cast<Code>(rest / strides[k])});
      rest %= strides[k];
    }
    bool keep = true;
    SliceStats bound{slice.stats.count, 0.0, 0.0, slice.stats.error_max};
    double bound_error = error_sum(slice.stats, errors.mean);
    if (combo.size() > 1) {
      for (std::size_t skip = 0; skip < combo.size() && keep; ++skip) {
        const auto it = previous.index.find(key_of(slice.predicates, skip));
        if (it == previous.index.end()) {
          keep = false;
          break;
        }
        slice.parents.push_back(it->second);
        if (options.search) {
          const Slice& parent = all[it->second];
          keep = previous.extendable[it->second] != 0;
          bound.count = std::min(bound.count, parent.stats.count);
          bound.error_max = std::min(bound.error_max, parent.stats.error_max);
          bound_error = std::min(bound_error, error_sum(parent.stats, errors.mean));
        }
      }
    }
    if (options.search && keep) {
      keep = slice.stats.count >= options.min_support && slice.stats.count < rows;
      if (keep && combo.size() > 1) {
        keep = sliceline_upper_bound(options.score, options.min_support, bound.count, bound_error, bound.error_max) > 0.0;
      }
    }
    if (keep) out.push_back(std::move(slice));
  }
  return out;
}

// Combinations of k columns whose every (k-1)-subset is in `live`.
std::vector<Combo> next_combos(const std::vector<Combo>& live, std::size_t columns) {
  const std::set<Combo> live_set(live.begin(), live.end());
  std::vector<Combo> out;
  for (const Combo& base : live) {
    for (auto j = base.back() + 1; j < columns; ++j) {
      Combo combo = base;
      combo.push_back(static_cast<std::uint32_t>(j));
      bool all_live = true;
      for (std::size_t skip = 0; skip + 1 < combo.size() && all_live; ++skip) {
        Combo subset;
        for (std::size_t i = 0; i < combo.size(); ++i) {
          if (i != skip) subset.push_back(combo[i]);
        }
        all_live = live_set.count(subset) > 0;
      }
      if (all_live) out.push_back(std::move(combo));
    }
  }
  return out;
}

}  // namespace

std::vector<Slice> count_slices(std::span<const EncodedColumn> columns, const RowErrors& errors,
                                const LatticeOptions& options) {
  std::vector<Slice> all;
  PreviousLevel previous;
  std::vector<Combo> combos;
  for (std::uint32_t c = 0; c < columns.size(); ++c) combos.push_back({c});
  const std::size_t depth = std::min({options.depth, kMaxDepth, columns.size()});
  for (std::size_t level = 1; level <= depth && !combos.empty(); ++level) {
    std::vector<std::vector<Slice>> per_combo(combos.size());
    tbb::parallel_for(std::size_t{0}, combos.size(), [&](std::size_t i) {
      per_combo[i] = slices_of(columns, combos[i], errors, options, previous, all);
    });
    PreviousLevel current;
    const std::size_t first = all.size();
    std::vector<Combo> live;
    for (std::size_t i = 0; i < combos.size(); ++i) {
      bool any = false;
      for (Slice& s : per_combo[i]) {
        const auto index = static_cast<std::uint32_t>(all.size());
        current.index.emplace(key_of(s.predicates), index);
        bool extendable = level < depth;
        if (options.search && extendable) {
          const double sum = error_sum(s.stats, errors.mean);
          extendable = sliceline_upper_bound(options.score, options.min_support, s.stats.count, sum, s.stats.error_max) > 0.0;
        }
        any = any || extendable;
        all.push_back(std::move(s));
        current.extendable.push_back(extendable ? 1 : 0);
      }
      if (any) live.push_back(combos[i]);
    }
    // Extendable flags are indexed by global slice index.
    std::vector<std::uint8_t> flags(all.size(), 0);
    std::copy(current.extendable.begin(), current.extendable.end(), flags.begin() + static_cast<std::ptrdiff_t>(first));
    current.extendable = std::move(flags);
    previous = std::move(current);
    combos = level < depth ? next_combos(live, columns.size()) : std::vector<Combo>{};
  }
  return all;
}

}  // namespace assay::slices
