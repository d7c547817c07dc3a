// Progressive multi-phase LoRA training: per phase data (+ replay), training, merge, evaluation of
// every specialist so far, retention table.
#include "anvil/pipeline/lm_phases.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/core/plot.h"
#include "anvil/core/sink.h"
#include "anvil/data/jsonl.h"
#include "anvil/datagen/specialist.h"
#include "anvil/datagen/specialist_generator.h"
#include "anvil/datagen/specialist_record.h"
#include "anvil/models/llama_io.h"
#include "anvil/models/peft_adapter.h"
#include "anvil/pipeline/datagen_stage.h"
#include "anvil/pipeline/phase_reuse.h"
#include "anvil/pipeline/replay.h"
#include "anvil/pipeline/run_dir.h"
#include "anvil/train/dist/rank_zero.h"

namespace anvil::pipeline {
namespace {

// Held-out sets use seeds far from the training seeds (datagen.seed + phase).
constexpr uint64_t kEvalSeedOffset = 1000;

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
  return s;
}

void generate(const std::vector<std::string>& specialists, int64_t per_specialist, uint64_t seed,
              const std::string& output, const std::string& label) {
  datagen::SpecialistDatagenOptions d;
  d.specialists = join(specialists);
  d.n = per_specialist * static_cast<int64_t>(specialists.size());
  d.seed = seed;
  d.threads = 0;
  d.output = output;
  d.validate();
  generate_with_progress(d, label);
}

// new.jsonl + replayed lines of earlier phases' new.jsonl -> train.jsonl.
std::string mix_replay(const std::string& new_path, const std::vector<std::string>& earlier_paths,
                       double fraction, uint64_t seed, const std::string& output, Sink* sink) {
  datagen::SpecialistRecordParser parser;
  std::vector<std::string> lines, specialists;
  for (const auto& path : earlier_paths) {
    data::JsonlFile f(path);
    for (size_t i = 0; i < f.size(); ++i) {
      specialists.push_back(parser.parse(f.line(i), path, f.line_number(i)).specialist);
      lines.emplace_back(f.line(i));
    }
  }
  data::JsonlFile fresh(new_path);
  std::string text;
  for (size_t i = 0; i < fresh.size(); ++i) (text += fresh.line(i)) += '\n';
  const auto chosen =
      choose_replay(specialists, static_cast<int64_t>(fresh.size()), fraction, seed);
  for (size_t i : chosen) (text += lines[i]) += '\n';
  write_file_atomic(output, text);
  log_line(sink, "replay: %zu earlier records mixed into %zu new ones", chosen.size(),
           fresh.size());
  return output;
}

void copy_if_present(const std::string& from, const std::string& to) {
  if (file_exists(from)) write_file_atomic(to, read_file(from));
}

// A full model folder with the adapter in `adapter_dir` merged into its base.
void merge_adapter(const std::string& adapter_dir, const std::string& out) {
  auto model = models::load_model_with_adapters(adapter_dir);
  model->merge_lora();
  models::save_llama(model, out);
  copy_if_present(adapter_dir + "/tokenizer.json", out + "/tokenizer.json");
  copy_if_present(adapter_dir + "/generation_config.json", out + "/generation_config.json");
}

void write_retention(const RetentionTable& table, const RetentionTargets& targets,
                     const std::string& run_dir) {
  write_file_atomic(run_dir + "/retention.json", table.to_json(targets));
  write_file_atomic(run_dir + "/retention.md", table.to_markdown());
  std::vector<std::string> labels;
  std::vector<double> values;
  const size_t last = table.recorded_phases() - 1;
  for (size_t p = 0; p <= last; ++p)
    for (const auto& s : table.phases()[p]) {
      labels.push_back(s);
      values.push_back(100 * table.retention(s, last).value_or(0.0));
    }
  plot::ChartOptions co;
  co.title =
      "retention after phase " + std::to_string(last) + " (score now / right after own phase)";
  co.y_label = "retention %";
  plot::save_bar_chart(run_dir + "/retention.png", labels, values, co);
}

// The earlier run's phase folder copied to `dir` when it finished with `fingerprint`; nullopt
// (and the reason as a log line) when it must be trained again.
std::optional<FinishedPhase> reuse_phase(const std::string& earlier, const std::string& fingerprint,
                                         const std::string& dir, Sink* sink) {
  auto done = read_finished_phase(earlier);
  if (done && done->fingerprint == fingerprint) {
    copy_finished_phase(earlier, dir);
    log_line(sink, "reused %s: same settings (fingerprint %s), not trained again", earlier.c_str(),
             fingerprint.c_str());
    return done;
  }
  const std::string why =
      done ? "was trained with other settings, fingerprint " + done->fingerprint : "did not finish";
  log_line(sink, "%s %s (this run's fingerprint %s): training it", earlier.c_str(), why.c_str(),
           fingerprint.c_str());
  return std::nullopt;
}

// A phase this run finished before it was interrupted (resume), when its settings are this run's.
std::optional<FinishedPhase> finished_here(const std::string& dir, const std::string& fingerprint,
                                           Sink* sink) {
  auto done = read_finished_phase(dir);
  if (!done) return std::nullopt;
  if (done->fingerprint != fingerprint) {
    log_line(sink, "%s finished with other settings (fingerprint %s, now %s): training it again",
             dir.c_str(), done->fingerprint.c_str(), fingerprint.c_str());
    return std::nullopt;
  }
  log_line(sink, "%s finished before the interruption: kept", dir.c_str());
  return done;
}

// Phase p's data, training (from scratch, or a LoRA adapter on `base` then merged) and the scores
// of every specialist so far on the held-out sets. Phase folder contents as in lm_phases.h.
// Data-parallel (o.train.group): rank 0 writes the data and the merged model, every rank trains
// and scores its share of the held-out records.
FinishedPhase train_phase(const ProgressiveOptions& o, size_t p, const std::string& dir,
                          const std::string& base, const std::vector<std::string>& new_data,
                          const std::vector<std::string>& eval_data) {
  const std::string tag = "phase " + std::to_string(p);
  const auto& group = o.train.group;
  dist::on_rank_zero(group, [&] {
    generate(o.phases[p], o.n_per_specialist, o.data_seed + p, new_data[p], tag + " data");
    generate(o.phases[p], o.train.eval_per_specialist, o.data_seed + kEvalSeedOffset + p,
             eval_data[p], tag + " held-out set");
  });
  LmTrainOptions t = o.train;
  t.run_dir = dir;
  t.data_path = new_data[p];
  t.eval_per_specialist = 0;  // scored below, on the fixed held-out sets
  t.resume = o.resume && has_last_checkpoint(dir);
  t.stop_after_steps = 0;
  if (p == 0) {
    t.lora = !t.base_model.empty();
  } else {
    t.base_model = base;
    t.lora = true;
    if (o.phase_lr > 0) t.lr = o.phase_lr;
    if (o.phase_epochs > 0) t.epochs = o.phase_epochs;
    if (o.phase_prompt_loss_weight >= 0) t.prompt_loss_weight = o.phase_prompt_loss_weight;
    if (o.replay_fraction > 0) {
      t.data_path = dir + "/data/train.jsonl";
      dist::on_rank_zero(group, [&] {
        mix_replay(new_data[p], {new_data.begin(), new_data.begin() + p}, o.replay_fraction,
                   o.data_seed + p, t.data_path, o.train.sink);
      });
    }
  }
  const auto trained = train_language_model(t);
  FinishedPhase done;
  done.model = t.lora ? "merged" : "model";
  const std::string model_dir = dir + "/" + done.model;
  if (t.lora) dist::on_rank_zero(group, [&] { merge_adapter(trained.model_dir, model_dir); });
  for (size_t k = 0; k <= p; ++k)
    for (const auto& s : evaluate_language_model(
             model_dir, eval_data[k], o.train.eval_per_specialist, o.train.max_new_tokens,
             o.train.device, o.train.progress ? o.train.sink : nullptr, group))
      if (s.specialist != "overall") done.scores[s.specialist] = s.field_accuracy;
  return done;
}

}  // namespace

std::vector<std::vector<std::string>> parse_phases(const std::vector<std::string>& entries) {
  std::vector<std::vector<std::string>> phases;
  for (size_t p = 0; p < entries.size(); ++p) {
    std::vector<std::string> names;
    size_t start = 0;
    const std::string& e = entries[p];
    while (start <= e.size()) {
      size_t end = e.find(',', start);
      if (end == std::string::npos) end = e.size();
      std::string name = e.substr(start, end - start);
      name.erase(0, name.find_first_not_of(" \t"));
      name.erase(name.find_last_not_of(" \t") + 1);
      if (!name.empty()) {
        if (name.find('*') != std::string::npos)
          throw usage_error("lm.phases[" + std::to_string(p) + "]: '" + name +
                            "': weights (name*K) apply to lm.specialists, not to phases")
              .about("specialist");
        if (!datagen::find_specialist(name))
          throw usage_error("lm.phases[" + std::to_string(p) + "]: unknown specialist '" + name +
                            "'")
              .about("specialist");
        names.push_back(name);
      }
      start = end + 1;
    }
    if (names.empty())
      throw usage_error("lm.phases[" + std::to_string(p) + "] names no specialist");
    phases.push_back(names);
  }
  return phases;
}

ProgressiveOptions ProgressiveOptions::from_config(const Config& c) {
  ProgressiveOptions o;
  o.train = LmTrainOptions::from_config(c);
  o.phases = parse_phases(c.get_string_list("lm.phases"));
  o.n_per_specialist = c.get_int("lm.n_per_specialist");
  o.replay_fraction = c.get_double("lm.replay_fraction");
  o.phase_lr = c.get_double("lm.phase_lr");
  o.phase_epochs = c.get_int("lm.phase_epochs");
  o.phase_prompt_loss_weight = c.get_double("lm.phase_prompt_loss_weight");
  o.data_seed = static_cast<uint64_t>(c.get_int("datagen.seed"));
  o.reuse_dir = c.get_string("lm.reuse_phases");
  o.fingerprints = phase_fingerprints(c);
  return o;
}

void ProgressiveOptions::validate() const {
  if (phases.empty()) throw usage_error("lm.phases is empty: list each phase's specialists");
  RetentionTable check(phases);  // duplicate specialists across phases
  if (!train.data_path.empty())
    throw usage_error("lm.data = '" + train.data_path +
                      "': lm.phases generates each phase's data; leave lm.data empty");
  if (run_dir.empty()) throw usage_error("no run directory given");
  if (n_per_specialist < 1)
    throw usage_error("lm.n_per_specialist = " + std::to_string(n_per_specialist) +
                      ": must be >= 1");
  if (!(replay_fraction >= 0 && replay_fraction <= 1))
    throw usage_error("lm.replay_fraction = " + std::to_string(replay_fraction) +
                      ": must be in [0, 1]");
  if (phase_lr < 0)
    throw usage_error("lm.phase_lr = " + std::to_string(phase_lr) + ": must be >= 0");
  if (!(phase_prompt_loss_weight == -1 ||
        (phase_prompt_loss_weight >= 0 && phase_prompt_loss_weight <= 1)))
    throw usage_error("lm.phase_prompt_loss_weight = " + std::to_string(phase_prompt_loss_weight) +
                      ": must be in [0, 1], or -1 for lm.prompt_loss_weight");
  if (phase_epochs < 0)
    throw usage_error("lm.phase_epochs = " + std::to_string(phase_epochs) + ": must be >= 0");
  if (!reuse_dir.empty() && !std::filesystem::is_directory(reuse_dir))
    throw usage_error("lm.reuse_phases = '" + reuse_dir + "': no such run directory");
  if (!reuse_dir.empty() && fingerprints.size() != phases.size())
    throw usage_error("lm.reuse_phases needs one fingerprint per phase (phase_fingerprints)");
  if (train.eval_per_specialist < 1)
    throw usage_error("lm.eval_per_specialist = " + std::to_string(train.eval_per_specialist) +
                      ": lm.phases needs held-out records (>= 1) for the retention table");
}

ProgressiveResult run_progressive_training(const ProgressiveOptions& options) {
  options.validate();
  ProgressiveOptions o = options;
  const auto& group = o.train.group;
  const bool writer = !group || group->rank() == 0;  // rank 0 speaks and writes for the job
  if (!writer) {
    o.train.sink = nullptr;
    o.train.progress = false;
  }
  ProgressiveResult result;
  result.table = RetentionTable(o.phases);
  ensure_directory(o.run_dir);
  std::string full_model;  // the full model the next phase starts from
  std::vector<std::string> new_data, eval_data;
  bool reusing = !o.reuse_dir.empty();
  for (size_t p = 0; p < o.phases.size(); ++p) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::string name = "phase_" + std::to_string(p);
    const std::string dir = o.run_dir + "/" + name;
    const std::string tag = "phase " + std::to_string(p);
    const std::string fingerprint = p < o.fingerprints.size() ? o.fingerprints[p] : "";
    log_line(o.train.sink, "\n== %s: %s ==", tag.c_str(), join(o.phases[p]).c_str());
    new_data.push_back(dir + "/data/new.jsonl");
    eval_data.push_back(dir + "/data/eval.jsonl");

    // Phases are reused while they match; from the first that does not, all are trained.
    std::optional<FinishedPhase> done;
    if (reusing)
      reusing =
          dist::from_rank_zero(group, [&] {
            const bool copied =
                reuse_phase(o.reuse_dir + "/" + name, fingerprint, dir, o.train.sink).has_value();
            return std::string(copied ? "reused" : "");
          }) == "reused";
    if (reusing) done = read_finished_phase(dir);
    bool kept = false;  // finished by this run before it was interrupted
    if (!done && o.resume) {
      done = finished_here(dir, fingerprint, o.train.sink);
      kept = done.has_value();
    }
    if (!done) done = train_phase(o, p, dir, full_model, new_data, eval_data);
    full_model = dir + "/" + done->model;
    result.table.record(p, done->scores);
    result.phase_seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    dist::on_rank_zero(group, [&] {
      write_retention(result.table, o.targets, o.run_dir);
      if (reusing || kept) return;
      done->fingerprint = fingerprint;
      done->seconds = result.phase_seconds.back();
      write_finished_phase(dir, *done);
    });
    emit(o.train.sink, Channel::kResult,
         "\nafter %s (%.0f s%s): field accuracy on held-out records, retention = score now / "
         "score after own phase\n%s",
         tag.c_str(), result.phase_seconds.back(),
         reusing ? ", reused"
         : kept  ? ", kept"
                 : "",
         result.table.format().c_str());
  }

  // The final model as one plain folder.
  result.model_dir = o.run_dir + "/model";
  dist::on_rank_zero(group, [&] {
    std::filesystem::copy(full_model, result.model_dir,
                          std::filesystem::copy_options::recursive |
                              std::filesystem::copy_options::overwrite_existing);
  });
  emit(o.train.sink, Channel::kResult,
       "\ntargets (new phase >= %.0f%% field accuracy, earlier specialists >= %.0f%% "
       "retention): %s\nmodel: %s\n",
       100 * o.targets.new_phase_min, 100 * o.targets.retention_min,
       result.table.targets_met(o.targets) ? "met" : "NOT met", result.model_dir.c_str());
  return result;
}

}  // namespace anvil::pipeline
