// `anvil export onnx`: tells a classifier from a language model, builds its graph, writes the
// file atomically and the model card beside it.
#include "anvil/interop/onnx_export.h"

#include <torch/torch.h>

#include <filesystem>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/core/version.h"
#include "anvil/interop/export_source.h"
#include "anvil/io/safetensors.h"

namespace anvil::interop {

namespace {

const char kExpected[] =
    "expected an intent classifier (a model folder with model.safetensors carrying anvil.model "
    "metadata, e.g. runs/<run>/model) or a language model folder (config.json or "
    "adapter_config.json)";

interop::ModelCardInfo describe_intent_classifier(const models::IntentModel& model,
                                                   const std::string& path,
                                                   const std::string& title,
                                                   const std::string& command) {
  const auto& c = model.net->config();
  interop::ModelCardInfo card;
  card.title = title;
  std::string channels;
  for (int64_t ch : c.channels) channels += (channels.empty() ? "" : ", ") + std::to_string(ch);
  card.architecture =
      "intent classifier " + c.type + ", byte embedding " + std::to_string(c.embed_dim) +
      ", conv channels [" + channels + "], " + std::to_string(c.n_intents) +
      " intents, max_length " + std::to_string(c.max_length) + ", max_numbers " +
      std::to_string(c.max_numbers) + "; ONNX opset " + std::to_string(io::onnx::kOpsetVersion);
  for (const auto& p : model.net->parameters()) card.parameters += p.numel();
  std::filesystem::path dir = std::filesystem::is_directory(path)
                                  ? std::filesystem::path(path)
                                  : std::filesystem::path(path).parent_path();
  const std::string config = (dir.parent_path() / "config.yaml").string();
  if (file_exists(config)) {
    try {
      Config rc = Config::from_defaults();
      rc.merge_file(config);
      card.config_hash = rc.hash();
      card.training_data = rc.get_string("data.path");
    } catch (const Error&) {
      // A config from another version: leave the card's training fields unknown.
    }
  }
  card.intended_use =
      "Mapping a short natural-language request to an intent, an operand count and operand "
      "values, for the intents it was trained on.";
  card.limitations =
      "Trained on synthetic requests: expect errors on wording unlike the generated data. "
      "Requests longer than max_length bytes are truncated.";
  card.command = command;
  return card;
}

}  // namespace

OnnxSourceKind detect_onnx_source(const std::string& path) {
  namespace fs = std::filesystem;
  if (!fs::exists(path))
    throw usage_error("model path " + path + ": no such file or folder; " + kExpected)
        .about("model_path", path);
  if (fs::is_directory(path) &&
      (file_exists(path + "/config.json") || file_exists(path + "/adapter_config.json")))
    return OnnxSourceKind::kLanguageModel;
  const std::string weights = fs::is_directory(path) ? path + "/model.safetensors" : path;
  if (file_exists(weights)) {
    io::SafetensorsFile st;
    try {
      st = io::read_safetensors(weights);
    } catch (const Error& e) {
      throw usage_error("model path " + path + ": " + e.what() + "; " + kExpected)
          .about("model_path", path);
    }
    if (st.metadata.count("anvil.model")) return OnnxSourceKind::kIntentClassifier;
  }
  throw usage_error("model path " + path + ": not a model anvil can export to ONNX; " + kExpected)
      .about("model_path", path);
}

OnnxExportSummary export_onnx(const OnnxExportOptions& o) {
  if (o.output_path.empty())
    throw usage_error("no output file given (output_path)").about("output_path", "FILE.onnx");
  if (std::filesystem::is_directory(o.output_path))
    throw usage_error("output path " + o.output_path +
                      " is a folder; give a file name ending in .onnx")
        .about("output_path", "FILE.onnx");
  OnnxExportSummary summary;
  summary.kind = detect_onnx_source(o.model_path);
  const std::string title = std::filesystem::path(o.output_path).stem().string();
  io::OnnxModel exported;
  interop::ModelCardInfo card;
  if (summary.kind == OnnxSourceKind::kLanguageModel) {
    auto model = load_language_model_for_export(o.model_path);
    exported = with_context("onnx export of " + o.model_path, [&] { return llama_to_onnx(model); });
    card = describe_language_model(model, o.model_path, title, o.command);
    card.architecture += "; ONNX opset " + std::to_string(io::onnx::kOpsetVersion);
  } else {
    auto model = models::load_intent_model(o.model_path, torch::kCPU);
    exported = with_context("onnx export of " + o.model_path,
                            [&] { return intent_classifier_to_onnx(model); });
    card = describe_intent_classifier(model, o.model_path, title, o.command);
  }
  exported.producer_version = kVersion;
  for (const auto& v : exported.graph.inputs()) summary.inputs.push_back(v.name);
  for (const auto& v : exported.graph.outputs()) summary.outputs.push_back(v.name);
  summary.nodes = static_cast<int64_t>(exported.graph.nodes().size());
  const std::string bytes = io::serialize_onnx(exported);
  summary.bytes = static_cast<int64_t>(bytes.size());
  write_file_atomic(o.output_path, bytes);
  write_file_atomic(model_card_path_for(o.output_path), interop::render_model_card(card));
  return summary;
}

}  // namespace anvil::interop
