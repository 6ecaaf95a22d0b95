# The layering check must fail, naming the file, for each kind of planted violation.
function(expect_violation name file content expected)
  set(root "${WORK_DIR}/${name}")
  file(REMOVE_RECURSE "${root}")
  file(WRITE "${root}/src/base/ok.cpp" "#include \"iopplan/base/ok.hpp\"\n")
  file(WRITE "${root}/include/iopplan/base/ok.hpp" "#pragma once\n")
  file(WRITE "${root}/src/render/private.hpp" "#pragma once\n")
  file(WRITE "${root}/${file}" "${content}")
  execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${root} -P ${CHECKER} RESULT_VARIABLE code ERROR_VARIABLE err OUTPUT_QUIET)
  if(code EQUAL 0)
    message(FATAL_ERROR "${name}: the check passed a tree with ${file} including a forbidden header")
  endif()
  string(FIND "${err}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${name}: expected '${expected}' in:\n${err}")
  endif()
endfunction()

expect_violation(upward src/curriculum/module.cpp "#include \"iopplan/render/site.hpp\"\n"
  "src/curriculum/module.cpp: includes \"iopplan/render/site.hpp\", a header of a stage above curriculum")
expect_violation(private src/sequencing/plan.cpp "#include \"render/private.hpp\"\n"
  "src/sequencing/plan.cpp: includes \"render/private.hpp\", a private header of the render stage")
expect_violation(public_private include/iopplan/render/site.hpp "#include \"render/private.hpp\"\n"
  "include/iopplan/render/site.hpp: a public header includes the private header \"render/private.hpp\"")
expect_violation(cli src/cli/main.cpp "#include \"render/private.hpp\"\n"
  "src/cli/main.cpp: includes \"render/private.hpp\", a private header of the render stage")
# The same tree without the planted file passes.
file(REMOVE "${WORK_DIR}/upward/src/curriculum/module.cpp")
execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${WORK_DIR}/upward -P ${CHECKER} RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "a clean tree failed the layering check:\n${err}")
endif()
