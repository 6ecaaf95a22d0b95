#include <iostream>
#include <new>
#include <vector>

#include "commands.hpp"
#include "printable_output.hpp"

namespace iopplan::cli {

int run_cli(int argc, const char* const* argv) {
  PrintableStream safe_out(std::cout);
  PrintableStream safe_err(std::cerr);
  CLI::App app{"iopplan: plan and print group curricula for intensive outpatient programs"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "iopplan 0.1.0");
  std::vector<Command> commands = {
      add_build_command(app),
      add_catalog_command(app),
      add_check_command(app),
      add_list_command(app),
      add_show_command(app),
      add_plan_command(app),
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help, version or the usage error
    return code == 0 ? kExitOk : kExitUsage;
  }
  for (const auto& command : commands) {
    if (!command.app->parsed()) continue;
    try {
      return command.run();
    } catch (const std::bad_alloc&) {  // the limits should prevent it; if not, a message, not an abort
      std::cerr << "iopplan: error: out of memory; nothing was written\n";
      return kExitIoError;
    }
  }
  return kExitUsage;
}

}  // namespace iopplan::cli
