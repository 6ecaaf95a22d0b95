// One small plan, for the tests of what plans look like (text table and JSON).
#pragma once

#include <stdexcept>

#include "iopplan/sequencing/sequencer.hpp"
#include "sequencing/sequencing_fixtures.hpp"

namespace iopplan::seqtest {

struct SmallPlan {
  Library library;
  Program program;
  Plan plan;
  Diagnostics diagnostics;
};

// A rolling 2-week Mon/Thu program on small_library() with a snow day in week 2.
inline SmallPlan small_plan() {
  SmallPlan s;
  s.library = small_library();
  std::string text = replace_line(small_program_text(), 3, "admission = \"rolling\"\nlevel_of_care = \"asam-2.1-adolescent\"") +
                     "[[closure]]\ndate = 2027-03-08\nreason = \"Snow day\"\n";
  Diagnostics out;
  auto program = parse_program("input/programs/x.toml", text, s.library, out);
  if (!program) throw std::runtime_error(diagnostics_text(out));
  s.program = *program;
  PlanResult result = make_plan(s.library, s.program, PlanOptions{});
  if (!result.plan) throw std::runtime_error(diagnostics_text(result.diagnostics));
  s.plan = *result.plan;
  s.diagnostics = result.diagnostics;
  return s;
}

}  // namespace iopplan::seqtest
