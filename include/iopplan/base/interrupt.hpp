// SIGINT and SIGTERM as a request to stop: long stages poll interrupted() and clean up first.
#pragma once

namespace iopplan {

// Installs handlers that only record the signal (the CLI calls it once, at start).
void install_interrupt_handlers();

// True once SIGINT or SIGTERM arrived after install_interrupt_handlers().
bool interrupted();

// The signal that arrived, or 0.
int interrupt_signal();

// Ends the process as the signal would have, after the caller cleaned up, so a shell sees
// "killed by SIGINT" and stops a loop. REQUIRES: interrupted().
[[noreturn]] void die_of_interrupt();

// Forgets a recorded signal, for tests that raise one.
void reset_interrupt_for_tests();

}  // namespace iopplan
