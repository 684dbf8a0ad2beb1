#include "metrics/result.hpp"

#include <algorithm>

namespace assay::metrics {

std::string_view task_name(Task task) {
  switch (task) {
    case Task::binary: return "binary";
    case Task::multiclass: return "multiclass";
    case Task::regression: return "regression";
    case Task::ranking: return "ranking";
  }
  return "unknown";
}

std::span<const std::string_view> score_metrics(Task task) {
  static constexpr std::string_view kBinary[] = {"roc_auc", "average_precision", "log_loss", "brier_score"};
  static constexpr std::string_view kMulticlass[] = {"log_loss", "top_k_accuracy", "roc_auc_ovr", "roc_auc_ovr_weighted"};
  switch (task) {
    case Task::binary: return kBinary;
    case Task::multiclass: return kMulticlass;
    case Task::regression:
    case Task::ranking: return {};
  }
  return {};
}

bool needs_scores(Task task, std::string_view metric) {
  const auto names = score_metrics(task);
  return std::find(names.begin(), names.end(), metric) != names.end();
}

void MetricSet::set(std::string_view name, Value value) {
  auto it = std::find_if(items_.begin(), items_.end(), [&](const Item& item) { return item.name == name; });
  if (it != items_.end()) {
    it->value = std::move(value);
  } else {
    items_.push_back(Item{std::string(name), std::move(value)});
  }
}

const Value* MetricSet::find(std::string_view name) const noexcept {
  for (const auto& item : items_) {
    if (item.name == name) return &item.value;
  }
  return nullptr;
}

void MetricSet::put_first(std::initializer_list<std::string_view> names) {
  std::vector<Item> front;
  for (const std::string_view name : names) {
    auto it = std::find_if(items_.begin(), items_.end(), [&](const Item& item) { return item.name == name; });
    if (it == items_.end()) continue;
    front.push_back(std::move(*it));
    items_.erase(it);
  }
  items_.insert(items_.begin(), std::make_move_iterator(front.begin()), std::make_move_iterator(front.end()));
}

std::optional<double> MetricSet::get(std::string_view name) const noexcept {
  const Value* v = find(name);
  return v ? v->value : std::nullopt;
}

}  // namespace assay::metrics
