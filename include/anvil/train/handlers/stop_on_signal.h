// StopOnSignal: turns Ctrl-C (SIGINT) and SIGTERM into a clean stop. While the engine runs
// (STARTED to COMPLETED / EXCEPTION_RAISED) it installs handlers for both signals that only set a
// flag; after every iteration and epoch the handler checks the flag, sets State::interrupted and
// asks the engine to terminate, so trackers record the run as "interrupted" and everything is
// flushed. A second signal while stopping restores the default action and re-raises it (the
// process dies at once; the run store's reap_dead_runs() then marks the run failed).
// The previous signal dispositions are restored when the run ends.
//
// In a distributed run every rank must stop at the same iteration: give the constructor an `agree`
// function (a collective: this rank's requested signal in, the job's out, e.g. the max over ranks);
// it is called at every check on every rank, and only its answer counts.
//
// Global state: POSIX signal handlers can only reach process-wide state, so the flag is one
// `volatile sig_atomic_t` per process (signal_stop_requested()); it is the only global here.
#pragma once

#include <signal.h>

#include <csignal>
#include <functional>

#include "anvil/train/engine.h"

namespace anvil::train {

class StopOnSignal : public Handler {
 public:
  StopOnSignal();
  explicit StopOnSignal(std::function<int(int)> agree);
  ~StopOnSignal() override;
  void attach(Engine& engine) override;
  std::string name() const override { return "stop_on_signal"; }

 private:
  void install();
  void restore();
  void check(Engine& engine);

  std::function<int(int)> agree_;
  bool installed_ = false;
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

// The signal number that asked to stop (0 if none) since the last StopOnSignal install.
int signal_stop_requested();

}  // namespace anvil::train
