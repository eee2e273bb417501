// The smallest user of the installed package: make a session of the daemon at $MOCKEX_URL and
// name it. Built by tests/package_test.cmake against `cmake --install`'s prefix.

#include <mockex/sdk/sdk.hpp>

#include <cstdlib>
#include <iostream>

int main() {
  const char* url = std::getenv("MOCKEX_URL");
  if (url == nullptr) {
    std::cerr << "set MOCKEX_URL\n";
    return 2;
  }
  mockex::sdk::Client client{url};
  mockex::sdk::Session session = client.create_session({.scenario = "quickstart"});
  std::cout << "session " << session.id() << "\n";
  return 0;
}
