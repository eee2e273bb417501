#pragma once
// The one conversion of a parsed Beast request into the transport-neutral core::HttpRequest the
// handlers see (used by the HTTP sessions, and by the fuzz targets so they feed the same thing).

#include <mockex/core/http.hpp>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <string>

namespace mockex::transport {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

// Moves the body out of `request`; `remote` is the peer's "address:port".
core::HttpRequest to_core_request(BeastRequest& request, const std::string& remote);

}  // namespace mockex::transport
