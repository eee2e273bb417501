#include "checks.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace mockex::fuzz {
namespace {

bool splits_response(std::string_view text) {
  return text.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

}  // namespace

void fail(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "mockex fuzz check failed: %.*s\n%.*s\n", static_cast<int>(what.size()),
               what.data(), static_cast<int>(detail.size()), detail.data());
  std::abort();
}

void trace(std::string_view what, std::string_view detail) {
  static const bool tracing = std::getenv("MOCKEX_FUZZ_TRACE") != nullptr;
  if (!tracing) return;
  std::fprintf(stderr, "%.*s\n  %.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
}

void check_json(std::string_view text, std::string_view what) {
  if (!nlohmann::json::accept(text)) fail(std::string(what) + ": not JSON", text);
}

void check_head(const core::HttpResponse& response, std::string_view what) {
  if (response.status < 100 || response.status > 599) {
    fail(std::string(what) + ": status " + std::to_string(response.status), response.body);
  }
  for (const auto& [name, value] : response.headers) {
    if (name.empty() || splits_response(name) || splits_response(value)) {
      fail(std::string(what) + ": header would split the response", name + ": " + value);
    }
  }
}

void check_response(const core::HttpResponse& response, std::string_view what) {
  check_head(response, what);
  auto type = response.header("Content-Type").value_or("");
  if (type.substr(0, type.find(';')) == "application/json") check_json(response.body, what);
}

}  // namespace mockex::fuzz
