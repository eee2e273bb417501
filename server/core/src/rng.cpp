#include "mockex/core/rng.hpp"

#include <cmath>

#include "mockex/core/arithmetic.hpp"

namespace mockex::core {

namespace {

constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

std::uint64_t splitmix64(std::uint64_t& state) {
  state += 0x9e3779b97f4a7c15ULL;
  std::uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

Rng::Rng(std::uint64_t seed) : seed_(seed) {
  std::uint64_t sm = seed;
  for (auto& word : state_) word = splitmix64(sm);
  // splitmix64 never yields four zero words in a row, so the all-zero state cannot occur.
}

Rng Rng::fork(std::uint64_t stream) const {
  // Mix the stream number through splitmix64 so that neighbouring streams are unrelated.
  std::uint64_t mix = stream ^ 0x6a09e667f3bcc909ULL;
  const std::uint64_t stream_key = splitmix64(mix);
  std::uint64_t base = seed_;
  return Rng{splitmix64(base) ^ stream_key};
}

std::uint64_t Rng::next_u64() {
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

std::uint64_t Rng::below(std::uint64_t bound) {
  if (bound == 0) return 0;
  UInt128 product = static_cast<UInt128>(next_u64()) * bound;
  auto low = static_cast<std::uint64_t>(product);
  if (low < bound) {
    const std::uint64_t threshold = (0 - bound) % bound;  // 2^64 mod bound
    while (low < threshold) {
      product = static_cast<UInt128>(next_u64()) * bound;
      low = static_cast<std::uint64_t>(product);
    }
  }
  return static_cast<std::uint64_t>(product >> 64);
}

std::int64_t Rng::uniform_int(std::int64_t lo, std::int64_t hi) {
  if (lo >= hi) return lo;
  const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
  const std::uint64_t offset = span == ~std::uint64_t{0} ? next_u64() : below(span + 1);
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + offset);
}

double Rng::uniform_real() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

double Rng::uniform_real(double lo, double hi) { return lo + (hi - lo) * uniform_real(); }

bool Rng::bernoulli(double p) {
  if (p <= 0.0) return false;
  if (p >= 1.0) return true;
  return uniform_real() < p;
}

double Rng::normal(double mean, double stddev) {
  double u = 0.0;
  double v = 0.0;
  double s = 0.0;
  do {
    u = 2.0 * uniform_real() - 1.0;
    v = 2.0 * uniform_real() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  return mean + stddev * (u * std::sqrt(-2.0 * std::log(s) / s));
}

double Rng::lognormal(double mu, double sigma) { return std::exp(normal(mu, sigma)); }

double Rng::exponential(double rate) {
  // 1 - u lies in (0, 1], so the log is finite.
  return -std::log(1.0 - uniform_real()) / rate;
}

}  // namespace mockex::core
