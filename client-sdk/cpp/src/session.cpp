#include <mockex/sdk/session.hpp>

#include "read_json.hpp"
#include "session_ref_impl.hpp"

#include <stdexcept>

namespace mockex::sdk {

namespace {

Order read_order(const nlohmann::json& answer) {
  Order o;
  detail::read(answer, "orderId", o.order_id);
  detail::read_fields<std::string>(
      answer, {{"symbol", &o.symbol}, {"clientOrderId", &o.client_order_id}, {"side", &o.side},
               {"type", &o.type}, {"timeInForce", &o.time_in_force}, {"price", &o.price},
               {"stopPrice", &o.stop_price}, {"origQty", &o.orig_qty},
               {"executedQty", &o.executed_qty}, {"cummulativeQuoteQty", &o.cummulative_quote_qty},
               {"status", &o.status}});
  detail::read_fields<std::int64_t>(answer, {{"time", &o.time_ms}, {"updateTime", &o.update_time_ms}});
  return o;
}

std::vector<Level> read_levels(const nlohmann::json& levels) {
  std::vector<Level> out;
  for (const auto& level : levels) {
    out.push_back(Level{level.at(0).get<std::string>(), level.at(1).get<std::string>()});
  }
  return out;
}

Book read_book(const nlohmann::json& answer) {
  Book book;
  detail::read_fields<std::string>(answer, {{"symbol", &book.symbol}, {"status", &book.status},
                                            {"lastPrice", &book.last_price}});  // null: no trade yet
  detail::read_fields<std::uint64_t>(answer, {{"lastUpdateId", &book.last_update_id}});
  book.bids = read_levels(answer.at("bids"));
  book.asks = read_levels(answer.at("asks"));
  return book;
}

}  // namespace

Session::Session(detail::SessionPtr session, SessionInfo info, bool owned)
    : session_(std::move(session)), info_(std::move(info)), owned_(owned) {}

Session::Session(Session&& other) noexcept
    : session_(std::move(other.session_)), info_(std::move(other.info_)), owned_(other.owned_) {
  other.owned_ = false;
}

Session& Session::operator=(Session&& other) noexcept {
  if (this != &other) {
    drop();
    session_ = std::move(other.session_);
    info_ = std::move(other.info_);
    owned_ = std::exchange(other.owned_, false);
  }
  return *this;
}

Session::~Session() { drop(); }

void Session::drop() noexcept {
  // A destructor must not throw. A failed delete leaves a session the daemon's idle TTL removes.
  try {
    if (session_ && owned_) session_->api->remove(session_->path);
  } catch (...) {
  }
  session_.reset();
  owned_ = false;
}

const detail::SessionPtr& Session::checked() const {
  if (!session_) throw std::logic_error("mockex::sdk::Session: the handle is empty");
  return session_;
}

const std::string& Session::id() const { return checked()->id; }
const std::string& Session::rest_url() const { 
  checked();
  return info_.rest_url;
}
const std::string& Session::ws_url() const { 
  checked();
  return info_.ws_url;
}
const std::string& Session::ws_api_url() const { 
  checked();
  return info_.ws_api_url;
}
const SessionInfo& Session::created_info() const {
  checked();
  return info_;
}

SessionDetail Session::info() const {
  const auto& session = checked();
  return detail::decoded(session->api->get(session->path), detail::read_session_detail);
}

SessionDetail Session::reset() const {
  const auto& session = checked();
  return detail::decoded(session->api->post(session->path + "/reset"), detail::read_session_detail);
}

ClockApi Session::clock() const { return ClockApi(checked()); }
MarketApi Session::market() const { return MarketApi(checked()); }
BalancesApi Session::balances() const { return BalancesApi(checked()); }
FaultsApi Session::faults() const { return FaultsApi(checked()); }
JournalApi Session::journal() const { return JournalApi(checked()); }

Book Session::book(const std::string& symbol, int limit) const {
  const auto& session = checked();
  auto path = session->path + "/book/" + detail::encode(symbol) +
              detail::Query().add("limit", std::to_string(limit)).str();
  return detail::decoded(session->api->get(path), read_book);
}

std::vector<Order> Session::orders(const std::string& account, const std::string& symbol,
                                   const std::string& status) const {
  const auto& session = checked();
  detail::Query query;
  query.add("account", account);
  if (!symbol.empty()) query.add("symbol", symbol);
  if (!status.empty()) query.add("status", status);
  return detail::decoded(session->api->get(session->path + "/orders" + query.str()),
                         [](const nlohmann::json& answer) {
                           std::vector<Order> out;
                           for (const auto& order : answer.at("orders")) out.push_back(read_order(order));
                           return out;
                         });
}

void Session::close() {
  const auto& session = checked();
  if (owned_) session->api->remove(session->path);
  session_.reset();
  owned_ = false;
}

std::string Session::release() noexcept {
  std::string id = session_ ? session_->id : std::string();
  session_.reset();
  owned_ = false;
  return id;
}

}  // namespace mockex::sdk
