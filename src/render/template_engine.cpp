#include "render/template_engine.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "iopplan/base/interrupt.hpp"
#include "iopplan/base/utf8.hpp"
#include "iopplan/render/markdown.hpp"
#include "iopplan/base/strings.hpp"

namespace iopplan {
namespace {

namespace mstch = kainjow::mustache;

// kainjow says "Unclosed section \"a\" at 12"; users need words and a line:col instead.
std::string plain_message(const std::string& message) {
  struct Rewrite {
    std::string_view prefix;
    std::string_view text;
  };
  static const Rewrite kRewrites[] = {
      {"Unclosed tag", "tag is never closed (no closing delimiter)"},
      {"Invalid set delimiter tag", "invalid set-delimiter tag"},
      {"Unclosed section ", "section is never closed: "},
      {"Unopened section ", "closing tag for a section that was never opened: "},
  };
  for (const auto& rewrite : kRewrites) {
    if (message.rfind(rewrite.prefix, 0) == 0) {
      std::string rest = message.substr(rewrite.prefix.size());
      bool has_name = rewrite.text.back() == ' ';
      return std::string(rewrite.text) + (has_name ? rest : "");
    }
  }
  std::string lowered = message;
  if (!lowered.empty()) lowered[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lowered[0])));
  return lowered;
}

// Thrown from inside kainjow's rendering to stop it: a limit was reached, or the user interrupted.
struct RenderStopped : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Resolves {{> name}} to the partials of one format; kainjow's own context looks them up among
// the values, where a value named like a partial would shadow it. Counts lookups, so that
// sections nested over lists cannot run for ever without writing anything, and the bytes of the
// values looked up: kainjow holds a line's output until its end, so a fan-out on one line would
// fill the memory before BoundedOutput sees any of it.
class PartialContext : public mstch::context<std::string> {
 public:
  PartialContext(const MustacheData* data, const std::map<std::string, MustacheData>* partials, size_t max_lookups,
                 size_t max_bytes)
      : mstch::context<std::string>(data), partials_(partials), max_lookups_(max_lookups), max_bytes_(max_bytes) {}

  const MustacheData* get(const std::string& name) const override {
    if (++lookups_ > max_lookups_) {
      throw RenderStopped("the template does too much work (more than " + std::to_string(max_lookups_) +
                          " value lookups); look for sections nested over long lists");
    }
    const MustacheData* value = mstch::context<std::string>::get(name);
    if (value != nullptr && value->is_string() && (value_bytes_ += value->string_value().size()) > max_bytes_) {
      throw RenderStopped("too large");
    }
    return value;
  }

  const MustacheData* get_partial(const std::string& name) const override {
    auto it = partials_->find(name);
    return it == partials_->end() ? nullptr : &it->second;
  }

 private:
  const std::map<std::string, MustacheData>* partials_;
  size_t max_lookups_;
  size_t max_bytes_;
  mutable size_t lookups_ = 0;
  mutable size_t value_bytes_ = 0;
};

// Where kainjow writes a document: stops it past `limit` bytes (a template that fans out, or huge
// --copies of huge modules, would otherwise fill the memory) and when the user interrupts.
struct BoundedOutput {
  std::string text;
  size_t limit = 0;
  BoundedOutput& operator<<(const std::string& part) {
    if (text.size() + part.size() > limit) throw RenderStopped("too large");
    if (interrupted()) throw RenderStopped("interrupted");
    text += part;
    return *this;
  }
};

// kainjow's trim: every std::isspace character, so "{{\v> name}}" is the partial tag it parses.
std::string engine_trim(std::string_view text) {
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  size_t begin = 0;
  while (begin < text.size() && space(text[begin])) ++begin;
  size_t end = text.size();
  while (end > begin && space(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

// True when `line` holds only section, comment and partial tags (and whitespace).
bool is_standalone(std::string_view line) {
  size_t pos = line.find_first_not_of(" \t\r");
  if (pos == std::string_view::npos) return false;
  bool any = false;
  while (pos < line.size()) {
    if (line.compare(pos, 2, "{{") != 0 || pos + 2 >= line.size()) return false;
    char kind = line[pos + 2];
    if (kind != '#' && kind != '^' && kind != '/' && kind != '!' && kind != '>') return false;
    size_t end = line.find("}}", pos + 2);
    if (end == std::string_view::npos) return false;
    any = true;
    pos = line.find_first_not_of(" \t\r", end + 2);
    if (pos == std::string_view::npos) break;
  }
  return any;
}

}  // namespace

std::string mark_standalone_lines(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 64);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    std::string_view line = std::string_view(text).substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
    if (line.find("{{=") != std::string_view::npos) {
      out.append(text, pos, std::string::npos);  // custom delimiters: keep the rest as written
      break;
    }
    bool cr = !line.empty() && line.back() == '\r';
    if (cr) line.remove_suffix(1);
    out.append(line);
    if (is_standalone(line)) out += kStandaloneMark;
    if (cr) out += '\r';
    if (eol == std::string::npos) break;
    out += '\n';
    pos = eol + 1;
  }
  return out;
}

std::string remove_marked_lines(const std::string& rendered) {
  if (rendered.find(kStandaloneMark) == std::string::npos) return rendered;
  std::string out;
  out.reserve(rendered.size());
  size_t pos = 0;
  while (pos < rendered.size()) {
    size_t eol = rendered.find('\n', pos);
    size_t end = eol == std::string::npos ? rendered.size() : eol + 1;
    std::string_view line = std::string_view(rendered).substr(pos, end - pos);
    if (line.find(kStandaloneMark) != std::string_view::npos &&
        line.find_first_not_of(std::string(" \t\r\n") + kStandaloneMark) == std::string_view::npos) {
      pos = end;  // a line that only held standalone tags
      continue;
    }
    for (char c : line) {
      if (c != kStandaloneMark) out += c;
    }
    pos = end;
  }
  return out;
}

bool is_markdown_template(const std::string& name) { return name.ends_with(".md.mustache"); }

std::optional<Diagnostic> template_syntax_error(const std::string& path, const std::string& text) {
  // Checked before kainjow parses: it walks sections recursively, and deep nesting overflows the stack.
  int depth = 0;
  for (const auto& tag : scan_tags(text)) {
    if (tag.kind == '#' || tag.kind == '^') {
      if (++depth > kMaxSectionDepth) {
        return error_at(path, position_of_offset(text, tag.offset),
                        "sections are nested more than " + std::to_string(kMaxSectionDepth) + " deep");
      }
    } else if (tag.kind == '/' && depth > 0) {
      --depth;
    }
  }
  std::string message;
  try {
    mstch::mustache compiled(text);
    if (compiled.is_valid()) return std::nullopt;
    message = compiled.error_message();
  } catch (const std::exception& e) {
    message = e.what();
  }
  size_t offset = 0;
  constexpr std::string_view kAt = " at ";
  size_t at = message.rfind(kAt);
  if (at != std::string::npos && at + kAt.size() < message.size()) {
    std::string number = message.substr(at + kAt.size());
    if (number.find_first_not_of("0123456789") == std::string::npos) {
      offset = std::stoul(number);
      message.resize(at);
    }
  }
  return error_at(path, position_of_offset(text, offset), plain_message(message));
}

std::vector<TemplateTag> scan_tags(const std::string& text) {
  std::vector<TemplateTag> tags;
  std::string open = "{{";
  std::string close = "}}";
  size_t pos = 0;
  while ((pos = text.find(open, pos)) != std::string::npos) {
    size_t start = pos;
    size_t contents = start + open.size();
    bool braces = open == "{{" && close == "}}";
    bool triple = braces && contents < text.size() && text[contents] == '{';
    std::string end_token = triple ? "}}}" : close;
    if (triple) ++contents;
    size_t end = text.find(end_token, contents);
    if (end == std::string::npos) break;
    std::string tag = engine_trim(std::string_view(text).substr(contents, end - contents));
    pos = end + end_token.size();
    if (triple || tag.empty()) continue;
    if (tag.front() == '=') {
      if (tag.size() < 5 || tag.back() != '=') break;  // kainjow stops here with an error
      std::string inner = engine_trim(std::string_view(tag).substr(1, tag.size() - 2));
      size_t space = inner.find(' ');
      if (space == std::string::npos) break;
      open = inner.substr(0, space);
      close = inner.substr(inner.find_first_not_of(' ', space + 1));
      continue;
    }
    char kind = tag.front();
    if (kind == '#' || kind == '^' || kind == '/' || kind == '>') {
      tags.push_back({kind, engine_trim(std::string_view(tag).substr(1)), start});
    }
  }
  return tags;
}

std::vector<PartialReference> partial_references(const std::string& text) {
  std::vector<PartialReference> refs;
  for (const auto& tag : scan_tags(text)) {
    if (tag.kind == '>') refs.push_back({tag.name, tag.offset});
  }
  return refs;
}

TemplateRenderer::TemplateRenderer(const TemplateSet& templates, const RenderLimits& limits)
    : templates_(templates), limits_(limits) {
  constexpr std::string_view kPartials = "partials/";
  for (const auto& file : templates.files) {
    if (file.name.rfind(kPartials, 0) != 0) continue;
    std::string base = file.name.substr(kPartials.size());
    for (std::string_view suffix : {".html.mustache", ".md.mustache"}) {
      if (!base.ends_with(suffix)) continue;
      std::string name = base.substr(0, base.size() - suffix.size());
      auto& partials = suffix == ".md.mustache" ? md_partials_ : html_partials_;
      partials.emplace(name, MustacheData(mark_standalone_lines(file.text)));
    }
  }
}

std::optional<std::string> TemplateRenderer::render(const std::string& name, const MustacheData& data,
                                                    Diagnostics& out) {
  auto it = compiled_.find(name);
  if (it == compiled_.end()) {
    const TemplateFile* file = find_template(templates_, name);
    if (file == nullptr) {
      out.push_back(error_at(name, {}, "template not found"));
      return std::nullopt;
    }
    Compiled compiled{std::make_unique<mstch::mustache>(mark_standalone_lines(file->text)), file};
    if (is_markdown_template(name)) {
      compiled.mustache->set_custom_escape([](const std::string& value) { return escape_markdown(value); });
    }
    it = compiled_.emplace(name, std::move(compiled)).first;
  }
  Compiled& compiled = it->second;
  if (!compiled.mustache->is_valid()) {
    if (auto error = template_syntax_error(compiled.file->path, compiled.file->text)) out.push_back(*error);
    return std::nullopt;
  }
  BoundedOutput output;
  size_t site_left = limits_.site_bytes - std::min(limits_.site_bytes, rendered_bytes_);
  output.limit = std::min(limits_.document_bytes, site_left);
  PartialContext context(&data, is_markdown_template(name) ? &md_partials_ : &html_partials_, limits_.lookups,
                         output.limit);
  try {
    compiled.mustache->render(context, output);
  } catch (const RenderStopped& stopped) {
    std::string message = stopped.what();
    auto mib = [](size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; };
    if (message == "too large") {
      message = site_left < limits_.document_bytes
                    ? "all documents together would be larger than " + mib(limits_.site_bytes) +
                          "; use fewer --copies, --week N, or shorter modules"
                    : "the document would be larger than " + mib(limits_.document_bytes) +
                          "; use fewer --copies or shorter modules, or look for sections nested over long lists";
    }
    if (message == "interrupted") {
      out.push_back(output_error("", "interrupted; nothing was written"));
    } else {
      out.push_back(error_at(compiled.file->path, {}, message));
    }
    return std::nullopt;
  }
  rendered_bytes_ += output.text.size();
  std::string text = remove_marked_lines(output.text);
  if (!compiled.mustache->is_valid()) {
    out.push_back(error_at(compiled.file->path, {}, plain_message(compiled.mustache->error_message())));
    return std::nullopt;
  }
  return text;
}

}  // namespace iopplan
