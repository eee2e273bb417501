#pragma once
// What every fuzz target asserts about an answer, beyond "no sanitizer fired". A failed check
// prints what was wrong and aborts, which libFuzzer reports as a crash with the input saved.

#include <mockex/core/http.hpp>

#include <string_view>

namespace mockex::fuzz {

[[noreturn]] void fail(std::string_view what, std::string_view detail);

// With MOCKEX_FUZZ_TRACE set in the environment, prints what a target sent and got back, to see
// what an input does when run alone (`fuzz_x input-file`). Silent otherwise.
void trace(std::string_view what, std::string_view detail);

// The text is one JSON document.
void check_json(std::string_view text, std::string_view what);

// A status in 100..599, and header names and values that cannot split the response (no CR, LF
// or NUL).
void check_head(const core::HttpResponse& response, std::string_view what);

// check_head(), and a body that parses when the Content-Type says JSON.
void check_response(const core::HttpResponse& response, std::string_view what);

}  // namespace mockex::fuzz
