// launch(): fork/exec the ranks, relay their output line by line, stop them together (see
// anvil/train/dist/launch.h). One poll() loop over the ranks' pipes and a self-pipe that the
// SIGINT/SIGTERM/SIGCHLD handlers write to (rank_process.cpp); no threads.
#include "anvil/train/dist/launch.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <thread>

#include "anvil/core/error.h"
#include "train/dist/line_prefixer.h"
#include "train/dist/rank_process.h"

namespace anvil::dist {
namespace {

using Clock = std::chrono::steady_clock;

// After SIGKILL, how long to wait for a rank to be reaped before leaving it behind.
constexpr double kKillWaitSeconds = 5;
// Most bytes read from a pipe once its rank has exited (its leftover children may keep writing).
constexpr size_t kDrainLimit = 1 << 20;

// ---------------------------------------------------------------------------------------------
// Small helpers

std::string signal_name(int sig) {
  static const struct {
    int number;
    const char* name;
  } kNames[] = {{SIGHUP, "SIGHUP"},   {SIGINT, "SIGINT"},   {SIGQUIT, "SIGQUIT"},
                {SIGILL, "SIGILL"},   {SIGTRAP, "SIGTRAP"}, {SIGABRT, "SIGABRT"},
                {SIGBUS, "SIGBUS"},   {SIGFPE, "SIGFPE"},   {SIGKILL, "SIGKILL"},
                {SIGUSR1, "SIGUSR1"}, {SIGSEGV, "SIGSEGV"}, {SIGUSR2, "SIGUSR2"},
                {SIGPIPE, "SIGPIPE"}, {SIGALRM, "SIGALRM"}, {SIGTERM, "SIGTERM"},
                {SIGXCPU, "SIGXCPU"}, {SIGXFSZ, "SIGXFSZ"}, {SIGSYS, "SIGSYS"}};
  for (const auto& n : kNames)
    if (n.number == sig) return n.name;
  return "signal " + std::to_string(sig);
}

// "exited with status 3" / "was killed by signal 9 (SIGKILL)", from a waitpid status.
std::string describe_status(int status) {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    return "was killed by signal " + std::to_string(sig) + " (" + signal_name(sig) + ")" +
           (WCOREDUMP(status) ? ", core dumped" : "");
  }
  return "ended with wait status " + std::to_string(status);
}

int exit_code_of(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 1;
}

std::string join_ranks(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& item : items) s += (s.empty() ? "" : ", ") + item;
  return s;
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// ---------------------------------------------------------------------------------------------
// The master port check

void check_master_port(const LaunchOptions& o, Sink* sink) {
  if (o.node_rank != 0 || !is_local_address(o.master_addr)) return;
  // c10d's TCP store listens on every address, so probe the wildcard address: that also catches a
  // job listening on a single address (127.0.0.1) with the same port. IPv6 dual-stack first.
  auto probe = [&](int family) {
    const int fd = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return errno;
    const int one = 1, zero = 0;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);  // TIME_WAIT leftovers are fine
    int rc;
    if (family == AF_INET6) {
      ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
      sockaddr_in6 addr{};
      addr.sin6_family = AF_INET6;
      addr.sin6_addr = in6addr_any;
      addr.sin6_port = htons(static_cast<uint16_t>(o.master_port));
      rc = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    } else {
      sockaddr_in addr{};
      addr.sin_family = AF_INET;
      addr.sin_addr.s_addr = htonl(INADDR_ANY);
      addr.sin_port = htons(static_cast<uint16_t>(o.master_port));
      rc = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    }
    const int err = rc == 0 ? 0 : errno;
    ::close(fd);  // closed before any rank starts
    return err;
  };
  int err = probe(AF_INET6);
  if (err != 0 && err != EADDRINUSE) err = probe(AF_INET);  // no IPv6 here
  if (err == EADDRINUSE)
    throw usage_error("MASTER_PORT " + std::to_string(o.master_port) + " on " + o.master_addr +
                      " is already in use (another job?)")
        .about("master_port", std::to_string(o.master_port));
  if (err != 0)
    log_line(sink, "could not check that MASTER_PORT %d is free: %s", o.master_port,
             errno_text(err).c_str());
}

// ---------------------------------------------------------------------------------------------
// The supervisor: ranks, their pipes, the stop sequence

struct Stream {
  int fd = -1;
  Channel channel = Channel::kLog;
  LinePrefixer lines;
};

struct Rank {
  int global = 0;
  pid_t pid = -1;
  Stream out, err;
  bool running = false;
  int status = 0;          // waitpid status once it has exited
  bool stopped = false;    // was running when the stop began
  bool sigkilled = false;  // still running at the end of the grace period
};

class Supervisor {
 public:
  Supervisor(const LaunchOptions& o, Sink* sink) : o_(o), sink_(sink) {}
  ~Supervisor() {
    // Ranks still running here: something threw, or they ignored SIGKILL for kKillWaitSeconds.
    // SIGKILL them and reap what dies within a moment; never block on one that cannot die.
    for (Rank& r : ranks_) {
      if (r.running && ::kill(-r.pid, SIGKILL) != 0) ::kill(r.pid, SIGKILL);
      close_fd(r.out.fd);
      close_fd(r.err.fd);
    }
    for (int tries = 0; tries < 20 && any_running(); ++tries) {
      for (Rank& r : ranks_) {
        int ignored;
        if (r.running && ::waitpid(r.pid, &ignored, WNOHANG) != 0) r.running = false;
      }
      if (any_running()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  LaunchResult run(int threads);

 private:
  void start_all(int threads);
  void handle_signals();
  void reap();
  void on_exit(Rank& r, int status);
  void read_stream(Rank& r, Stream& s, size_t limit);
  void begin_stop(int sig);
  void signal_running(int sig);
  void kill_running();
  int poll_timeout_ms() const;
  bool any_running() const;
  LaunchResult result() const;

  const LaunchOptions& o_;
  Sink* sink_;
  SignalPipe signals_;
  std::vector<Rank> ranks_;
  int first_failure_ = -1;  // index in ranks_
  int exec_errno_ = 0;      // set when first_failure_ could not be executed
  int interrupt_ = 0;       // first SIGINT/SIGTERM received
  int interrupts_ = 0;
  bool stopping_ = false, killed_ = false, gave_up_ = false;
  Clock::time_point kill_at_, give_up_at_;
};

void Supervisor::start_all(int threads) {
  const int devnull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (devnull < 0) throw Error("cannot open /dev/null: " + errno_text(errno));
  ranks_.reserve(o_.nproc_per_node);
  for (int local = 0; local < o_.nproc_per_node && !stopping_; ++local) {
    Rank r;
    r.global = o_.node_rank * o_.nproc_per_node + local;
    Spawned s;
    try {
      s = spawn_rank(o_.command, rank_environment(o_, local, threads), signals_, devnull);
    } catch (...) {
      ::close(devnull);
      throw;
    }
    const std::string prefix = "[rank " + std::to_string(r.global) + "] ";
    r.out = Stream{s.out_fd, Channel::kResult, LinePrefixer(prefix)};
    r.err = Stream{s.err_fd, Channel::kLog, LinePrefixer(prefix)};
    r.pid = s.pid;
    r.running = s.exec_errno == 0;
    ranks_.push_back(std::move(r));
    if (s.exec_errno != 0) {
      first_failure_ = static_cast<int>(ranks_.size()) - 1;
      exec_errno_ = s.exec_errno;
      begin_stop(SIGTERM);
    }
    handle_signals();  // a Ctrl-C while starting stops the starting too
  }
  ::close(devnull);
}

void Supervisor::signal_running(int sig) {
  for (Rank& r : ranks_)
    if (r.running && ::kill(-r.pid, sig) != 0) ::kill(r.pid, sig);  // group gone: the leader
}

void Supervisor::begin_stop(int sig) {
  if (!stopping_) {
    stopping_ = true;
    const double grace = std::min(o_.grace_seconds, 1e7);
    kill_at_ = Clock::now() +
               std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(grace));
    for (Rank& r : ranks_) r.stopped = r.running;
  }
  signal_running(sig);
}

void Supervisor::kill_running() {
  if (killed_) return;
  killed_ = true;
  for (Rank& r : ranks_) r.sigkilled = r.running;
  signal_running(SIGKILL);
  give_up_at_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                   std::chrono::duration<double>(kKillWaitSeconds));
}

void Supervisor::handle_signals() {
  for (int sig : signals_.take()) {
    if (sig != SIGINT && sig != SIGTERM) continue;  // SIGCHLD: reap() looks at every rank
    ++interrupts_;
    if (interrupts_ == 1) {
      interrupt_ = sig;
      log_line(sink_,
               "received %s: forwarding it to the ranks (SIGKILL in %g s; again to kill now)",
               signal_name(sig).c_str(), o_.grace_seconds);
      begin_stop(sig);
    } else {
      log_line(sink_, "received %s again: killing the ranks", signal_name(sig).c_str());
      kill_running();
    }
  }
}

void Supervisor::read_stream(Rank& r, Stream& s, size_t limit) {
  char buf[65536];
  size_t total = 0;
  while (s.fd >= 0 && total < limit) {
    const ssize_t n = ::read(s.fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    if (n <= 0) {  // EOF (or an error: nothing more will come)
      close_fd(s.fd);
      break;
    }
    total += static_cast<size_t>(n);
    const std::string lines = s.lines.feed(buf, static_cast<size_t>(n));
    if (sink_ && !lines.empty()) sink_->write(s.channel, lines);
  }
}

void Supervisor::on_exit(Rank& r, int status) {
  r.running = false;
  r.status = status;
  for (Stream* s : {&r.out, &r.err}) {
    read_stream(r, *s, kDrainLimit);
    close_fd(s->fd);
    const std::string rest = s->lines.flush();
    if (sink_ && !rest.empty()) sink_->write(s->channel, rest);
  }
  const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  // After a signal was forwarded, non-zero exits are the ranks' answer to it, not failures.
  if (!ok && first_failure_ < 0 && interrupt_ == 0) {
    first_failure_ = static_cast<int>(&r - ranks_.data());
    if (any_running())
      log_line(sink_, "rank %d (pid %d) %s: stopping the other ranks", r.global,
               static_cast<int>(r.pid), describe_status(status).c_str());
    begin_stop(SIGTERM);
  }
}

void Supervisor::reap() {
  for (Rank& r : ranks_) {
    if (!r.running) continue;
    int status = 0;
    pid_t got;
    do got = ::waitpid(r.pid, &status, WNOHANG);
    while (got < 0 && errno == EINTR);
    if (got == r.pid) {
      on_exit(r, status);
    } else if (got < 0) {  // ECHILD: someone else reaped it; its status is lost
      on_exit(r, 0xff00);  // reads as "exited with status 255"
    }
  }
}

bool Supervisor::any_running() const {
  return std::any_of(ranks_.begin(), ranks_.end(), [](const Rank& r) { return r.running; });
}

int Supervisor::poll_timeout_ms() const {
  if (!stopping_) return -1;  // running: only a signal or output wakes us
  const auto until = killed_ ? give_up_at_ : kill_at_;
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count() + 1;
  return static_cast<int>(std::clamp<long long>(ms, 0, 1 << 30));
}

LaunchResult Supervisor::run(int threads) {
  start_all(threads);
  std::vector<pollfd> fds;
  std::vector<std::pair<Rank*, Stream*>> owners;
  while (true) {
    reap();
    handle_signals();
    if (!any_running()) break;
    if (stopping_ && !killed_ && Clock::now() >= kill_at_) kill_running();
    if (killed_ && Clock::now() >= give_up_at_) {
      gave_up_ = true;
      break;
    }
    fds.assign(1, pollfd{signals_.fd(), POLLIN, 0});
    owners.assign(1, {nullptr, nullptr});
    for (Rank& r : ranks_)
      for (Stream* s : {&r.out, &r.err})
        if (s->fd >= 0) {
          fds.push_back(pollfd{s->fd, POLLIN, 0});
          owners.emplace_back(&r, s);
        }
    const int n = ::poll(fds.data(), fds.size(), poll_timeout_ms());
    if (n < 0 && errno != EINTR) throw Error("poll failed: " + errno_text(errno));
    for (size_t i = 1; n > 0 && i < fds.size(); ++i)
      if (fds[i].revents != 0) read_stream(*owners[i].first, *owners[i].second, 1 << 16);
  }
  return result();
}

LaunchResult Supervisor::result() const {
  LaunchResult res;
  std::vector<std::string> stopped, left;
  for (const Rank& r : ranks_) {
    if (r.stopped) stopped.push_back(std::to_string(r.global) + (r.sigkilled ? " (SIGKILL)" : ""));
    if (r.running)
      left.push_back("rank " + std::to_string(r.global) + " (pid " + std::to_string(r.pid) + ")");
  }
  std::string tail;
  if (!stopped.empty()) tail += "; stopped ranks " + join_ranks(stopped);
  if (!left.empty()) tail += "; " + join_ranks(left) + " did not exit after SIGKILL";

  if (first_failure_ >= 0) {
    const Rank& r = ranks_[first_failure_];
    res.failed_rank = r.global;
    if (exec_errno_ != 0) {
      res.exit_code = 127;
      res.failure = "cannot run '" + o_.command.front() + "': " + errno_text(exec_errno_) + tail;
    } else {
      res.exit_code = exit_code_of(r.status);
      res.failure = "rank " + std::to_string(r.global) + " (pid " + std::to_string(r.pid) + ") " +
                    describe_status(r.status) + tail;
    }
  } else if (interrupt_ != 0) {
    res.exit_code = 128 + interrupt_;
    res.failure = "interrupted by " + signal_name(interrupt_) + tail;
  } else if (!left.empty()) {
    res.exit_code = 1;
    res.failure = tail.substr(2);
  }
  return res;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Public API

void LaunchOptions::validate() const {
  auto bad = [](const std::string& option, const std::string& message, const std::string& value) {
    return usage_error(option + " " + message + " (got " + value + ")").about(option, value);
  };
  if (nproc_per_node < 1)
    throw bad("nproc_per_node", "must be at least 1", std::to_string(nproc_per_node));
  if (nnodes < 1) throw bad("nnodes", "must be at least 1", std::to_string(nnodes));
  if (node_rank < 0 || node_rank >= nnodes)
    throw bad("node_rank", "must be in [0, nnodes) = [0, " + std::to_string(nnodes) + ")",
              std::to_string(node_rank));
  if (master_addr.empty()) throw bad("master_addr", "must not be empty", "''");
  if (master_port < 1 || master_port > 65535)
    throw bad("master_port", "must be in [1, 65535]", std::to_string(master_port));
  if (command.empty() || command.front().empty())
    throw usage_error("command is empty: give the program every rank runs").about("command");
  if (!(grace_seconds >= 0) || std::isinf(grace_seconds))
    throw bad("grace_seconds", "must be a finite number >= 0", std::to_string(grace_seconds));
  if (threads_per_rank < 0)
    throw bad("threads_per_rank", "must be >= 0 (0: cores / nproc_per_node)",
              std::to_string(threads_per_rank));
}

int LaunchOptions::resolved_threads_per_rank() const {
  if (threads_per_rank > 0) return threads_per_rank;
  int cores = 0;
#ifdef __linux__
  cpu_set_t set;
  if (::sched_getaffinity(0, sizeof set, &set) == 0) cores = CPU_COUNT(&set);
#endif
  if (cores <= 0) cores = static_cast<int>(std::thread::hardware_concurrency());
  return std::max(1, cores / std::max(1, nproc_per_node));
}

bool is_local_address(const std::string& host) {
  if (host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0) return true;
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) == 0 && host == name) return true;
  in_addr v4{};
  in6_addr v6{};
  const bool is_v4 = ::inet_pton(AF_INET, host.c_str(), &v4) == 1;
  const bool is_v6 = !is_v4 && ::inet_pton(AF_INET6, host.c_str(), &v6) == 1;
  if (!is_v4 && !is_v6) return false;  // a name: not resolved here
  ifaddrs* list = nullptr;
  if (::getifaddrs(&list) != 0) return false;
  bool found = false;
  for (ifaddrs* a = list; a != nullptr && !found; a = a->ifa_next) {
    if (a->ifa_addr == nullptr) continue;
    if (is_v4 && a->ifa_addr->sa_family == AF_INET)
      found = reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr.s_addr == v4.s_addr;
    if (is_v6 && a->ifa_addr->sa_family == AF_INET6)
      found = std::memcmp(&reinterpret_cast<sockaddr_in6*>(a->ifa_addr)->sin6_addr, &v6,
                          sizeof v6) == 0;
  }
  ::freeifaddrs(list);
  return found;
}

LaunchResult launch(const LaunchOptions& options, Sink* sink) {
  options.validate();
  check_master_port(options, sink);
  const int threads = options.resolved_threads_per_rank();
  log_line(sink,
           "launching %d rank%s on this node (world size %d), master %s:%d, %d thread%s per rank",
           options.nproc_per_node, options.nproc_per_node == 1 ? "" : "s",
           options.nnodes * options.nproc_per_node, options.master_addr.c_str(),
           options.master_port, threads, threads == 1 ? "" : "s");
  const auto t0 = Clock::now();
  LaunchResult result = Supervisor(options, sink).run(threads);
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  if (result.exit_code == 0)
    log_line(sink, "all %d rank%s exited 0 after %.1f s", options.nproc_per_node,
             options.nproc_per_node == 1 ? "" : "s", seconds);
  else
    log_line(sink, "ranks stopped after %.1f s (exit code %d)", seconds, result.exit_code);
  return result;
}

}  // namespace anvil::dist
