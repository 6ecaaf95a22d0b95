#include "iopplan/pipeline/catalog.hpp"

#include "iopplan/curriculum/anchor_map.hpp"
#include "iopplan/curriculum/loader.hpp"
#include "iopplan/curriculum/organization.hpp"
#include "iopplan/curriculum/program.hpp"
#include "iopplan/render/catalog.hpp"
#include "iopplan/render/site_writer.hpp"
#include "iopplan/render/templates.hpp"

namespace iopplan {

CatalogResult build_catalog(const FileSource& files, const CatalogRequest& request) {
  // The stages in order of execution: load, render in memory, write.
  CatalogResult result;
  Diagnostics& out = result.diagnostics;
  LoadResult loaded = load_library(files, request.library_dir);
  out = std::move(loaded.diagnostics);
  std::vector<Program> programs = load_programs(files, request.library_dir, loaded.library, out);
  Organization organization = load_library_organization(files, request.library_dir, out);
  if (has_errors(out)) {
    result.stopped = Stop::library;
    return result;
  }
  result.modules = loaded.library.modules.size();
  auto templates = load_templates(files, request.templates_dir, request.overlay_dir, out);
  std::optional<Site> site;
  if (templates) {
    site = render_catalog(loaded.library, programs, organization, load_anchor_map(files, request.library_dir),
                          *templates, out);
  }
  if (!site) {
    result.stopped = Stop::render;
    return result;
  }
  result.out_dir = request.out_dir;
  if (!write_site(*site, result.out_dir, out)) {
    result.stopped = Stop::write;
    return result;
  }
  result.files = site->files.size();
  return result;
}

}  // namespace iopplan
