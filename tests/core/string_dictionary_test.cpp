// StringDictionary: codes in first-seen order; equal strings, and only
// equal strings, share a code, whatever their length (the short-key path up
// to 16 bytes and the arena path beyond), bytes (NUL, high bytes) or number.

#include "core/string_dictionary.hpp"

#include <gtest/gtest.h>

#include <string>
#include <unordered_map>

#include "core/random.hpp"

namespace assay::core {
namespace {

TEST(StringDictionary, InternsInFirstSeenOrder) {
  StringDictionary d;
  EXPECT_EQ(d.intern("b"), 0);
  EXPECT_EQ(d.intern("a"), 1);
  EXPECT_EQ(d.intern("b"), 0);
  for (int i = 0; i < 10'000; ++i) d.intern("k" + std::to_string(i));
  EXPECT_EQ(d.find("k9999"), 10'001);
  EXPECT_EQ(d.find("missing"), -1);
  EXPECT_EQ(d.at(1), "a");
  EXPECT_EQ(d.intern(""), 10'002);
}

TEST(StringDictionary, AgreesWithAHashMapOnLookalikeStrings) {
  // Strings that differ in one byte at every position, of every length from
  // 0 to 24, so that two keys built from overlapping words must still differ.
  std::vector<std::string> values;
  for (std::size_t n = 0; n <= 24; ++n) {
    const std::string base(n, 'a');
    values.push_back(base);
    for (std::size_t i = 0; i < n; ++i) {
      for (const char c : {'b', '\0', '\xC3'}) {
        std::string v = base;
        v[i] = c;
        values.push_back(v);
      }
    }
  }
  core::Random rng(3);
  StringDictionary dictionary;
  std::unordered_map<std::string, std::int32_t> reference;
  for (int i = 0; i < 50'000; ++i) {
    const std::string& v = values[rng.below(values.size())];
    const auto [it, inserted] = reference.emplace(v, static_cast<std::int32_t>(reference.size()));
    ASSERT_EQ(dictionary.intern(v), it->second) << "length " << v.size();
  }
  ASSERT_EQ(dictionary.size(), reference.size());
  for (const auto& [v, code] : reference) {
    EXPECT_EQ(dictionary.find(v), code);
    EXPECT_EQ(dictionary.at(code), v);
  }
  EXPECT_EQ(dictionary.find(std::string(25, 'a')), -1);
  EXPECT_EQ(dictionary.find(std::string(3, 'b')), -1);
}

}  // namespace
}  // namespace assay::core
