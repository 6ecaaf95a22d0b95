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
    {"javascript links are dropped", "[click](javascript:alert(1))", "<p><a href=\"\">click</a></p>\n"},
    {"entities stay escaped", "A & B < C", "<p>A &amp; B &lt; C</p>\n"},
};

BOOST_DATA_TEST_CASE(to_safe_html, data::make(kHtmlCases), c) {
  BOOST_TEST(markdown_to_html(c.markdown) == c.html);
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
