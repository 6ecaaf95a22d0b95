// Spelling suggestions for "did you mean" hints.
#pragma once

#include <string>
#include <vector>

namespace iopplan {

// The closest candidate within a small edit distance, or "" when none is close.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" or "".
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace iopplan
