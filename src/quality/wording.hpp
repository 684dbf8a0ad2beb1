#pragma once
// Small helpers shared by the checks to word messages and collect examples
// consistently. Row numbers shown to people are 1-based data rows (the
// header line is not counted).

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace assay::quality {

// "12.5%", "0.013%", "0%": three significant digits.
std::string percent(double share);

// count / total, or 0 when total is 0.
double share_of(std::size_t count, std::size_t total);

// Up to `limit` examples {"row": r + 1, "value": text}; add() reports
// whether there was room.
class Examples {
 public:
  explicit Examples(std::size_t limit) : limit_(limit) {}
  bool add(std::size_t row, std::string_view value);
  bool full() const noexcept { return json_.size() >= limit_; }
  const nlohmann::json& json() const noexcept { return json_; }
  // "'abc' (row 3), 'x' (row 9)" for messages; at most three.
  std::string describe() const;

 private:
  std::size_t limit_;
  nlohmann::json json_ = nlohmann::json::array();
};

}  // namespace assay::quality
