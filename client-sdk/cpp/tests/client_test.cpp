#include "sdk_test.hpp"

#include <algorithm>

namespace mockex::sdk::testing {
namespace {

using ClientTest = SdkTest;

bool listed(const std::vector<SessionInfo>& sessions, const std::string& id) {
  return std::any_of(sessions.begin(), sessions.end(),
                     [&](const SessionInfo& info) { return info.id == id; });
}

TEST_F(ClientTest, health_answers_ok_with_the_version) {
  auto health = client.health();
  EXPECT_EQ(health.status, "ok");
  EXPECT_FALSE(health.version.empty());
  EXPECT_GE(health.uptime_seconds, 0.0);
}

TEST_F(ClientTest, sessions_lists_the_default_first_then_ours) {
  auto sessions = client.sessions();
  ASSERT_GE(sessions.size(), 2u);
  EXPECT_EQ(sessions.front().id, "default");
  EXPECT_TRUE(sessions.front().is_default);
  EXPECT_TRUE(listed(sessions, session.id()));
}

TEST_F(ClientTest, default_session_is_never_deleted_by_its_handle) {
  {
    Session handle = client.default_session();
    EXPECT_FALSE(handle.owned());
    EXPECT_EQ(handle.id(), "default");
    EXPECT_EQ(handle.rest_url(), client.url());
  }
  EXPECT_TRUE(listed(client.sessions(), "default"));
}

TEST_F(ClientTest, attach_finds_a_session_by_id_without_owning_it) {
  {
    Session attached = client.attach(session.id());
    EXPECT_FALSE(attached.owned());
    EXPECT_EQ(attached.rest_url(), session.rest_url());
  }
  EXPECT_TRUE(listed(client.sessions(), session.id()));
}

TEST_F(ClientTest, a_bearer_token_is_sent_when_given) {
  // The test daemon has no token, so any token is accepted: this proves it does not break calls.
  Client with_token{client.url(), {.token = "secret", .timeout = std::chrono::seconds(5)}};
  EXPECT_EQ(with_token.health().status, "ok");
  EXPECT_TRUE(listed(with_token.sessions(), "default"));
}

TEST_F(ClientTest, a_url_with_a_trailing_slash_works) {
  Client slashed{client.url() + "/"};
  EXPECT_EQ(slashed.health().status, "ok");
}

TEST(ClientUrl, only_plain_http_urls_are_accepted) {
  EXPECT_THROW(Client{"https://127.0.0.1:1"}, std::invalid_argument);
  EXPECT_THROW(Client{"127.0.0.1:8765"}, std::invalid_argument);
  EXPECT_THROW(Client{"http://:8765"}, std::invalid_argument);
}

}  // namespace
}  // namespace mockex::sdk::testing
