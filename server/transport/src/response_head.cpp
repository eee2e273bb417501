#include "response_head.hpp"

#include <boost/beast/http/status.hpp>

#include <charconv>

namespace mockex::transport::detail {
namespace {

bool is_framing(std::string_view name) {
  return core::iequals(name, "Content-Length") || core::iequals(name, "Connection") ||
         core::iequals(name, "Transfer-Encoding");
}

void append_number(std::string& out, std::size_t value) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

}  // namespace

std::string_view reason_phrase(int status) {
  if (status == 418) return "I'm a teapot";
  if (status < 100 || status > 999) return {};
  namespace http = boost::beast::http;
  auto known = http::int_to_status(static_cast<unsigned>(status));
  if (known == http::status::unknown) return {};
  auto text = http::obsolete_reason(known);
  return {text.data(), text.size()};
}

bool status_has_body(int status) {
  return !(status / 100 == 1 || status == 204 || status == 304);
}

void write_response_head(std::string& out, int status, const core::HeaderList& headers,
                         std::size_t body_size, bool keep_alive) {
  if (status < 100 || status > 999) status = 500;  // not a status code HTTP can carry
  out.clear();
  out += "HTTP/1.1 ";
  append_number(out, static_cast<std::size_t>(status));
  out += ' ';
  out += reason_phrase(status);
  out += "\r\n";
  for (const auto& [name, value] : headers) {
    if (is_framing(name)) continue;
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
  }
  if (!keep_alive) out += "Connection: close\r\n";
  if (status_has_body(status)) {
    out += "Content-Length: ";
    append_number(out, body_size);
    out += "\r\n";
  }
  out += "\r\n";
}

}  // namespace mockex::transport::detail
