#pragma once
// The seeded generator behind every random choice in a session: xoshiro256** seeded through
// splitmix64. Same seed, same sequence, on every machine and standard library: the distributions
// are implemented here (the std:: ones differ between libstdc++ and libc++), using only IEEE
// arithmetic, sqrt, and glibc's correctly rounded log and exp.
//
// Not thread-safe and not for cryptography. Give each consumer its own stream with fork(), so
// that adding draws in one place does not shift the numbers seen by another.

#include <array>
#include <cstdint>

namespace mockex::core {

// One step of splitmix64: advances `state` and returns the next output.
std::uint64_t splitmix64(std::uint64_t& state);

class Rng {
 public:
  explicit Rng(std::uint64_t seed);

  std::uint64_t seed() const { return seed_; }

  // An independent generator for sub-stream `stream`, derived from this generator's seed only
  // (not from how far it has been advanced): rng.fork(1) is the same whenever it is called.
  Rng fork(std::uint64_t stream) const;

  // 64 uniformly random bits.
  std::uint64_t next_u64();

  // Uniform in [0, bound); bound 0 returns 0. Unbiased (Lemire's multiply-and-reject).
  std::uint64_t below(std::uint64_t bound);
  // Uniform integer in [lo, hi], inclusive; lo > hi returns lo.
  std::int64_t uniform_int(std::int64_t lo, std::int64_t hi);
  // Uniform in [0, 1) with 53 random bits.
  double uniform_real();
  // Uniform in [lo, hi).
  double uniform_real(double lo, double hi);
  // True with probability p (p <= 0: never, p >= 1: always).
  bool bernoulli(double p);
  // Normal (Gaussian), Marsaglia's polar method; each call draws a fresh pair.
  double normal(double mean, double stddev);
  // exp(normal(mu, sigma)): mu and sigma are of the underlying normal.
  double lognormal(double mu, double sigma);
  // Exponential with the given rate (mean 1 / rate); rate must be > 0.
  double exponential(double rate);

 private:
  std::uint64_t seed_;
  std::array<std::uint64_t, 4> state_{};
};

}  // namespace mockex::core
