#pragma once
// The keys the loader accepts, section by section. The loader checks mappings against this
// table (so it cannot drift from it) and a test checks that scenarios/schema.json names every
// key in it.

#include <span>
#include <string_view>

namespace mockex::scenario {

struct KeySection {
  // Where the mapping sits, as a path through the document: "" is the root, "clock",
  // "instruments[]" (each list item), "market.*" (any key of `market`), "timeline[].fault".
  std::string_view path;
  std::span<const std::string_view> keys;
};

std::span<const KeySection> key_sections();
// The keys of the section at `path`; empty when there is no such section.
std::span<const std::string_view> keys_at(std::string_view path);

}  // namespace mockex::scenario
