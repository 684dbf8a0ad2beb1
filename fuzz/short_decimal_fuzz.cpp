// Differential fuzzing of the short-decimal parser against fast_float: any
// cell it accepts must be one fast_float reads whole, to the same double bit
// for bit. The cell sits in a buffer with the padding the reader guarantees,
// filled with digits so that a masking mistake changes the value.

#include <fast_float/fast_float.h>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "io/short_decimal.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 24) return 0;
  std::string padded(reinterpret_cast<const char*>(data), size);
  padded.append(assay::io::kShortDecimalPadding, '7');
  const std::string_view cell(padded.data(), size);
  double fast = 0.0;
  if (!assay::io::parse_short_decimal(cell, fast)) return 0;
  double reference = 0.0;
  const auto [end, ec] = fast_float::from_chars(cell.data(), cell.data() + cell.size(), reference);
  if (ec != std::errc() || end != cell.data() + cell.size()) std::abort();  // accepted what fast_float rejects
  if (std::bit_cast<std::uint64_t>(fast) != std::bit_cast<std::uint64_t>(reference)) std::abort();
  return 0;
}
