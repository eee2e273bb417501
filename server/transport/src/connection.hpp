#pragma once
// What the server shares with its connections, and the registry that lets shutdown reach them.

#include <mockex/transport/limits.hpp>
#include <mockex/transport/metrics.hpp>
#include <mockex/transport/router.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mockex::transport::detail {

// A live connection (HTTP or WebSocket) as the registry sees it.
class Connection {
 public:
  virtual ~Connection() = default;
  // Begins a graceful close; may be called from any thread.
  virtual void drain() = 0;
  // Closes at once and drops what the connection holds. Only once the io_context has stopped
  // (no handler of this connection can run concurrently).
  virtual void abort() = 0;
};

class ConnectionRegistry {
 public:
  std::uint64_t add(std::weak_ptr<Connection> connection);
  void remove(std::uint64_t id);
  std::size_t size() const;
  // Drains every live connection and calls `on_drained` once none is left.
  void drain_all(std::function<void()> on_drained);
  bool draining() const { return draining_.load(std::memory_order_acquire); }
  // Aborts every live connection (see Connection::abort).
  void abort_all();

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::uint64_t, std::weak_ptr<Connection>> live_;
  std::uint64_t next_id_ = 1;
  std::atomic<bool> draining_{false};
  std::vector<std::function<void()>> on_drained_;
};

struct SharedState {
  SharedState(const Router& r, TransportMetrics& m, Limits l) : router(r), metrics(m), limits(l) {}
  const Router& router;
  TransportMetrics& metrics;
  const Limits limits;
  ConnectionRegistry registry;
  // Injected delays waiting now, across every connection (see Limits::max_active_fault_delays).
  std::atomic<std::size_t> active_fault_delays{0};
};

// One injected delay's place under Limits::max_active_fault_delays, held while it waits and given
// back when this is destroyed. The SharedState must outlive it.
class FaultDelayPermit {
 public:
  // A permit, or none when the cap is reached (counted as an overflow).
  static std::optional<FaultDelayPermit> try_acquire(SharedState& state) {
    auto active = state.active_fault_delays.load(std::memory_order_relaxed);
    do {
      if (active >= state.limits.max_active_fault_delays) {
        state.metrics.fault_delay_overflowed();
        return std::nullopt;
      }
    } while (!state.active_fault_delays.compare_exchange_weak(active, active + 1,
                                                                 std::memory_order_relaxed));
    state.metrics.fault_delay_started();
    return FaultDelayPermit(state);
  }

  FaultDelayPermit(FaultDelayPermit&& other) noexcept : state_(std::exchange(other.state_, nullptr)) {}
  FaultDelayPermit& operator=(FaultDelayPermit&& other) noexcept {
    if (this != &other) {
      release();
      state_ = std::exchange(other.state_, nullptr);
    }
    return *this;
  }
  FaultDelayPermit(const FaultDelayPermit&) = delete;
  FaultDelayPermit& operator=(const FaultDelayPermit&) = delete;
  ~FaultDelayPermit() { release(); }

 private:
  explicit FaultDelayPermit(SharedState& state) : state_(&state) {}
  void release() {
    if (state_ == nullptr) return;
    state_->active_fault_delays.fetch_sub(1, std::memory_order_relaxed);
    state_->metrics.fault_delay_ended();
    state_ = nullptr;
  }

  SharedState* state_;
};

}  // namespace mockex::transport::detail
