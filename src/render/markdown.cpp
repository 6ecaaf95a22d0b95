#include "iopplan/render/markdown.hpp"

#include <cmark.h>

#include <cstdlib>
#include <memory>
#include <vector>

namespace iopplan {
namespace {

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};

// A paragraph-less run of text nodes with hard line breaks, one per line of `literal`.
void append_lines(cmark_node* parent, std::string_view literal) {
  while (!literal.empty() && (literal.back() == '\n' || literal.back() == '\r')) literal.remove_suffix(1);
  size_t start = 0;
  bool first = true;
  while (start <= literal.size()) {
    size_t nl = literal.find('\n', start);
    std::string line(literal.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!first) cmark_node_append_child(parent, cmark_node_new(CMARK_NODE_LINEBREAK));
    cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(text, line.c_str());
    cmark_node_append_child(parent, text);
    first = false;
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
}

// Raw HTML becomes text: an author who typed a tag sees it printed, and no markup gets through.
void raw_html_to_text(cmark_node* document) {
  std::vector<cmark_node*> raw;
  cmark_iter* iter = cmark_iter_new(document);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    cmark_node_type type = cmark_node_get_type(node);
    if (event == CMARK_EVENT_ENTER && (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE)) {
      raw.push_back(node);
    }
  }
  cmark_iter_free(iter);
  for (cmark_node* node : raw) {
    const char* literal = cmark_node_get_literal(node);
    std::string_view text = literal ? literal : "";
    cmark_node* replacement = nullptr;
    if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) {
      replacement = cmark_node_new(CMARK_NODE_PARAGRAPH);
      append_lines(replacement, text);
    } else {
      replacement = cmark_node_new(CMARK_NODE_TEXT);
      cmark_node_set_literal(replacement, std::string(text).c_str());
    }
    cmark_node_replace(node, replacement);
    cmark_node_free(node);
  }
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The link schemes cmark's safe mode drops from HTML: Markdown output must drop them too.
bool is_unsafe_link(std::string_view url) {
  std::string u = lower_ascii(url.substr(0, 16));
  u.erase(0, u.find_first_not_of(" \t\r\n"));
  return u.rfind("javascript:", 0) == 0 || u.rfind("vbscript:", 0) == 0 || u.rfind("file:", 0) == 0 ||
         (u.rfind("data:", 0) == 0 && u.rfind("data:image/", 0) != 0);
}

// An image that printing or opening a page would fetch from elsewhere ("https://...", "//host/x").
bool is_remote_image(std::string_view url) {
  if (url.rfind("//", 0) == 0) return true;
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string scheme = lower_ascii(url.substr(0, colon));
  if (scheme.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789+.-") != std::string::npos) return false;
  return scheme != "data";
}

// Unsafe links and remote images become their text (an image: its description), so no output
// format carries a script link or makes a reader's browser or the printer fetch from a third party.
// Returns true when it changed anything.
bool neutralize_links(cmark_node* document) {
  std::vector<cmark_node*> unwrap;
  cmark_iter* iter = cmark_iter_new(document);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node_type type = cmark_node_get_type(node);
    const char* url = cmark_node_get_url(node);
    if ((type == CMARK_NODE_LINK && url && is_unsafe_link(url)) ||
        (type == CMARK_NODE_IMAGE && url && (is_remote_image(url) || is_unsafe_link(url)))) {
      unwrap.push_back(node);
    }
  }
  cmark_iter_free(iter);
  for (cmark_node* node : unwrap) {
    while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
    cmark_node_free(node);
  }
  return !unwrap.empty();
}

bool has_raw_html(cmark_node* document) {
  bool found = false;
  cmark_iter* iter = cmark_iter_new(document);
  for (cmark_event_type event; !found && (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node_type type = cmark_node_get_type(cmark_iter_get_node(iter));
    found = type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE;
  }
  cmark_iter_free(iter);
  return found;
}

std::unique_ptr<cmark_node, NodeDeleter> parse(std::string_view markdown) {
  return std::unique_ptr<cmark_node, NodeDeleter>(cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT));
}

}  // namespace

std::string safe_markdown(std::string_view markdown) {
  std::string text(markdown);
  text.erase(0, text.find_first_not_of(" \t\r\n"));
  text.erase(text.find_last_not_of(" \t\r\n") + 1);
  auto document = parse(text);
  if (!document) return "";
  bool html = has_raw_html(document.get());
  bool links = neutralize_links(document.get());
  if (!html && !links) return text;  // as the author wrote it
  raw_html_to_text(document.get());
  char* rendered = cmark_render_commonmark(document.get(), CMARK_OPT_DEFAULT, 0);
  std::string result = rendered ? rendered : "";
  std::free(rendered);
  while (!result.empty() && result.back() == '\n') result.pop_back();
  return result;
}

std::string markdown_to_html(std::string_view markdown) {
  auto document = parse(markdown);
  if (!document) return "";
  raw_html_to_text(document.get());
  neutralize_links(document.get());
  char* html = cmark_render_html(document.get(), CMARK_OPT_DEFAULT);
  std::string result = html ? html : "";
  std::free(html);
  return result;
}

std::string escape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|':
        out += '\\';
        out += c;
        break;
      case '\n': case '\r':
        out += ' ';  // a plain value stays on its line (list item, table cell)
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace iopplan
