#pragma once
// What detail::SessionPtr points at: the client's Api and the session's path under it.

#include "api.hpp"

#include <mockex/sdk/session_ref.hpp>

#include <memory>
#include <string>

namespace mockex::sdk::detail {

struct SessionRef {
  std::shared_ptr<const Api> api;
  std::string id;
  std::string path;  // "/sessions/{id}", the id percent-encoded

  static SessionPtr make(std::shared_ptr<const Api> api, const std::string& id) {
    return std::make_shared<const SessionRef>(SessionRef{std::move(api), id, "/sessions/" + encode(id)});
  }
};

}  // namespace mockex::sdk::detail
