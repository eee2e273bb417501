#pragma once
// The fixture of the SDK's tests: a client of the test process's daemon, and a stepped
// quickstart session (time moves only when a test advances it, so nothing is timing-dependent).

#include "daemon.hpp"

#include <mockex/sdk/sdk.hpp>

#include <gtest/gtest.h>

namespace mockex::sdk::testing {

class SdkTest : public ::testing::Test {
 protected:
  static Session stepped_session(Client& client) {
    return client.create_session({.scenario = "quickstart", .seed = 7, .clock = "stepped"});
  }

  Client client{Daemon::shared().url()};
  Session session = stepped_session(client);
};

}  // namespace mockex::sdk::testing
