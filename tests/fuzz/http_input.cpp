#include "http_input.hpp"

#include <mockex/transport/beast_request.hpp>
#include <mockex/transport/limits.hpp>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <optional>

namespace mockex::fuzz {
namespace {

namespace http = boost::beast::http;
using Parser = http::request_parser<http::string_body>;

// Feeds `bytes` to `parser` until it has a whole message, needs more than the input has, or
// fails. How many bytes it took; `failed` says whether the parser refused them.
std::size_t feed(Parser& parser, std::string_view bytes, bool& failed) {
  std::size_t used = 0;
  while (!parser.is_done()) {
    boost::system::error_code ec;
    auto took = parser.put(boost::asio::buffer(bytes.data() + used, bytes.size() - used), ec);
    used += took;
    // need_more: every byte left was offered, and Beast may only be called again with more
    // than those (its chunk parser asserts so), which the input does not have.
    if (ec == http::error::need_more || took == 0) break;
    if (ec) {
      failed = true;
      break;
    }
  }
  return used;
}

}  // namespace

std::vector<core::HttpRequest> read_requests(std::string_view bytes, std::size_t most) {
  const transport::Limits limits;
  std::vector<core::HttpRequest> out;
  while (!bytes.empty() && out.size() < most) {
    Parser parser;
    parser.eager(true);
    parser.header_limit(static_cast<std::uint32_t>(limits.max_header_bytes));
    parser.body_limit(limits.max_body_bytes);
    bool failed = false;
    bytes.remove_prefix(feed(parser, bytes, failed));
    if (failed || !parser.is_header_done()) break;
    bool whole = parser.is_done();
    auto message = parser.release();
    out.push_back(transport::to_core_request(message, "127.0.0.1:40000"));
    if (!whole) break;
  }
  return out;
}

}  // namespace mockex::fuzz
