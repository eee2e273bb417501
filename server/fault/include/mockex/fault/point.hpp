#pragma once
// One interception: what the traffic at a stage looks like to the fault plan. All views, so it
// is cheap to build on the hot path; an empty field means "not applicable here", and a rule that
// matches on a field never fires where it is empty.

#include <string_view>

#include "mockex/fault/stage.hpp"

namespace mockex::fault {

struct Point {
  Stage stage = Stage::http_request;
  std::string_view protocol;         // "http", "ws" or "ws-api"
  std::string_view method;           // the HTTP method ("GET", "POST", ...)
  std::string_view path;             // the venue path, without any /s/{id} prefix
  // The market stream ("btcusdt@depth@100ms"), or for user data the event type
  // ("executionReport", "outboundAccountPosition").
  std::string_view stream;
  // The finer event name: "depthUpdate", "executionReport.NEW", "executionReport.TRADE", ...
  // depth_gap only considers "depthUpdate"; duplicate_report only executionReports.
  std::string_view event;
  std::string_view ws_api_method;    // "order.place", "ping", ...
  std::string_view symbol;           // as the venue spells it ("BTCUSDT")
  std::string_view api_key;
  std::string_view client_order_id;
};

}  // namespace mockex::fault
