// The short-decimal path gives exactly the double fast_float gives (both are
// correctly rounded), and declines everything that is not a plain decimal
// with at most 8 digits on each side of the dot, so the general parser
// decides those.

#include "io/short_decimal.hpp"

#include <fast_float/fast_float.h>
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <string>

#include "core/random.hpp"

namespace assay::io {
namespace {

// The cell at the start of a buffer with the padding the reader guarantees,
// filled with digits so that masking mistakes would show.
struct Padded {
  explicit Padded(std::string_view cell) : bytes(std::string(cell) + std::string(kShortDecimalPadding, '7')) {}
  std::string_view cell() const { return std::string_view(bytes).substr(0, bytes.size() - kShortDecimalPadding); }
  std::string bytes;
};

bool parses(std::string_view cell, double& out) { return parse_short_decimal(Padded(cell).cell(), out); }

double fast_float_value(std::string_view cell) {
  double v = 0;
  fast_float::from_chars(cell.data(), cell.data() + cell.size(), v);
  return v;
}

TEST(ShortDecimal, ReadsPlainDecimals) {
  double v = 0;
  ASSERT_TRUE(parses("0.034558", v));
  EXPECT_EQ(v, 0.034558);
  ASSERT_TRUE(parses("-56.702983", v));
  EXPECT_EQ(v, -56.702983);
  ASSERT_TRUE(parses("136", v));
  EXPECT_EQ(v, 136.0);
  ASSERT_TRUE(parses("1234567.87654321", v));  // 16 bytes, the most it takes
  EXPECT_EQ(v, 1234567.87654321);
  ASSERT_TRUE(parses(".5", v));
  EXPECT_EQ(v, 0.5);
  ASSERT_TRUE(parses("5.", v));
  EXPECT_EQ(v, 5.0);
  ASSERT_TRUE(parses("-0", v));
  EXPECT_TRUE(std::signbit(v) && v == 0.0);
  ASSERT_TRUE(parses("007.50", v));
  EXPECT_EQ(v, 7.5);
}

TEST(ShortDecimal, DeclinesWhatIsNotAPlainShortDecimal) {
  double v = 0;
  for (const char* cell : {"", "-", ".", "-.", "+1", " 1", "1 ", "1e5", "1E5", "inf", "nan", "1.2.3", "--1", "1-2",
                           "123456789", "1.123456789", "123456789.5", "12345678.12345678", "12345678.123456789", "0x10", "1,5",
                           "\xC3\xA9", "1\x80"}) {
    EXPECT_FALSE(parses(cell, v)) << cell;
  }
}

TEST(ShortDecimal, AgreesWithFastFloatOnRandomCells) {
  core::Random rng(11);
  const std::string alphabet = "-.0123456789";
  std::size_t taken = 0;
  for (int i = 0; i < 200'000; ++i) {
    std::string cell;
    const auto n = rng.below(19);
    for (std::uint64_t k = 0; k < n; ++k) cell.push_back(alphabet[rng.below(alphabet.size())]);
    double v = 0;
    if (!parses(cell, v)) continue;
    ++taken;
    double expected = 0;
    const auto [end, ec] = fast_float::from_chars(cell.data(), cell.data() + cell.size(), expected);
    ASSERT_TRUE(ec == std::errc() && end == cell.data() + cell.size()) << "fast_float rejects " << cell;
    ASSERT_EQ(std::bit_cast<std::uint64_t>(v), std::bit_cast<std::uint64_t>(expected)) << cell;
  }
  EXPECT_GT(taken, 10'000U);  // the random cells did exercise the path
}

TEST(ShortDecimal, AgreesWithFastFloatOnTypicalValues) {
  core::Random rng(12);
  for (int i = 0; i < 100'000; ++i) {
    const int d = static_cast<int>(rng.below(9));
    std::string digits = std::to_string(rng.below(10'000'000'000'000'000ULL));
    if (static_cast<int>(digits.size()) <= d) digits.insert(0, static_cast<std::size_t>(d) - digits.size() + 1, '0');
    std::string cell = (i % 2 ? "-" : "") + digits.substr(0, digits.size() - static_cast<std::size_t>(d));
    if (d > 0) cell += "." + digits.substr(digits.size() - static_cast<std::size_t>(d));
    double v = 0;
    if (!parses(cell, v)) continue;
    ASSERT_EQ(std::bit_cast<std::uint64_t>(v), std::bit_cast<std::uint64_t>(fast_float_value(cell))) << cell;
  }
}

}  // namespace
}  // namespace assay::io
