// "Did you mean ...?" suggestions: the closest candidate by edit distance. Shared by config key
// errors and the CLI's unknown-subcommand errors.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace anvil {

// Levenshtein distance: single-character insertions, deletions and substitutions.
size_t edit_distance(std::string_view a, std::string_view b);

// Returns the candidate closest to `word`, or "" if none is within max(1, (len(word) + 2) / 3)
// edits (so "lrr" -> "lr", "trian.lr" -> "train.lr", but "foo" matches nothing in {"train"}).
// Ties go to the earliest candidate.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" for the closest match, or "" if nothing is close. Ready to append.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace anvil
