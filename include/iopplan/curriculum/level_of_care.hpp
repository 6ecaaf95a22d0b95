// Levels of care: the weekly group hours a program's level asks for (ASAM criteria).
#pragma once

#include <string>
#include <vector>

namespace iopplan {

struct LevelOfCare {
  std::string id;           // "asam-2.1-adult"
  std::string title;        // "ASAM 2.1 intensive outpatient (adults)"
  double min_weekly_hours;  // 9
};

// ASAM 2.1 adults (>= 9 h a week), 2.1 adolescents (>= 6 h), 2.5 partial hospitalization (>= 20 h).
const std::vector<LevelOfCare>& levels_of_care();
std::vector<std::string> level_of_care_ids();
// nullptr when unknown.
const LevelOfCare* find_level_of_care(const std::string& id);

}  // namespace iopplan
