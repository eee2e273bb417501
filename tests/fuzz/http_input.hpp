#pragma once
// Raw bytes -> the requests a client sent on one connection, read as the transport reads them.

#include <mockex/core/http.hpp>

#include <cstddef>
#include <string_view>
#include <vector>

namespace mockex::fuzz {

// Beast's request parser with the daemon's default header and body limits (transport::Limits),
// request after request (pipelined), at most `most`, each converted to the core::HttpRequest
// the transport hands the router. A malformed request ends the list (the transport answers it
// 400 without calling a handler), as does one whose header the input cuts short (the transport
// would wait for the rest). One whose body the input cuts short is kept with the body bytes
// there are, so that a mutated body still reaches a handler although its Content-Length no
// longer fits.
std::vector<core::HttpRequest> read_requests(std::string_view bytes, std::size_t most);

}  // namespace mockex::fuzz
