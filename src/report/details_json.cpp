#include "report/details_json.hpp"

#include <type_traits>

#include "report/json_number.hpp"

namespace assay::report {

nlohmann::ordered_json details_json(const core::Details& details) {
  auto out = nlohmann::ordered_json::object();
  for (const auto& [key, value] : details.entries()) out[key] = detail_value_json(value);
  return out;
}

nlohmann::ordered_json detail_value_json(const core::DetailValue& value) {
  return std::visit(
      [](const auto& v) -> nlohmann::ordered_json {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, double>) {
          return json_number(v);
        } else if constexpr (std::is_same_v<T, core::DetailList>) {
          auto list = nlohmann::ordered_json::array();
          for (const auto& item : v) list.push_back(detail_value_json(item));
          return list;
        } else if constexpr (std::is_same_v<T, core::Details>) {
          return details_json(v);
        } else {
          return v;  // null, bool, int64, string
        }
      },
      value.value);
}

}  // namespace assay::report
