// Random numbers the same on every platform: splitmix64 and arithmetic on IEEE doubles only
// (std::uniform_*_distribution and std::exp may differ between standard libraries).
#pragma once

#include <cmath>
#include <cstdint>

namespace iopplan {

class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}

  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  // Uniform in [0, n); REQUIRES: n > 0. Rejection keeps it unbiased.
  uint64_t below(uint64_t n) {
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x = next();
    while (x >= limit) x = next();
    return x % n;
  }

  // Uniform in [0, 1) with 53 random bits.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t state_;
};

// Mixes a seed with a stream number, so rounds of a search draw independent numbers.
inline uint64_t mix_seed(uint64_t seed, uint64_t stream) {
  SplitMix64 mixer(seed ^ (stream * 0xd1b54a32d192ed03ULL));
  return mixer.next();
}

// e^x from +, * and / alone (std::exp is not bit-identical across C libraries). x <= 0 here.
inline double portable_exp(double x) {
  if (x < -700) return 0;
  constexpr double kLn2 = 0.6931471805599453;
  double k = std::floor(x / kLn2 + 0.5);
  double r = x - k * kLn2;
  double term = 1, sum = 1;
  for (int i = 1; i <= 14; ++i) {
    term = term * r / i;
    sum += term;
  }
  return std::ldexp(sum, static_cast<int>(k));
}

}  // namespace iopplan
