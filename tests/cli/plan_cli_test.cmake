# End-to-end tests of `iopplan plan` and the program part of `iopplan check`: exit codes and text.
# Run by CTest as: cmake -DIOPPLAN=... -DSOURCE_DIR=... -DWORK_DIR=... -P plan_cli_test.cmake
set(failures 0)

include(${CMAKE_CURRENT_LIST_DIR}/cli_case.cmake)
# Commands run in the source tree, so paths in messages read "curricula/programs/...".

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# The done-when command: a JSON plan without the two Monday holidays, twice the same.
cli_case("plan: the 16-week rolling program as JSON" EXIT 0 OUTPUT_FILE ${WORK_DIR}/a.json
  STDOUT_MATCHES "\"program\": \"iop-16-week-rolling\"" "\"start\": \"2027-01-04\"" "\"date\": \"2027-04-29\""
                 "\"reason\": \"Martin Luther King Jr. Day\"" "\"module_version\": \"1\\.0\\.0\""
  STDERR_MATCHES "note: 2 meeting days are closed" "warning: 2 weeks fall below the 9 scheduled hours"
  ARGS plan iop-16-week-rolling --start 2027-01-04 --format json)
cli_case("plan: the same seed again" EXIT 0 OUTPUT_FILE ${WORK_DIR}/b.json
  ARGS plan iop-16-week-rolling --start 2027-01-04 --format json)
file(READ ${WORK_DIR}/a.json a)
file(READ ${WORK_DIR}/b.json b)
string(FIND "${a}" "\"date\": \"2027-01-18\",\n      \"weekday\"" meets_on_mlk_day)
string(FIND "${a}" "\"date\": \"2027-02-15\",\n      \"weekday\"" meets_on_presidents_day)
if(NOT a STREQUAL b OR NOT meets_on_mlk_day EQUAL -1 OR NOT meets_on_presidents_day EQUAL -1)
  message("FAIL plan: byte-for-byte the same, and no meeting on 2027-01-18 or 2027-02-15")
  math(EXPR failures "${failures} + 1")
else()
  message("ok   plan: byte-for-byte the same, and no meeting on 2027-01-18 or 2027-02-15")
endif()

cli_case("plan: a table, with reasons" EXIT 0
  STDOUT_MATCHES "Week  Day  Date        Skills group +Topic group\n" "      Thu  2027-04-01  closed: Staff training\n"
                 "Score: [0-9.]+ \\(lower is better\\)\n  track spread " "Skills group: phase "
  ARGS plan iop-8-week-cohort --explain)
cli_case("plan: a program by path" EXIT 0 STDOUT_MATCHES "^Morning IOP, 8-week closed cohort \\(iop-8-week-cohort\\)\n"
  ARGS plan curricula/programs/iop-8-week-cohort.toml --seed 12345678901234567890)

cli_case("plan: unknown program" EXIT 2
  STDERR "iopplan: error: unknown program 'iop-16-week-rollin'<semi> did you mean 'iop-16-week-rolling'?\n"
  ARGS plan iop-16-week-rollin)
cli_case("plan: not a date" EXIT 2
  STDERR "iopplan: error: --start '2027-02-30' is not a real calendar date written YYYY-MM-DD (1900-2200)\n"
  ARGS plan iop-16-week-rolling --start 2027-02-30)
cli_case("plan: keep without the earlier plan" EXIT 2
  STDERR "iopplan: error: --keep-through-week and --previous go together\n"
  ARGS plan iop-16-week-rolling --keep-through-week 4)
cli_case("plan: a bad format" EXIT 2 ARGS plan iop-16-week-rolling --format xml)
cli_case("plan: four weeks of the rotation, in its second round" EXIT 0
  STDOUT_MATCHES "\n  36  Mon  2027-09-06  closed: Labor Day\n" "\n      Wed  2027-09-08  "
  ARGS plan iop-16-week-rolling --from 2027-09-06 --weeks 4)
cli_case("plan: --from without --weeks" EXIT 2 STDERR "iopplan: error: --from and --weeks go together\n"
  ARGS plan iop-16-week-rolling --from 2027-09-06)
cli_case("plan: --from before the start" EXIT 2
  STDERR_MATCHES "--from 2026-12-28 is before the plan's start, 2027-01-04"
  ARGS plan iop-16-week-rolling --from 2026-12-28 --weeks 4)
cli_case("plan: a missing earlier plan" EXIT 2 STDERR "iopplan: error: cannot read the earlier plan 'nowhere.json'\n"
  ARGS plan iop-16-week-rolling --keep-through-week 4 --previous nowhere.json)

# Keep weeks 1-4 as delivered and replan the rest with another seed.
cli_case("plan: keep weeks 1-4 of an earlier plan" EXIT 0 OUTPUT_FILE ${WORK_DIR}/kept.json
  STDOUT_MATCHES "\"name\": \"changes from the earlier plan\"" "kept as delivered \\(weeks 1-4 of the earlier plan\\)"
  ARGS plan iop-16-week-rolling --seed 2 --format json --keep-through-week 4 --previous ${WORK_DIR}/a.json)
# A program with groups: each group keeps its delivered weeks.
cli_case("plan: matrix-16-week as JSON" EXIT 0 OUTPUT_FILE ${WORK_DIR}/matrix.json
  ARGS plan matrix-16-week --format json)
cli_case("plan: keep weeks 1-6 of a grouped plan" EXIT 0
  STDOUT_MATCHES "\n   1  Mon  2027-01-04  HS overdose-prevention-and-naloxone  [^\n]+\n +Early recovery skills: kept as delivered \\(weeks 1-6 of the earlier plan\\)\n"
  ARGS plan matrix-16-week --seed 3 --explain --keep-through-week 6 --previous ${WORK_DIR}/matrix.json)
file(WRITE ${WORK_DIR}/broken.json "{\"program\": \"iop-16-week-rolling\",\n\"start\": \"2027-01-04\", \"meetings\": [}\n")
cli_case("plan: a broken earlier plan" EXIT 1
  STDERR_MATCHES "^${WORK_DIR}/broken.json:2:37: error: not valid JSON: syntax error"
  ARGS plan iop-16-week-rolling --keep-through-week 4 --previous ${WORK_DIR}/broken.json)

# A copy of the library with two nutrition modules removed: the rolling program's quota cannot hold.
file(COPY ${SOURCE_DIR}/curricula/ DESTINATION ${WORK_DIR}/short)
file(REMOVE ${WORK_DIR}/short/nutrition/hydration.toml ${WORK_DIR}/short/nutrition/movement-and-exercise.toml
  ${WORK_DIR}/short/nutrition/eating-well-when-time-is-short.toml ${WORK_DIR}/short/nutrition/hydration.es.toml
  ${WORK_DIR}/short/nutrition/movement-and-exercise.es.toml ${WORK_DIR}/short/nutrition/eating-well-when-time-is-short.es.toml)
# The line of the nutrition quota (file(STRINGS) would merge the lines of a multi-line array).
file(READ ${WORK_DIR}/short/programs/iop-16-week-rolling.toml program_text)
string(FIND "${program_text}" "[group.limits.nutrition]\nmin_per_cycle" at)
string(SUBSTRING "${program_text}" 0 ${at} before)
string(REGEX MATCHALL "\n" newlines "${before}")
list(LENGTH newlines quota_line)
math(EXPR quota_line "${quota_line} + 2")
set(quota "${WORK_DIR}/short/programs/iop-16-week-rolling.toml:${quota_line}:17: error: track 'nutrition' needs 6 slots in the cycle \\(min_per_cycle\\) but has 5 modules")
cli_case("plan: a track short of its quota" EXIT 1
  STDERR_MATCHES "^${quota}" "iopplan: no plan for iop-16-week-rolling: the rules above cannot all hold\n$"
  ARGS plan iop-16-week-rolling --library ${WORK_DIR}/short)
cli_case("check: the same, before any search" EXIT 1 STDOUT_MATCHES "(^|\n)[0-9]+ modules, 10 tracks, 3 programs: 1 error, 0 warnings\n$"
  STDERR_MATCHES "(^|\n)${quota}" "note: starting on 2027-01-04, 2 weeks fall below the 9 scheduled hours"
  ARGS check --library ${WORK_DIR}/short)

# Schema errors in a program file, with the source line and a caret.
file(WRITE ${WORK_DIR}/short/programs/bad.toml "id = \"bad\"\nname = \"Bad\"\nadmission = \"rolling\"\nweeks = 0\n")
cli_case("check: a broken program" EXIT 1 STDOUT_MATCHES "4 programs: [0-9]+ errors, 0 warnings\n$"
  STDERR_MATCHES "bad.toml:4:9: error: 'weeks' is 0; it must be between 1 and 104\n  weeks = 0\n          \\^\n"
  ARGS check --library ${WORK_DIR}/short)

cli_case("check: the shipped library and programs" EXIT 0
  STDOUT_MATCHES "(^|\n)[0-9]+ modules, 10 tracks, 3 programs: 0 errors, 0 warnings\n$" STDERR ""
  ARGS check --strict)

if(failures GREATER 0)
  message(FATAL_ERROR "${failures} plan CLI test(s) failed")
endif()
