#include "sdk_test.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace mockex::sdk::testing {
namespace {

using ErrorsTest = SdkTest;
using namespace std::chrono_literals;

// Runs `call`, expecting an Error, and returns it for the caller's checks.
template <class Call>
Error error_of(Call call) {
  try {
    call();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no mockex::sdk::Error was thrown";
  return Error(0, "", "", nullptr);
}

TEST_F(ErrorsTest, unknown_session_is_404_session_not_found) {
  auto e = error_of([&] { client.attach("s-no-such"); });
  EXPECT_EQ(e.status(), 404);
  EXPECT_EQ(e.code(), "session_not_found");
  EXPECT_NE(e.message().find("s-no-such"), std::string::npos);
  EXPECT_EQ(std::string(e.what()).rfind("404 session_not_found: ", 0), 0u);
}

TEST_F(ErrorsTest, calls_on_a_deleted_session_are_404) {
  auto attached = client.attach(session.id());
  session.close();
  EXPECT_EQ(error_of([&] { attached.clock().get(); }).code(), "session_not_found");
}

TEST_F(ErrorsTest, invalid_scenario_is_422_with_every_error_positioned) {
  auto e = error_of([&] { client.create_session({.scenario_yaml = "name: x\nseed: 1\nbogus: 2\n"}); });
  EXPECT_EQ(e.status(), 422);
  EXPECT_EQ(e.code(), "invalid_scenario");
  auto errors = e.errors();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0], "<inline>:1:1: missing required key 'instruments' in the scenario");
  EXPECT_EQ(errors[1], "<inline>:3:1: unknown key 'bogus' in the scenario");
}

TEST_F(ErrorsTest, scenario_names_are_checked) {
  EXPECT_EQ(error_of([&] { client.create_session({.scenario = "../etc/passwd"}); }).code(),
            "invalid_scenario_name");
  auto missing = error_of([&] { client.create_session({.scenario = "no-such-scenario"}); });
  EXPECT_EQ(missing.status(), 404);
  EXPECT_EQ(missing.code(), "scenario_not_found");
}

TEST_F(ErrorsTest, invalid_fault_is_400_with_the_field) {
  auto e = error_of([&] { session.faults().add(faults::rule("latency")); });
  EXPECT_EQ(e.status(), 400);
  EXPECT_EQ(e.code(), "invalid_fault");
  EXPECT_EQ(e.field(), "params.ms");
  EXPECT_TRUE(e.errors().empty());
}

TEST_F(ErrorsTest, duplicate_fault_is_409_fault_exists) {
  session.faults().add(faults::hang("GET /api/v3/ping").named("twice"));
  auto e = error_of([&] { session.faults().add(faults::hang("GET /api/v3/time").named("twice")); });
  EXPECT_EQ(e.status(), 409);
  EXPECT_EQ(e.code(), "fault_exists");
  EXPECT_EQ(e.field(), "");
}

TEST_F(ErrorsTest, unknown_fault_is_404_fault_not_found) {
  EXPECT_EQ(error_of([&] { session.faults().get("nope"); }).code(), "fault_not_found");
  EXPECT_EQ(error_of([&] { session.faults().remove("nope"); }).status(), 404);
}

TEST_F(ErrorsTest, deleting_the_default_session_is_409) {
  auto e = error_of([&] { client.delete_session("default"); });
  EXPECT_EQ(e.status(), 409);
  EXPECT_EQ(e.code(), "default_session");
}

TEST_F(ErrorsTest, speed_of_a_stepped_clock_is_409_clock_stepped) {
  auto e = error_of([&] { session.clock().set_speed(2); });
  EXPECT_EQ(e.status(), 409);
  EXPECT_EQ(e.code(), "clock_stepped");
}

TEST_F(ErrorsTest, bad_requests_are_400) {
  EXPECT_EQ(error_of([&] { session.clock().advance("soon"); }).code(), "invalid_duration");
  EXPECT_EQ(error_of([&] { session.balances().set("demo-key", "USDT", "-1"); }).code(),
            "invalid_amount");
  EXPECT_EQ(error_of([&] { session.balances().withdraw("demo-key", "BTC", "11"); }).code(),
            "insufficient_balance");
  EXPECT_EQ(error_of([&] { session.book("NOPE"); }).code(), "symbol_not_found");
  EXPECT_EQ(error_of([&] { session.balances().get("nobody"); }).code(), "account_not_found");
}

// A loopback TCP socket on a free port; listening (connections wait in the backlog, never
// answered) or not (a closed port, once the caller closes it).
int loopback_socket(bool listening, int& port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  if (listening) {
    EXPECT_EQ(::listen(fd, 4), 0);
  }
  EXPECT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length), 0);
  port = ntohs(address.sin_port);
  return fd;
}

TEST(TransportErrors, a_closed_port_is_a_transport_error) {
  int port = 0;
  ::close(loopback_socket(false, port));
  Client client{"http://127.0.0.1:" + std::to_string(port)};
  EXPECT_THROW(client.health(), TransportError);
  EXPECT_THROW(client.create_session({.scenario = "quickstart"}), TransportError);
}

TEST(TransportErrors, a_silent_peer_times_out) {
  int port = 0;
  int fd = loopback_socket(true, port);
  Client client{"http://127.0.0.1:" + std::to_string(port), {.timeout = 200ms}};
  try {
    client.health();
    ADD_FAILURE() << "no TransportError";
  } catch (const TransportError& e) {
    EXPECT_NE(std::string(e.what()).find("timed out"), std::string::npos) << e.what();
  }
  ::close(fd);
}

}  // namespace
}  // namespace mockex::sdk::testing
