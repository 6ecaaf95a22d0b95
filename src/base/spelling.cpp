#include "iopplan/base/spelling.hpp"

#include <algorithm>

namespace iopplan {
namespace {

// Edit distance where swapping two neighbouring letters counts as one edit ("omgea" -> "omega").
int edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  // Allow about one typo per three letters, as ninja's spellcheck does.
  constexpr size_t kMaxCompared = 64;
  if (word.size() > kMaxCompared) return "";
  int best = static_cast<int>(std::max<size_t>(1, word.size() / 3)) + 1;
  std::string match;
  for (const auto& candidate : candidates) {
    if (candidate.size() > kMaxCompared) continue;
    int d = edit_distance(word, candidate);
    if (d < best) {
      best = d;
      match = candidate;
    }
  }
  return match;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string match = closest_match(word, candidates);
  return match.empty() ? "" : "; did you mean '" + match + "'?";
}

}  // namespace iopplan
