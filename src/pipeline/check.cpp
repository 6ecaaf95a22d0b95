#include "iopplan/pipeline/check.hpp"

#include "iopplan/curriculum/organization.hpp"
#include "iopplan/curriculum/program.hpp"
#include "iopplan/sequencing/preflight.hpp"

namespace iopplan {

CheckResult check_library_folder(const FileSource& files, const std::string& library_dir, const LoadOptions& options) {
  CheckResult result;
  LoadResult loaded = load_library(files, library_dir, options);
  result.diagnostics = std::move(loaded.diagnostics);
  // Programs are checked against the library as loaded, and before any search.
  result.programs = program_ids(files, library_dir).size();
  std::vector<Program> programs = load_programs(files, library_dir, loaded.library, result.diagnostics);
  for (const auto& program : programs) check_program(loaded.library, program, result.diagnostics);
  result.languages = check_completeness(loaded.library, programs, result.diagnostics);
  load_library_organization(files, library_dir, result.diagnostics);
  sort_diagnostics(result.diagnostics);
  result.modules = loaded.library.modules.size();
  result.tracks = loaded.library.tracks.size();
  return result;
}

}  // namespace iopplan
