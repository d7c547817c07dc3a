// ProcessGroup over c10d: TCPStore rendezvous with anvil's own agreement checks, then Gloo (CPU)
// or NCCL (CUDA). CMake compiles this file with USE_C10D_GLOO (+ ANVIL_WITH_GLOO) only when c10d's
// Gloo headers are present, and with ANVIL_WITH_NCCL only when asked and NCCL's headers are found;
// without them connect() says what is missing.
#include "anvil/train/dist/process_group.h"

#include <torch/torch.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "anvil/core/error.h"

#ifdef ANVIL_WITH_GLOO
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif
#ifdef ANVIL_WITH_NCCL
#include <c10/cuda/CUDAFunctions.h>
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

namespace anvil::dist {

std::vector<double> sum_over_ranks(const std::shared_ptr<ProcessGroup>& group,
                                   std::vector<double> values) {
  return group ? group->all_reduce(std::move(values)) : values;
}

std::string built_backends() {
  std::string b;
#ifdef ANVIL_WITH_GLOO
  b = "gloo";
#endif
#ifdef ANVIL_WITH_NCCL
  b += b.empty() ? "nccl" : ", nccl";
#endif
  return b;
}

#ifndef ANVIL_WITH_GLOO

struct ProcessGroup::Impl {};
struct ProcessGroup::Pending::Impl {};
ProcessGroup::ProcessGroup(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ProcessGroup::~ProcessGroup() = default;
[[noreturn]] static void unavailable() {
  throw Error(
      "this anvil was built without c10d's Gloo backend (its headers were missing at build "
      "time): install libgloo-dev (Debian) or use a LibTorch that ships them, and rebuild");
}
std::shared_ptr<ProcessGroup> ProcessGroup::connect(const Environment&, const ProcessGroupOptions&) {
  unavailable();
}
int ProcessGroup::rank() const { unavailable(); }
int ProcessGroup::size() const { unavailable(); }
const std::string& ProcessGroup::backend() const { unavailable(); }
torch::Device ProcessGroup::device() const { unavailable(); }
void ProcessGroup::Pending::wait() { unavailable(); }
void ProcessGroup::all_reduce(std::vector<torch::Tensor>&, ReduceOp) { unavailable(); }
ProcessGroup::Pending ProcessGroup::all_reduce_async(torch::Tensor, ReduceOp) { unavailable(); }
void ProcessGroup::broadcast(std::vector<torch::Tensor>&, int) { unavailable(); }
void ProcessGroup::barrier() { unavailable(); }
std::vector<double> ProcessGroup::all_reduce(std::vector<double>, ReduceOp) { unavailable(); }
std::string ProcessGroup::broadcast_text(const std::string&, int) { unavailable(); }

#else

namespace {

using Clock = std::chrono::steady_clock;

std::vector<uint8_t> bytes(const std::string& s) { return {s.begin(), s.end()}; }
std::string text(const std::vector<uint8_t>& b) { return {b.begin(), b.end()}; }

std::string seconds(std::chrono::milliseconds ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g s", static_cast<double>(ms.count()) / 1000.0);
  return buf;
}

bool is_loopback(const std::string& addr) {
  return addr == "127.0.0.1" || addr == "localhost" || addr == "::1";
}

// Rank 0 hosts the store; the others connect to it (retrying until the timeout).
c10::intrusive_ptr<c10d::Store> open_store(const Environment& env,
                                           std::chrono::milliseconds timeout) {
  c10d::TCPStoreOptions so;
  so.port = static_cast<std::uint16_t>(env.master_port);
  so.isServer = env.rank == 0;
  so.waitWorkers = false;  // anvil's own agreement below names who is missing
  so.timeout = timeout;
  try {
    return c10::make_intrusive<c10d::TCPStore>(env.master_addr, so);
  } catch (const std::exception& e) {
    throw Error("rank " + std::to_string(env.rank) + ": " +
                (env.rank == 0 ? "cannot host the rendezvous store on "
                               : "cannot reach the rendezvous store at ") +
                env.master_addr + ":" + std::to_string(env.master_port) + ": " + e.what())
        .about("MASTER_PORT", std::to_string(env.master_port));
  }
}

// Every rank publishes its world size; each waits for ranks 0..W-1 of its own view and compares.
void agree_on_world(c10d::Store& store, const Environment& env, std::chrono::milliseconds timeout) {
  const std::string me = std::to_string(env.rank);
  if (store.add("anvil/rank_claims/" + me, 1) > 1)
    throw Error("two processes claim RANK=" + me + " in the job at " + env.master_addr + ":" +
                std::to_string(env.master_port))
        .about("RANK", me);
  store.set("anvil/world_size/" + me, bytes(std::to_string(env.world_size)));
  // Compares each rank's world size as soon as it is there: a mismatch fails at once.
  std::vector<bool> seen(static_cast<size_t>(env.world_size), false);
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    std::vector<int> missing;
    for (int r = 0; r < env.world_size; ++r) {
      if (seen[static_cast<size_t>(r)]) continue;
      const std::string key = "anvil/world_size/" + std::to_string(r);
      if (!store.check({key})) {
        missing.push_back(r);
        continue;
      }
      seen[static_cast<size_t>(r)] = true;
      const std::string theirs = text(store.get(key));
      if (theirs != std::to_string(env.world_size))
        throw Error("rank " + me + " was started with WORLD_SIZE=" +
                    std::to_string(env.world_size) + " but rank " + std::to_string(r) +
                    " with WORLD_SIZE=" + theirs +
                    ": every node must be launched with the same --nnodes and --nproc-per-node")
            .about("WORLD_SIZE", std::to_string(env.world_size));
    }
    if (missing.empty()) return;
    if (Clock::now() >= deadline) {
      std::string list;
      for (int r : missing) list += (list.empty() ? "" : ", ") + std::to_string(r);
      throw Error("rank " + me + ": rank(s) " + list + " of " + std::to_string(env.world_size) +
                  " never joined the rendezvous at " + env.master_addr + ":" +
                  std::to_string(env.master_port) + " within " + seconds(timeout));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

c10d::ReduceOp to_c10d(ReduceOp op) {
  switch (op) {
    case ReduceOp::kMax: return c10d::ReduceOp::MAX;
    case ReduceOp::kMin: return c10d::ReduceOp::MIN;
    default: return c10d::ReduceOp::SUM;
  }
}

std::string resolve_backend(const ProcessGroupOptions& o) {
  std::string b = o.backend;
  if (b == "auto") b = o.device.is_cuda() ? "nccl" : "gloo";
  if (b != "gloo" && b != "nccl")
    throw usage_error("dist.backend = '" + o.backend + "': expected auto, gloo or nccl")
        .about("dist.backend", o.backend);
  if (b == "nccl" && built_backends().find("nccl") == std::string::npos)
    throw Error("dist.backend nccl: this anvil was built without NCCL (configure with "
                "-DANVIL_NCCL=ON against a CUDA LibTorch whose NCCL headers are installed); "
                "gloo works on CUDA tensors too, more slowly");
  if (b == "nccl" && !o.device.is_cuda())
    throw usage_error("dist.backend nccl needs CUDA tensors (run.device cuda)")
        .about("dist.backend", b);
  return b;
}

c10::intrusive_ptr<c10d::ProcessGroup> make_backend(const std::string& backend,
                                                    const c10::intrusive_ptr<c10d::Store>& store,
                                                    const Environment& env,
                                                    const ProcessGroupOptions& o) {
  auto prefixed = c10::make_intrusive<c10d::PrefixStore>("anvil/pg", store);
#ifdef ANVIL_WITH_NCCL
  if (backend == "nccl") {
    c10::cuda::set_device(static_cast<c10::DeviceIndex>(o.device.index()));
    auto opts = c10d::ProcessGroupNCCL::Options::create();
    opts->timeout = o.timeout;
    return c10::make_intrusive<c10d::ProcessGroupNCCL>(prefixed, env.rank, env.world_size, opts);
  }
#endif
  auto opts = c10d::ProcessGroupGloo::Options::create(o.timeout);
  // GLOO_SOCKET_IFNAME picks the network interface as in PyTorch; a job on loopback stays there.
  const char* ifname = std::getenv("GLOO_SOCKET_IFNAME");
  if (ifname != nullptr && *ifname != '\0')
    opts->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(ifname));
  else if (is_loopback(env.master_addr))
    opts->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
  else
    opts->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
  return c10::make_intrusive<c10d::ProcessGroupGloo>(prefixed, env.rank, env.world_size, opts);
}

}  // namespace

struct ProcessGroup::Impl {
  Environment env;
  std::string backend;
  torch::Device device = torch::kCPU;
  std::chrono::milliseconds timeout{0};
  c10::intrusive_ptr<c10d::Store> store;
  c10::intrusive_ptr<c10d::ProcessGroup> pg;

  // Waits for `work`; a failure or timeout becomes an Error that says which collective and rank.
  void wait(const c10::intrusive_ptr<c10d::Work>& work, const char* what) const {
    try {
      if (!work->wait(timeout))
        throw Error(std::string(what) + " did not finish within " + seconds(timeout));
    } catch (const Error&) {
      throw;
    } catch (const std::exception& e) {
      std::string msg = e.what();
      if (auto nl = msg.find("\nException raised from"); nl != std::string::npos) msg.resize(nl);
      throw Error("rank " + std::to_string(env.rank) + " of " + std::to_string(env.world_size) +
                  ": " + what + " failed (" + msg +
                  "); another rank probably stopped or the dist.timeout of " + seconds(timeout) +
                  " passed");
    }
  }
};

struct ProcessGroup::Pending::Impl {
  const ProcessGroup::Impl* group;
  c10::intrusive_ptr<c10d::Work> work;
};

ProcessGroup::ProcessGroup(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ProcessGroup::~ProcessGroup() = default;

std::shared_ptr<ProcessGroup> ProcessGroup::connect(const Environment& env,
                                                    const ProcessGroupOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->env = env;
  impl->backend = resolve_backend(options);
  impl->device = options.device;
  impl->timeout = options.timeout;
  impl->store = open_store(env, options.timeout);
  agree_on_world(*impl->store, env, options.timeout);
  try {
    impl->pg = make_backend(impl->backend, impl->store, env, options);
  } catch (const std::exception& e) {
    throw Error("rank " + std::to_string(env.rank) + ": cannot connect the " + impl->backend +
                " process group: " + e.what());
  }
  return std::shared_ptr<ProcessGroup>(new ProcessGroup(std::move(impl)));
}

int ProcessGroup::rank() const { return impl_->env.rank; }
int ProcessGroup::size() const { return impl_->env.world_size; }
const std::string& ProcessGroup::backend() const { return impl_->backend; }
torch::Device ProcessGroup::device() const { return impl_->device; }

void ProcessGroup::Pending::wait() { impl_->group->wait(impl_->work, "all-reduce"); }

void ProcessGroup::all_reduce(std::vector<torch::Tensor>& tensors, ReduceOp op) {
  for (auto& t : tensors) all_reduce_async(t, op).wait();
}

ProcessGroup::Pending ProcessGroup::all_reduce_async(torch::Tensor tensor, ReduceOp op) {
  std::vector<at::Tensor> one{std::move(tensor)};
  c10d::AllreduceOptions ao;
  ao.reduceOp = to_c10d(op);
  ao.timeout = impl_->timeout;
  auto work = impl_->pg->allreduce(one, ao);
  return Pending(std::make_shared<Pending::Impl>(Pending::Impl{impl_.get(), work}));
}

void ProcessGroup::broadcast(std::vector<torch::Tensor>& tensors, int root) {
  for (auto& t : tensors) {
    std::vector<at::Tensor> one{t};
    c10d::BroadcastOptions bo;
    bo.rootRank = root;
    bo.timeout = impl_->timeout;
    impl_->wait(impl_->pg->broadcast(one, bo), "broadcast");
  }
}

void ProcessGroup::barrier() {
  c10d::BarrierOptions bo;
  bo.timeout = impl_->timeout;
  impl_->wait(impl_->pg->barrier(bo), "barrier");
}

std::vector<double> ProcessGroup::all_reduce(std::vector<double> values, ReduceOp op) {
  auto t = torch::tensor(values, torch::dtype(torch::kFloat64)).to(impl_->device);
  all_reduce_async(t, op).wait();
  t = t.cpu();
  for (size_t i = 0; i < values.size(); ++i) values[i] = t[static_cast<int64_t>(i)].item<double>();
  return values;
}

std::string ProcessGroup::broadcast_text(const std::string& text, int root) {
  std::vector<torch::Tensor> size{
      torch::tensor({static_cast<int64_t>(text.size())}, torch::dtype(torch::kInt64)).to(impl_->device)};
  broadcast(size, root);
  const int64_t n = size[0].cpu().item<int64_t>();
  auto bytes_cpu = torch::zeros({n}, torch::kUInt8);
  if (rank() == root) std::memcpy(bytes_cpu.data_ptr(), text.data(), text.size());
  std::vector<torch::Tensor> data{bytes_cpu.to(impl_->device)};
  if (n > 0) broadcast(data, root);
  data[0] = data[0].cpu();
  return std::string(static_cast<const char*>(data[0].data_ptr()), static_cast<size_t>(n));
}

#endif  // ANVIL_WITH_GLOO

}  // namespace anvil::dist
