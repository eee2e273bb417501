#include "admin_harness.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace mockex::admin::testing {
namespace {

const std::string kSessions = "/_mockex/v1/sessions";
const std::string kSession = "/_mockex/v1/sessions/{id}";

constexpr const char* kInlineYaml = R"(name: inline-one
seed: 7
clock: {mode: stepped, start: 1700000000000}
instruments:
  - symbol: BTCUSDT
    base: BTC
    quote: USDT
    price: {tick: "0.01", min: "0.01", max: "1000000"}
    lot: {step: "0.00001", min: "0.00001", max: "9000"}
accounts:
  - api_key: k1
    secret: s1
    balances: {USDT: "1000"}
)";

TEST(AdminSessions, create_by_name_answers_201_with_urls_on_the_request_host) {
  AdminHarness admin;
  auto answer =
      admin.call("POST", kSessions, {}, R"({"scenario":"quickstart","seed":99,"clock":"stepped"})");
  ASSERT_EQ(answer.status, 201) << answer.body;
  EXPECT_EQ(answer.header("Content-Type"), "application/json");
  auto body = answer.json();
  auto id = body["id"].get<std::string>();
  EXPECT_FALSE(id.empty());
  EXPECT_EQ(body["rest_url"], "http://localhost:8765/s/" + id);
  EXPECT_EQ(body["ws_url"], "ws://localhost:8765/s/" + id + "/ws");
  EXPECT_EQ(body["ws_api_url"], "ws://localhost:8765/s/" + id + "/ws-api/v3");
  EXPECT_EQ(body["scenario"], "quickstart");
  EXPECT_EQ(body["seed"], 99u);
  EXPECT_EQ(body["clock"], "stepped");
  EXPECT_EQ(answer.header("Location"), kSessions + "/" + id);
}

TEST(AdminSessions, create_by_name_accepts_the_yaml_suffix_and_defaults_to_the_scenario_seed) {
  AdminHarness admin;
  auto answer = admin.call("POST", kSessions, {}, R"({"scenario":"quickstart.yaml"})");
  ASSERT_EQ(answer.status, 201) << answer.body;
  EXPECT_EQ(answer.json()["seed"], 42u);
  EXPECT_EQ(answer.json()["clock"], "realtime");
}

TEST(AdminSessions, create_inline_uses_the_given_yaml) {
  AdminHarness admin;
  nlohmann::json request = {{"scenario_yaml", kInlineYaml}};
  auto answer = admin.call("POST", kSessions, {}, request.dump());
  ASSERT_EQ(answer.status, 201) << answer.body;
  EXPECT_EQ(answer.json()["scenario"], "inline-one");
  EXPECT_EQ(answer.json()["seed"], 7u);
  EXPECT_EQ(answer.json()["clock"], "stepped");
}

TEST(AdminSessions, path_traversal_in_a_scenario_name_is_refused) {
  AdminHarness admin;
  for (const char* name : {"../scenarios/quickstart", "/etc/passwd", "..", ".hidden",
                           "sub/quickstart", "a\\\\b", "quick..start"}) {
    auto answer = admin.call("POST", kSessions, {}, nlohmann::json{{"scenario", name}}.dump());
    EXPECT_EQ(answer.status, 400) << name;
    EXPECT_EQ(answer.error_code(), "invalid_scenario_name") << name;
  }
}

TEST(AdminSessions, unknown_scenario_is_404) {
  AdminHarness admin;
  auto answer = admin.call("POST", kSessions, {}, R"({"scenario":"no-such-scenario"})");
  EXPECT_EQ(answer.status, 404);
  EXPECT_EQ(answer.error_code(), "scenario_not_found");
}

TEST(AdminSessions, invalid_scenario_is_422_with_file_line_column_errors) {
  AdminHarness admin;
  std::string yaml = std::string(kInlineYaml) + "bogus_key: 1\n";
  auto answer = admin.call("POST", kSessions, {}, nlohmann::json{{"scenario_yaml", yaml}}.dump());
  ASSERT_EQ(answer.status, 422) << answer.body;
  auto body = answer.json();
  EXPECT_EQ(body["error"]["code"], "invalid_scenario");
  ASSERT_TRUE(body["errors"].is_array());
  ASSERT_FALSE(body["errors"].empty());
  auto first = body["errors"][0].get<std::string>();
  EXPECT_EQ(first.rfind("<inline>:14:1: ", 0), 0u) << first;
  EXPECT_EQ(admin.registry.size(), 0u);
}

TEST(AdminSessions, an_invalid_scenario_file_is_422_naming_the_file) {
  auto dir = std::filesystem::path(::testing::TempDir()) / "mockex_admin_scenarios";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "broken.yaml") << kInlineYaml << "  - oops\n";
  AdminOptions options;
  options.scenario_dirs = {(dir / "missing").string(), dir.string()};
  AdminHarness admin(options);
  auto answer = admin.call("POST", kSessions, {}, R"({"scenario":"broken"})");
  ASSERT_EQ(answer.status, 422) << answer.body;
  auto first = answer.json()["errors"][0].get<std::string>();
  EXPECT_EQ(first.rfind((dir / "broken.yaml").string() + ":14:", 0), 0u) << first;
}

// A scenario directory of its own under the test's temp dir, emptied first.
std::filesystem::path fresh_dir(const std::string& name) {
  auto dir = std::filesystem::path(::testing::TempDir()) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string with_replay(const std::string& file) {
  return std::string(kInlineYaml) + "market:\n  BTCUSDT:\n    replay: {file: \"" + file + "\"}\n";
}

TEST(AdminSessions, a_scenario_symlink_leading_out_of_its_directory_is_403) {
  auto outside = fresh_dir("mockex_admin_outside");
  auto dir = fresh_dir("mockex_admin_confined");
  std::ofstream(outside / "secret.yaml") << kInlineYaml;
  std::filesystem::create_symlink(outside / "secret.yaml", dir / "escape.yaml");
  std::ofstream(dir / "own.yaml") << kInlineYaml;
  std::filesystem::create_symlink(dir / "own.yaml", dir / "alias.yaml");
  AdminOptions options;
  options.scenario_dirs = {dir.string()};
  AdminHarness admin(options);
  auto refused = admin.call("POST", kSessions, {}, R"({"scenario":"escape"})");
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(refused.error_code(), "scenario_outside_dirs");
  auto inside = admin.call("POST", kSessions, {}, R"({"scenario":"alias"})");
  EXPECT_EQ(inside.status, 201) << inside.body;
  EXPECT_EQ(admin.registry.size(), 1u);
}

TEST(AdminSessions, replay_files_outside_the_scenario_directories_are_refused) {
  auto outside = fresh_dir("mockex_admin_replay_outside");
  auto dir = fresh_dir("mockex_admin_replay_dir");
  std::ofstream(outside / "data.jsonl") << "";
  std::ofstream(dir / "data.jsonl") << "";
  std::filesystem::create_symlink(outside / "data.jsonl", dir / "link.jsonl");
  AdminOptions options;
  options.scenario_dirs = {dir.string()};
  AdminHarness admin(options);
  for (const auto& file : {(outside / "data.jsonl").string(), std::string("../") +
                               outside.filename().string() + "/data.jsonl",
                           std::string("link.jsonl"), std::string("/etc/passwd")}) {
    nlohmann::json request = {{"scenario_yaml", with_replay(file)}};
    auto answer = admin.call("POST", kSessions, {}, request.dump());
    ASSERT_EQ(answer.status, 422) << file << " -> " << answer.body;
    auto first = answer.json()["errors"][0].get<std::string>();
    EXPECT_NE(first.find("is outside the scenario directories"), std::string::npos) << first;
  }
  nlohmann::json allowed = {{"scenario_yaml", with_replay("data.jsonl")}};
  auto answer = admin.call("POST", kSessions, {}, allowed.dump());
  EXPECT_EQ(answer.status, 201) << answer.body;
}

TEST(AdminSessions, without_scenario_directories_no_replay_file_is_allowed) {
  AdminOptions options;
  AdminHarness admin(options);
  nlohmann::json request = {{"scenario_yaml", with_replay("/etc/hostname")}};
  auto answer = admin.call("POST", kSessions, {}, request.dump());
  EXPECT_EQ(answer.status, 422) << answer.body;
}

TEST(AdminSessions, an_inline_scenario_past_the_size_limit_is_413) {
  AdminOptions options = scenario_options("");
  options.max_scenario_bytes = std::string(kInlineYaml).size();
  AdminHarness admin(options);
  nlohmann::json fits = {{"scenario_yaml", kInlineYaml}};
  EXPECT_EQ(admin.call("POST", kSessions, {}, fits.dump()).status, 201);
  nlohmann::json big = {{"scenario_yaml", std::string(kInlineYaml) + "#"}};
  auto answer = admin.call("POST", kSessions, {}, big.dump());
  EXPECT_EQ(answer.status, 413) << answer.body;
  EXPECT_EQ(answer.error_code(), "scenario_too_large");
  EXPECT_EQ(admin.registry.size(), 1u);
}

TEST(AdminSessions, bad_bodies_and_fields_are_400) {
  AdminHarness admin;
  for (const char* body :
       {"{not json", "[1]", R"({"scenario":"quickstart","bogus":1})",
        R"({"scenario":"quickstart","seed":-1})", R"({"scenario":"quickstart","seed":"7"})",
        R"({"scenario":"quickstart","clock":"fast"})", R"({"scenario":"quickstart","speed":0})",
        R"({"scenario":"quickstart","start":-5})", R"({"scenario":3})", "{}",
        R"({"scenario":"quickstart","scenario_yaml":"name: x"})"}) {
    auto answer = admin.call("POST", kSessions, {}, body);
    EXPECT_EQ(answer.status, 400) << body << " -> " << answer.body;
    EXPECT_FALSE(answer.error_code().empty()) << body;
    EXPECT_FALSE(answer.json()["error"]["message"].get<std::string>().empty());
  }
  EXPECT_EQ(admin.registry.size(), 0u);
}

TEST(AdminSessions, list_includes_the_default_first) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  auto answer = admin.call("GET", kSessions);
  ASSERT_EQ(answer.status, 200);
  auto sessions = answer.json()["sessions"];
  ASSERT_EQ(sessions.size(), 2u);
  EXPECT_EQ(sessions[0]["id"], "default");
  EXPECT_EQ(sessions[0]["default"], true);
  EXPECT_EQ(sessions[0]["rest_url"], "http://localhost:8765");
  EXPECT_EQ(sessions[1]["id"], id);
  EXPECT_EQ(sessions[1]["default"], false);
}

TEST(AdminSessions, get_shows_info_and_the_clock) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  auto answer = admin.call("GET", kSession, {{"id", id}});
  ASSERT_EQ(answer.status, 200) << answer.body;
  auto body = answer.json();
  EXPECT_EQ(body["id"], id);
  EXPECT_EQ(body["clock_state"]["now"], kStartMs);
  EXPECT_EQ(body["clock_state"]["mode"], "stepped");
  EXPECT_EQ(body["clock_state"]["paused"], false);
  EXPECT_EQ(body["finished"], false);
  EXPECT_TRUE(body["open_fault_windows"].is_array());
  EXPECT_EQ(admin.call("GET", kSession, {{"id", "default"}}).json()["default"], true);
}

TEST(AdminSessions, delete_answers_204_then_the_session_is_gone) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  auto answer = admin.call("DELETE", kSession, {{"id", id}});
  EXPECT_EQ(answer.status, 204);
  EXPECT_TRUE(answer.body.empty());
  EXPECT_EQ(admin.call("GET", kSession, {{"id", id}}).status, 404);
  auto again = admin.call("DELETE", kSession, {{"id", id}});
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(again.error_code(), "session_not_found");
  EXPECT_EQ(admin.call("GET", kSessions).json()["sessions"].size(), 1u);
}

TEST(AdminSessions, the_default_session_cannot_be_deleted) {
  AdminHarness admin;
  auto answer = admin.call("DELETE", kSession, {{"id", "default"}});
  EXPECT_EQ(answer.status, 409);
  EXPECT_EQ(answer.error_code(), "default_session");
}

TEST(AdminSessions, unknown_session_is_404_on_every_session_route) {
  AdminHarness admin;
  for (const char* rest : {"", "/clock", "/journal", "/report"}) {
    auto answer = admin.on("nope", "GET", rest);
    EXPECT_EQ(answer.status, 404) << rest;
    EXPECT_EQ(answer.error_code(), "session_not_found") << rest;
  }
}

TEST(AdminSessions, reset_goes_back_to_the_start) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  ASSERT_EQ(admin.on(id, "POST", "/clock/advance", R"({"by":"1m"})").status, 200);
  auto answer = admin.on(id, "POST", "/reset");
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json()["id"], id);
  EXPECT_EQ(answer.json()["clock_state"]["now"], kStartMs);
}

TEST(AdminSessions, a_successful_call_marks_the_session_used) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  auto session = admin.registry.find(id);
  auto before = session->last_used();
  ASSERT_EQ(admin.on(id, "GET", "/clock").status, 200);
  EXPECT_GT(session->last_used(), before);
  auto used = session->last_used();
  ASSERT_EQ(admin.on(id, "POST", "/market/halt", R"({"symbol":"NOPE"})").status, 404);
  EXPECT_EQ(session->last_used(), used);
}

TEST(AdminSessions, session_limit_is_429) {
  AdminHarness admin(scenario_options(), session::RegistryLimits{1, std::chrono::minutes(30)});
  admin.create_stepped();
  auto answer = admin.call("POST", kSessions, {}, R"({"scenario":"quickstart","clock":"stepped"})");
  EXPECT_EQ(answer.status, 429);
  EXPECT_EQ(answer.error_code(), "session_limit");
  // Refused before the scenario is looked at: one that does not exist is not even noticed.
  auto unread = admin.call("POST", kSessions, {}, R"({"scenario":"no-such-scenario"})");
  EXPECT_EQ(unread.status, 429);
  EXPECT_EQ(unread.error_code(), "session_limit");
}

TEST(AdminSessions, a_token_is_required_when_configured) {
  AdminHarness admin(scenario_options("s3cret"));
  auto missing = admin.call("GET", kSessions);
  EXPECT_EQ(missing.status, 401);
  EXPECT_EQ(missing.error_code(), "unauthorized");
  EXPECT_EQ(missing.header("WWW-Authenticate"), "Bearer");
  auto wrong = admin.call("GET", kSessions, {}, "", "", {{"Authorization", "Bearer nope"}});
  EXPECT_EQ(wrong.status, 401);
  auto create = admin.call("POST", kSessions, {}, R"({"scenario":"quickstart"})", "",
                           {{"Authorization", "Bearer wrong!"}});
  EXPECT_EQ(create.status, 401);
  EXPECT_EQ(admin.registry.size(), 0u);
  auto right = admin.call("GET", kSessions, {}, "", "", {{"Authorization", "Bearer s3cret"}});
  EXPECT_EQ(right.status, 200);
}

}  // namespace
}  // namespace mockex::admin::testing
