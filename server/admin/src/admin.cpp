#include <mockex/admin/admin.hpp>

#include "routes.hpp"

#include <exception>

namespace mockex::admin {
namespace {

// Compares without stopping at the first difference, so the token cannot be guessed byte by
// byte from response times (only its length can).
bool same_secret(std::string_view given, std::string_view expected) {
  if (given.size() != expected.size()) return false;
  unsigned diff = 0;
  for (std::size_t i = 0; i < given.size(); ++i) {
    diff |= static_cast<unsigned char>(given[i]) ^ static_cast<unsigned char>(expected[i]);
  }
  return diff == 0;
}

bool authorized(const core::HttpRequest& request, const std::string& token) {
  if (token.empty()) return true;
  auto header = request.header("Authorization");
  constexpr std::string_view scheme = "Bearer ";
  if (!header || header->size() < scheme.size() ||
      !core::iequals(header->substr(0, scheme.size()), scheme)) {
    return false;
  }
  return same_secret(header->substr(scheme.size()), token);
}

// Every admin handler behind the token check, and no exception escaping into the transport.
core::HttpHandler guarded(const ContextPtr& context, core::HttpHandler handler) {
  return [context, handler = std::move(handler)](core::HttpRequest&& request,
                                                 core::Responder respond) {
    if (!authorized(request, context->options.token)) {
      auto response = error_response(ApiError{
          401, "unauthorized", "a valid \"Authorization: Bearer <token>\" is required", nullptr});
      response.set_header("WWW-Authenticate", "Bearer");
      respond(std::move(response));
      return;
    }
    // Handlers parse and validate before they respond or hand off to a strand, so an exception
    // here means the responder has not been called yet.
    try {
      handler(std::move(request), respond);
    } catch (const std::exception& e) {
      respond(error_response(ApiError{500, "internal", e.what(), nullptr}));
    }
  };
}

}  // namespace

void add_routes(const RouteAdder& add, session::SessionRegistry& registry, AdminOptions options) {
  auto context = std::make_shared<AdminContext>();
  context->registry = &registry;
  context->options = std::move(options);
  ContextPtr shared = context;
  RouteAdder guarded_add = [&add, &shared](std::string method, std::string pattern,
                                           core::HttpHandler handler) {
    add(std::move(method), std::move(pattern), guarded(shared, std::move(handler)));
  };
  add_sessions_routes(guarded_add, shared);
  add_clock_routes(guarded_add, shared);
  add_market_routes(guarded_add, shared);
  add_book_route(guarded_add, shared);
  add_state_routes(guarded_add, shared);
  add_journal_routes(guarded_add, shared);
  add_fault_routes(guarded_add, shared);
}

}  // namespace mockex::admin
