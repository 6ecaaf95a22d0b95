// Fuzzes module text through the Markdown renderer and render_site for a one-meeting plan with the
// built-in templates. Asserts that no raw <script reaches HTML and that content is never read as
// template text (a {{tag}} in a handout must not expand).
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "iopplan/base/utf8.hpp"
#include "fuzz_library.hpp"
#include "iopplan/render/markdown.hpp"
#include "iopplan/render/site.hpp"

namespace {

// Rendered only by the templates (as the organization's name); content that names it is skipped.
const std::string kSentinel = "Fz0rg";

const iopplan::TemplateSet& templates() {
  static const iopplan::TemplateSet set = [] {
    iopplan::DiskFileSource files;
    iopplan::Diagnostics found;
    auto loaded = iopplan::load_templates(files, std::string(IOPPLAN_SOURCE_DIR) + "/templates", "", found);
    if (!loaded) __builtin_trap();
    // The style sheet is 7 KB of CSS without tags that content never reaches; Mustache would
    // parse it again for every page, so it is left out to keep each run fast.
    for (auto& file : loaded->files) {
      if (file.name == "partials/style.html.mustache") file.text = "body { margin: 0; }\n";
    }
    return *loaded;
  }();
  return set;
}

std::map<std::string, size_t> render(const iopplan::Library& library, const std::vector<iopplan::Format>& formats,
                                     std::vector<iopplan::OutputFile>* files) {
  static const iopplan::Plan plan = iopplan::fuzz::one_meeting_plan();
  iopplan::Organization organization;
  organization.name = kSentinel + " Clinic";
  iopplan::RenderOptions options;
  options.formats = formats;
  options.copies = 1;  // one handout copy per packet: more copies render the same text again
  iopplan::Diagnostics found;
  auto site = iopplan::render_site(plan, "{}\n", library, organization, templates(), options, found);
  if (!site) __builtin_trap();  // the plan, library and templates are valid: rendering must succeed
  std::map<std::string, size_t> counts;
  for (const auto& file : site->files) {
    size_t n = 0;
    for (size_t at = file.content.find(kSentinel); at != std::string::npos; at = file.content.find(kSentinel, at + 1))
      ++n;
    counts[file.path] = n;
  }
  if (files) *files = std::move(site->files);
  return counts;
}

// Sentinel counts per file with the library's own text, before any fuzz input.
const std::map<std::string, size_t>& baseline() {
  static const std::map<std::string, size_t> counts =
      render(iopplan::fuzz::fuzz_library().library, {iopplan::Format::html, iopplan::Format::md}, nullptr);
  return counts;
}

bool has_script_tag(const std::string& html) {
  static const std::string kTag = "<script";
  auto same = [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; };
  return std::search(html.begin(), html.end(), kTag.begin(), kTag.end(), same) != html.end();
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  // The loader only passes valid UTF-8 on; the sentinel must come from the templates alone.
  if (iopplan::find_invalid_utf8(text) || text.find(kSentinel) != std::string::npos) return 0;
  (void)baseline();

  if (has_script_tag(iopplan::markdown_to_html(text))) __builtin_trap();

  // Fields separated by 0x1E go to the module's Markdown and plain-text fields in turn.
  std::vector<std::string> fields = iopplan::fuzz::split_input(text, '\x1e');
  auto field = [&](size_t i) { return fields[i % fields.size()]; };
  iopplan::Library library = iopplan::fuzz::fuzz_library().library;
  iopplan::Module& m = library.modules.front();
  if (m.id != "coping-1") __builtin_trap();
  m.handout.body = field(0);
  m.handout.homework = field(1);
  m.facilitator_notes.safety = field(2);
  m.facilitator_notes.trauma_informed = field(3);
  m.facilitator_notes.newcomers = field(4);
  m.title = field(5);
  m.summary = field(6);
  m.objectives = {field(7)};
  m.handout.title = field(8);
  m.handout.key_points = {field(9)};
  m.handout.worksheet = {field(10)};
  m.discussion_questions = {field(11)};
  m.agenda.front().title = field(12);
  m.agenda.front().talking_points = {field(13)};
  m.references = {{field(14), 2020, field(15), field(16)}};

  std::vector<iopplan::OutputFile> files;
  // One format per run, by the input's length: both are covered, each run costs half.
  auto format = size % 2 == 0 ? iopplan::Format::html : iopplan::Format::md;
  std::map<std::string, size_t> counts = render(library, {format}, &files);
  // cmark decodes entities, so "&#70;z0rg" is the sentinel in HTML; Markdown output keeps text as written.
  bool html_exact = text.find('&') == std::string::npos;
  for (const auto& file : files) {
    bool html = ends_with(file.path, ".html");
    if (html && has_script_tag(file.content)) __builtin_trap();
    if ((!html || html_exact) && counts[file.path] != baseline().at(file.path)) __builtin_trap();
  }
  return 0;
}
