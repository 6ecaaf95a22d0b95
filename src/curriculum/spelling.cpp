#include "curriculum/spelling.hpp"

#include <algorithm>
#include <numeric>

namespace iopplan {
namespace {

int edit_distance(const std::string& a, const std::string& b) {
  std::vector<int> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
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
