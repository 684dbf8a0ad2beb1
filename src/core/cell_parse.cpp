#include "core/cell_parse.hpp"

#include <chrono>

namespace assay::core {

bool parse_bool(std::string_view text, std::uint8_t& out) noexcept {
  text = trim_blanks(text);
  if (text == "true" || text == "True" || text == "TRUE") {
    out = 1;
    return true;
  }
  if (text == "false" || text == "False" || text == "FALSE") {
    out = 0;
    return true;
  }
  return false;
}

namespace {

// Reads exactly `width` digits at text[pos].
bool digits(std::string_view text, std::size_t pos, std::size_t width, int& out) noexcept {
  if (pos + width > text.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

}  // namespace

bool parse_timestamp(std::string_view text, std::int64_t& ns_out) noexcept {
  using namespace std::chrono;
  text = trim_blanks(text);
  int year = 0, month = 0, day = 0;
  if (text.size() < 10 || !digits(text, 0, 4, year) || !digits(text, 5, 2, month) || !digits(text, 8, 2, day)) {
    return false;
  }
  const char sep = text[4];
  if ((sep != '-' && sep != '/') || text[7] != sep) return false;
  const year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                           std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return false;
  // int64 nanoseconds reach from 1677-09-21 to 2262-04-11 (pandas' bounds);
  // a day inside that range leaves room for the time of day and the zone.
  const auto days = sys_days{ymd}.time_since_epoch().count();
  if (days < -106'740 || days > 106'740) return false;
  std::int64_t ns = static_cast<std::int64_t>(days) * 86'400'000'000'000LL;
  std::size_t pos = 10;
  if (pos < text.size()) {
    if (text[pos] != 'T' && text[pos] != ' ') return false;
    int hour = 0, minute = 0, second = 0;
    if (!digits(text, pos + 1, 2, hour) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
        !digits(text, pos + 4, 2, minute)) {
      return false;
    }
    pos += 6;
    std::int64_t fraction_ns = 0;
    if (pos < text.size() && text[pos] == ':') {
      if (!digits(text, pos + 1, 2, second)) return false;
      pos += 3;
      if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
        ++pos;
        std::size_t n = 0;
        std::int64_t scale = 100'000'000;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
          if (n < 9) fraction_ns += (text[pos] - '0') * scale;
          scale /= 10;
          ++pos;
          ++n;
        }
        if (n == 0) return false;
      }
    }
    if (hour > 23 || minute > 59 || second > 60) return false;
    ns += ((hour * 60LL + minute) * 60LL + second) * 1'000'000'000LL + fraction_ns;
    if (pos < text.size()) {
      if (text[pos] == 'Z' && pos + 1 == text.size()) {
        pos = text.size();
      } else if (text[pos] == '+' || text[pos] == '-') {
        const int sign = text[pos] == '+' ? 1 : -1;
        int zh = 0, zm = 0;
        if (!digits(text, pos + 1, 2, zh)) return false;
        std::size_t rest = pos + 3;
        if (rest < text.size() && text[rest] == ':') ++rest;
        if (rest < text.size() && !digits(text, rest, 2, zm)) return false;
        if (rest < text.size()) rest += 2;
        if (rest != text.size() || zh > 23 || zm > 59) return false;
        ns -= sign * (zh * 60LL + zm) * 60'000'000'000LL;
        pos = rest;
      } else {
        return false;
      }
    }
  }
  ns_out = ns;
  return pos == text.size();
}

}  // namespace assay::core
