// GGUF export and import of Llama/Qwen2 models: the rotary row permutation as llama.cpp's
// converter defines it, the metadata keys with the value types llama.cpp's loader checks, exact
// round trips (logits, tokenizer) through F32 files, quantized types and their fallbacks, and the
// bad-input paths of `anvil export gguf` / `anvil generate --model file.gguf`.
#include "anvil/interop/gguf_export.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <filesystem>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/interop/gguf_llama_layout.h"
#include "anvil/interop/language_model_loader.h"
#include "anvil/models/llama_io.h"
#include "anvil/tokenize/bpe_trainer.h"
#include "anvil/tokenize/tokenizer_json.h"
#include "support/run_cli.h"

namespace anvil::interop {
namespace {

using io::GgmlType;
using io::GgufValueType;

const char* kText =
    "SHIP TO: Carol Harris\n400 Greenwood Terrace\nMadison, Wisconsin 53773\nTel +1 614 664 4018\n"
    "Stark Premium Glass Cleaner, White | $10.00 | SKU: CLE-21135-A\n"
    "{\"street_number\":\"400\",\"street\":\"Greenwood Terrace\",\"postcode\":\"53773\"}\n";

tokenize::BpeTokenizer small_tokenizer(const std::string& pattern_name, int64_t vocab = 300) {
  std::vector<std::string_view> texts(20, kText);
  tokenize::BpeTrainOptions o;
  o.vocab_size = vocab;
  o.special_tokens = {"<|endoftext|>", "<|pad|>"};
  o.pattern = tokenize::pattern_by_name(pattern_name);
  return tokenize::train_bpe(tokenize::count_words(texts, o.pattern, 1), o);
}

models::LlamaForCausalLM small_model(int64_t vocab, bool tied, const std::string& arch,
                                     int64_t hidden = 64) {
  models::LlamaConfig c;
  c.vocab_size = vocab;
  c.hidden_size = hidden;
  c.intermediate_size = 96;
  c.num_hidden_layers = 2;
  c.num_attention_heads = 4;
  c.num_key_value_heads = 2;
  c.max_position_embeddings = 128;
  c.tie_word_embeddings = tied;
  c.architecture = arch;
  c.attention_bias = arch == "Qwen2ForCausalLM";
  c.bos_token_id = c.eos_token_id = 0;
  c.pad_token_id = 1;
  torch::manual_seed(3);
  models::LlamaForCausalLM m(c);
  torch::NoGradGuard g;
  for (auto& p : m->parameters()) p.normal_(0, 0.3);  // peaked logits, distinct rows
  m->eval();
  return m;
}

torch::Tensor logits_of(models::LlamaForCausalLM& m, const tokenize::BpeTokenizer& tok) {
  torch::NoGradGuard g;
  auto ids = tok.encode("Madison, Wisconsin 53773 | SKU: CLE-21135-A");
  models::LlamaInputs in{torch::tensor(ids).unsqueeze(0)};
  return m->forward(in);
}

TEST(GgufLayout, RopePermutationIsLlamaCppConvertersReshapeSwapReshape) {
  // convert_hf_to_gguf.py: w.reshape(n_head, 2, rows // n_head // 2, ...).swapaxes(1, 2): within
  // each head the first half's rows and the second half's rows are interleaved.
  auto w = torch::arange(16, torch::kFloat32).reshape({8, 2});  // 2 heads x head_dim 4
  auto p = permute_rope_rows(w, 2);
  const std::vector<int64_t> rows = {0, 2, 1, 3, 4, 6, 5, 7};
  for (int64_t r = 0; r < 8; ++r) EXPECT_TRUE(torch::equal(p[r], w[rows[r]])) << "row " << r;
  EXPECT_TRUE(torch::equal(permute_rope_rows(p, 2, /*inverse=*/true), w));
  auto bias = torch::arange(12, torch::kFloat32);  // 2 heads x head_dim 6: rows 0,3,1,4,2,5
  auto pb = permute_rope_rows(bias, 2);
  EXPECT_EQ(pb[1].item<float>(), 3.0f);
  EXPECT_EQ(pb[2].item<float>(), 1.0f);
  EXPECT_EQ(pb[7].item<float>(), 9.0f);
  EXPECT_TRUE(torch::equal(permute_rope_rows(pb, 2, true), bias));
  EXPECT_THROW(permute_rope_rows(torch::zeros({6, 2}), 2), Error);
}

TEST(GgufLayout, TensorNamesMapBothWays) {
  EXPECT_EQ(gguf_tensor_name("model.layers.11.self_attn.o_proj.weight"),
            "blk.11.attn_output.weight");
  EXPECT_EQ(gguf_tensor_name("model.layers.0.mlp.down_proj.weight"), "blk.0.ffn_down.weight");
  EXPECT_EQ(gguf_tensor_name("model.embed_tokens.weight"), "token_embd.weight");
  EXPECT_EQ(gguf_tensor_name("lm_head.weight"), "output.weight");
  EXPECT_EQ(gguf_tensor_name("model.layers.0.self_attn.q_proj.lora_A.weight"), std::nullopt);
  EXPECT_EQ(hf_tensor_name("blk.3.ffn_norm.weight"),
            "model.layers.3.post_attention_layernorm.weight");
  EXPECT_EQ(hf_tensor_name("output_norm.weight"), "model.norm.weight");
  EXPECT_EQ(hf_tensor_name("blk.1.attn_q_norm.weight"), std::nullopt);
}

// The keys llama.cpp's llama_model_loader reads for arch "llama", with the types it requires
// (get_key checks the GGUF type: a u64 or i32 where it wants u32 is a load error).
TEST(GgufExport, MetadataHasTheKeysAndTypesLlamaCppChecks) {
  auto tok = small_tokenizer("qwen2");
  auto m = small_model(tok.vocab_size(), /*tied=*/true, "LlamaForCausalLM");
  const auto conv = llama_to_gguf(m, tok, GgufExportType::kF16, "tiny");
  const auto& f = conv.file;
  const std::vector<std::pair<std::string, GgufValueType>> expected = {
      {"general.architecture", GgufValueType::kString},
      {"general.name", GgufValueType::kString},
      {"general.file_type", GgufValueType::kUint32},
      {"general.quantization_version", GgufValueType::kUint32},
      {"llama.context_length", GgufValueType::kUint32},
      {"llama.embedding_length", GgufValueType::kUint32},
      {"llama.block_count", GgufValueType::kUint32},
      {"llama.feed_forward_length", GgufValueType::kUint32},
      {"llama.attention.head_count", GgufValueType::kUint32},
      {"llama.attention.head_count_kv", GgufValueType::kUint32},
      {"llama.attention.layer_norm_rms_epsilon", GgufValueType::kFloat32},
      {"llama.rope.freq_base", GgufValueType::kFloat32},
      {"llama.rope.dimension_count", GgufValueType::kUint32},
      {"tokenizer.ggml.model", GgufValueType::kString},
      {"tokenizer.ggml.pre", GgufValueType::kString},
      {"tokenizer.ggml.tokens", GgufValueType::kArray},
      {"tokenizer.ggml.token_type", GgufValueType::kArray},
      {"tokenizer.ggml.merges", GgufValueType::kArray},
      {"tokenizer.ggml.bos_token_id", GgufValueType::kUint32},
      {"tokenizer.ggml.eos_token_id", GgufValueType::kUint32},
      {"tokenizer.ggml.add_bos_token", GgufValueType::kBool},
  };
  for (const auto& [key, type] : expected) {
    const auto* v = f.find(key);
    ASSERT_NE(v, nullptr) << key;
    EXPECT_EQ(v->type(), type) << key;
  }
  EXPECT_EQ(f.find("general.architecture")->as_string(), "llama");
  EXPECT_EQ(f.find("general.file_type")->as_u32(), 1u);  // LLAMA_FTYPE_MOSTLY_F16
  EXPECT_EQ(f.find("llama.attention.head_count_kv")->as_u32(), 2u);
  EXPECT_EQ(f.find("llama.rope.dimension_count")->as_u32(), 16u);
  EXPECT_EQ(f.find("tokenizer.ggml.model")->as_string(), "gpt2");
  EXPECT_EQ(f.find("tokenizer.ggml.pre")->as_string(), "qwen2");
  EXPECT_EQ(f.find("tokenizer.ggml.token_type")->as_array().element_type, GgufValueType::kInt32);
  const auto tokens = f.find("tokenizer.ggml.tokens")->as_string_array();
  ASSERT_EQ(static_cast<int64_t>(tokens.size()), tok.vocab_size());
  EXPECT_EQ(tokens[0], "<|endoftext|>");
  EXPECT_EQ(f.find("tokenizer.ggml.token_type")->as_array().items[0].as_i32(), 3);  // CONTROL
  const auto merges = f.find("tokenizer.ggml.merges")->as_string_array();
  ASSERT_EQ(merges.size(), tok.merges().size());
  EXPECT_EQ(merges[0], tok.token(tok.merges()[0].first) + " " + tok.token(tok.merges()[0].second));
  // Tensors: llama.cpp names and ggml dims (ne0 first); tied: no output.weight; norms stay F32.
  ASSERT_NE(f.find_tensor("blk.1.attn_k.weight"), nullptr);
  EXPECT_EQ(f.find_tensor("blk.1.attn_k.weight")->dims, (std::vector<uint64_t>{64, 32}));
  EXPECT_EQ(f.find_tensor("blk.1.attn_k.weight")->type, GgmlType::kF16);
  EXPECT_EQ(f.find_tensor("blk.0.ffn_down.weight")->dims, (std::vector<uint64_t>{96, 64}));
  EXPECT_EQ(f.find_tensor("blk.0.attn_norm.weight")->type, GgmlType::kF32);
  EXPECT_EQ(f.find_tensor("output.weight"), nullptr);
  EXPECT_EQ(f.tensors.size(), 1u + 2 * 9 + 1);
}

TEST(GgufExport, F32RoundTripGivesTheSameLogitsAndTokenizer) {
  for (const std::string arch : {"LlamaForCausalLM", "Qwen2ForCausalLM"}) {
    for (bool tied : {true, false}) {
      auto tok = small_tokenizer("qwen2");
      auto m = small_model(tok.vocab_size(), tied, arch);
      const auto conv = llama_to_gguf(m, tok, GgufExportType::kF32, "tiny");
      // Through the bytes, as a reader sees them.
      const auto file = io::parse_gguf(io::serialize_gguf(conv.file), "mem.gguf");
      auto back = language_model_from_gguf(file, "mem.gguf");
      const auto& c = back.model->config();
      EXPECT_EQ(c.architecture, arch);
      EXPECT_EQ(c.tie_word_embeddings, tied);
      EXPECT_EQ(c.attention_bias, arch == "Qwen2ForCausalLM");
      EXPECT_EQ(c.num_key_value_heads, 2);
      auto want = logits_of(m, tok), got = logits_of(back.model, back.tokenizer);
      EXPECT_LT((want - got).abs().max().item<float>(), 1e-5) << arch << " tied=" << tied;
      EXPECT_EQ(back.tokenizer.encode(kText), tok.encode(kText));
      EXPECT_EQ(back.tokenizer.token_id("<|pad|>"), 1);
    }
  }
}

TEST(GgufExport, QuantizedTypesStayCloseAndFollowLlamaQuantizesChoices) {
  auto tok = small_tokenizer("gpt2", 320);
  auto m = small_model(tok.vocab_size(), /*tied=*/true, "LlamaForCausalLM", /*hidden=*/256);
  // Weight error per type, as the exporter reports it, against the float32 weights (N(0, 0.3)):
  // bounds from the formats' resolution (f16: 11-bit mantissa, bf16: 8-bit, q8_0: 8-bit blocks,
  // 4-bit types ~ 1/16 of a block's range), and the logit error grows in the same order.
  auto want = logits_of(m, tok);
  double last_logit_err = 0;
  for (auto [type, bound] : {std::pair{GgufExportType::kF16, 5e-4},
                             {GgufExportType::kBF16, 5e-3},
                             {GgufExportType::kQ8_0, 1e-2},
                             {GgufExportType::kQ4_K_M, 0.1},
                             {GgufExportType::kQ4_0, 0.15}}) {
    const auto conv = llama_to_gguf(m, tok, type, "tiny");
    const double werr = overall_relative_rms_error(conv.plan);
    EXPECT_GT(werr, 0) << gguf_export_type_name(type);
    EXPECT_LT(werr, bound) << gguf_export_type_name(type);
    auto back = language_model_from_gguf(conv.file, "mem.gguf");
    const double lerr = (logits_of(back.model, tok) - want).abs().max().item<double>();
    EXPECT_GT(lerr, last_logit_err) << gguf_export_type_name(type);
    last_logit_err = lerr;
  }
  // Q4_K_M: the tied embedding is the output matrix -> q6_K; ffn_down ne0 = 96 is not a multiple
  // of 256 -> q8_0 (llama.cpp would pick q5_0 for q4_K and q8_0 for q6_K).
  const auto q = llama_to_gguf(m, tok, GgufExportType::kQ4_K_M, "tiny");
  EXPECT_EQ(q.file.find_tensor("token_embd.weight")->type, GgmlType::kQ6_K);
  EXPECT_EQ(q.file.find_tensor("blk.0.attn_q.weight")->type, GgmlType::kQ4_K);
  EXPECT_EQ(q.file.find_tensor("blk.0.ffn_down.weight")->type, GgmlType::kQ8_0);
  EXPECT_EQ(q.file.find("general.file_type")->as_u32(), 15u);  // LLAMA_FTYPE_MOSTLY_Q4_K_M
  const auto q40 = llama_to_gguf(m, tok, GgufExportType::kQ4_0, "tiny");
  EXPECT_EQ(q40.file.find_tensor("token_embd.weight")->type, GgmlType::kQ6_K);
  EXPECT_EQ(q40.file.find_tensor("blk.1.ffn_up.weight")->type, GgmlType::kQ4_0);
}

TEST(GgufExport, RowsThatDoNotFillABlockFallBackToF16WithTheReason) {
  auto tok = small_tokenizer("gpt2");
  models::LlamaConfig c;
  c.vocab_size = tok.vocab_size();
  c.hidden_size = 48;  // q8_0 blocks are 32 wide
  c.intermediate_size = 64;
  c.num_hidden_layers = 1;
  c.num_attention_heads = 2;
  c.num_key_value_heads = 2;
  models::LlamaForCausalLM m(c);
  const auto conv = llama_to_gguf(m, tok, GgufExportType::kQ8_0, "odd");
  EXPECT_EQ(conv.file.find_tensor("blk.0.attn_q.weight")->type, GgmlType::kF16);
  EXPECT_EQ(conv.file.find_tensor("blk.0.ffn_down.weight")->type, GgmlType::kQ8_0);  // ne0 64
  bool explained = false;
  for (const auto& p : conv.plan)
    if (p.name == "blk.0.attn_q.weight")
      explained = p.reason.find("not a multiple of") != std::string::npos;
  EXPECT_TRUE(explained);
}

TEST(GgufExport, RefusesNaNWeightsAndForeignTokenizers) {
  auto tok = small_tokenizer("gpt2");
  auto m = small_model(tok.vocab_size(), true, "LlamaForCausalLM");
  {
    torch::NoGradGuard g;
    m->model->layers[0]->as<models::LlamaDecoderLayer>()->mlp->up_proj->weight[3][5] = NAN;
  }
  try {
    llama_to_gguf(m, tok, GgufExportType::kF16, "nan");
    FAIL() << "exported NaN weights";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("blk.0.ffn_up.weight"), std::string::npos) << e.what();
  }
  auto custom = tokenize::BpeTokenizer(tok.vocab(), {}, tok.added_tokens(), [] {
    tokenize::BpeConfig c;
    c.pattern = R"(\p{L}+|\s+|.)";
    return c;
  }());
  EXPECT_THROW(llama_to_gguf(small_model(custom.vocab_size(), true, "LlamaForCausalLM"), custom,
                             GgufExportType::kF16, "x"),
               Error);
}

class GgufCli : public ::testing::Test {
 protected:
  void SetUp() override {
    auto tok = small_tokenizer("qwen2");
    auto m = small_model(tok.vocab_size(), true, "LlamaForCausalLM");
    models::save_llama(m, dir_ / "model");
    tokenize::save_tokenizer_json(tok, dir_ / "model/tokenizer.json");
  }
  testing::TempDir dir_{"gguf_cli"};
};

TEST_F(GgufCli, ExportThenGenerateFromTheFileMatchesTheFolder) {
  auto e = testing::run_anvil("export gguf --model model --type f32 -o m.gguf", dir_.path());
  ASSERT_EQ(e.exit_code, 0) << e.output;
  EXPECT_TRUE(file_exists(dir_ / "m.README.md"));
  EXPECT_NE(read_file(dir_ / "m.README.md").find("anvil export gguf"), std::string::npos);
  const std::string args = " --max-tokens 12 --no-stream 'Madison, Wisconsin' 2>/dev/null";
  auto a = testing::run_anvil("generate --model model" + args, dir_.path());
  auto b = testing::run_anvil("generate --model m.gguf" + args, dir_.path());
  ASSERT_EQ(a.exit_code, 0) << a.output;
  ASSERT_EQ(b.exit_code, 0) << b.output;
  EXPECT_EQ(a.output, b.output);
}

TEST_F(GgufCli, BadInputFailsClearlyAndKeepsTheGoodFile) {
  ASSERT_EQ(
      testing::run_anvil("export gguf --model model --type q8_0 -o m.gguf", dir_.path()).exit_code,
      0);
  const std::string good = read_file(dir_ / "m.gguf");
  auto t = testing::run_anvil("export gguf --model model --type q5_1 -o m.gguf", dir_.path());
  EXPECT_NE(t.exit_code, 0);
  EXPECT_NE(t.output.find("unknown GGUF type 'q5_1'"), std::string::npos) << t.output;
  std::filesystem::create_directories(dir_ / "notamodel");
  auto n = testing::run_anvil("export gguf --model notamodel -o m.gguf", dir_.path());
  EXPECT_NE(n.exit_code, 0);
  EXPECT_NE(n.output.find("not a language model folder"), std::string::npos) << n.output;
  EXPECT_EQ(read_file(dir_ / "m.gguf"), good);
  // A truncated file: the reader names the file and the offset, generate exits non-zero.
  write_file_atomic(dir_ / "cut.gguf", good.substr(0, good.size() / 2));
  auto c = testing::run_anvil("generate --model cut.gguf hello", dir_.path());
  EXPECT_NE(c.exit_code, 0);
  EXPECT_NE(c.output.find("cut.gguf"), std::string::npos) << c.output;
  EXPECT_NE(c.output.find("offset"), std::string::npos) << c.output;
  // A valid GGUF of an architecture anvil does not run.
  auto f = io::parse_gguf(good, "m.gguf");
  f.set("general.architecture", io::GgufValue::str("mamba"));
  io::write_gguf(dir_ / "mamba.gguf", f);
  auto a = testing::run_anvil("generate --model mamba.gguf hello", dir_.path());
  EXPECT_NE(a.exit_code, 0);
  EXPECT_NE(a.output.find("'mamba' is not supported"), std::string::npos) << a.output;
}

}  // namespace
}  // namespace anvil::interop
