// The `anvil train` / `anvil pipeline` overrides for a tiny language-model run on one thread
// (one layer of width 32, a 400-token vocabulary, a checkpoint every 2 steps, no tracking): enough
// for tests of checkpoints, resume and evaluation that must run in seconds.
#pragma once

#include <string>

namespace anvil::testing {

inline const std::string kTinyLmTrainArgs =
    "-q model.type=llama llama.hidden_size=32 llama.intermediate_size=64 llama.layers=1 "
    "llama.heads=2 llama.kv_heads=1 llama.max_position=256 lm.tokenizer_vocab=400 lm.seq_len=256 "
    "lm.eval_per_specialist=0 train.batch_size=2 train.warmup_steps=2 run.threads=1 "
    "track.enabled=false track.tensorboard=false lm.checkpoint_every=2 ";

}  // namespace anvil::testing
