# End-to-end tests of `iopplan build`: the documented layout, byte-identical rebuilds, plan.json
# equal to `plan --format json`, content shown as text, and failures that write nothing.
# Run by CTest: cmake -DIOPPLAN=... -DSOURCE_DIR=... -DWORK_DIR=... -P build_cli_test.cmake
set(failures 0)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# check("<if() condition>" "name"): the condition is evaluated as written.
macro(check condition name)
  cmake_language(EVAL CODE "if(${condition})\n set(passed TRUE)\nelse()\n set(passed FALSE)\nendif()")
  if(passed)
    message("ok   ${name}")
  else()
    message("FAIL ${name}")
    math(EXPR failures "${failures} + 1")
  endif()
endmacro()

function(run out_code)
  execute_process(COMMAND ${IOPPLAN} ${ARGN} WORKING_DIRECTORY ${WORK_DIR}
    RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(${out_code} ${code} PARENT_SCOPE)
  set(last_stdout "${out}" PARENT_SCOPE)
  set(last_stderr "${err}" PARENT_SCOPE)
endfunction()

# The whole 16-week program, twice.
run(code build iop-16-week-rolling --start 2027-01-04 --out a)
check("code EQUAL 0" "build: exit 0")
check("last_stdout MATCHES \"Open a/index.html in a browser\"" "build: says where to open the result")
set(layout index.html index.md summary.html summary.md plan.json week-01/plan.html week-01/plan.md week-01/print-packet.html
  week-01/2027-01-04/facilitator-guide.html week-01/2027-01-04/facilitator-guide.md
  week-01/2027-01-04/handouts.html week-01/2027-01-04/handouts.md
  week-16/2027-04-22/handouts.html week-17/print-packet.html)
set(missing "")
foreach(path ${layout})
  if(NOT EXISTS ${WORK_DIR}/a/${path})
    list(APPEND missing ${path})
  endif()
endforeach()
check("missing STREQUAL \"\"" "build: the documented layout, including week 17 for content moved by holidays (${missing})")
check("NOT EXISTS ${WORK_DIR}/a/week-03/2027-01-18" "build: no meeting folder on Martin Luther King Jr. Day")
file(GLOB week_folders LIST_DIRECTORIES true ${WORK_DIR}/a/week-*)
list(LENGTH week_folders weeks)
check("weeks EQUAL 17" "build: 17 week folders")
file(READ ${WORK_DIR}/a/week-01/2027-01-04-2/facilitator-guide.html guide)  # the evening group, after early recovery
string(FIND "${guide}" "<h3>When someone arrives under the influence</h3>" impaired)
string(FIND "${guide}" "Medicines you take as prescribed, including medication for opioid use disorder, are welcome here." agreement)
string(FIND "${guide}" "usually does" default_text)
check("NOT impaired EQUAL -1 AND NOT agreement EQUAL -1 AND default_text EQUAL -1"
  "build: the guide prints the shipped process-group guidance and the group agreement")
file(READ ${WORK_DIR}/a/index.html index)
file(READ ${WORK_DIR}/a/summary.html summary)
string(FIND "${index}" "<a href=\"summary.html\">Plan summary</a>" summary_link)
string(FIND "${summary}" "<h2>Never scheduled</h2>" unused_heading)
check("NOT summary_link EQUAL -1 AND NOT unused_heading EQUAL -1" "build: the index links the plan summary page")

run(code build iop-16-week-rolling --start 2027-01-04 --out b)
file(GLOB_RECURSE files_a RELATIVE ${WORK_DIR}/a ${WORK_DIR}/a/*)
file(GLOB_RECURSE files_b RELATIVE ${WORK_DIR}/b ${WORK_DIR}/b/*)
set(different "")
foreach(path ${files_a})
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK_DIR}/a/${path} ${WORK_DIR}/b/${path}
    RESULT_VARIABLE same)
  if(NOT same EQUAL 0)
    list(APPEND different ${path})
  endif()
endforeach()
check("files_a STREQUAL files_b AND different STREQUAL \"\"" "build: two builds are byte-identical (${different})")

run(code plan iop-16-week-rolling --start 2027-01-04 --format json)
file(READ ${WORK_DIR}/a/plan.json plan_json)
check("last_stdout STREQUAL plan_json" "build: plan.json is what plan --format json prints")

# Rebuilding over an earlier build leaves files it did not write alone.
file(WRITE ${WORK_DIR}/a/notes.txt "mine")
run(code build iop-16-week-rolling --start 2027-01-04 --out a --week 2)
file(READ ${WORK_DIR}/a/notes.txt notes)
check("code EQUAL 0 AND notes STREQUAL \"mine\"" "build: --week rebuilds in place and keeps other files")

# A broken template: exit 1, the template's position, and nothing written.
file(WRITE ${WORK_DIR}/templates/handouts.html.mustache "<h1>{{#plan}}</h1>\n")
run(code build iop-16-week-rolling --out c --templates templates)
check("code EQUAL 1 AND NOT EXISTS ${WORK_DIR}/c" "build: a template error writes nothing")
check("last_stderr MATCHES \"templates/handouts.html.mustache:1:5: error: \"" "build: names the template and position")

# Modules whose text holds HTML and Mustache tags: both print as visible text. Every relapse-prevention
# handout gets them, so whichever the plan schedules shows them.
file(COPY ${SOURCE_DIR}/curricula DESTINATION ${WORK_DIR})
file(GLOB modules ${WORK_DIR}/curricula/relapse-prevention/*.toml)
foreach(module ${modules})
  file(READ ${module} text)
  string(REPLACE "[handout]\ntitle = \"" "[handout]\ntitle = \"Risks {{name}} <b>bold</b> " text "${text}")
  string(REGEX REPLACE "(\\[handout\\][^\\[]*\nbody = \"\"\"\n)" "\\1<script>alert(1)</script> {{#x}} " text "${text}")
  file(WRITE ${module} "${text}")
endforeach()
run(code build iop-16-week-rolling --library curricula --out d)
file(GLOB_RECURSE pages ${WORK_DIR}/d/*handouts.html)
set(shown FALSE)
set(raw FALSE)
foreach(page ${pages})
  file(READ ${page} html)
  if(html MATCHES "&lt;script&gt;alert\\(1\\)&lt;/script&gt; {{#x}}" AND html MATCHES "Risks {{name}} &lt;b&gt;bold&lt;/b&gt;")
    set(shown TRUE)
  endif()
  if(html MATCHES "<script>alert" OR html MATCHES "<b>bold")
    set(raw TRUE)
  endif()
endforeach()
check("code EQUAL 0 AND shown AND NOT raw" "build: <script> and {{#x}} in a module print as text")

# Spanish handouts: a copy of the renderer's fixture library (every module translated) with a program.
file(COPY ${SOURCE_DIR}/tests/render/fixtures/library/ DESTINATION ${WORK_DIR}/bilingual)
file(WRITE ${WORK_DIR}/bilingual/programs/evening.toml "id = \"evening\"
name = \"Evening group\"
admission = \"closed\"
weeks = 1
start_date = 2027-01-04
meeting_days = [\"mon\", \"thu\"]
start_time = \"18:00\"
meeting_minutes = 60
[[block]]
slot = \"Topic\"
minutes = 60
")
run(code build evening --library bilingual --languages en,es --copies en=3,es=2 --out es)
check("code EQUAL 0 AND EXISTS ${WORK_DIR}/es/week-01/2027-01-04/handouts.es.html AND EXISTS ${WORK_DIR}/es/week-01/2027-01-04/handouts.html"
  "build --languages en,es: handouts.es.html beside handouts.html (${last_stderr})")
file(READ ${WORK_DIR}/es/week-01/2027-01-04/handouts.es.html es_html)
check("es_html MATCHES \"<html lang=.es.>\" AND es_html MATCHES \"lunes, 4 de enero de 2027\" AND es_html MATCHES \"marque 2 para espa\""
  "build: the Spanish handouts have lang=es, a Spanish date and the Spanish crisis box")
file(READ ${WORK_DIR}/es/week-01/plan.html week_html)
check("week_html MATCHES \"3 English and 2 Spanish copies of each handout\"" "build: --copies en=3,es=2 per language")
run(code build evening --library bilingual --languages en,fr --out e)
check("code EQUAL 2 AND NOT EXISTS ${WORK_DIR}/e AND last_stderr STREQUAL \"iopplan: error: --languages: unknown language 'fr'; the languages are en (English) and es (Spanish)\n\""
  "build: an unknown --languages is a usage error")
run(code build evening --library bilingual --copies en=3,es=lots --out e)
check("code EQUAL 2 AND NOT EXISTS ${WORK_DIR}/e AND last_stderr STREQUAL \"iopplan: error: --copies: 'es=lots' must be a language and a number from 1 to 200, such as es=4\n\""
  "build: a bad --copies is a usage error")
run(code build evening --library bilingual --copies es=2 --out e)
check("code EQUAL 2 AND NOT EXISTS ${WORK_DIR}/e AND last_stderr STREQUAL \"iopplan: error: copies are given for 'es', but this build prints handouts in en only\n\""
  "build: copies for a language the build does not print")
run(code build evening --library bilingual --copies 5 --out five)
check("code EQUAL 0" "build: plain --copies N still works")

# A module's version raised without its translation: check --strict fails naming the translation.
file(READ ${WORK_DIR}/bilingual/wellness/sleep-basics.toml module_text)
string(REPLACE "version = \"1.0.0\"" "version = \"1.1.0\"" module_text "${module_text}")
file(WRITE ${WORK_DIR}/bilingual/wellness/sleep-basics.toml "${module_text}")
run(code check --strict --library bilingual)
check("code EQUAL 1 AND last_stderr MATCHES \"^bilingual/wellness/sleep-basics.es.toml:2:14: warning: stale translation: it translates version 1.0.0 of 'sleep-basics', which is now version 1.1.0\""
  "check --strict: a stale translation fails, naming the translation file (${last_stderr})")
check("last_stdout MATCHES \"es .Spanish.: 2 of 3 modules translated, 0 missing, 1 stale\"" "check: the Spanish summary line (${last_stdout})")

# Usage and input errors.
run(code build no-such-program --out e)
check("code EQUAL 2 AND NOT EXISTS ${WORK_DIR}/e" "build: unknown program is a usage error")
run(code build iop-16-week-rolling --start 2027-02-30 --out e)
check("code EQUAL 2 AND NOT EXISTS ${WORK_DIR}/e" "build: an impossible date is a usage error")
run(code build iop-16-week-rolling --week 40 --out e)
check("code EQUAL 2 AND NOT EXISTS ${WORK_DIR}/e" "build: a week outside the plan is a usage error and writes nothing")

# A window has its own default folder and leaves the whole plan's alone.
run(code build iop-16-week-rolling --from 2027-09-06 --weeks 2 --format md)
check("code EQUAL 0 AND EXISTS ${WORK_DIR}/output/iop-16-week-rolling-2027-01-04-from-2027-09-06-2w/index.md AND NOT EXISTS ${WORK_DIR}/output/iop-16-week-rolling-2027-01-04"
      "build: a window's default folder is its own")

# A program with groups builds, two groups on one evening in their own folders.
run(code build matrix-16-week --out m --format md)
check("code EQUAL 0 AND EXISTS ${WORK_DIR}/m/week-01/2027-01-04/facilitator-guide.md AND EXISTS ${WORK_DIR}/m/week-01/2027-01-04-2/facilitator-guide.md"
      "build: a program with groups meets twice on Monday evening")

if(failures GREATER 0)
  message(FATAL_ERROR "${failures} build test(s) failed")
endif()
