// A user's program against the installed anvil package, as docs/tutorial.md teaches: a model of
// its own, trained by anvil's Engine with tracking and checkpoints, stopped half-way, resumed
// from the checkpoint into fresh objects, and exported to safetensors. Exits 0 only when the
// resumed run ends bit-identical to an uninterrupted one and the export loads back equal.
#include <anvil/anvil.h>
#include <cstdio>

using namespace anvil;

struct Net : torch::nn::Module {
  torch::nn::Linear l1 = register_module("l1", torch::nn::Linear(2, 16));
  torch::nn::Linear l2 = register_module("l2", torch::nn::Linear(16, 1));
  torch::Tensor forward(torch::Tensor x) { return l2(torch::tanh(l1(x))); }
};

// Trains `epochs` epochs of y = sin(x0) * x1; resumes from `resume` when given. Returns the net.
std::shared_ptr<Net> run(const std::string& dir, int64_t epochs, const std::string& resume) {
  torch::manual_seed(0);
  auto net = std::make_shared<Net>();
  auto groups = train::split_parameters(*net);
  auto opt = train::make_adamw(groups, {/*lr=*/1e-2, /*weight_decay=*/1e-4});
  auto x = torch::rand({256, 2}) * 4 - 2, y = torch::sin(x.select(1, 0)) * x.select(1, 1);
  train::Engine engine([&](train::Engine&) {
    auto idx = torch::randint(256, {32});  // draws from the checkpointed generator
    auto loss = torch::mse_loss(net->forward(x.index_select(0, idx)).squeeze(1), y.index_select(0, idx));
    opt->zero_grad();
    loss.backward();
    opt->step();
    return std::map<std::string, double>{{"loss", loss.item<double>()}};
  });
  train::TrackingOptions track;
  track.run.db_path = "runs.sqlite";  // one run store; the resumed run continues run "stopped"
  track.run.name = dir;
  auto tracking = train::attach_tracking(engine, track, dir);
  train::CheckpointParts parts{net.get(), opt.get(), groups.all(), &engine};
  engine.attach(std::make_shared<train::Checkpointer>(
      train::CheckpointOptions{dir + "/checkpoints", "train_loss", 0},
      [&](train::Engine&, const std::string& path) { train::save_checkpoint(path, parts); }));
  if (!resume.empty()) train::load_checkpoint(resume, parts);
  engine.run(/*epoch_length=*/20, epochs);
  return net;
}

int main() {
  torch::set_num_threads(1);
  auto straight = run("straight", 6, "");
  run("stopped", 3, "");
  auto resumed = run("resumed", 6, "stopped/checkpoints/last.safetensors");
  bool same = true;
  auto finished = resumed->named_parameters();
  for (const auto& p : straight->named_parameters())
    same = same && torch::equal(p.value(), finished[p.key()]);
  io::save_named_tensors("model.safetensors", io::module_tensors(*resumed), {{"format", "pt"}});
  auto reloaded = std::make_shared<Net>();
  io::load_module_tensors(*reloaded, io::read_safetensors("model.safetensors"), "model.safetensors");
  auto probe = torch::rand({8, 2});
  const bool exported = torch::equal(reloaded->forward(probe), resumed->forward(probe));
  std::printf("resumed run identical to the straight one: %s; export loads back equal: %s\n",
              same ? "yes" : "no", exported ? "yes" : "no");
  return same && exported ? 0 : 1;
}
