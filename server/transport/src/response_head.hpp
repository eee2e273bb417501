#pragma once
// The status line and header fields of an HTTP/1.1 response, written as text: the handler's
// headers in their order, `Connection: close` when the connection ends after it, and the
// Content-Length of the body. Framing is the transport's: Content-Length, Connection and
// Transfer-Encoding from a handler are left out, and 1xx, 204 and 304 responses carry no body
// and no length. One string per connection is reused, so a response costs no allocation here.

#include <mockex/core/http.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace mockex::transport::detail {

// The reason phrase sent for `status`: the standard one, "I'm a teapot" for Binance's 418 bans,
// empty (which HTTP allows) for codes without one.
std::string_view reason_phrase(int status);

// Whether a response with `status` may carry a body.
bool status_has_body(int status);

// Replaces `out` with the head of a response (ending in the blank line).
void write_response_head(std::string& out, int status, const core::HeaderList& headers,
                         std::size_t body_size, bool keep_alive);

}  // namespace mockex::transport::detail
