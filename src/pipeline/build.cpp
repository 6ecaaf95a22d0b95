#include "iopplan/pipeline/build.hpp"

#include <algorithm>
#include <optional>

#include "iopplan/render/pdf_printer.hpp"
#include "iopplan/render/site_writer.hpp"
#include "iopplan/render/templates.hpp"
#include "iopplan/sequencing/plan_json.hpp"

namespace iopplan {

BuildResult build(const FileSource& files, const BuildRequest& request) {
  BuildResult result;
  PlanRun& run = result.run;
  Diagnostics& out = run.diagnostics;

  // Before any work: a pdf build that cannot print would only fail at the end.
  const auto& formats = request.render.formats;
  bool pdf = std::find(formats.begin(), formats.end(), Format::pdf) != formats.end();
  std::optional<std::string> chromium = request.chromium;
  if (pdf && !chromium && !(chromium = find_chromium())) {
    out.push_back(output_error("", chromium_install_hint()));
    run.stopped = Stop::print;
    return result;
  }

  // The stages in order of execution: load and plan, render in memory, print, write.
  run = plan_program(files, request.plan);
  if (run.stopped != Stop::none) return result;
  const Plan& plan = *run.plan;
  // The browser starts while the documents are rendered (not before: a plan with errors needs none).
  std::optional<PrintWarmup> warmup;
  if (pdf) warmup.emplace(*chromium);

  RenderOptions render = request.render;
  render.languages = request.languages.empty() ? run.program->languages : request.languages;
  auto templates = load_templates(files, request.templates_dir, request.overlay_dir, out);
  std::optional<Site> site;
  if (templates) site = render_site(plan, plan_to_json(plan), run.library, run.organization, *templates, render, out);
  if (!site) {
    run.stopped = Stop::render;
    return result;
  }

  BuildProgress progress{site->documents, 0, site->print_documents.size()};
  if (request.progress) request.progress(progress);
  std::string iso = to_iso(plan.start);
  std::string pdf_date = iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
  auto printed = [&](size_t done, size_t total) {
    progress.printed = done;
    progress.to_print = total;
    if (request.progress) request.progress(progress);
  };
  if (pdf && !print_pdfs(*site, *chromium, pdf_date, out, printed, &*warmup)) {
    run.stopped = Stop::print;
    return result;
  }

  // A window has its own default folder, so it never replaces the whole plan's.
  std::string default_dir = default_output_dir(plan);
  if (request.plan.window_weeks > 0 && request.plan.from) {
    default_dir += "-from-" + to_iso(*request.plan.from) + "-" + std::to_string(request.plan.window_weeks) + "w";
  }
  result.out_dir = request.out_dir.empty() ? default_dir : request.out_dir;
  if (!write_site(*site, result.out_dir, out, {request.plan.library_dir, request.overlay_dir})) {
    run.stopped = Stop::write;
    return result;
  }
  result.files = site->files.size();
  return result;
}

}  // namespace iopplan
