// Mustache (kainjow) behind a small interface: syntax checks with line:col, partials, rendering.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/render/site.hpp"
#include "iopplan/render/templates.hpp"

namespace iopplan {

using MustacheData = kainjow::mustache::data;
using MustacheList = kainjow::mustache::list;
using MustacheObject = kainjow::mustache::object;

// Limits on what a template may do (an overlay is user input): nesting, work and output.
inline constexpr int kMaxSectionDepth = 50;  // sections inside sections, per file
inline constexpr int kMaxPartialDepth = 10;  // partials including partials
// (and, while rendering, RenderLimits)

// The first syntax error of `text` at its line and column (or sections nested deeper than
// kMaxSectionDepth), or nullopt when it parses.
std::optional<Diagnostic> template_syntax_error(const std::string& path, const std::string& text);

struct PartialReference {
  std::string name;   // "footer" in {{> footer}}
  size_t offset = 0;  // of the tag's first byte
};

// A section, inverted section, section end or partial tag.
struct TemplateTag {
  char kind = 0;      // '#', '^', '/' or '>'
  std::string name;   // trimmed as kainjow trims it (every isspace character)
  size_t offset = 0;  // of the tag's first byte
};

// The tags exactly as kainjow reads them, following set-delimiter tags; stops at a bad one.
std::vector<TemplateTag> scan_tags(const std::string& text);

// Every {{> name}} tag, following set-delimiter tags as Mustache does. REQUIRES: `text` parses.
std::vector<PartialReference> partial_references(const std::string& text);

// Lines that hold only section, comment or partial tags disappear from the output, as the Mustache
// spec says; kainjow leaves a blank line after a skipped section, which would split a Markdown
// list. mark_standalone_lines() ends such lines with kStandaloneMark before compiling, and
// remove_marked_lines() drops the output lines left holding only marks (and the other marks).
inline constexpr char kStandaloneMark = '\x01';
std::string mark_standalone_lines(const std::string& text);  // stops at a set-delimiter tag
std::string remove_marked_lines(const std::string& rendered);

// True for names ending in ".md.mustache": their values are escaped as Markdown, not HTML.
bool is_markdown_template(const std::string& name);

// Renders many documents from one template set, compiling each template once.
class TemplateRenderer {
 public:
  // REQUIRES: `templates` came from load_templates (so every template parses and partials resolve).
  TemplateRenderer(const TemplateSet& templates, const RenderLimits& limits);

  // Template `name` with `data`; nullopt (with a diagnostic) when the template is missing or fails.
  std::optional<std::string> render(const std::string& name, const MustacheData& data, Diagnostics& out);

 private:
  struct Compiled {
    std::unique_ptr<kainjow::mustache::mustache> mustache;
    const TemplateFile* file = nullptr;
  };
  const TemplateSet& templates_;
  RenderLimits limits_;
  std::map<std::string, Compiled> compiled_;
  std::map<std::string, MustacheData> html_partials_;  // "footer" -> its text, for html templates
  std::map<std::string, MustacheData> md_partials_;
  size_t rendered_bytes_ = 0;  // by every render() so far, held to limits_.site_bytes
};

}  // namespace iopplan
