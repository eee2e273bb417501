// A whole mockex session from C++: make an isolated exchange, turn a fault on, move the market
// and the clock, then read the journal and the report. Run it against a daemon:
//   MOCKEX_URL=http://127.0.0.1:8765 ./quickstart
#include <mockex/sdk/sdk.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>

namespace sdk = mockex::sdk;
using namespace std::chrono_literals;

int main() {
  const char* url = std::getenv("MOCKEX_URL");
  sdk::Client client{url != nullptr ? url : "http://127.0.0.1:8765"};
  try {
    // An exchange of our own, deleted when `session` goes out of scope. A stepped clock moves
    // only when told to, so what follows is the same on every run.
    sdk::Session session =
        client.create_session({.scenario = "quickstart", .seed = 7, .clock = "stepped"});
    std::cout << "point your client at " << session.rest_url() << " and " << session.ws_url()
              << "\n";

    // Order requests answer 800 ms late for the next 10 s of scenario time.
    sdk::FaultStatus slow = session.faults().add(
        sdk::faults::latency("POST /api/v3/order", 800ms).named("slow-orders").lasting("10s"));
    std::cout << "fault " << slow.rule.name << " is " << slow.state << "\n";
    {
      // Depth updates are lost while this scope lasts.
      sdk::ScopedFault lossy = session.faults().scoped(sdk::faults::ws_drop("*@depth*", 0.2));
      std::cout << "fault " << lossy.name() << " added\n";
    }

    session.market().shock("BTCUSDT", "-10");
    session.clock().advance("5s");
    sdk::Book book = session.book("BTCUSDT", 1);
    std::cout << "BTCUSDT best bid " << book.bids.at(0).price << " ask " << book.asks.at(0).price
              << "\n";

    for (const sdk::JournalEntry& entry : session.journal().query({.kinds = {"market"}}).entries) {
      std::cout << "journal " << entry.seq << " " << entry.kind << " " << entry.data.dump()
                << "\n";
    }
    sdk::Report report = session.report();
    std::cout << "faults injected: " << report.faults_total << "\n";
  } catch (const sdk::Error& e) {
    std::cerr << "mockexd answered " << e.status() << " " << e.code() << ": " << e.message()
              << "\n";
    return 1;
  } catch (const sdk::TransportError& e) {
    std::cerr << "cannot reach mockexd: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
