#include <mockex/session/registry.hpp>

#include <mockex/scenario/loader.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>

#include <unistd.h>

namespace mockex::session {
namespace {

using namespace std::chrono_literals;

std::shared_ptr<const scenario::Scenario> quickstart() {
  auto loaded = scenario::load_scenario_file(std::string(MOCKEX_SCENARIOS_DIR) + "/quickstart.yaml");
  EXPECT_TRUE(loaded.ok());
  return std::make_shared<const scenario::Scenario>(*loaded.scenario);
}

// Runs `work` on the session's strand and waits for it, driving the io_context meanwhile.
template <class F>
auto on_strand(boost::asio::io_context& io, Session& session, F work) {
  std::promise<decltype(work())> promise;
  auto future = promise.get_future();
  boost::asio::post(session.executor(), [&] { promise.set_value(work()); });
  while (future.wait_for(0s) != std::future_status::ready) {
    io.restart();  // run_one() stops the context whenever it runs out of work
    io.run_one();
  }
  return future.get();
}

TEST(Session, stepped_session_has_its_books_at_once_and_moves_only_when_advanced) {
  boost::asio::io_context io;
  SessionRegistry registry(io, {});
  SessionOptions options;
  options.clock = ClockMode::stepped;
  options.start = core::Timestamp::from_millis(1'700'000'000'000);
  auto made = registry.create(quickstart(), options);
  ASSERT_TRUE(std::holds_alternative<std::shared_ptr<Session>>(made));
  auto session = std::get<std::shared_ptr<Session>>(made);
  EXPECT_EQ(session->info().scenario, "quickstart");
  EXPECT_EQ(session->info().clock, ClockMode::stepped);

  auto levels = on_strand(io, *session, [&] {
    auto& venue = session->venue();
    return venue.book(*venue.find_symbol("BTCUSDT")).depth(100).bids.size();
  });
  EXPECT_GT(levels, 0u);
  auto now = on_strand(io, *session, [&] { return session->clock().now(); });
  EXPECT_EQ(now, core::Timestamp::from_millis(1'700'000'000'000));
  auto later = on_strand(io, *session, [&] {
    session->clock().advance(5s);
    return session->clock().now();
  });
  EXPECT_EQ(later, core::Timestamp::from_millis(1'700'000'005'000));
  auto events = on_strand(io, *session, [&] { return session->player().market_events(); });
  EXPECT_GT(events, 0u);
}

TEST(Session, reset_goes_back_to_the_start_with_the_same_market) {
  boost::asio::io_context io;
  SessionRegistry registry(io, {});
  SessionOptions options;
  options.clock = ClockMode::stepped;
  options.start = core::Timestamp::from_millis(1'700'000'000'000);
  auto session = std::get<std::shared_ptr<Session>>(registry.create(quickstart(), options));
  auto depth_at = [&](std::chrono::seconds t) {
    return on_strand(io, *session, [&] {
      session->clock().advance(t);
      auto& venue = session->venue();
      return venue.book(*venue.find_symbol("ETHUSDT")).depth(10);
    });
  };
  auto first = depth_at(3s);
  int resets = 0;
  on_strand(io, *session, [&] { return session->on_reset([&] { ++resets; }); });
  auto error = on_strand(io, *session, [&] { return session->reset(); });
  EXPECT_FALSE(error);
  EXPECT_EQ(resets, 1);
  EXPECT_EQ(on_strand(io, *session, [&] { return session->clock().now(); }),
            core::Timestamp::from_millis(1'700'000'000'000));
  EXPECT_EQ(depth_at(3s), first);
}

TEST(SessionRegistry, limit_ids_removal_and_idle_expiry) {
  boost::asio::io_context io;
  SessionRegistry registry(io, {2, 1000ms});
  auto scenario = quickstart();
  SessionOptions options;
  options.clock = ClockMode::stepped;
  auto a = std::get<std::shared_ptr<Session>>(registry.create(scenario, options));
  auto b = std::get<std::shared_ptr<Session>>(registry.create(scenario, options));
  EXPECT_NE(a->id(), b->id());
  ASSERT_TRUE(registry.refusal().has_value());
  EXPECT_EQ(registry.refusal()->code, "session_limit");
  auto third = registry.create(scenario, options);
  ASSERT_TRUE(std::holds_alternative<RegistryError>(third));
  EXPECT_EQ(std::get<RegistryError>(third).status, 429);
  EXPECT_EQ(registry.find(a->id()), a);
  EXPECT_TRUE(registry.remove(a->id()));
  EXPECT_FALSE(registry.remove(a->id()));
  EXPECT_EQ(registry.find(a->id()), nullptr);
  EXPECT_FALSE(registry.refusal().has_value());
  io.restart();
  io.poll();
  EXPECT_TRUE(a->closed());
  // b was used just now: not idle at +0.5 s, idle at +1.5 s.
  b->touch();
  auto now = std::chrono::steady_clock::now();
  EXPECT_EQ(registry.expire_idle(now + 500ms), 0u);
  EXPECT_EQ(registry.expire_idle(now + 1500ms), 1u);
  EXPECT_EQ(registry.size(), 0u);
  auto stats = registry.stats();
  EXPECT_EQ(stats.open, 0u);
  EXPECT_EQ(stats.created, 2u);
  EXPECT_EQ(stats.deleted, 1u);
  EXPECT_EQ(stats.expired, 1u);
}

TEST(SessionRegistry, default_session_is_found_by_id_and_never_counts) {
  boost::asio::io_context io;
  SessionRegistry registry(io, {1, 0ms});
  SessionOptions options;
  options.clock = ClockMode::stepped;
  auto made = registry.create_default(quickstart(), options);
  auto session = std::get<std::shared_ptr<Session>>(made);
  EXPECT_EQ(session->id(), "default");
  EXPECT_EQ(registry.default_session(), session);
  EXPECT_EQ(registry.find("default"), session);
  EXPECT_TRUE(std::holds_alternative<std::shared_ptr<Session>>(registry.create(quickstart(), options)));
  EXPECT_EQ(registry.list().size(), 2u);
  EXPECT_FALSE(registry.remove("default"));
}

}  // namespace
}  // namespace mockex::session

namespace mockex::session {
namespace {

TEST(Session, journal_records_the_start_timeline_notes_and_admin_entries) {
  boost::asio::io_context io;
  SessionRegistry registry(io, {});
  SessionOptions options;
  options.clock = ClockMode::stepped;
  auto session = std::get<std::shared_ptr<Session>>(registry.create(quickstart(), options));
  auto kinds = on_strand(io, *session, [&] {
    scenario::TimelineEntry halt;
    halt.kind = scenario::TimelineEntry::Kind::halt;
    halt.halt.symbol = "BTCUSDT";
    session->player().apply(halt);
    std::vector<std::string> out;
    for (const auto& entry : session->journal().entries()) {
      out.push_back(std::string(journal::kind_name(entry.kind)) + " " +
                    entry.data().value("event", std::string()));
    }
    return out;
  });
  ASSERT_GE(kinds.size(), 2u);
  EXPECT_EQ(kinds.front(), "session started");
  EXPECT_EQ(kinds.back(), "market halt BTCUSDT");
  auto status = on_strand(io, *session, [&] {
    auto& venue = session->venue();
    return venue.instrument(*venue.find_symbol("BTCUSDT")).status;
  });
  EXPECT_EQ(status, venue::TradingStatus::halt);
}

}  // namespace
}  // namespace mockex::session

namespace mockex::session {
namespace {

TEST(Session, journal_file_and_report_are_written_where_configured) {
  auto dir = std::filesystem::temp_directory_path() /
             ("mockex-session-files-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    boost::asio::io_context io;
    SessionRegistry registry(io, {}, {dir.string(), (dir / "reports").string()});
    SessionOptions options;
    options.clock = ClockMode::stepped;
    auto session = std::get<std::shared_ptr<Session>>(registry.create(quickstart(), options));
    auto id = session->id();
    EXPECT_TRUE(registry.remove(id));
    io.restart();
    io.poll();
    ASSERT_TRUE(session->closed());
    std::ifstream journal_file(dir / (id + ".jsonl"));
    std::string first;
    std::getline(journal_file, first);
    EXPECT_NE(first.find("\"started\""), std::string::npos) << first;
    EXPECT_TRUE(std::filesystem::exists(dir / "reports" / (id + ".json")));
    std::ifstream markdown_file(dir / "reports" / (id + ".md"));
    std::string markdown((std::istreambuf_iterator<char>(markdown_file)), {});
    EXPECT_NE(markdown.find(id), std::string::npos) << markdown;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace mockex::session
