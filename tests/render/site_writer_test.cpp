#include <boost/test/unit_test.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "iopplan/render/pdf_printer.hpp"
#include "iopplan/render/site_writer.hpp"
#include "render/fixtures.hpp"
#include "render/safe_path.hpp"
#include "render/pdf_dates.hpp"

using namespace iopplan;
using namespace iopplan::fixtures;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system's temporary folder, removed when the test ends.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "iopplan-writer-XXXXXX").string();
    BOOST_REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path, ec);
  }
};

Site small_site() {
  Site site;
  site.files = {{"index.html", "<p>index</p>\n"}, {"week-01/plan.html", "<p>week</p>\n"},
                {"week-01/2027-01-04/handouts.md", "# Handouts\n"}};
  return site;
}

std::vector<std::string> all_files(const fs::path& root) {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_directory()) files.push_back(fs::relative(entry.path(), root).generic_string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(site_writer)

BOOST_AUTO_TEST_CASE(writes_every_file_and_creates_folders) {
  TempDir tmp;
  Diagnostics diagnostics;
  fs::path out = tmp.path / "output" / "program-2027-01-04";
  BOOST_REQUIRE_MESSAGE(write_site(small_site(), out.string(), diagnostics), diagnostics_text(diagnostics));
  std::vector<std::string> want = {"index.html", "week-01/2027-01-04/handouts.md", "week-01/plan.html"};
  BOOST_TEST(all_files(out) == want, boost::test_tools::per_element());
  BOOST_TEST(read_text(out / "week-01/plan.html") == "<p>week</p>\n");
}

BOOST_AUTO_TEST_CASE(rewrites_in_place_and_leaves_other_files_alone) {
  TempDir tmp;
  Diagnostics diagnostics;
  BOOST_REQUIRE(write_site(small_site(), tmp.path.string(), diagnostics));
  {
    std::ofstream(tmp.path / "notes.txt") << "the clinic's own notes\n";
  }
  Site changed = small_site();
  changed.files[0].content = "<p>new index</p>\n";
  changed.files.pop_back();
  BOOST_REQUIRE(write_site(changed, tmp.path.string(), diagnostics));
  BOOST_TEST(read_text(tmp.path / "index.html") == "<p>new index</p>\n");
  BOOST_TEST(read_text(tmp.path / "notes.txt") == "the clinic's own notes\n");
  BOOST_TEST(fs::exists(tmp.path / "week-01/2027-01-04/handouts.md"));  // not ours to delete any more
  std::vector<std::string> want = {"index.html", "notes.txt", "week-01/2027-01-04/handouts.md", "week-01/plan.html"};
  BOOST_TEST(all_files(tmp.path) == want, boost::test_tools::per_element());  // no temporary files left
}

BOOST_AUTO_TEST_CASE(a_failed_write_changes_nothing) {
  TempDir tmp;
  Diagnostics diagnostics;
  BOOST_REQUIRE(write_site(small_site(), tmp.path.string(), diagnostics));
  Site next = small_site();
  for (auto& file : next.files) file.content = "changed\n";
  next.files.push_back({"week-02/plan.html", "new week\n"});
  next.files.push_back({"week-01", "a file where a folder is"});
  BOOST_TEST(!write_site(next, tmp.path.string(), diagnostics));
  BOOST_TEST(diagnostics_text(diagnostics).find("a folder or symbolic link is in the way; nothing was written") !=
             std::string::npos);
  BOOST_TEST(read_text(tmp.path / "index.html") == "<p>index</p>\n");
  BOOST_TEST(!fs::exists(tmp.path / "week-02"));  // the folder it made is gone again
  std::vector<std::string> want = {"index.html", "week-01/2027-01-04/handouts.md", "week-01/plan.html"};
  BOOST_TEST(all_files(tmp.path) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_unwritable_folder_fails_cleanly) {
  if (::geteuid() == 0) return;  // root writes anywhere; the check below needs a normal user
  TempDir tmp;
  fs::create_directory(tmp.path / "out");
  fs::permissions(tmp.path / "out", fs::perms::owner_read | fs::perms::owner_exec);
  Diagnostics diagnostics;
  BOOST_TEST(!write_site(small_site(), (tmp.path / "out").string(), diagnostics));
  BOOST_TEST(has_errors(diagnostics));
}

BOOST_AUTO_TEST_CASE(never_writes_outside_the_output_folder) {
  TempDir tmp;
  fs::create_directory(tmp.path / "out");
  fs::create_directory(tmp.path / "elsewhere");
  fs::create_directory_symlink(tmp.path / "elsewhere", tmp.path / "out" / "week-01");
  Diagnostics diagnostics;
  BOOST_TEST(!write_site(small_site(), (tmp.path / "out").string(), diagnostics));
  BOOST_TEST(diagnostics_text(diagnostics).find("leads outside the output folder") != std::string::npos);
  BOOST_TEST(fs::is_empty(tmp.path / "elsewhere"));
  BOOST_TEST(!fs::exists(tmp.path / "out" / "index.html"));

  for (const std::string bad : {"../escape.html", "/etc/passwd", "a//b", "a/./b", "", "a/", "a\\b"}) {
    Site site;
    site.files = {{bad, "x"}};
    Diagnostics d;
    BOOST_TEST(!write_site(site, (tmp.path / "out2").string(), d), bad);
    BOOST_TEST(!is_safe_relative_path(bad), bad);
  }
  BOOST_TEST(!fs::exists(tmp.path / "out2"));
  BOOST_TEST(!fs::exists(tmp.path / "escape.html"));
}

BOOST_AUTO_TEST_CASE(an_output_path_that_is_a_file_is_an_error) {
  TempDir tmp;
  { std::ofstream(tmp.path / "taken") << "x"; }
  Diagnostics diagnostics;
  BOOST_TEST(!write_site(small_site(), (tmp.path / "taken").string(), diagnostics));
  BOOST_TEST(diagnostics_text(diagnostics) == (tmp.path / "taken").string() + ": error: the output path exists and is not a folder\n");
}

BOOST_AUTO_TEST_CASE(pdf_dates_are_fixed_without_moving_bytes) {
  std::string pdf = "%PDF-1.4\n/CreationDate (D:20261125113217+00'00')\n/ModDate (D:20261125113217+00'00')>>\n";
  std::string before = pdf;
  normalize_pdf_dates(pdf, "20270104");
  BOOST_TEST(pdf.size() == before.size());
  BOOST_TEST(pdf == "%PDF-1.4\n/CreationDate (D:20270104000000+00'00')\n/ModDate (D:20270104000000+00'00')>>\n");
}

BOOST_AUTO_TEST_CASE(without_chromium_pdf_says_how_to_install_it) {
  BOOST_TEST(chromium_install_hint().find("apt-get install chromium") != std::string::npos);
  ::setenv("IOPPLAN_CHROMIUM", "/nonexistent/chromium", 1);
  BOOST_TEST(!find_chromium());
  ::unsetenv("IOPPLAN_CHROMIUM");
}

BOOST_AUTO_TEST_SUITE_END()
