#include "mockex/book/event_format.hpp"

#include <string_view>
#include <type_traits>

#include "mockex/core/decimal.hpp"

namespace mockex::book {

namespace {

class Line {
 public:
  Line(std::string& out, const BookConfig& config) : out_(out), config_(config) {}

  Line& word(std::string_view text) {
    out_ += text;
    return *this;
  }
  Line& field(std::string_view key, std::string_view value) {
    out_ += ' ';
    out_ += key;
    out_ += '=';
    out_ += value;
    return *this;
  }
  Line& field(std::string_view key, std::uint64_t value) {
    return field(key, std::to_string(value));
  }
  template <class Tag>
  Line& field(std::string_view key, core::StrongId<Tag> id) {
    return field(key, id.value());
  }
  Line& price(std::string_view key, core::Price value) {
    return decimal(key, value.units(), config_.price_scale);
  }
  Line& qty(std::string_view key, core::Qty value) {
    return decimal(key, value.units(), config_.qty_scale);
  }

 private:
  Line& decimal(std::string_view key, std::int64_t units, core::Scale scale) {
    out_ += ' ';
    out_ += key;
    out_ += '=';
    core::append_decimal(out_, units, scale);
    return *this;
  }

  std::string& out_;
  const BookConfig& config_;
};

}  // namespace

void append_event(std::string& out, const Event& event, const BookConfig& config) {
  Line line{out, config};
  std::visit(
      [&](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, OrderAccepted>) {
          line.word("ACCEPTED")
              .field("order", e.order)
              .field("owner", e.owner)
              .field("side", to_string(e.side))
              .field("type", to_string(e.type))
              .field("state", to_string(e.state));
        } else if constexpr (std::is_same_v<T, Trade>) {
          line.word("TRADE")
              .field("id", e.id)
              .field("maker", e.maker)
              .field("taker", e.taker)
              .field("maker_owner", e.maker_owner)
              .field("taker_owner", e.taker_owner)
              .field("maker_side", to_string(e.maker_side))
              .price("price", e.price)
              .qty("qty", e.qty)
              .qty("maker_open", e.maker_open_qty);
        } else if constexpr (std::is_same_v<T, OrderDone>) {
          line.word("DONE")
              .field("order", e.order)
              .field("owner", e.owner)
              .field("reason", to_string(e.reason))
              .qty("filled", e.filled_qty)
              .qty("open", e.open_qty);
        } else if constexpr (std::is_same_v<T, LevelChanged>) {
          line.word("LEVEL")
              .field("u", e.update_id)
              .field("side", to_string(e.side))
              .price("price", e.price)
              .qty("qty", e.qty)
              .field("count", std::uint64_t{e.count});
        } else if constexpr (std::is_same_v<T, StopTriggered>) {
          line.word("STOP_TRIGGERED")
              .field("order", e.order)
              .field("owner", e.owner)
              .price("stop", e.stop_price)
              .price("last", e.last_price);
        } else if constexpr (std::is_same_v<T, MatchPrevented>) {
          line.word("PREVENTED")
              .field("id", e.prevented_match_id)
              .field("taker", e.taker)
              .field("maker", e.maker)
              .field("owner", e.owner)
              .field("mode", to_string(e.mode))
              .price("price", e.price)
              .qty("taker_qty", e.taker_qty)
              .qty("maker_qty", e.maker_qty);
        } else {
          static_assert(std::is_same_v<T, OrderAmended>);
          line.word("AMENDED")
              .field("order", e.order)
              .field("owner", e.owner)
              .qty("open", e.open_qty)
              .field("kept_priority", e.kept_priority ? "true" : "false");
        }
      },
      event);
}

std::string format_event(const Event& event, const BookConfig& config) {
  std::string out;
  append_event(out, event, config);
  return out;
}

}  // namespace mockex::book
