// StopOnSignal: SIGINT/SIGTERM -> flag -> Engine::terminate at the next iteration boundary.
#include "anvil/train/handlers/stop_on_signal.h"

#include <string.h>

namespace anvil::train {
namespace {

// The one process-wide flag a signal handler may touch (see the header).
volatile std::sig_atomic_t g_stop_signal = 0;

extern "C" void on_stop_signal(int sig) {
  if (g_stop_signal != 0) {  // second signal: the user means it
    std::signal(sig, SIG_DFL);
    std::raise(sig);
    return;
  }
  g_stop_signal = sig;
}

}  // namespace

int signal_stop_requested() { return g_stop_signal; }

StopOnSignal::StopOnSignal() = default;

StopOnSignal::StopOnSignal(std::function<int(int)> agree) : agree_(std::move(agree)) {}

StopOnSignal::~StopOnSignal() { restore(); }

void StopOnSignal::install() {
  if (installed_) return;
  g_stop_signal = 0;
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGINT, &sa, &old_int_);
  sigaction(SIGTERM, &sa, &old_term_);
  installed_ = true;
}

void StopOnSignal::restore() {
  if (!installed_) return;
  sigaction(SIGINT, &old_int_, nullptr);
  sigaction(SIGTERM, &old_term_, nullptr);
  installed_ = false;
}

void StopOnSignal::check(Engine& engine) {
  const int sig = agree_ ? agree_(g_stop_signal) : g_stop_signal;
  if (sig == 0 || engine.state().interrupted) return;
  engine.state().interrupted = true;
  engine.terminate(std::string("interrupted by ") +
                   (sig == SIGINT ? "SIGINT (Ctrl-C)" : "SIGTERM") + " at iteration " +
                   std::to_string(engine.state().iteration));
}

void StopOnSignal::attach(Engine& engine) {
  engine.on(on(Event::kStarted), [this](Engine&) { install(); });
  engine.on(on(Event::kIterationCompleted), [this](Engine& e) { check(e); });
  engine.on(on(Event::kEpochCompleted), [this](Engine& e) { check(e); });
  // COMPLETED fires after TERMINATE; restore last so a signal during shutdown still counts.
  engine.on(on(Event::kCompleted), [this](Engine&) { restore(); });
  engine.on(on(Event::kExceptionRaised), [this](Engine&) { restore(); });
}

}  // namespace anvil::train
