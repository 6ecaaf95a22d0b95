message(STATUS "cli tests pending")
