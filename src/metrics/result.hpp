#pragma once
// What a metrics evaluation returns: named values (null with a reason when a
// metric is undefined), bootstrap intervals, a per-class report, a confusion
// matrix and curves. Engines fill it; src/report renders it; the suite and the
// service read values from it by name.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace assay::metrics {

enum class Task { binary, multiclass, regression, ranking };

// "binary", "multiclass", "regression", "ranking".
std::string_view task_name(Task task);

// The metrics of `task` computed from score columns (binary: --score,
// multiclass: --scores); without them the engine reports each as undefined.
// Front ends use it to refuse asking for one of them without its columns.
std::span<const std::string_view> score_metrics(Task task);
bool needs_scores(Task task, std::string_view metric);

// A metric's value, or the reason it has none. A set value may also carry a
// note (e.g. scikit-learn's zero_division convention was applied).
struct Value {
  std::optional<double> value;
  std::string reason;

  static Value of(double v, std::string note = {}) { return Value{v, std::move(note)}; }
  static Value undefined(std::string why) { return Value{std::nullopt, std::move(why)}; }
};

// Insertion-ordered map name -> Value (order is the order of output).
class MetricSet {
 public:
  struct Item {
    std::string name;
    Value value;
  };

  // Sets `name`, replacing an existing value of that name.
  void set(std::string_view name, Value value);
  const Value* find(std::string_view name) const noexcept;
  // The value of `name`, or nullopt when absent or undefined.
  std::optional<double> get(std::string_view name) const noexcept;
  const std::vector<Item>& items() const noexcept { return items_; }
  // Moves the named items, in this order, to the front.
  void put_first(std::initializer_list<std::string_view> names);
  bool empty() const noexcept { return items_.empty(); }

 private:
  std::vector<Item> items_;
};

// A percentile bootstrap interval (Efron & Tibshirani 1993, ch. 13).
struct Interval {
  std::string metric;
  double low = 0.0;
  double high = 0.0;
  std::size_t resamples = 0;  // resamples in which the metric was defined
  std::vector<double> values;  // BootstrapOptions::paired: each resample's value in resample order (NaN: undefined)
};

struct BootstrapSummary {
  std::size_t resamples = 0;  // requested; 0 when no bootstrap ran
  double level = 0.95;
  std::uint64_t seed = 0;
  std::vector<Interval> intervals;
};

// Weighted counts; rows are true classes, columns predicted (scikit-learn's
// confusion_matrix layout). cells.size() == labels.size()^2, row-major.
struct ConfusionTable {
  std::vector<std::string> labels;
  std::vector<double> cells;

  double at(std::size_t truth, std::size_t predicted) const { return cells[truth * labels.size() + predicted]; }
};

// A curve for plotting, thinned to at most a few hundred points. `threshold[i]`
// is the score cut (predict positive when score >= threshold) giving point i.
struct Curve {
  std::vector<double> x;
  std::vector<double> y;
  std::vector<double> threshold;
};

struct ClassReport {
  std::string label;
  MetricSet metrics;  // precision, recall, f1, support, (roc_auc)
};

struct Result {
  Task task = Task::binary;
  std::size_t n = 0;       // rows evaluated (after dropping nulls)
  std::size_t queries = 0;  // ranking: number of query groups
  MetricSet metrics;
  BootstrapSummary bootstrap;
  std::vector<ClassReport> per_class;
  std::optional<ConfusionTable> confusion;
  std::optional<Curve> roc;  // x: false positive rate, y: true positive rate
  std::optional<Curve> pr;   // x: recall, y: precision
  MetricSet residuals;       // regression: summary of y_true - y_pred
  std::vector<std::string> warnings;  // data problems that did not stop the evaluation
};

}  // namespace assay::metrics
