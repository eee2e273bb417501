// Every class of scenario error: its exact message and its 1-based line:column.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace mockex::scenario {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::errors_of;
using testing::with_base;

TEST(LoaderErrors, yaml_syntax_error_names_line_and_column) {
  EXPECT_THAT(errors_of("name: x\ninstruments: [\n"),
              ElementsAre("test.yaml:3:1: YAML syntax error: end of sequence flow not found"));
}

TEST(LoaderErrors, document_that_is_not_a_mapping_is_rejected) {
  EXPECT_THAT(errors_of("- a\n- b\n"),
              ElementsAre("test.yaml:1:1: the scenario must be a mapping, got a list"));
}

TEST(LoaderErrors, unknown_key_suggests_the_nearest_known_key) {
  EXPECT_THAT(errors_of(with_base("sed: 3\n")),
              ElementsAre("test.yaml:13:1: unknown key 'sed' in the scenario; did you mean 'seed'?"));
}

TEST(LoaderErrors, unknown_key_far_from_every_key_has_no_suggestion) {
  EXPECT_THAT(errors_of(with_base("colour: blue\n")),
              ElementsAre("test.yaml:13:1: unknown key 'colour' in the scenario"));
}

TEST(LoaderErrors, misspelt_nested_key_is_found_with_its_suggestion) {
  EXPECT_THAT(errors_of(with_base("market:\n"
                                  "  BTCUSDT:\n"
                                  "    random_walk:\n"
                                  "      mid: 100\n"
                                  "      volatilty: 0.1\n")),
              ElementsAre("test.yaml:17:7: unknown key 'volatilty' in random_walk; did you mean "
                          "'volatility'?"));
}

TEST(LoaderErrors, repeated_key_points_at_the_first) {
  EXPECT_THAT(errors_of(with_base("seed: 2\n")),
              ElementsAre("test.yaml:13:1: duplicate key 'seed' in the scenario (first at line 2)"));
}

TEST(LoaderErrors, missing_required_key_is_reported_at_its_mapping) {
  EXPECT_THAT(errors_of("name: x\ninstruments:\n  - symbol: BTCUSDT\n    base: BTC\n"),
              ElementsAre("test.yaml:3:5: missing required key 'quote' in instrument"));
}

TEST(LoaderErrors, wrong_type_for_a_list_is_rejected) {
  EXPECT_THAT(errors_of("name: x\ninstruments: BTCUSDT\n"),
              ElementsAre("test.yaml:2:14: 'instruments' must be a list"));
}

TEST(LoaderErrors, wrong_type_for_a_mapping_is_rejected) {
  EXPECT_THAT(errors_of(with_base("clock: fast\n")),
              ElementsAre("test.yaml:13:8: clock must be a mapping, got 'fast'"));
}

TEST(LoaderErrors, whole_number_expected_but_text_given) {
  auto yaml = with_base("");
  yaml.replace(yaml.find("seed: 1"), 7, "seed: forty");
  EXPECT_THAT(errors_of(yaml),
              ElementsAre("test.yaml:2:7: 'seed' must be a whole number, got 'forty'"));
}

TEST(LoaderErrors, enum_value_lists_the_choices_and_suggests_one) {
  EXPECT_THAT(errors_of(with_base("clock:\n  mode: steped\n")),
              ElementsAre("test.yaml:14:9: 'mode' must be one of realtime, accelerated, stepped; "
                          "got 'steped'; did you mean 'stepped'?"));
}

TEST(LoaderErrors, negative_volatility_is_impossible) {
  EXPECT_THAT(errors_of(with_base("market:\n"
                                  "  BTCUSDT:\n"
                                  "    random_walk: {mid: 100, volatility: -0.1}\n")),
              ElementsAre("test.yaml:15:41: 'volatility' must not be negative, got -0.1"));
}

TEST(LoaderErrors, decimal_in_exponent_form_is_not_a_decimal) {
  EXPECT_THAT(errors_of(with_base("market:\n"
                                  "  BTCUSDT:\n"
                                  "    random_walk: {mid: 100, drift: 1e-3}\n")),
              ElementsAre("test.yaml:15:36: 'drift' must be a decimal number such as 0.25, got "
                          "'1e-3'"));
}

TEST(LoaderErrors, tick_that_does_not_divide_a_book_price_is_rejected) {
  auto yaml = with_base(
      "market:\n"
      "  BTCUSDT:\n"
      "    book:\n"
      "      bids: [[\"100.05\", \"1\"]]\n"
      "      asks: [[\"100.15\", \"1\"]]\n");
  yaml.insert(yaml.find("    base_precision"), "    price: {tick: \"0.10\"}\n");
  EXPECT_THAT(errors_of(yaml),
              ElementsAre("test.yaml:17:15: bid price 100.05 is not a multiple of the tick size 0.1 "
                          "of BTCUSDT",
                          "test.yaml:18:15: ask price 100.15 is not a multiple of the tick size 0.1 "
                          "of BTCUSDT"));
}

TEST(LoaderErrors, filter_bound_off_the_tick_is_rejected) {
  auto yaml = with_base("");
  yaml.insert(yaml.find("    base_precision"), "    price: {tick: \"0.05\", min: \"0.12\"}\n");
  EXPECT_THAT(errors_of(yaml),
              ElementsAre("test.yaml:7:32: 'min' 0.12 is not a multiple of the tick size 0.05"));
}

TEST(LoaderErrors, price_finer_than_the_quote_precision_is_rejected) {
  auto yaml = with_base("");
  yaml.insert(yaml.find("    base_precision"), "    price: {tick: \"0.001\"}\n");
  EXPECT_THAT(errors_of(yaml),
              ElementsAre("test.yaml:7:19: 'tick' 0.001 has more decimals than BTCUSDT's quote "
                          "precision allows (2)"));
}

TEST(LoaderErrors, balance_with_more_decimals_than_the_asset_allows_is_rejected) {
  auto yaml = with_base("");
  yaml.replace(yaml.find("\"100\""), 5, "\"100.001\"");
  EXPECT_THAT(errors_of(yaml),
              ElementsAre("test.yaml:12:22: 'USDT' 100.001 has more decimals than USDT allows (2)"));
}

TEST(LoaderErrors, duplicate_symbol_points_at_the_first_definition) {
  EXPECT_THAT(errors_of("name: x\n"
                        "instruments:\n"
                        "  - {symbol: BTCUSDT, base: BTC, quote: USDT}\n"
                        "  - {symbol: BTCUSDT, base: BTC, quote: USDT}\n"),
              ElementsAre("test.yaml:4:5: duplicate symbol 'BTCUSDT' (first defined at line 3)"));
}

TEST(LoaderErrors, duplicate_api_key_points_at_the_first_definition) {
  EXPECT_THAT(errors_of(with_base("  - api_key: demo-key\n    secret: other\n")),
              ElementsAre("test.yaml:13:14: duplicate api_key 'demo-key' (first defined at line 10)"));
}

TEST(LoaderErrors, market_for_an_unknown_symbol_suggests_a_known_one) {
  EXPECT_THAT(errors_of(with_base("market:\n  BTCUSD:\n    random_walk: {mid: 100}\n")),
              ElementsAre("test.yaml:14:3: market for unknown symbol 'BTCUSD'; did you mean "
                          "'BTCUSDT'?"));
}

TEST(LoaderErrors, random_walk_without_a_mid_or_book_is_incomplete) {
  EXPECT_THAT(errors_of(with_base("market:\n  BTCUSDT:\n    random_walk: {volatility: 0.1}\n")),
              ElementsAre("test.yaml:15:18: random_walk for BTCUSDT needs a 'mid' or an initial "
                          "'book' with bids and asks"));
}

TEST(LoaderErrors, crossed_initial_book_is_rejected) {
  EXPECT_THAT(errors_of(with_base("market:\n"
                                  "  BTCUSDT:\n"
                                  "    book:\n"
                                  "      bids: [[\"101\", \"1\"]]\n"
                                  "      asks: [[\"100\", \"1\"]]\n")),
              ElementsAre("test.yaml:16:7: the book is crossed: best bid 101 >= best ask 100"));
}

TEST(LoaderErrors, invalid_duration_repeats_the_parser_reason) {
  EXPECT_THAT(errors_of(with_base("timeline:\n  - at: 5x\n    halt: BTCUSDT\n")),
              ElementsAre("test.yaml:14:9: 'at': invalid duration \"5x\": unknown unit \"x\" (use "
                          "ms, s, m or h)"));
}

TEST(LoaderErrors, unknown_fault_kind_suggests_the_nearest_kind) {
  EXPECT_THAT(errors_of(with_base("timeline:\n  - at: 1s\n    fault: {kind: latncy}\n")),
              ElementsAre("test.yaml:15:19: unknown fault kind 'latncy'; did you mean 'latency'?"));
}

TEST(LoaderErrors, a_trigger_names_a_known_event_and_matches_orders_only) {
  EXPECT_THAT(
      errors_of(with_base("timeline:\n  - at: 1s\n    fault: {kind: hang, trigger: {on: cancel}}\n")),
      ElementsAre("test.yaml:15:39: 'on' must be one of order_ack, order, fill; got 'cancel'"));
  EXPECT_THAT(errors_of(with_base("timeline:\n  - at: 1s\n    fault: {kind: hang, trigger: "
                                  "{on: fill, match: {http: \"GET /x\"}}}\n")),
              ElementsAre(HasSubstr("unknown key 'http'")));
}

TEST(LoaderErrors, probability_above_one_is_impossible) {
  EXPECT_THAT(errors_of(with_base("timeline:\n  - at: 1s\n    fault: {kind: hang, probability: 1.5}\n")),
              ElementsAre("test.yaml:15:38: 'probability' must be at most 1, got 1.5"));
}

TEST(LoaderErrors, timeline_entry_needs_exactly_one_action) {
  EXPECT_THAT(errors_of(with_base("timeline:\n"
                                  "  - at: 1s\n"
                                  "  - at: 2s\n"
                                  "    halt: BTCUSDT\n"
                                  "    resume: BTCUSDT\n")),
              ElementsAre("test.yaml:14:5: timeline entry needs one of shock, halt, resume, "
                          "liquidity, spread, set_balance, fault",
                          "test.yaml:17:5: timeline entry has more than one action: halt and resume "
                          "(use one entry for each)"));
}

TEST(LoaderErrors, timeline_reference_to_an_unknown_account_suggests_one) {
  EXPECT_THAT(errors_of(with_base("timeline:\n"
                                  "  - at: 1s\n"
                                  "    set_balance: {account: demo-ky, asset: USDT, amount: 5}\n")),
              ElementsAre("test.yaml:15:28: unknown account 'demo-ky'; did you mean 'demo-key'?"));
}

TEST(LoaderErrors, shock_needs_a_random_walk_market) {
  EXPECT_THAT(errors_of(with_base("timeline:\n  - at: 1s\n    shock: {symbol: BTCUSDT, pct: -5}\n")),
              ElementsAre("test.yaml:15:21: shock needs a random_walk market for BTCUSDT"));
}

TEST(LoaderErrors, timeline_entry_after_the_clock_duration_is_rejected) {
  EXPECT_THAT(errors_of(with_base("clock: {duration: 1m}\ntimeline:\n  - at: 90s\n    halt:\n")),
              ElementsAre("test.yaml:15:9: 'at' 90s is after the end of the scenario (clock "
                          "duration 1m)"));
}

TEST(LoaderErrors, speed_outside_accelerated_mode_is_rejected) {
  EXPECT_THAT(errors_of(with_base("clock: {mode: realtime, speed: 5}\n")),
              ElementsAre("test.yaml:13:32: 'speed' applies only to mode accelerated"));
}

TEST(LoaderErrors, bad_start_instant_explains_the_accepted_forms) {
  EXPECT_THAT(errors_of(with_base("clock: {start: yesterday}\n")),
              ElementsAre("test.yaml:13:16: 'start' must be now, epoch milliseconds or an ISO-8601 "
                          "instant such as 2024-01-01T00:00:00Z, got 'yesterday'"));
}

TEST(LoaderErrors, size_key_that_does_not_apply_to_the_distribution_is_rejected) {
  EXPECT_THAT(errors_of(with_base("market:\n"
                                  "  BTCUSDT:\n"
                                  "    random_walk:\n"
                                  "      mid: 100\n"
                                  "      level_size: {distribution: fixed, min: 1}\n")),
              ElementsAre("test.yaml:17:41: 'min' does not apply to distribution fixed"));
}

TEST(LoaderErrors, every_error_in_a_file_is_reported_in_file_order) {
  auto errors = errors_of("name: x\n"
                          "seed: -1\n"
                          "instruments:\n"
                          "  - {symbol: btc, base: BTC, quote: USDT, status: OPEN}\n"
                          "clock: {mode: fast}\n");
  EXPECT_THAT(errors,
              ElementsAre("test.yaml:2:7: 'seed' must be a whole number, got '-1'",
                          "test.yaml:4:14: 'symbol' must be upper-case letters and digits, got 'btc'",
                          "test.yaml:4:51: 'status' must be one of TRADING, HALT, BREAK; got 'OPEN'",
                          "test.yaml:5:15: 'mode' must be one of realtime, accelerated, stepped; got "
                          "'fast'"));
}

TEST(LoaderErrors, unreadable_file_is_reported_without_a_position) {
  auto result = load_scenario_file("/nonexistent/dir/x.yaml");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].to_string(), "/nonexistent/dir/x.yaml: cannot read the scenario file");
}

TEST(LoaderErrors, missing_replay_file_is_reported_at_its_key) {
  LoadOptions options;
  options.base_dir = "/nonexistent";
  options.check_files = true;
  auto result = load_scenario_string(with_base("market:\n  BTCUSDT:\n    replay: {file: a.jsonl}\n"),
                                     "test.yaml", options);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].to_string(),
            "test.yaml:15:20: replay file 'a.jsonl' cannot be read (looked for /nonexistent/a.jsonl)");
}

// Found by fuzzing (tests/fuzz/corpus/scenario_loader/crash-zero-tick-book): after refusing the
// zero tick, the loader checked the book's levels against it and divided by zero (SIGFPE).
TEST(LoaderErrors, zero_tick_and_step_are_errors_even_with_a_book_to_check) {
  EXPECT_THAT(errors_of("name: base\n"
                        "seed: 1\n"
                        "instruments:\n"
                        "  - symbol: BTCUSDT\n"
                        "    base: BTC\n"
                        "    quote: USDT\n"
                        "    price: {tick: \"0.00\"}\n"
                        "    lot: {step: \"0\"}\n"
                        "accounts: []\n"
                        "market:\n"
                        "  BTCUSDT:\n"
                        "    book: {bids: [[\"100.00\", \"1\"]], asks: [[\"101.00\", \"1\"]]}\n"),
              ElementsAre("test.yaml:7:19: 'tick' must be greater than 0",
                          "test.yaml:8:17: 'step' must be greater than 0"));
}

}  // namespace
}  // namespace mockex::scenario

namespace mockex::scenario {
namespace {

TEST(LoaderErrors, strict_params_must_be_a_boolean) {
  auto errors = testing::errors_of(testing::with_base("strict_params: sometimes\n"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], ::testing::StartsWith("test.yaml:13:16: "));
}

}  // namespace
}  // namespace mockex::scenario
