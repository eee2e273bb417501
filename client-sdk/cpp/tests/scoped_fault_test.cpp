#include "sdk_test.hpp"

namespace mockex::sdk::testing {
namespace {

using ScopedFaultTest = SdkTest;

TEST_F(ScopedFaultTest, removes_its_rule_on_scope_exit) {
  {
    auto scoped = session.faults().scoped(faults::hang("GET /api/v3/ping").named("while-here"));
    EXPECT_EQ(scoped.name(), "while-here");
    EXPECT_EQ(scoped.added().state, "active");
    EXPECT_EQ(scoped.status().rule.name, "while-here");
    EXPECT_EQ(session.faults().list().size(), 1u);
  }
  EXPECT_TRUE(session.faults().list().empty());
}

TEST_F(ScopedFaultTest, takes_the_daemons_name_for_a_nameless_rule) {
  {
    auto scoped = session.faults().scoped(faults::stale("BTCUSDT"));
    EXPECT_EQ(scoped.name(), "stale-1");
  }
  EXPECT_TRUE(session.faults().list().empty());
}

TEST_F(ScopedFaultTest, release_keeps_the_rule) {
  {
    auto scoped = session.faults().scoped(faults::hang("GET /a").named("kept"));
    scoped.release();
    EXPECT_THROW(scoped.status(), std::logic_error);
  }
  EXPECT_EQ(session.faults().get("kept").state, "active");
}

TEST_F(ScopedFaultTest, remove_now_then_nothing_at_scope_exit) {
  auto scoped = session.faults().scoped(faults::hang("GET /a").named("gone"));
  scoped.remove();
  EXPECT_TRUE(session.faults().list().empty());
  EXPECT_THROW(scoped.remove(), std::logic_error);
}

TEST_F(ScopedFaultTest, a_rule_already_gone_is_fine_at_scope_exit) {
  {
    auto scoped = session.faults().scoped(faults::hang("GET /a").named("reset-away"));
    session.reset();  // clears every rule
  }
  EXPECT_TRUE(session.faults().list().empty());
}

TEST_F(ScopedFaultTest, moving_passes_the_removal_on) {
  auto outer = session.faults().scoped(faults::hang("GET /a").named("first"));
  {
    auto inner = std::move(outer);
    EXPECT_EQ(inner.name(), "first");
  }
  EXPECT_TRUE(session.faults().list().empty());
  outer = session.faults().scoped(faults::hang("GET /b").named("second"));
  outer = session.faults().scoped(faults::hang("GET /c").named("third"));  // "second" removed
  auto list = session.faults().list();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].rule.name, "third");
}

}  // namespace
}  // namespace mockex::sdk::testing
