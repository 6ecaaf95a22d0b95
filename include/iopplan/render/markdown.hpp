// Markdown: module text to safe HTML, and plain text made safe inside Markdown.
#pragma once

#include <string>
#include <string_view>

namespace iopplan {

// CommonMark -> HTML with cmark's default (safe) options. Raw HTML in the text is shown as the
// text it is (escaped), never passed through; unsafe link schemes (javascript:) are dropped.
std::string markdown_to_html(std::string_view markdown);

// Backslash-escapes the characters that would turn plain text into Markdown markup or raw HTML
// (\ ` * _ [ ] < > |), so a title prints as written in a .md file and its tables.
std::string escape_markdown(std::string_view text);

}  // namespace iopplan
