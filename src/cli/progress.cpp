#include "cli/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <memory>

namespace assay::cli {

std::function<void(std::size_t, std::size_t)> make_progress_bar() {
  if (isatty(STDERR_FILENO) == 0) return {};
  struct State {
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    bool shown = false;
  };
  auto state = std::make_shared<State>();
  return [state](std::size_t done, std::size_t total) {
    const auto elapsed = std::chrono::steady_clock::now() - state->start;
    if (!state->shown && elapsed < std::chrono::seconds(1)) return;
    state->shown = true;
    const double share = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
    const int width = 30;
    const int filled = static_cast<int>(share * width);
    fmt::print(stderr, "\r[{:=<{}}{: <{}}] {:5.1f}%", "", filled, "", width - filled, share * 100.0);
    if (done >= total) fmt::print(stderr, "\r{: <{}}\r", "", width + 10);
  };
}

}  // namespace assay::cli
