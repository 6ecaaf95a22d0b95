#include <boost/test/unit_test.hpp>
#include <boost/test/data/test_case.hpp>

#include "iopplan/render/markdown.hpp"

using namespace iopplan;
namespace data = boost::unit_test::data;

BOOST_AUTO_TEST_SUITE(markdown)

struct HtmlCase {
  const char* name;
  const char* markdown;
  const char* html;
};

std::ostream& operator<<(std::ostream& out, const HtmlCase& c) { return out << c.name; }

const HtmlCase kHtmlCases[] = {
    {"paragraph and emphasis", "A **bold** and *soft* word.", "<p>A <strong>bold</strong> and <em>soft</em> word.</p>\n"},
    {"list", "- one\n- two\n", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"},
    {"heading", "### Four kinds", "<h3>Four kinds</h3>\n"},
    {"inline html is text", "Say <b>no</b>.", "<p>Say &lt;b&gt;no&lt;/b&gt;.</p>\n"},
    {"html block is text", "<script>alert(1)</script>",
     "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
    {"multi-line html block keeps its lines", "<div>\nhi\n</div>\n",
     "<p>&lt;div&gt;<br />\nhi<br />\n&lt;/div&gt;</p>\n"},
    {"mustache tags are text", "Use {{#x}} and {{{y}}}.", "<p>Use {{#x}} and {{{y}}}.</p>\n"},
    {"javascript links become their text", "[click](javascript:alert(1))", "<p>click</p>\n"},
    // Issue 15, defect 9: remote images were kept, so opening or printing a handout fetched them.
    {"remote images become their description", "See ![a chart](https://tracker.example/x.png) and ![b](//cdn.example/y.png).",
     "<p>See a chart and b.</p>\n"},
    {"data links become their text", "[x](data:text/html;base64,PHNjcmlwdD4=) [y](VBScript:msgbox)", "<p>x y</p>\n"},
    {"ordinary links stay", "[SAMHSA](https://www.samhsa.gov)", "<p><a href=\"https://www.samhsa.gov\">SAMHSA</a></p>\n"},
    {"entities stay escaped", "A & B < C", "<p>A &amp; B &lt; C</p>\n"},
};

BOOST_DATA_TEST_CASE(to_safe_html, data::make(kHtmlCases), c) {
  BOOST_TEST(markdown_to_html(c.markdown) == c.html);
}

// Issue 15, defect 9: Markdown documents copied module text verbatim, raw HTML and script links
// included. Text without any of it stays exactly as written.
BOOST_AUTO_TEST_CASE(markdown_output_is_neutralized_too) {
  BOOST_TEST(safe_markdown("  A **bold** word.\n\n- one\n- two\n") == "A **bold** word.\n\n- one\n- two");
  BOOST_TEST(safe_markdown("Say <b onclick=x>no</b>.\n\n<script>alert(1)</script>") ==
             "Say \\<b onclick=x\\>no\\</b\\>.\n\n\\<script\\>alert(1)\\</script\\>");
  BOOST_TEST(safe_markdown("[click](javascript:alert(1)) and ![chart](https://tracker.example/x.png)") ==
             "click and chart");
  BOOST_TEST(safe_markdown("<img src=x onerror=alert(1)>") == "\\<img src=x onerror=alert(1)\\>");
}

BOOST_AUTO_TEST_CASE(escapes_plain_text_for_markdown) {
  BOOST_TEST(escape_markdown("a*b_c [x] <y> |z| `q` \\") == "a\\*b\\_c \\[x\\] \\<y\\> \\|z\\| \\`q\\` \\\\");
  BOOST_TEST(escape_markdown("Check-in: 12-step (1.5 h)") == "Check-in: 12-step (1.5 h)");
  BOOST_TEST(escape_markdown("two\nlines") == "two lines");
}

BOOST_AUTO_TEST_CASE(escaped_text_renders_back_to_itself) {
  std::string text = "<script>alert(1)</script> **not bold** {{#x}}";
  BOOST_TEST(markdown_to_html(escape_markdown(text)) ==
             "<p>&lt;script&gt;alert(1)&lt;/script&gt; **not bold** {{#x}}</p>\n");
}

BOOST_AUTO_TEST_SUITE_END()
