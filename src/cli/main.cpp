// assay: evaluate and monitor machine-learning pipelines.
// Exit codes (DESIGN.md): 0 all checks pass, 1 a check failed, 2 bad usage
// or bad input, 3 internal error.

#include <fmt/format.h>

#include <exception>
#include <string>
#include <vector>

#include "cli/allocator.hpp"
#include "cli/app.hpp"
#include "core/error.hpp"

int main(int argc, char** argv) {
  assay::cli::configure_allocator();
  try {
    return assay::cli::run_command_line(std::vector<std::string>(argv, argv + argc));
  } catch (const assay::core::Error& e) {
    fmt::print(stderr, "assay: {}\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "assay: internal error: {}\n", e.what());
    return 3;
  }
}
