// The canonical YAML dump of a config: what `config.yaml` in every run directory holds and what
// Config::hash() digests. Numbers are normalised and strings quoted where a plain scalar would
// change type on reload, so dump -> load gives back the same typed values.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/config_node.h"

namespace anvil::config_detail {
namespace {

// Shortest "%.Ng" that reads back as the same double, always recognisable as a float.
std::string format_float(double d) {
  if (std::isnan(d)) return ".nan";
  if (std::isinf(d)) return d > 0 ? ".inf" : "-.inf";
  char buf[64];
  for (int precision = 15; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  std::string s = buf;
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s;
}

std::string escape_interpolations(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') out += '\\';
    out += text[i];
  }
  return out;
}

void emit(YAML::Emitter& out, const YAML::Node& node, bool sort_keys, bool escape);

void emit_scalar(YAML::Emitter& out, const YAML::Node& node, bool escape) {
  const std::string& text = node.Scalar();
  int64_t i;
  double d;
  bool b;
  switch (kind_of(node)) {
    case ValueKind::kInt:
      parse_int(text, &i);
      out << std::to_string(i);
      return;
    case ValueKind::kFloat:
      out << (parse_float(text, &d) ? format_float(d) : text);
      return;
    case ValueKind::kBool:
      parse_bool(text, &b);
      out << (b ? "true" : "false");
      return;
    case ValueKind::kNull:
      out << YAML::Null;
      return;
    default:
      break;
  }
  std::string value = escape ? escape_interpolations(text) : text;
  // Quote strings that would otherwise reload as null, bool or a number.
  if (kind_of(YAML::Node(value)) != ValueKind::kString) out << YAML::DoubleQuoted;
  out << value;
}

void emit(YAML::Emitter& out, const YAML::Node& node, bool sort_keys, bool escape) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      // Sort indices, never YAML::Node values: assigning a Node writes through to the tree.
      std::vector<std::string> keys;
      std::vector<YAML::Node> values;
      for (const auto& entry : node) {
        keys.push_back(entry.first.Scalar());
        values.push_back(entry.second);
      }
      std::vector<size_t> order(keys.size());
      for (size_t i = 0; i < order.size(); ++i) order[i] = i;
      if (sort_keys) {
        std::stable_sort(order.begin(), order.end(),
                         [&](size_t a, size_t b) { return keys[a] < keys[b]; });
      }
      if (order.empty()) out << YAML::Flow;
      out << YAML::BeginMap;
      for (size_t i : order) {
        out << YAML::Key << keys[i] << YAML::Value;
        emit(out, values[i], sort_keys, escape);
      }
      out << YAML::EndMap;
      return;
    }
    case YAML::NodeType::Sequence: {
      // Short lists of scalars on one line ([64, 128, 256]); anything else one item a line.
      bool flow = true;
      size_t width = 0;
      for (const auto& element : node) {
        flow &= !element.IsMap() && !element.IsSequence();
        if (element.IsScalar()) width += element.Scalar().size() + 2;
      }
      if (flow && width <= 60) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const auto& element : node) emit(out, element, sort_keys, escape);
      out << YAML::EndSeq;
      return;
    }
    case YAML::NodeType::Scalar:
      emit_scalar(out, node, escape);
      return;
    default:
      out << YAML::Null;
      return;
  }
}

}  // namespace

std::string dump_yaml(const YAML::Node& root, bool sort_keys, bool escape_interpolation) {
  YAML::Emitter out;
  out.SetNullFormat(YAML::LowerNull);
  emit(out, root, sort_keys, escape_interpolation);
  std::string text = out.c_str();
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text;
}

}  // namespace anvil::config_detail
