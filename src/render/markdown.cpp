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

}  // namespace

std::string markdown_to_html(std::string_view markdown) {
  std::unique_ptr<cmark_node, NodeDeleter> document(
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT));
  if (!document) return "";
  raw_html_to_text(document.get());
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
