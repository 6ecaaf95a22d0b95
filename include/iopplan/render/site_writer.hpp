// Writing a rendered site to disk: the one place iopplan writes output files.
#pragma once

#include <string>
#include <vector>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/render/site.hpp"

namespace iopplan {

// Writes every file of `site` as the new content of `out_dir` (created when missing), all or
// nothing: the build is written to a staging folder beside `out_dir` (".NAME.iopplan-staging"),
// together with hard links to every file of the previous output the site does not contain, and
// then swapped in with one renameat2(RENAME_EXCHANGE). A lock file beside it (".NAME.iopplan-lock",
// removed at the end) keeps a second build out; leftovers of an interrupted build are removed first. On any failure
// (or SIGINT/SIGTERM, see interrupt.hpp) before the swap, `out_dir` is left exactly as it was and
// false is returned with errors in `out`. Refuses paths that leave `out_dir`, symbolic links and
// protected (read-only or immutable) files in the way, and folders whose swap would pull the
// ground from under the user ("/", $HOME, a folder holding the current directory).
// docs/output-layout.md states the guarantee.
// `inputs` are folders the build reads (the library, the templates): `out_dir` must not hold them.
bool write_site(const Site& site, const std::string& out_dir, Diagnostics& out,
                const std::vector<std::string>& inputs = {});

}  // namespace iopplan
