#pragma once
// A progress bar on stderr for long reads: shown only when stderr is a
// terminal, and only once the work has taken more than a second.

#include <cstddef>
#include <functional>

namespace assay::cli {

// A callback (done, total) for io::ReadOptions::progress, or an empty
// function when stderr is not a terminal.
std::function<void(std::size_t, std::size_t)> make_progress_bar();

}  // namespace assay::cli
