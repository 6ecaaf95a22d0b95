#include "iopplan/base/interrupt.hpp"

#include <signal.h>
#include <unistd.h>

#include <cstdlib>

namespace iopplan {
namespace {

volatile sig_atomic_t g_signal = 0;

extern "C" void record_signal(int sig) { g_signal = sig; }

}  // namespace

void install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = record_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocking call returns EINTR and the stage notices sooner
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bool interrupted() { return g_signal != 0; }

int interrupt_signal() { return g_signal; }

void reset_interrupt_for_tests() { g_signal = 0; }

void die_of_interrupt() {
  int sig = g_signal != 0 ? static_cast<int>(g_signal) : SIGTERM;
  signal(sig, SIG_DFL);
  raise(sig);
  _exit(128 + sig);  // only when the signal is blocked
}

}  // namespace iopplan
