// `anvil generate`: text generation with a trained language model (KV cache, sampling, streaming).
#include <cstdio>
#include <nlohmann/json.hpp>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/core/json_text.h"
#include "anvil/datagen/calculator.h"
#include "anvil/interop/language_model_loader.h"
#include "anvil/models/generation.h"
#include "anvil/models/llama_io.h"
#include "anvil/models/peft_adapter.h"
#include "anvil/pipeline/sft_data.h"
#include "anvil/serve/chat_prompt.h"
#include "anvil/tokenize/tokenizer_json.h"
#include "anvil/train/device.h"
#include "commands.h"

namespace anvil::cli {

void register_generate(CLI::App& app, Context&) {
  auto* cmd = app.add_subcommand("generate", "Generate text with a trained language model");
  struct Args {
    std::string model = "runs/latest/model";
    std::vector<std::string> prompts;
    models::GenerationOptions gen;
    std::vector<std::string> stop;
    std::string device = "auto";
    bool no_stream = false;
    bool no_cache = false;
    bool json = false;
    bool chat = false;
    bool no_calculator = false;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("prompts", a->prompts, "prompts (several = one batch)")->required();
  cmd->add_option("--model", a->model, "model folder (full model or LoRA adapter) or .gguf file")
      ->capture_default_str();
  cmd->add_option("--max-tokens", a->gen.max_new_tokens, "new tokens at most")
      ->capture_default_str();
  cmd->add_option("--temperature", a->gen.temperature, "0 = greedy")->capture_default_str();
  cmd->add_option("--top-k", a->gen.top_k, "0 = off")->capture_default_str();
  cmd->add_option("--top-p", a->gen.top_p, "1 = off")->capture_default_str();
  cmd->add_option("--repetition-penalty", a->gen.repetition_penalty, "1 = off")
      ->capture_default_str();
  // One value per --stop, so `--stop X "prompt" "prompt"` keeps the prompts as prompts.
  cmd->add_option("--stop", a->stop, "stop string (repeat --stop for several)")
      ->allow_extra_args(false);
  cmd->add_option("--seed", a->gen.seed, "sampling seed")->capture_default_str();
  cmd->add_option("--device", a->device, "auto | cpu | cuda[:N]")->capture_default_str();
  cmd->add_flag("--no-stream", a->no_stream, "print results at the end only");
  cmd->add_flag("--json", a->json,
                "print one JSON object per prompt: prompt, prompt_ids, ids (generated), margins "
                "(best minus second-best logit of each generated token), text");
  cmd->add_flag("--chat", a->chat,
                "send each prompt as a user message in the model's chat format, as anvil serve "
                "does (anvil's models: PROMPT + \"\\n\\nAssistant: \", stopping before the "
                "\"[confidence: ...]\" line; ChatML and Llama 3 by their tokens)");
  cmd->add_flag("--no-calculator", a->no_calculator,
                "let the model write calculator results itself (by default a specialist's "
                "\"<<expression=\" is answered by the calculator, as anvil eval and serve do)");
  cmd->add_flag("--no-cache", a->no_cache,
                "recompute the whole sequence every step (slow; for comparison)");
  cmd->callback([a] {
    train::configure_threads(0);
    auto lm = interop::load_language_model(a->model);
    auto& model = lm.model;
    const auto& tok = lm.tokenizer;
    model->to(train::resolve_device(a->device));
    a->gen.stop_strings = a->stop;
    a->gen.use_cache = !a->no_cache;
    a->gen.record_margins = a->json;
    if (!a->no_calculator)
      a->gen.inject = [](size_t, const std::string& text) {
        return datagen::calculator_completion(text);
      };
    const int64_t eos = pipeline::sft_eos_id(tok, model->config().eos_token_id);
    std::vector<std::vector<int64_t>> ids;
    if (a->chat) {
      for (auto& p : a->prompts) {
        const auto chat =
            serve::build_chat_prompt(tok, serve::detect_chat_format(tok), {{"user", p}});
        ids.push_back(chat.ids);
        p = tok.decode(chat.ids);  // what the model reads (printed by --json)
        if (ids.size() == 1) {
          for (const auto& s : chat.stop_strings) a->gen.stop_strings.push_back(s);
          a->gen.stop_token_ids = chat.stop_ids;
        }
      }
    } else {
      for (const auto& p : a->prompts) ids.push_back(tok.encode_text(p));
      if (eos >= 0) a->gen.stop_token_ids.push_back(eos);
    }
    const bool stream = !a->no_stream && !a->json && a->prompts.size() == 1;
    const int64_t pad = tok.token_id(pipeline::kSftPad) >= 0 ? tok.token_id(pipeline::kSftPad)
                                                             : std::max<int64_t>(eos, 0);
    models::StreamFn print_piece;
    if (stream)
      print_piece = [](size_t, const std::string& piece) {
        std::fputs(piece.c_str(), stdout);
        std::fflush(stdout);
      };
    auto r = models::generate_ids(model, tok, ids, a->gen, print_piece, pad);
    if (a->json) {
      for (size_t i = 0; i < r.texts.size(); ++i) {
        nlohmann::json j = {{"prompt", a->prompts[i]},
                            {"prompt_ids", ids[i]},
                            {"ids", r.token_ids[i]},
                            {"margins", r.margins[i]},
                            {"text", r.texts[i]}};
        std::printf("%s\n", dump_json_replacing_invalid_utf8(j).c_str());
      }
    } else if (stream) {
      std::printf("\n");
    } else {
      for (size_t i = 0; i < r.texts.size(); ++i) std::printf("[%zu] %s\n", i, r.texts[i].c_str());
    }
    std::fprintf(stderr, "%lld tokens in %.2fs: %.1f tokens/s (%s)\n",
                 static_cast<long long>(r.new_tokens), r.seconds, r.tokens_per_second(),
                 a->gen.use_cache ? "KV cache" : "no cache");
  });
}

void register_lora(CLI::App& app, Context&) {
  auto* cmd = app.add_subcommand("lora", "LoRA adapters: merge into the base model");
  cmd->require_subcommand(1);
  auto* merge = cmd->add_subcommand(
      "merge", "Merge a PEFT adapter into its base and write a full model folder");
  auto adapter = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  merge->add_option("--adapter", *adapter, "adapter folder (adapter_config.json)")->required();
  merge->add_option("-o,--output", *out, "output model folder")->required();
  merge->callback([adapter, out] {
    auto model = models::load_model_with_adapters(*adapter);
    model->merge_lora();
    models::save_llama(model, *out);
    if (file_exists(*adapter + "/tokenizer.json"))
      write_file_atomic(*out + "/tokenizer.json", read_file(*adapter + "/tokenizer.json"));
    std::printf("merged %s into %s\n", adapter->c_str(), out->c_str());
  });
}

}  // namespace anvil::cli
