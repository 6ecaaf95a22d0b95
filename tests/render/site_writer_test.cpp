#include <boost/test/unit_test.hpp>

#include "iopplan/base/file_source.hpp"

#include <signal.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "iopplan/base/interrupt.hpp"
#include "iopplan/render/pdf_printer.hpp"
#include "iopplan/render/site_writer.hpp"
#include "render/fixtures.hpp"

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

// Every entry below `root`, hidden ones included, folders ending in '/'.
std::vector<std::string> all_entries(const fs::path& root) {
  std::vector<std::string> entries;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    std::string name = entry.path().lexically_relative(root).generic_string();
    entries.push_back(fs::is_directory(entry.symlink_status()) ? name + "/" : name);
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

bool has_chattr() { return std::system("command -v chattr >/dev/null 2>&1") == 0; }

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
  BOOST_TEST(!fs::exists(tmp.path / "week-02"));
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
  BOOST_TEST(diagnostics_text(diagnostics).find("paths never leave the output folder") != std::string::npos);
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

// Issue 15, defect 1: a write that fails half-way (here: the file size limit, as on a full disk)
// left its temporary file behind.
BOOST_AUTO_TEST_CASE(a_write_that_fails_half_way_leaves_nothing_behind) {
  TempDir tmp;
  fs::path out = tmp.path / "out";
  Diagnostics diagnostics;
  BOOST_REQUIRE(write_site(small_site(), out.string(), diagnostics));
  std::vector<std::string> before = all_entries(tmp.path);
  Site big = small_site();
  big.files.push_back({"week-01/big.html", std::string(64 * 1024, 'x')});
  struct rlimit old_limit {};
  ::getrlimit(RLIMIT_FSIZE, &old_limit);
  struct rlimit limit = old_limit;
  limit.rlim_cur = 16 * 1024;
  auto old_handler = ::signal(SIGXFSZ, SIG_IGN);
  ::setrlimit(RLIMIT_FSIZE, &limit);
  bool written = write_site(big, out.string(), diagnostics);
  ::setrlimit(RLIMIT_FSIZE, &old_limit);
  ::signal(SIGXFSZ, old_handler);
  BOOST_TEST(!written);
  BOOST_TEST(diagnostics_text(diagnostics) ==
             (out / "week-01/big.html").string() + ": error: cannot write: File too large; nothing was written\n");
  BOOST_TEST(all_entries(tmp.path) == before, boost::test_tools::per_element());
}

// Issue 15, defect 1: an interrupted build's temporary files stayed for good.
BOOST_AUTO_TEST_CASE(the_next_build_removes_what_an_interrupted_one_left) {
  TempDir tmp;
  fs::path out = tmp.path / "out";
  Diagnostics diagnostics;
  BOOST_REQUIRE(write_site(small_site(), out.string(), diagnostics));
  { std::ofstream(out / ".index.html.4242-0.tmp") << "half"; }
  { std::ofstream(out / "week-01" / ".plan.html.4242-17.tmp") << "half"; }
  fs::create_directories(tmp.path / ".out.iopplan-staging" / "week-01");
  { std::ofstream(tmp.path / ".out.iopplan-staging" / "week-01" / "plan.html") << "half"; }
  { std::ofstream(out / ".notes.tmp") << "the clinic's own hidden file"; }
  BOOST_REQUIRE_MESSAGE(write_site(small_site(), out.string(), diagnostics), diagnostics_text(diagnostics));
  std::vector<std::string> want = {"out/", "out/.notes.tmp", "out/index.html", "out/week-01/",
                                   "out/week-01/2027-01-04/", "out/week-01/2027-01-04/handouts.md",
                                   "out/week-01/plan.html"};
  BOOST_TEST(all_entries(tmp.path) == want, boost::test_tools::per_element());
}

// Issue 15, defect 1: the old output folder, its other files and their permissions survive the swap.
BOOST_AUTO_TEST_CASE(the_swap_keeps_the_clinics_files_as_they_are) {
  TempDir tmp;
  fs::path out = tmp.path / "out";
  Diagnostics diagnostics;
  BOOST_REQUIRE(write_site(small_site(), out.string(), diagnostics));
  { std::ofstream(out / "week-01" / "notes.txt") << "mine\n"; }
  fs::create_symlink("plan.html", out / "week-01" / "current");
  struct stat before {};
  ::stat((out / "week-01" / "notes.txt").c_str(), &before);
  BOOST_REQUIRE(write_site(small_site(), out.string(), diagnostics));
  struct stat after {};
  ::stat((out / "week-01" / "notes.txt").c_str(), &after);
  BOOST_TEST(after.st_ino == before.st_ino);  // the same file, not a copy
  BOOST_TEST(after.st_nlink == 1u);
  BOOST_TEST(fs::read_symlink(out / "week-01" / "current") == fs::path("plan.html"));
  BOOST_TEST(read_text(out / "week-01" / "notes.txt") == "mine\n");
}

// Issue 15, defects 1 and 10: a protected old file (read-only, or chattr +i) was replaced
// silently, or made the swap stop half-way ("133 of 158 files were updated").
BOOST_AUTO_TEST_CASE(a_protected_file_stops_the_build_before_anything_changes) {
  TempDir tmp;
  fs::path out = tmp.path / "out";
  Diagnostics diagnostics;
  BOOST_REQUIRE(write_site(small_site(), out.string(), diagnostics));
  Site next = small_site();
  for (auto& file : next.files) file.content = "changed\n";
  fs::permissions(out / "week-01/plan.html", fs::perms::owner_read | fs::perms::group_read);
  diagnostics.clear();
  BOOST_TEST(!write_site(next, out.string(), diagnostics));
  BOOST_TEST(diagnostics_text(diagnostics) ==
             (out / "week-01/plan.html").string() +
                 ": error: is read-only; iopplan does not replace a protected file (make it writable or remove it); "
                 "nothing was written\n");
  BOOST_TEST(read_text(out / "index.html") == "<p>index</p>\n");
  fs::permissions(out / "week-01/plan.html", fs::perms::owner_write, fs::perm_options::add);
  if (!has_chattr() || std::system(("chattr +i " + (out / "index.html").string() + " 2>/dev/null").c_str()) != 0) return;
  diagnostics.clear();
  BOOST_TEST(!write_site(next, out.string(), diagnostics));
  std::system(("chattr -i " + (out / "index.html").string()).c_str());
  BOOST_TEST(diagnostics_text(diagnostics).find("index.html: error: is read-only") != std::string::npos);
  BOOST_TEST(read_text(out / "week-01/plan.html") == "<p>week</p>\n");
  BOOST_TEST(read_text(out / "index.html") == "<p>index</p>\n");
}

// Issue 15, defect 1: two builds into one folder at once both went ahead and mixed their files.
BOOST_AUTO_TEST_CASE(a_second_build_into_the_same_folder_is_refused) {
  TempDir tmp;
  fs::path out = tmp.path / "out";
  Diagnostics diagnostics;
  BOOST_REQUIRE(write_site(small_site(), out.string(), diagnostics));
  int fd = ::open((tmp.path / ".out.iopplan-lock").c_str(), O_RDWR | O_CREAT, 0644);
  BOOST_REQUIRE(fd >= 0);
  BOOST_REQUIRE(::flock(fd, LOCK_EX) == 0);  // as the other build holds it
  Site next = small_site();
  next.files[0].content = "changed\n";
  diagnostics.clear();
  BOOST_TEST(!write_site(next, out.string(), diagnostics));
  ::close(fd);
  BOOST_TEST(diagnostics_text(diagnostics) ==
             out.string() + ": error: another iopplan build is writing this output folder; try again when it has "
                            "finished; nothing was written\n");
  BOOST_TEST(read_text(out / "index.html") == "<p>index</p>\n");
  BOOST_TEST(write_site(next, out.string(), diagnostics));  // released: the next build goes ahead
}

// Issue 15, defect 1: SIGINT or SIGTERM during a build stops it with the old output untouched.
BOOST_AUTO_TEST_CASE(an_interrupted_build_writes_nothing) {
  TempDir tmp;
  fs::path out = tmp.path / "out";
  Diagnostics diagnostics;
  BOOST_REQUIRE(write_site(small_site(), out.string(), diagnostics));
  std::vector<std::string> before = all_entries(tmp.path);
  struct sigaction old_action {};
  ::sigaction(SIGTERM, nullptr, &old_action);
  install_interrupt_handlers();
  ::raise(SIGTERM);
  BOOST_TEST(interrupted());
  Site next = small_site();
  next.files[0].content = "changed\n";
  diagnostics.clear();
  BOOST_TEST(!write_site(next, out.string(), diagnostics));
  BOOST_TEST(diagnostics_text(diagnostics) == out.string() + ": error: interrupted; nothing was written\n");
  BOOST_TEST(all_entries(tmp.path) == before, boost::test_tools::per_element());
  reset_interrupt_for_tests();
  ::sigaction(SIGTERM, &old_action, nullptr);
}

// Issue 15, defect 3: these threw std::filesystem::filesystem_error out of write_site.
BOOST_AUTO_TEST_CASE(output_folders_that_cannot_be_made_are_errors_not_exceptions) {
  TempDir tmp;
  fs::create_directory_symlink(tmp.path / "loop-b", tmp.path / "loop-a");
  fs::create_directory_symlink(tmp.path / "loop-a", tmp.path / "loop-b");
  std::string long_name(300, 'n');
  for (const fs::path& out : {tmp.path / long_name, tmp.path / "loop-a" / "out", tmp.path / "loop-a"}) {
    Diagnostics diagnostics;
    BOOST_TEST(!write_site(small_site(), out.string(), diagnostics), out.string());
    BOOST_TEST(diagnostics_text(diagnostics).find(out.string() + ": error: ") == 0u, diagnostics_text(diagnostics));
  }
  std::vector<std::string> want = {"loop-a", "loop-b"};
  BOOST_TEST(all_entries(tmp.path) == want, boost::test_tools::per_element());
}

// Issue 15, defect 10: the swap replaces the whole folder, so it must not be "/", the home folder,
// a folder holding the current directory, or one holding the library.
BOOST_AUTO_TEST_CASE(folders_a_build_must_not_replace_are_refused) {
  TempDir tmp;
  fs::create_directories(tmp.path / "lib" / "curricula");
  Diagnostics diagnostics;
  BOOST_TEST(!write_site(small_site(), "/", diagnostics));
  BOOST_TEST(!write_site(small_site(), (tmp.path / "lib").string(), diagnostics, {(tmp.path / "lib/curricula").string()}));
  fs::path cwd = fs::current_path();
  fs::current_path(tmp.path / "lib");
  BOOST_TEST(!write_site(small_site(), ".", diagnostics));
  fs::current_path(cwd);
  BOOST_TEST(diagnostics_text(diagnostics) ==
             "/: error: refusing to build into this folder: it is the root folder (the build replaces the whole "
             "folder); name a folder of its own\n" +
                 (tmp.path / "lib").string() + ": error: refusing to build into this folder: it holds " +
                 (tmp.path / "lib/curricula").string() +
                 ", which this build reads (the build replaces the whole folder); name a folder of its own\n"
                 ".: error: refusing to build into this folder: it holds the current folder (the build replaces the "
                 "whole folder); name a folder of its own\n");
  BOOST_TEST(!fs::exists(tmp.path / "lib" / "index.html"));
}

BOOST_AUTO_TEST_CASE(without_chromium_pdf_says_how_to_install_it) {
  BOOST_TEST(chromium_install_hint().find("apt-get install chromium") != std::string::npos);
  ::setenv("IOPPLAN_CHROMIUM", "/nonexistent/chromium", 1);
  BOOST_TEST(!find_chromium());
  ::unsetenv("IOPPLAN_CHROMIUM");
}

BOOST_AUTO_TEST_SUITE_END()
