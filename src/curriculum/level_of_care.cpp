#include "iopplan/curriculum/level_of_care.hpp"

namespace iopplan {

const std::vector<LevelOfCare>& levels_of_care() {
  static const std::vector<LevelOfCare> levels = {
      {"asam-2.1-adult", "ASAM 2.1 intensive outpatient, adults", 9},
      {"asam-2.1-adolescent", "ASAM 2.1 intensive outpatient, adolescents", 6},
      {"asam-2.5", "ASAM 2.5 partial hospitalization", 20},
  };
  return levels;
}

std::vector<std::string> level_of_care_ids() {
  std::vector<std::string> ids;
  for (const auto& level : levels_of_care()) ids.push_back(level.id);
  return ids;
}

const LevelOfCare* find_level_of_care(const std::string& id) {
  for (const auto& level : levels_of_care()) {
    if (level.id == id) return &level;
  }
  return nullptr;
}

}  // namespace iopplan
