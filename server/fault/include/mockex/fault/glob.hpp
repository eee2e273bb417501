#pragma once
// The glob dialect of fault matches: `*` matches any run of characters (including '/' and the
// empty run), `?` exactly one character; everything else matches itself, case-sensitively.
// Character classes and escapes are not supported, and their characters are rejected in patterns
// so that "[ab]" does not silently match only the literal text.

#include <optional>
#include <string>
#include <string_view>

namespace mockex::fault {

// True when `text` matches `pattern` as a whole. Allocates nothing; O(|pattern| * |text|) at worst.
bool glob_match(std::string_view pattern, std::string_view text) noexcept;

// Why `pattern` is not a valid glob; nullopt when it is.
std::optional<std::string> glob_error(std::string_view pattern);

}  // namespace mockex::fault
