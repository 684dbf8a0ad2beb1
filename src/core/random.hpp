#pragma once
// A small, fully specified random generator: the same numbers with any
// compiler and standard library (libstdc++'s distributions are not
// specified bit for bit, so tests that assert exact outcomes use this).
//   - seeding: splitmix64 (Steele, Lea & Flood, "Fast splittable
//     pseudorandom number generators", OOPSLA 2014);
//   - generator: xoshiro256** (Blackman & Vigna, "Scrambled linear
//     pseudorandom number generators", ACM TOMS 2021);
//   - uniform: the top 53 bits times 2^-53, in [0, 1);
//   - below(n): Lemire's multiply-shift with rejection ("Fast random integer
//     generation in an interval", ACM TOMACS 2019), exactly uniform;
//   - normal: Marsaglia & Bray's polar method (SIAM Review 1964), which
//     needs only log and sqrt.

#include <cmath>
#include <cstdint>

namespace assay::core {

class Random {
 public:
  explicit Random(std::uint64_t seed) noexcept {
    for (auto& s : state_) s = splitmix64(seed);
  }
  // A generator in a given xoshiro256** state (not all zero), to check it
  // against the published output sequences.
  static Random from_state(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2, std::uint64_t s3) noexcept {
    Random r(0);
    r.state_[0] = s0;
    r.state_[1] = s1;
    r.state_[2] = s2;
    r.state_[3] = s3;
    return r;
  }

  std::uint64_t next() noexcept {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) noexcept { return lo + (hi - lo) * uniform(); }
  bool bernoulli(double p) noexcept { return uniform() < p; }

  // Uniform in [0, n); n > 0.
  std::uint64_t below(std::uint64_t n) noexcept {
    __extension__ using U128 = unsigned __int128;
    U128 m = static_cast<U128>(next()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
      const std::uint64_t threshold = (0 - n) % n;
      while (low < threshold) {
        m = static_cast<U128>(next()) * n;
        low = static_cast<std::uint64_t>(m);
      }
    }
    return static_cast<std::uint64_t>(m >> 64);
  }

  double normal() noexcept {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u, v, s;
    do {
      u = 2.0 * uniform() - 1.0;
      v = 2.0 * uniform() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double f = std::sqrt(-2.0 * std::log(s) / s);
    spare_ = v * f;
    has_spare_ = true;
    return u * f;
  }
  double normal(double mean, double sd) noexcept { return mean + sd * normal(); }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t splitmix64(std::uint64_t& x) noexcept {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  std::uint64_t state_[4];
  double spare_ = 0.0;
  bool has_spare_ = false;
};

}  // namespace assay::core
