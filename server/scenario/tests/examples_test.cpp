// Every example scenario in scenarios/ loads cleanly and says what its header promises.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "mockex/scenario/validate.hpp"
#include "test_support.hpp"

namespace mockex::scenario {
namespace {

std::vector<std::string> example_files() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(testing::scenarios_dir())) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(Examples, every_example_scenario_loads_without_error) {
  const auto files = example_files();
  ASSERT_GE(files.size(), 7u);
  for (const auto& file : files) {
    auto result = load_scenario_file(file);
    EXPECT_TRUE(result.ok()) << file;
    for (const auto& error : result.errors) ADD_FAILURE() << error.to_string();
  }
}

TEST(Examples, every_example_starts_with_the_schema_comment) {
  for (const auto& file : example_files()) {
    std::ifstream in(file);
    std::string first;
    std::getline(in, first);
    EXPECT_EQ(first, "# yaml-language-server: $schema=./schema.json") << file;
  }
}

TEST(Examples, the_documented_examples_all_exist) {
  for (const char* name : {"quickstart", "flash-crash", "exchange-outage", "stale-feed",
                           "rate-limit-storm", "lost-ack", "replay"}) {
    EXPECT_TRUE(std::filesystem::exists(testing::scenarios_dir() + "/" + name + ".yaml")) << name;
  }
}

TEST(Examples, quickstart_has_the_documented_demo_account_and_markets) {
  auto result = load_scenario_file(testing::scenarios_dir() + "/quickstart.yaml");
  ASSERT_TRUE(result.ok());
  const Scenario& s = *result.scenario;
  EXPECT_EQ(s.name, "quickstart");
  EXPECT_EQ(s.clock.mode, ClockMode::realtime);
  EXPECT_FALSE(s.clock.start.has_value());
  ASSERT_NE(s.find_instrument("BTCUSDT"), nullptr);
  ASSERT_NE(s.find_instrument("ETHUSDT"), nullptr);
  ASSERT_EQ(s.accounts.size(), 1u);
  const Account& demo = s.accounts[0];
  EXPECT_EQ(demo.api_key, "demo-key");
  EXPECT_EQ(demo.secret, "demo-secret");
  ASSERT_EQ(demo.balances.size(), 3u);
  EXPECT_EQ(demo.balances[0].asset, "USDT");
  EXPECT_EQ(demo.balances[0].amount.units(), 100000LL * 100000000);
  EXPECT_EQ(demo.balances[1].asset, "BTC");
  EXPECT_EQ(demo.balances[1].amount.units(), 10LL * 100000000);
  EXPECT_EQ(demo.balances[2].asset, "ETH");
  EXPECT_EQ(demo.balances[2].amount.units(), 100LL * 100000000);
  EXPECT_EQ(s.markets.size(), 2u);
}

TEST(Examples, validate_prints_a_one_line_summary) {
  auto report = validate_file(testing::scenarios_dir() + "/flash-crash.yaml");
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(report.summary, "flash-crash: 1 instrument, 1 account, 6 timeline entries, seed 7");
  auto quick = validate_file(testing::scenarios_dir() + "/quickstart.yaml");
  EXPECT_EQ(quick.summary, "quickstart: 2 instruments, 1 account, 0 timeline entries, seed 42");
}

TEST(Examples, validate_lists_errors_with_positions) {
  auto report = validate_string("name: x\ninstruments: []\n", "inline.yaml");
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.errors,
            std::vector<std::string>{
                "inline.yaml:2:14: 'instruments' must list at least one instrument"});
}

}  // namespace
}  // namespace mockex::scenario
