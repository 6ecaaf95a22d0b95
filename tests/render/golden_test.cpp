// Golden files: the fixture library and plan, rendered with the built-in templates, compared byte
// for byte with tests/render/golden/. After a deliberate change, regenerate them with
//   IOPPLAN_UPDATE_GOLDEN=1 build/tests/iopplan_tests --run_test=golden
// and review the diff before committing.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <set>

#include "iopplan/render/site_writer.hpp"
#include "render/fixtures.hpp"

using namespace iopplan;
using namespace iopplan::fixtures;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(golden)

BOOST_AUTO_TEST_CASE(small_build_matches_the_golden_files) {
  RenderOptions options;
  options.formats = {Format::html, Format::md};
  options.copies = 2;
  Diagnostics diagnostics;
  auto site = render_site(fixture_plan(), kPlanJson, fixture_library(), fixture_organization(), builtin_templates(),
                          options, diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  fs::path golden = source_path("tests/render/golden");
  std::set<std::string> expected;
  for (const auto& file : site->files) expected.insert(file.path);

  if (const char* update = std::getenv("IOPPLAN_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(golden, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      std::string rel = fs::relative(it->path(), golden).generic_string();
      if (it->is_regular_file() && !expected.count(rel)) fs::remove(it->path());  // a document no longer rendered
    }
    BOOST_REQUIRE_MESSAGE(write_site(*site, golden.string(), diagnostics), diagnostics_text(diagnostics));
    BOOST_TEST_MESSAGE("golden files regenerated in " << golden.string());
    return;
  }
  for (const auto& file : site->files) {
    fs::path path = golden / file.path;
    BOOST_TEST_CONTEXT(file.path) {
      BOOST_REQUIRE_MESSAGE(fs::exists(path), "missing golden file; regenerate with IOPPLAN_UPDATE_GOLDEN=1");
      std::string want = read_text(path);
      if (want != file.content) {
        size_t at = 0;
        while (at < want.size() && at < file.content.size() && want[at] == file.content[at]) ++at;
        size_t line = 1 + static_cast<size_t>(std::count(want.begin(), want.begin() + static_cast<long>(at), '\n'));
        BOOST_ERROR("differs from the golden file from line " << line << ": got \""
                                                               << file.content.substr(at, 80) << "\", want \""
                                                               << want.substr(at, 80) << "\"");
      }
    }
  }
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(golden, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    std::string rel = fs::relative(it->path(), golden).generic_string();
    if (it->is_regular_file()) BOOST_CHECK_MESSAGE(expected.count(rel), rel << ": golden file that the build no longer writes");
  }
}

BOOST_AUTO_TEST_SUITE_END()
