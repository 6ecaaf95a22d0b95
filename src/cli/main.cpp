// iopplan: curriculum library -> dated group plans -> printable handouts and guides.
#include "commands.hpp"

int main(int argc, char** argv) { return iopplan::cli::run_cli(argc, argv); }
