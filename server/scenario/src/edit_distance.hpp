#pragma once
// "Did you mean" support: the closest of a set of names to a misspelt word.

#include <optional>
#include <span>
#include <string_view>

namespace mockex::scenario::detail {

// Optimal string alignment distance (insertions, deletions, substitutions and adjacent
// transpositions), ignoring ASCII case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word` when it is near enough to be a likely typo: at most 1 edit for
// words up to 4 characters, 2 up to 8, 3 beyond. Ties go to the earlier candidate.
std::optional<std::string_view> closest_match(std::string_view word,
                                              std::span<const std::string_view> candidates);

}  // namespace mockex::scenario::detail
