// All-reduce bandwidth of c10d Gloo on this machine: 1 to 256 MB of float32, 2 ranks on loopback
// (or --ranks N). Started without RANK, it prints the CPU and starts itself once per rank with the
// torchrun variables; rank 0 prints one row per size: median seconds over the rounds, algorithm
// bandwidth (bytes / time) and bus bandwidth (x 2(n-1)/n, what each rank's link carries).
//   build/bench/dist_allreduce [--ranks 2] [--rounds 5] [--threads 1]
#include <torch/torch.h>
#include <unistd.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "anvil/train/dist/environment.h"
#include "anvil/train/dist/process_group.h"

namespace {

int arg(int argc, char** argv, const std::string& name, int fallback) {
  for (int i = 1; i + 1 < argc; ++i)
    if (argv[i] == name) return std::atoi(argv[i + 1]);
  return fallback;
}

void print_cpu() {
  std::ifstream in("/proc/cpuinfo");
  std::string line, model, flags;
  while (std::getline(in, line)) {
    if (model.empty() && line.rfind("model name", 0) == 0) model = line.substr(line.find(':') + 2);
    if (flags.empty() && line.rfind("flags", 0) == 0) flags = line.substr(line.find(':') + 2);
  }
  std::string simd;
  for (const char* f : {"avx2", "avx512f", "avx512_bf16", "amx_bf16"})
    if ((" " + flags + " ").find(std::string(" ") + f + " ") != std::string::npos)
      simd += std::string(simd.empty() ? "" : " ") + f;
  std::printf("cpu: %s, %ld cores, flags: %s\n", model.c_str(), sysconf(_SC_NPROCESSORS_ONLN),
              simd.c_str());
}

int run_rank(int rounds) {
  auto group = anvil::dist::ProcessGroup::connect(anvil::dist::read_environment());
  const int n = group->size();
  if (group->rank() == 0)
    std::printf("%8s %12s %14s %14s\n", "MB", "median s", "algbw GB/s", "busbw GB/s");
  for (int mb : {1, 4, 16, 64, 256}) {
    auto t = torch::ones({static_cast<int64_t>(mb) * 1024 * 1024 / 4});
    std::vector<torch::Tensor> one{t};
    group->all_reduce(one);  // warm-up: connections and buffers
    std::vector<double> times;
    for (int r = 0; r < rounds; ++r) {
      group->barrier();
      const auto t0 = std::chrono::steady_clock::now();
      group->all_reduce(one);
      times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(times.begin(), times.end());
    const double s = times[times.size() / 2], bytes = mb * 1024.0 * 1024.0;
    if (group->rank() == 0)
      std::printf("%8d %12.4f %14.2f %14.2f\n", mb, s, bytes / s / 1e9,
                  bytes / s / 1e9 * 2.0 * (n - 1) / n);
  }
  std::fflush(stdout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = arg(argc, argv, "--rounds", 5);
  torch::set_num_threads(arg(argc, argv, "--threads", 1));
  if (std::getenv("RANK") != nullptr) return run_rank(rounds);
  const int ranks = arg(argc, argv, "--ranks", 2);
  print_cpu();
  std::printf("gloo all-reduce, %d ranks on loopback, %d rounds per size\n", ranks, rounds);
  std::fflush(stdout);
  const std::string port = std::to_string(29500 + getpid() % 1000);
  std::vector<pid_t> pids;
  for (int r = 0; r < ranks; ++r) {
    const pid_t pid = fork();
    if (pid == 0) {
      setenv("RANK", std::to_string(r).c_str(), 1);
      setenv("WORLD_SIZE", std::to_string(ranks).c_str(), 1);
      setenv("MASTER_ADDR", "127.0.0.1", 1);
      setenv("MASTER_PORT", port.c_str(), 1);
      execv("/proc/self/exe", argv);
      std::perror("execv");
      _exit(127);
    }
    pids.push_back(pid);
  }
  int failed = 0;
  for (pid_t pid : pids) {
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) failed = 1;
  }
  return failed;
}
