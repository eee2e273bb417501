#pragma once
// Drives the admin handlers without sockets: add_routes into a map keyed "METHOD pattern", then
// requests built by hand, with the io_context run until the responder is called.

#include <mockex/admin/admin.hpp>
#include <mockex/session/registry.hpp>

#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace mockex::admin::testing {

struct Answer {
  int status = 0;
  core::HeaderList headers;
  std::string body;

  nlohmann::json json() const;
  std::string header(std::string_view name) const;
  std::string error_code() const;  // error.code of an error body, "" otherwise
};

admin::AdminOptions scenario_options(std::string token = "");

class AdminHarness {
 public:
  explicit AdminHarness(admin::AdminOptions options = scenario_options(),
                        session::RegistryLimits limits = {});
  ~AdminHarness();

  // Calls the handler registered for `method` + `pattern`, with {id} and {symbol} filled from
  // `params` into the path.
  Answer call(const std::string& method, const std::string& pattern, core::PathParams params = {},
              std::string body = "", std::string query = "", core::HeaderList headers = {});
  // Shorthands for routes under /_mockex/v1/sessions/{id}.
  Answer on(const std::string& id, const std::string& method, const std::string& rest,
            std::string body = "", std::string query = "");
  // A session of the quickstart scenario on a stepped clock at a fixed start; its id.
  std::string create_stepped();

  boost::asio::io_context io;
  session::SessionRegistry registry;
  std::map<std::string, core::HttpHandler> routes;
};

inline constexpr std::int64_t kStartMs = 1'700'000'000'000;

}  // namespace mockex::admin::testing
