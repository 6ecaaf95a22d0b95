# End-to-end tests of the iopplan CLI: exit codes and the exact text users see.
# Run by CTest as: cmake -DIOPPLAN=... -DSOURCE_DIR=... -DWORK_DIR=... -P cli_test.cmake
set(FIXTURES ${SOURCE_DIR}/tests/cli/fixtures)
set(failures 0)

include(${CMAKE_CURRENT_LIST_DIR}/cli_case.cmake)

# Fixture paths are relative to tests/cli.
function(expect name)
  cli_case("${name}" DIR ${SOURCE_DIR}/tests/cli ${ARGN})
  set(failures ${failures} PARENT_SCOPE)
endfunction()

expect("check: the shipped library is clean, even strict" EXIT 0
  STDOUT_MATCHES "(^|\n)[0-9]+ modules, 10 tracks, [0-9]+ programs: 0 errors, 0 warnings\n$"
  STDERR_MATCHES "^[^\n]*curricula/programs/iop-16-week-rolling.toml:5:17: note: starting on 2027-01-04, 2 weeks fall below the 9 scheduled hours a week asam-2.1-adult asks for: week 3 has 7 in weeks 1-4 of a stay and 6 in weeks 5-16 \\(2027-01-18 Martin Luther King Jr. Day\\)"
  ARGS check --strict)

expect("check: syntax error, misspelled key and unknown prerequisite, all at once" EXIT 1
  STDOUT "2 modules, 1 track, 0 programs: 3 errors, 0 warnings\n"
  STDERR "fixtures/bad-library/rp/alpha.toml:9:18: error: unknown prerequisite 'omgea'<semi> did you mean 'omega'?
  prerequisites = [\"omgea\"]
                   ^
fixtures/bad-library/rp/alpha.toml:11:1: error: unknown key 'matrials'<semi> did you mean 'materials'?
  matrials = [\"Pens\"]
  ^
fixtures/bad-library/rp/alpha.toml:20:9: error: value: could not determine value type
  title = = \"Practice\"
          ^
"
  ARGS check --library fixtures/bad-library)

expect("check: warnings alone pass" EXIT 0
  STDOUT "1 module, 1 track, 0 programs: 0 errors, 1 warning\n"
  STDERR_MATCHES "^fixtures/hard-library/rp/alpha.toml:29:1: warning: handout reads at grade 16.6 \\(Flesch-Kincaid\\); the limit is 8"
  ARGS check --library fixtures/hard-library)
expect("check: --strict fails on warnings" EXIT 1 STDOUT "1 module, 1 track, 0 programs: 0 errors, 1 warning\n"
  ARGS check --strict --library fixtures/hard-library)
expect("check: --max-grade raises the limit" EXIT 0 STDOUT "1 module, 1 track, 0 programs: 0 errors, 0 warnings\n" STDERR ""
  ARGS check --strict --max-grade 18 --library fixtures/hard-library)
expect("check: a missing folder is an error" EXIT 1 STDERR_MATCHES "^no-such-folder: error: library folder not found\n"
  ARGS check --library no-such-folder)

expect("usage: no subcommand" EXIT 2 ARGS)
expect("usage: unknown option" EXIT 2 STDERR_MATCHES "--bogus" ARGS check --bogus)
expect("usage: bad --format" EXIT 2 ARGS list --format xml)
expect("usage: --help exits 0" EXIT 0 STDOUT_MATCHES "Subcommands:" ARGS --help)

expect("list: a track, as text" EXIT 0
  STDOUT_MATCHES "^ID +TRACK +MIN PHASE +GRADE LANGS  FH-ES  TITLE\n.*\nhigh-risk-situations +relapse-prevention +60 early +[0-9.]+ en,es +[0-9.]+  Spotting High-Risk Situations\n"
  ARGS list --track relapse-prevention)
expect("list: each module's handout languages and the Spanish reading ease" EXIT 0
  STDOUT_MATCHES "\nnoticing-cravings +coping-skills +[0-9]+ early +[-0-9.]+ en,es +[0-9]+\\.[0-9]  Noticing Cravings\n"
  ARGS list --library ../render/fixtures/library)
expect("list: unknown track" EXIT 2 STDERR "iopplan: error: unknown track 'nope'\n" ARGS list --track nope)

execute_process(COMMAND ${IOPPLAN} list --format json --library fixtures/bad-library RESULT_VARIABLE code
  OUTPUT_VARIABLE out ERROR_VARIABLE err WORKING_DIRECTORY ${SOURCE_DIR}/tests/cli)
if(code EQUAL 1 AND out STREQUAL "")
  message("ok   list: refuses a library with errors")
else()
  message("FAIL list: refuses a library with errors (exit ${code})")
  math(EXPR failures "${failures} + 1")
endif()

execute_process(COMMAND ${IOPPLAN} list --format json --track nutrition RESULT_VARIABLE code OUTPUT_VARIABLE out)
string(JSON count LENGTH "${out}")
string(JSON track GET "${out}" 0 track)
string(JSON minutes GET "${out}" 0 minutes)
if(code EQUAL 0 AND count GREATER_EQUAL 6 AND track STREQUAL "nutrition" AND minutes GREATER 0)
  message("ok   list: json")
else()
  message("FAIL list: json (exit ${code}, ${count} items, track ${track})")
  math(EXPR failures "${failures} + 1")
endif()

expect("show: a module as a facilitator reads it" EXIT 0
  STDOUT_MATCHES "^Spotting High-Risk Situations\n=+\nRelapse prevention \\| 60 minutes \\| skills \\| phase: early \\| version 1.1.0\n.*Agenda\n  0:00-0:05  Opening: high-risk situations \\(5 min\\)\n.*Activity: My risk map \\(worksheet\\)\n.*Welcoming a newcomer\n"
  ARGS show high-risk-situations)
expect("show: unknown module suggests one" EXIT 2
  STDERR "iopplan: error: no module 'high-risk-situation'<semi> did you mean 'high-risk-situations'?\n"
  ARGS show high-risk-situation)

if(failures GREATER 0)
  message(FATAL_ERROR "${failures} CLI test(s) failed")
endif()
