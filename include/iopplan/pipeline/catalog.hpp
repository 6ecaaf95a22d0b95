// iopplan catalog as a library call: load the library and its programs, render the catalog, write it.
#pragma once

#include <string>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/base/file_source.hpp"
#include "iopplan/pipeline/plan_run.hpp"

namespace iopplan {

struct CatalogRequest {
  std::string library_dir;
  std::string templates_dir;            // the built-in templates
  std::string overlay_dir;              // the user's own templates over them; or ""
  std::string out_dir = "output/library";
};

struct CatalogResult {
  Diagnostics diagnostics;
  Stop stopped = Stop::none;  // library, render or write when it stopped there
  std::string out_dir;
  size_t files = 0;
  size_t modules = 0;
};

// A library with errors, or a program with errors, is not catalogued.
CatalogResult build_catalog(const FileSource& files, const CatalogRequest& request);

}  // namespace iopplan
