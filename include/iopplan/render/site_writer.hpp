// Writing a rendered site to disk: the one place iopplan writes output files.
#pragma once

#include <string>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/render/site.hpp"

namespace iopplan {

// Writes every file of `site` below `out_dir` (created when missing). Each file is written to a
// temporary file beside it and renamed into place, and the renames happen only after every
// temporary file was written: on any failure the temporary files are removed, the previous
// output is left as it was, and false is returned with errors in `out`. Refuses paths that leave
// `out_dir` (absolute, "..", or through a symbolic link that points outside it). Files already in
// `out_dir` that the site does not contain are left alone.
bool write_site(const Site& site, const std::string& out_dir, Diagnostics& out);

}  // namespace iopplan
