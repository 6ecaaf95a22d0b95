// Markdown: module text to safe HTML, and plain text made safe inside Markdown.
#pragma once

#include <string>
#include <string_view>

namespace iopplan {

// CommonMark -> HTML with cmark's default (safe) options. Raw HTML in the text is shown as the
// text it is (escaped), never passed through; unsafe links (javascript:, vbscript:, file:, data:)
// and remote images (any URL with a scheme, or "//host") become their text.
std::string markdown_to_html(std::string_view markdown);

// The same rules for Markdown output: trimmed text as written when it holds no raw HTML, unsafe
// link or remote image; else cmark's CommonMark rendering with those neutralized (raw HTML shown
// as escaped text).
std::string safe_markdown(std::string_view markdown);

// Backslash-escapes the characters that would turn plain text into Markdown markup or raw HTML
// (\ ` * _ [ ] < > |), so a title prints as written in a .md file and its tables.
std::string escape_markdown(std::string_view text);

}  // namespace iopplan
