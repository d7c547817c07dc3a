// Starting a rank and catching signals into a pipe (see rank_process.h).
#include "train/dist/rank_process.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <algorithm>
#include <cstdlib>
#include <iterator>

#include "anvil/core/error.h"

namespace anvil::dist {
namespace {

// A pipe with both ends close-on-exec and above stdin/stdout/stderr, so the child's dup2 onto
// 0, 1 and 2 can never clobber another pipe end (a caller may have closed its standard streams).
void make_pipe(int fds[2], const char* what) {
  if (::pipe2(fds, O_CLOEXEC) != 0)
    throw Error(std::string("cannot create a pipe for ") + what + ": " + errno_text(errno));
  for (int i = 0; i < 2; ++i) {
    if (fds[i] > 2) continue;
    const int moved = ::fcntl(fds[i], F_DUPFD_CLOEXEC, 3);
    ::close(fds[i]);
    fds[i] = moved;
  }
  if (fds[0] < 0 || fds[1] < 0) {
    const int err = errno;
    for (int i = 0; i < 2; ++i)
      if (fds[i] >= 0) ::close(fds[i]);
    throw Error(std::string("cannot create a pipe for ") + what + ": " + errno_text(err));
  }
}

// The write end of the live SignalPipe (-1 if none): all a signal handler can reach.
volatile sig_atomic_t g_wake_fd = -1;

extern "C" void on_launch_signal(int sig) {
  const int saved = errno;
  const int fd = g_wake_fd;
  const unsigned char byte = static_cast<unsigned char>(sig);
  if (fd >= 0 && ::write(fd, &byte, 1) < 0) {
    // The pipe is full: the loop has wake-ups pending anyway.
  }
  errno = saved;
}

// Blocks every signal in this thread for its lifetime (around fork, so that no handler of ours
// runs in the child before it resets them).
class BlockSignals {
 public:
  BlockSignals() {
    sigset_t all;
    sigfillset(&all);
    ::pthread_sigmask(SIG_SETMASK, &all, &old_);
  }
  ~BlockSignals() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }

 private:
  sigset_t old_{};
};

}  // namespace

std::string errno_text(int err) { return ::strerror(err); }

// ---------------------------------------------------------------------------------------------
// SignalPipe

SignalPipe::SignalPipe() {
  int fds[2];
  make_pipe(fds, "signals");
  read_fd_ = fds[0];
  write_fd_ = fds[1];
  ::fcntl(read_fd_, F_SETFL, O_NONBLOCK);
  ::fcntl(write_fd_, F_SETFL, O_NONBLOCK);
  g_wake_fd = write_fd_;
  struct sigaction sa {};
  sa.sa_handler = on_launch_signal;
  sigemptyset(&sa.sa_mask);
  for (Saved& s : saved_) {
    ::sigaction(s.sig, nullptr, &s.old);
    // A signal the caller ignores stays ignored (nohup, `&` in a script); SIGCHLD is always ours.
    s.caught = s.sig == SIGCHLD || s.old.sa_handler != SIG_IGN;
    if (!s.caught) continue;
    sa.sa_flags = SA_RESTART | (s.sig == SIGCHLD ? SA_NOCLDSTOP : 0);
    ::sigaction(s.sig, &sa, nullptr);
  }
  sigset_t ours;
  sigemptyset(&ours);
  for (const Saved& s : saved_) sigaddset(&ours, s.sig);
  ::pthread_sigmask(SIG_UNBLOCK, &ours, &old_mask_);
}

SignalPipe::~SignalPipe() {
  for (const Saved& s : saved_)
    if (s.caught) ::sigaction(s.sig, &s.old, nullptr);
  ::pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
  g_wake_fd = -1;
  ::close(read_fd_);
  ::close(write_fd_);
}

std::vector<int> SignalPipe::take() {
  std::vector<int> sigs;
  unsigned char buf[64];
  ssize_t n;
  while ((n = ::read(read_fd_, buf, sizeof buf)) > 0) sigs.insert(sigs.end(), buf, buf + n);
  return sigs;
}

void SignalPipe::reset_in_child() const {
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  for (const Saved& s : saved_)
    if (s.caught) ::sigaction(s.sig, &dfl, nullptr);
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
}

// ---------------------------------------------------------------------------------------------
// Starting one rank

std::vector<std::string> rank_environment(const LaunchOptions& o, int local_rank, int threads) {
  const std::string kOurs[] = {
      "RANK",       "WORLD_SIZE",  "LOCAL_RANK",  "LOCAL_WORLD_SIZE",
      "GROUP_RANK", "MASTER_ADDR", "MASTER_PORT", "ANVIL_THREADS_PER_RANK"};
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    const std::string name = entry.substr(0, entry.find('='));
    if (std::find(std::begin(kOurs), std::end(kOurs), name) == std::end(kOurs))
      env.push_back(entry);
  }
  const int rank = o.node_rank * o.nproc_per_node + local_rank;
  env.push_back("RANK=" + std::to_string(rank));
  env.push_back("WORLD_SIZE=" + std::to_string(o.nnodes * o.nproc_per_node));
  env.push_back("LOCAL_RANK=" + std::to_string(local_rank));
  env.push_back("LOCAL_WORLD_SIZE=" + std::to_string(o.nproc_per_node));
  env.push_back("GROUP_RANK=" + std::to_string(o.node_rank));
  env.push_back("MASTER_ADDR=" + o.master_addr);
  env.push_back("MASTER_PORT=" + std::to_string(o.master_port));
  env.push_back("ANVIL_THREADS_PER_RANK=" + std::to_string(threads));
  if (std::getenv("OMP_NUM_THREADS") == nullptr)
    env.push_back("OMP_NUM_THREADS=" + std::to_string(threads));
  return env;
}

Spawned spawn_rank(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                   const SignalPipe& signals, int devnull) {
  // Everything the child needs is built before fork: it may only make async-signal-safe calls.
  std::vector<char*> argv_c, env_c;
  for (const auto& a : argv) argv_c.push_back(const_cast<char*>(a.c_str()));
  argv_c.push_back(nullptr);
  for (const auto& e : env) env_c.push_back(const_cast<char*>(e.c_str()));
  env_c.push_back(nullptr);

  int out[2], err[2], status[2];
  make_pipe(out, "a rank's stdout");
  try {
    make_pipe(err, "a rank's stderr");
  } catch (...) {
    ::close(out[0]);
    ::close(out[1]);
    throw;
  }
  try {
    make_pipe(status, "the exec status");
  } catch (...) {
    for (int fd : {out[0], out[1], err[0], err[1]}) ::close(fd);
    throw;
  }
  const pid_t parent = ::getpid();
  pid_t pid;
  int fork_errno;
  {
    BlockSignals blocked;
    pid = ::fork();
    fork_errno = errno;
    if (pid == 0) {
      ::setpgid(0, 0);
#ifdef __linux__
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);
      if (::getppid() != parent) ::_exit(127);  // the supervisor is already gone
#endif
      signals.reset_in_child();
      // dup2 clears close-on-exec on the copies; the pipes' own ends stay close-on-exec.
      if (::dup2(devnull, 0) >= 0 && ::dup2(out[1], 1) >= 0 && ::dup2(err[1], 2) >= 0)
        ::execvpe(argv_c[0], argv_c.data(), env_c.data());
      const int e = errno;
      if (::write(status[1], &e, sizeof e) < 0) {
        // Nothing to tell the parent with: it sees exit status 127.
      }
      ::_exit(127);
    }
  }
  ::close(out[1]);
  ::close(err[1]);
  ::close(status[1]);
  if (pid < 0) {
    for (int fd : {out[0], err[0], status[0]}) ::close(fd);
    throw Error("cannot start a rank: fork failed: " + errno_text(fork_errno));
  }
  ::setpgid(pid, pid);  // also from the parent, so the group exists before it is signalled

  Spawned s;
  int reported = 0;
  ssize_t n;
  do n = ::read(status[0], &reported, sizeof reported);  // returns at exec (EOF) or _exit
  while (n < 0 && errno == EINTR);
  ::close(status[0]);
  if (n == static_cast<ssize_t>(sizeof reported)) {
    int ignored;
    while (::waitpid(pid, &ignored, 0) < 0 && errno == EINTR) {
    }
    ::close(out[0]);
    ::close(err[0]);
    s.exec_errno = reported;
    return s;
  }
  ::fcntl(out[0], F_SETFL, O_NONBLOCK);
  ::fcntl(err[0], F_SETFL, O_NONBLOCK);
  s.pid = pid;
  s.out_fd = out[0];
  s.err_fd = err[0];
  return s;
}

}  // namespace anvil::dist
