// iopplan catalog: a browsable site of the whole library, for designing programs.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "iopplan/base/file_source.hpp"
#include "iopplan/pipeline/catalog.hpp"

namespace iopplan::cli {

Command add_catalog_command(CLI::App& parent) {
  struct Options {
    std::string library;
    std::string out = "output/library";
    std::string templates;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("catalog", "Write a browsable catalog of the library's modules and programs");
  add_library_option(app, opts->library);
  app->add_option("--out", opts->out, "Output folder (default: output/library)");
  app->add_option("--templates", opts->templates, "Folder of your own templates, used file by file over the built-in ones");
  return {app, [opts]() {
            CatalogRequest request;
            request.library_dir = opts->library.empty() ? builtin_dir("curricula") : opts->library;
            request.templates_dir = builtin_dir("templates");
            request.overlay_dir = opts->templates;
            request.out_dir = opts->out;
            CatalogResult result = build_catalog(DiskFileSource(), request);
            print_diagnostics(result.diagnostics, std::cerr);
            if (result.stopped == Stop::library) print_library_summary(request.library_dir, result.diagnostics, std::cerr);
            if (result.stopped != Stop::none) {
              int code = exit_code(result.diagnostics);
              return code == kExitOk ? kExitInputError : code;
            }
            std::cout << "Catalogued " << plural(result.modules, "module") << "; wrote " << result.files << " files to "
                      << result.out_dir << "/\nOpen " << join_path(result.out_dir, "index.html") << " in a browser.\n";
            return kExitOk;
          }};
}

}  // namespace iopplan::cli
