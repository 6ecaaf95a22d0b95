# Issue 15 at the command line: exit codes stay 0-3, guards on --out, nothing raw on the terminal.
# Run by CTest as: cmake -DIOPPLAN=... -DSOURCE_DIR=... -DWORK_DIR=... -P hardening_cli_test.cmake
include(${CMAKE_CURRENT_LIST_DIR}/cli_case.cmake)
set(failures 0)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR}/here)
set(lib ${SOURCE_DIR}/tests/cli/fixtures/two-week-library)

# Defect 10: --seed -1 wrapped to 2^64-1 and 2^64 saturated; both ran with exit 0.
cli_case("seed: negative is a usage error" EXIT 2
  STDERR "--seed: '-1' is not a whole number from 0 to 18446744073709551615\nRun with --help for more information.\n"
  ARGS plan two-weeks --library ${lib} --seed -1)
cli_case("seed: 2^64 is a usage error" EXIT 2
  STDERR_MATCHES "^--seed: '18446744073709551616' is not a whole number"
  ARGS build two-weeks --library ${lib} --seed 18446744073709551616 --out ${WORK_DIR}/seed)
cli_case("seed: 2^64-1 is a seed" EXIT 0 STDOUT_MATCHES "Two-week evening group"
  ARGS plan two-weeks --library ${lib} --seed 18446744073709551615)
if(EXISTS ${WORK_DIR}/seed)
  message("FAIL seed: a refused build wrote ${WORK_DIR}/seed")
  math(EXPR failures "${failures} + 1")
endif()

# Defect 10: folders a build must not replace.
cli_case("out: the root folder is refused" EXIT 3
  STDERR "/: error: refusing to build into this folder: it is the root folder (the build replaces the whole folder)<semi> name a folder of its own\n"
  ARGS build two-weeks --library ${lib} --out /)
cli_case("out: the current folder is refused" EXIT 3 DIR ${WORK_DIR}/here
  STDERR ".: error: refusing to build into this folder: it holds the current folder (the build replaces the whole folder)<semi> name a folder of its own\n"
  ARGS build two-weeks --library ${lib} --out .)
cli_case("out: a folder holding the library is refused" EXIT 3
  STDERR_MATCHES "fixtures: error: refusing to build into this folder: it holds .*two-week-library, which this build reads"
  ARGS build two-weeks --library ${lib} --out ${SOURCE_DIR}/tests/cli/fixtures)

# Defect 3: names the system cannot make were an uncaught filesystem_error (exit 134).
string(REPEAT "n" 300 long)
cli_case("out: a name too long is an output error" EXIT 3
  STDERR_MATCHES "/x: error: cannot create the output folder: File name too long. nothing was written\n$"
  ARGS build two-weeks --library ${lib} --out ${WORK_DIR}/${long}/x)
file(CREATE_LINK ${WORK_DIR}/loop-b ${WORK_DIR}/loop-a SYMBOLIC)
file(CREATE_LINK ${WORK_DIR}/loop-a ${WORK_DIR}/loop-b SYMBOLIC)
cli_case("out: a symbolic link loop is an output error" EXIT 3
  STDERR_MATCHES "loop-a/out: error: cannot create the output folder: Too many levels of symbolic links"
  ARGS build two-weeks --library ${lib} --out ${WORK_DIR}/loop-a/out)

# Defect 6: control characters reach the terminal only as \xNN.
file(COPY ${lib}/ DESTINATION ${WORK_DIR}/escapes)
file(READ ${lib}/wellness/sleep-basics.toml module)
string(REPLACE "\ntitle = \"" "\ntitle = \"Sleep \\u001b]0;owned\\u0007\\u001b[2J " module "${module}")
string(APPEND module "\"\\u001b[31mred\" = 1\n")
file(WRITE ${WORK_DIR}/escapes/wellness/sleep-basics.toml "${module}")
string(ASCII 27 esc)
cli_case("check: control characters are errors, printed escaped" EXIT 1
  STDERR_MATCHES "sleep-basics.toml:[0-9]+:[0-9]+: error: text contains the control character U\\+001B"
  STDERR_MATCHES "unknown key '.x1b.31mred'"
  ARGS check --library ${WORK_DIR}/escapes)
execute_process(COMMAND ${IOPPLAN} check --library ${WORK_DIR}/escapes OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(FIND "${out}${err}" "${esc}" raw)
if(NOT raw EQUAL -1)
  message("FAIL check: an ESC byte reached the terminal")
  math(EXPR failures "${failures} + 1")
endif()

if(failures GREATER 0)
  message(FATAL_ERROR "${failures} case(s) failed")
endif()
