#pragma once
// UTF-8 validation of input text (simdjson's validator for the fast path).

#include <cstddef>
#include <optional>
#include <string_view>

namespace assay::io {

// The offset of the first byte that is not part of valid UTF-8, or nullopt.
std::optional<std::size_t> first_invalid_utf8(std::string_view text) noexcept;

}  // namespace assay::io
