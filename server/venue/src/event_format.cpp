#include "mockex/venue/event_format.hpp"

#include <type_traits>

#include "mockex/core/decimal.hpp"

namespace mockex::venue {

namespace {

class Line {
 public:
  Line(std::string& out, const Venue& venue) : out_(out), venue_(venue) {}

  Line& word(std::string_view text) {
    if (!out_.empty() && out_.back() != '\n') out_ += ' ';
    out_ += text;
    return *this;
  }
  Line& field(std::string_view key, std::string_view value) {
    word(key);
    out_ += '=';
    out_ += value;
    return *this;
  }
  Line& field(std::string_view key, std::uint64_t value) { return field(key, std::to_string(value)); }
  Line& price(std::string_view key, SymbolId symbol, core::Price value) {
    return field(key, core::format_decimal(value.units(), venue_.instrument(symbol).price_scale));
  }
  Line& qty(std::string_view key, SymbolId symbol, core::Qty value) {
    return field(key, core::format_decimal(value.units(), venue_.instrument(symbol).qty_scale));
  }
  Line& amount(std::string_view key, AssetId asset, core::Amount value) {
    return field(key, core::format_decimal(value.units(), venue_.asset(asset).scale));
  }
  // "#<id>", the way order and trade ids are written.
  Line& number(std::uint64_t id) {
    word("#");
    out_ += std::to_string(id);
    return *this;
  }
  Line& time(core::Timestamp at) {
    return field("T", std::to_string(at.millis()));
  }
  const Venue& venue() const { return venue_; }

 private:
  std::string& out_;
  const Venue& venue_;
};

void write(Line& line, const OrderUpdate& u) {
  const Order& o = u.order;
  const SymbolId s = o.symbol;
  line.word("ORDER").word(line.venue().instrument(s).symbol).number(o.id.value());
  line.field("x", to_string(u.exec)).field("X", to_string(o.status));
  line.field("acct", o.account.value()).field("c", u.client_order_id.view());
  if (!u.orig_client_order_id.empty()) line.field("C", u.orig_client_order_id.view());
  line.word(book::to_string(o.side)).word(book::to_string(o.type)).word(book::to_string(o.tif));
  if (o.price.is_positive()) line.price("p", s, o.price);
  if (o.stop_price.is_positive()) line.price("P", s, o.stop_price);
  line.qty("q", s, o.orig_qty);
  const AssetId quote = line.venue().quote_asset(s);
  if (o.orig_quote_qty.is_positive()) line.amount("Q", quote, o.orig_quote_qty);
  line.qty("z", s, o.executed_qty).amount("Z", quote, o.cumulative_quote_qty);
  if (o.expiry_reason != ExpiryReason::none) line.field("eR", to_string(o.expiry_reason));
  if (o.stp != StpMode::none) line.field("V", book::to_string(o.stp));
  if (u.last_fill) {
    const Fill& f = *u.last_fill;
    const auto& instrument = line.venue().instrument(s);
    std::string fill = std::to_string(f.trade_id.value());
    fill += ':';
    core::append_decimal(fill, f.price.units(), instrument.price_scale);
    fill += 'x';
    core::append_decimal(fill, f.qty.units(), instrument.qty_scale);
    line.field("fill", fill);
    const AssetSpec& fee_asset = line.venue().asset(f.commission_asset);
    std::string fee;
    core::append_decimal(fee, f.commission.units(), fee_asset.scale);
    fee += fee_asset.name;
    line.field("fee", fee);
    line.word(f.is_maker ? "maker" : "taker");
  }
  if (o.prevented_match_id != 0) line.field("v", o.prevented_match_id);
  if (u.counter_order.is_valid()) line.field("U", u.counter_order.value());
  if (!o.is_working()) line.word("not-working");
  line.time(u.time);
}

void write(Line& line, const PublicTrade& t) {
  line.word("TRADE").word(line.venue().instrument(t.symbol).symbol).number(t.id.value());
  line.price("p", t.symbol, t.price).qty("q", t.symbol, t.qty);
  line.field("buyer", t.buyer_order.value()).field("seller", t.seller_order.value());
  line.word(t.buyer_is_maker ? "buyer-maker" : "seller-maker").time(t.time);
}

void write(Line& line, const DepthUpdate& d) {
  line.word("DEPTH").word(line.venue().instrument(d.symbol).symbol).field("u", d.update_id);
  line.word(book::to_string(d.side)).price("p", d.symbol, d.price).qty("q", d.symbol, d.qty);
  line.field("n", d.count).time(d.time);
}

void write(Line& line, const AccountPosition& p) {
  line.word("POSITION").field("acct", p.account.value());
  for (std::size_t i = 0; i < p.count; ++i) {
    const AssetPosition& a = p.assets[i];
    const AssetSpec& spec = line.venue().asset(a.asset);
    std::string value;
    core::append_decimal(value, a.free.units(), spec.scale);
    value += '/';
    core::append_decimal(value, a.locked.units(), spec.scale);
    line.field(spec.name, value);
  }
  line.time(p.time);
}

void write(Line& line, const BalanceDelta& d) {
  line.word("DELTA").field("acct", d.account.value()).word(line.venue().asset(d.asset).name);
  line.field("d", core::format_decimal(d.delta.units(), line.venue().asset(d.asset).scale));
  line.time(d.time);
}

}  // namespace

void append_event(std::string& out, const Event& event, const Venue& venue) {
  std::string text;
  Line line{text, venue};
  std::visit([&](const auto& e) { write(line, e); }, event);
  out += text;
}

std::string format_event(const Event& event, const Venue& venue) {
  std::string out;
  append_event(out, event, venue);
  return out;
}

}  // namespace mockex::venue
