#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "iopplan/curriculum/program.hpp"
#include "sequencing/sequencing_fixtures.hpp"

using namespace iopplan;
using namespace iopplan::seqtest;

namespace {

constexpr const char* kPath = "input/programs/x.toml";

struct Case {
  int line;  // the line of small_program_text() to replace; 0 appends
  const char* text;
  const char* expected;
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.text; }

std::string load(const std::string& text) {
  Diagnostics out;
  auto program = parse_program(kPath, text, small_library(), out);
  sort_diagnostics(out);
  BOOST_TEST(!program.has_value());
  return diagnostics_text(out);
}

const Case kCases[] = {
    {0, "languages = [\"en\", \"sp\", \"en\"]",
     "input/programs/x.toml:10:20: error: 'languages': unknown language 'sp'; the languages are en (English) and es "
     "(Spanish)\n"
     "input/programs/x.toml:10:26: error: 'languages': 'en' is listed twice\n"},
    {0, "languages = []", "input/programs/x.toml:10:13: error: 'languages' needs at least one language, such as [\"en\", \"es\"]\n"},
    {4, "weeks = 0", "input/programs/x.toml:4:9: error: 'weeks' is 0; it must be between 1 and 104\n"},
    {4, "weeks = 10000", "input/programs/x.toml:4:9: error: 'weeks' is 10000; it must be between 1 and 104\n"},
    {5, "start_date = \"2027-02-30\"",
     "input/programs/x.toml:5:14: error: 'start_date' is '2027-02-30'; it must be a real calendar date written "
     "YYYY-MM-DD (1900-2200)\n"},
    {5, "start_date = 2027-02-30",
     "input/programs/x.toml:5:24: error: date: expected day between 1 and 28 (inclusive), saw 30\n"},
    {7, "start_time = \"25:00\"",
     "input/programs/x.toml:7:14: error: 'start_time' is '25:00'; it must be a time of day written HH:MM, from 00:00 "
     "to 23:59\n"},
    {7, "start_time = \"23:00\"",
     "input/programs/x.toml:8:19: error: a meeting of 90 minutes from 23:00 would run past midnight\n"},
    {6, "meeting_days = []",
     "input/programs/x.toml:6:16: error: 'meeting_days' needs at least one day, such as [\"mon\", \"wed\", \"thu\"]\n"},
    {6, "meeting_days = [\"mon\", \"funday\", \"MON\"]",
     "input/programs/x.toml:6:24: error: 'funday' in 'meeting_days' is not a day of the week (mon, tue, wed, thu, "
     "fri, sat, sun)\n"
     "input/programs/x.toml:6:34: error: 'meeting_days' lists Monday twice\n"},
    {12, "minutes = -5", "input/programs/x.toml:12:11: error: 'minutes' in block 1 is -5; it must be between 1 and 1440\n"},
    {12, "minutes = 20", "input/programs/x.toml:8:19: error: the blocks add up to 80 minutes, but 'meeting_minutes' is 90\n"},
    {3, "admission = \"open\"",
     "input/programs/x.toml:3:13: error: 'admission' is 'open'; it must be one of closed, rolling\n"},
    {1, "id = \"y\"",
     "input/programs/x.toml:1:6: error: id 'y' does not match the file name 'x.toml'; rename one so they agree\n"},
    {2, "name = \"Test\"\nlevel_of_care = \"asam-2.1\"",
     "input/programs/x.toml:3:17: error: 'level_of_care' is 'asam-2.1'; it must be one of asam-2.1-adult, "
     "asam-2.1-adolescent, asam-2.5; did you mean 'asam-2.5'?\n"},
    {2, "name = \"Test\"\nstay = \"sessions\"",
     "input/programs/x.toml:3:8: error: 'stay' applies only to rolling admission (it sets the stay coverage is "
     "measured over)\n"},
    {11, "activity = \"Check-in\"\nslot = \"Topic\"",
     "input/programs/x.toml:10:1: error: block 1 has both 'activity' and 'slot'; a block is either a fixed activity or "
     "a content slot\n"},
    {11, "title = \"Check-in\"",
     "input/programs/x.toml:10:1: error: block 1 needs 'activity' (a fixed activity such as \"Check-in\") or 'slot' "
     "(a content slot the plan fills)\n"
     "input/programs/x.toml:11:1: error: unknown key 'title' in block 1\n"},
    {16, "minutes = 60\ntracks = [\"a\", \"d\"]\ngroup_types = [\"skils\"]",
     "input/programs/x.toml:17:16: error: unknown track 'd' in block 2; did you mean 'a'?\n"
     "input/programs/x.toml:18:16: error: unknown group type 'skils' in block 2; it must be one of psychoeducation, "
     "skills, process, support, family; did you mean 'skills'?\n"},
    {0, "[rules]\nno_repeat_withn = 2",
     "input/programs/x.toml:19:1: error: unknown key 'no_repeat_withn' in [rules]; did you mean 'no_repeat_within'?\n"},
    {0, "[rules]\nno_repeat_within = \"never\"",
     "input/programs/x.toml:19:20: error: 'no_repeat_within' in [rules] must be \"cycle\" (no module twice) or a "
     "number of weeks from 1 to 104\n"},
    {0, "[rules]\nrequired = [\"a5\", \"b1\", \"b1\"]",
     "input/programs/x.toml:19:13: error: unknown module 'a5' in 'required' in [rules]; did you mean 'a1'?\n"
     "input/programs/x.toml:19:25: error: module 'b1' is listed twice in 'required' in [rules]\n"},
    {0, "[limits.bb]\nmin_per_cycle = 1",
     "input/programs/x.toml:18:9: error: unknown track 'bb' in [limits]; did you mean 'b'?\n"},
    {0, "[limits.a]\nmin_per_week = 3\nmax_per_week = 2\nmax_per_cycle = -1",
     "input/programs/x.toml:19:16: error: 'min_per_week' (3) is larger than 'max_per_week' (2) in [limits.a]\n"
     "input/programs/x.toml:21:17: error: 'max_per_cycle' in [limits.a] is -1; it must be between 0 and 17472\n"},
    {0, "[[phase]]\nweeks = [2, 5]\nphases = [\"erly\"]",
     "input/programs/x.toml:19:9: error: 'weeks' in phase 1 is [2, 5]; it must run from week 1 or later to a week no "
     "later than 2, first to last\n"
     "input/programs/x.toml:20:11: error: unknown phase 'erly' in phase 1; it must be one of early, middle, late, "
     "any; did you mean 'early'?\n"},
    {0, "[[phase]]\nweeks = [1, 2]\nphases = [\"early\"]\n[[phase]]\nweeks = [2, 2]\nphases = [\"late\"]",
     "input/programs/x.toml:21:1: error: phase 2 (weeks 2-2) overlaps the phase at line 18 (weeks 1-2)\n"},
    {0, "[[closure]]\ndate = 2027-03-10\nthrough = 2027-03-09\nreason = \"Move\"",
     "input/programs/x.toml:20:11: error: 'through' in closure 1 (2027-03-09) is before 'date' (2027-03-10)\n"},
    {0, "[weights]\nback_to_back = \"high\"\ntrack_spread = -1",
     "input/programs/x.toml:19:16: error: 'back_to_back' in [weights] must be a number, not a string\n"
     "input/programs/x.toml:20:16: error: 'track_spread' in [weights] must be a number from 0 to 1000\n"},
    {0, "skip_us_federal_holidays = \"yes\"",
     "input/programs/x.toml:10:28: error: 'skip_us_federal_holidays' must be true or false, not a string\n"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(program_loader)

BOOST_DATA_TEST_CASE(schema_errors_are_exact, boost::unit_test::data::make(kCases), c) {
  std::string text = small_program_text();
  // Appended keys go before the blocks (top-level keys) or after them (tables).
  if (c.line == 0) {
    std::string extra = c.text;
    text = extra.front() == '[' ? text + "\n" + extra + "\n" : replace_line(text, 9, "\n" + extra);
  } else {
    text = replace_line(text, c.line, c.text);
  }
  BOOST_TEST(load(text) == c.expected);
}

BOOST_AUTO_TEST_CASE(a_valid_program_reads_every_field) {
  std::string text = small_program_text() +
                     "\n[rules]\nno_repeat_within = 2\nrequired = [\"a1\"]\nexcluded = [\"c4\"]\n"
                     "[[phase]]\nweeks = [1, 1]\nphases = [\"early\", \"middle\"]\n"
                     "[limits.b]\nmax_per_week = 1\n"
                     "[weights]\nrepeats = 5\n"
                     "[[closure]]\ndate = \"2027-03-04\"\nreason = \"Training\"\n";
  Diagnostics out;
  auto program = parse_program(kPath, text, small_library(), out);
  BOOST_TEST(diagnostics_text(out) == "");
  BOOST_REQUIRE(program.has_value());
  BOOST_TEST(program->id == "x");
  BOOST_TEST(program->weeks == 2);
  BOOST_TEST(to_iso(program->start_date) == "2027-03-01");
  BOOST_TEST(meeting_days_text(*program) == "Mon/Thu");
  BOOST_TEST(program->start_time == 9 * 60);
  BOOST_TEST(program->group_size == 12);
  BOOST_TEST(program->blocks.size() == 2u);
  BOOST_TEST(program->blocks[1].slot == "Topic");
  BOOST_TEST(content_slots_per_meeting(*program) == 1);
  BOOST_TEST(program->no_repeat_within_weeks == 2);
  BOOST_TEST(program->required.at(0).id == "a1");
  BOOST_TEST(program->excluded.at(0).id == "c4");
  BOOST_TEST(program->phases.at(0).phases.size() == 2u);
  BOOST_TEST(program->limits.at(0).max_per_week == 1);
  BOOST_TEST(program->limits.at(0).min_per_cycle == -1);
  BOOST_TEST(program->weights.repeats == 5);
  BOOST_TEST(program->weights.back_to_back == 3);
  BOOST_TEST(program->closures.at(0).reason == "Training");
  BOOST_TEST(when_closed_name(program->when_closed) == std::string("extend"));
  BOOST_TEST(admission_name(program->admission) == std::string("closed"));
  BOOST_TEST(program->languages == std::vector<std::string>{"en"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(languages_are_read_in_order) {
  std::string text = replace_line(small_program_text(), 9, "languages = [\"es\", \"en\"]\n");
  Diagnostics out;
  auto program = parse_program(kPath, text, small_library(), out);
  BOOST_TEST(diagnostics_text(out) == "");
  BOOST_REQUIRE(program.has_value());
  BOOST_TEST(program->languages == (std::vector<std::string>{"es", "en"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(programs_are_found_by_id_or_path) {
  MemoryFileSource files;
  files.add("lib/programs/iop-16-week-rolling.toml", "id = \"iop-16-week-rolling\"\n");
  files.add("lib/programs/notes.txt", "");
  BOOST_TEST(program_file("lib", "iop-16-week-rolling") == "lib/programs/iop-16-week-rolling.toml");
  BOOST_TEST(program_file("lib", "elsewhere/p.toml") == "elsewhere/p.toml");
  BOOST_TEST(program_file("lib", "p.toml") == "p.toml");
  BOOST_TEST(program_ids(files, "lib") == std::vector<std::string>{"iop-16-week-rolling"});
  Diagnostics out;
  BOOST_TEST(!load_program(files, "lib", "iop-16-week-rollin", small_library(), out).has_value());
  BOOST_TEST(diagnostics_text(out) == "error: unknown program 'iop-16-week-rollin'; did you mean 'iop-16-week-rolling'?\n");
  out.clear();
  BOOST_TEST(!load_program(files, "lib", "lib/none.toml", small_library(), out).has_value());
  BOOST_TEST(diagnostics_text(out) == "lib/none.toml: error: cannot read program file\n");
}

BOOST_AUTO_TEST_CASE(the_shipped_programs_load_cleanly) {
  DiskFileSource files;
  Diagnostics out;
  auto programs = load_programs(files, std::string(IOPPLAN_SOURCE_DIR) + "/curricula", builtin_library(), out);
  BOOST_TEST(diagnostics_text(out) == "");
  BOOST_TEST(programs.size() == 3u);
  // Every fixed block but breaks and the family group's questions carries the shipped guidance.
  auto check = [](const Program& program, const std::string& where) {
    for (const auto& block : program.blocks) {
      if (block.is_content() || block.activity == "Break" || block.activity == "Questions and discussion") continue;
      BOOST_TEST(block.guidance_file.starts_with("guidance/"), where << ": " << block.activity);
      BOOST_TEST(block.guidance.find("### ") == 0u, where << ": " << block.activity);
    }
  };
  for (const auto& program : programs) {
    check(program, program.id);
    for (const auto& group : program.groups) check(group, program.id + "/" + group.group);
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(block_guidance)

// small_program_text() with `extra` lines added to block 1 (the check-in) or block 2 (the slot).
std::string with_guidance(const std::string& extra, int block = 1) {
  return block == 1 ? replace_line(small_program_text(), 12, "minutes = 30\n" + extra)
                    : small_program_text() + extra + "\n";
}

// The library's guidance files: lib/ is small_library()'s root.
MemoryFileSource guidance_files() {
  MemoryFileSource files;
  files.add("lib/guidance/check-in.md", "### Norms\n\nOne voice at a time.\n");
  files.add("lib/guidance/empty.md", "  \n\n");
  files.add("lib/guidance/bell.md", "### Norms\n\nRing \x07 here.\n");
  files.add("lib/guidance/latin1.md", "caf\xe9\n");
  return files;
}

std::string guidance_errors(const std::string& text) {
  MemoryFileSource files = guidance_files();
  Diagnostics out;
  auto program = parse_program(kPath, text, small_library(), out, &files);
  sort_diagnostics(out);
  BOOST_TEST(!program.has_value());
  return diagnostics_text(out);
}

BOOST_AUTO_TEST_CASE(inline_and_file_guidance_are_read) {
  MemoryFileSource files = guidance_files();
  Diagnostics out;
  auto program = parse_program(kPath, with_guidance("guidance = \"Keep it *short*.\""), small_library(), out, &files);
  BOOST_TEST(diagnostics_text(out) == "");
  BOOST_REQUIRE(program.has_value());
  BOOST_TEST(program->blocks[0].guidance == "Keep it *short*.");
  BOOST_TEST(program->blocks[0].guidance_file == "");
  BOOST_TEST(program->blocks[1].guidance == "");

  program = parse_program(kPath, with_guidance("guidance_file = \"guidance/check-in.md\""), small_library(), out, &files);
  BOOST_TEST(diagnostics_text(out) == "");
  BOOST_REQUIRE(program.has_value());
  BOOST_TEST(program->blocks[0].guidance == "### Norms\n\nOne voice at a time.\n");
  BOOST_TEST(program->blocks[0].guidance_file == "guidance/check-in.md");
}

BOOST_AUTO_TEST_CASE(load_program_reads_guidance_from_the_library_folder) {
  MemoryFileSource files = guidance_files();
  files.add("lib/programs/x.toml", with_guidance("guidance_file = \"guidance/check-in.md\""));
  Diagnostics out;
  auto program = load_program(files, "lib", "x", small_library(), out);
  BOOST_TEST(diagnostics_text(out) == "");
  BOOST_REQUIRE(program.has_value());
  BOOST_TEST(program->blocks[0].guidance == "### Norms\n\nOne voice at a time.\n");
}

const Case kGuidanceCases[] = {
    {0, "guidance = \"Say hello.\"\nguidance_file = \"guidance/check-in.md\"",
     "input/programs/x.toml:14:17: error: 'guidance' and 'guidance_file' in block 1 are both set; keep one\n"},
    {0, "guidance = \"\"", "input/programs/x.toml:13:12: error: 'guidance' in block 1 must not be empty\n"},
    {0, "guidance = 3", "input/programs/x.toml:13:12: error: 'guidance' in block 1 must be a string, not an integer\n"},
    {0, "guidance = \"Ring \\u0007 here\"",
     "input/programs/x.toml:13:12: error: text contains the control character U+0007; only line breaks and tabs are "
     "allowed\n"},
    {0, "guidance_file = \"guidance/none.md\"",
     "input/programs/x.toml:13:17: error: cannot read guidance file 'lib/guidance/none.md' in block 1\n"},
    {0, "guidance_file = \"guidance/empty.md\"",
     "input/programs/x.toml:13:17: error: guidance file 'lib/guidance/empty.md' in block 1 is empty\n"},
    {0, "guidance_file = \"guidance/bell.md\"",
     "lib/guidance/bell.md:3:6: error: text contains the control character U+0007; only line breaks and tabs are "
     "allowed\n"},
    {0, "guidance_file = \"guidance/latin1.md\"", "lib/guidance/latin1.md:1:4: error: file is not valid UTF-8\n"},
    {0, "guidance_file = \"../secrets.md\"",
     "input/programs/x.toml:13:17: error: 'guidance_file' in block 1 must name a Markdown file inside the library, "
     "such as \"guidance/process-group.md\", not '../secrets.md'\n"},
    {0, "guidance_file = \"/etc/guidance.md\"",
     "input/programs/x.toml:13:17: error: 'guidance_file' in block 1 must name a Markdown file inside the library, "
     "such as \"guidance/process-group.md\", not '/etc/guidance.md'\n"},
    {0, "guidance_file = \"guidance/check-in.txt\"",
     "input/programs/x.toml:13:17: error: 'guidance_file' in block 1 must name a Markdown file inside the library, "
     "such as \"guidance/process-group.md\", not 'guidance/check-in.txt'\n"},
    {2, "guidance = \"Teach it well.\"",
     "input/programs/x.toml:17:12: error: guidance belongs to fixed activities; block 2 is a content slot, and each "
     "module brings its own facilitator guide\n"},
};

BOOST_DATA_TEST_CASE(guidance_problems_are_reported_where_they_are, boost::unit_test::data::make(kGuidanceCases), c) {
  BOOST_TEST(guidance_errors(with_guidance(c.text, c.line == 2 ? 2 : 1)) == c.expected);
}

BOOST_AUTO_TEST_CASE(without_a_file_source_a_guidance_file_cannot_be_read) {
  Diagnostics out;
  BOOST_TEST(!parse_program(kPath, with_guidance("guidance_file = \"guidance/check-in.md\""), small_library(), out));
  BOOST_TEST(diagnostics_text(out) ==
             "input/programs/x.toml:13:17: error: cannot read guidance file 'lib/guidance/check-in.md' in block 1\n");
}

BOOST_AUTO_TEST_SUITE_END()

#include "iopplan/sequencing/preflight.hpp"
#include "iopplan/sequencing/sequencer.hpp"
#include "sequencing/plan_oracle.hpp"
#include "sequencing/random.hpp"

BOOST_AUTO_TEST_SUITE(program_mutations)

// Programs mangled line by line: every result is a plan that holds the rules or a diagnosis, never a crash.
BOOST_AUTO_TEST_CASE(mangled_programs_are_diagnosed_never_crash) {
  const char* values[] = {"-1", "0", "1", "99999", "\"\"", "\"x\"", "[]", "[\"mon\"]", "true", "2027-02-28",
                          "\"25:00\"", "{}", "1.5", "\"cycle\"", "[1, 1]", "\"early\""};
  int planned = 0, diagnosed = 0;
  for (const char* id : {"iop-16-week-rolling", "iop-8-week-cohort"}) {
    DiskFileSource files;
    std::string original = *files.read(std::string(IOPPLAN_SOURCE_DIR) + "/curricula/programs/" + id + ".toml");
    SplitMix64 rng(42);
    for (int round = 0; round < 60; ++round) {
      std::vector<std::string> lines;
      size_t start = 0;
      while (start < original.size()) {
        size_t end = original.find('\n', start);
        lines.push_back(original.substr(start, end - start));
        start = end + 1;
      }
      for (int edit = 0; edit < 3; ++edit) {
        size_t i = rng.below(lines.size());
        switch (rng.below(3)) {
          case 0: lines.erase(lines.begin() + static_cast<long>(i)); break;
          case 1: lines.insert(lines.begin() + static_cast<long>(i), lines[i]); break;
          default: {
            size_t eq = lines[i].find(" = ");
            if (eq != std::string::npos) lines[i] = lines[i].substr(0, eq + 3) + values[rng.below(std::size(values))];
          }
        }
      }
      std::string text;
      for (const auto& line : lines) text += line + "\n";
      Diagnostics out;
      auto program = parse_program(std::string("curricula/programs/") + id + ".toml", text, builtin_library(), out, &files);
      if (!program) {
        BOOST_TEST(has_errors(out));
        ++diagnosed;
        continue;
      }
      preflight(builtin_library(), *program, std::nullopt, out);
      PlanResult result = make_plan(builtin_library(), *program, PlanOptions{});
      if (result.plan) {
        ++planned;
        BOOST_TEST(oracle_violation(builtin_library(), *program, *result.plan) == "");
      } else {
        BOOST_TEST(has_errors(result.diagnostics));
        ++diagnosed;
      }
    }
  }
  BOOST_TEST_MESSAGE("mangled programs: " << planned << " planned, " << diagnosed << " diagnosed");
  BOOST_TEST(planned > 0);
  BOOST_TEST(diagnosed > 0);
}

BOOST_AUTO_TEST_SUITE_END()
