// pii_redaction: a support chat, HR note or signup form containing personal data -> the text with
// each item replaced by its [TYPE] tag, and the list of items found (type and value).
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Redact all personal information. Replace each item with [NAME], [EMAIL], [PHONE], "
    "[ADDRESS], [SSN] or [CARD]; return redacted_text and the list of pii found.",
    "Remove PII from the text below before it is stored. Answer as JSON.",
    "Anonymize this text (tags: [NAME] [EMAIL] [PHONE] [ADDRESS] [SSN] [CARD]) and list what you "
    "removed.",
};

struct Piece {
  std::string_view type;  // tag name: "NAME"...
  std::string value;
};

std::string ssn(Faker& f) {
  std::string s = std::to_string(f.integer(100, 899));
  s += "-" + f.digits(2);
  s += "-" + f.digits(4);
  return s;
}

std::string card(Faker& f) {
  std::string s = f.chance(0.5) ? "4" : "5";
  s += f.digits(3);
  s += " " + f.digits(4);
  s += " " + f.digits(4);
  s += " " + f.digits(4);
  return s;
}

void generate(Faker& f, Example* ex) {
  const fake::Person p = f.person();
  const std::string email = f.personal_email(p);
  const std::string phone = f.phone(std::string_view{});
  const fake::Address addr = f.address();
  const std::string social = ssn(f);
  const std::string cc = card(f);
  ex->layout_id = static_cast<int>(f.integer(0, 2));
  // The text is a sequence of literal parts and PII pieces; both outputs are built from it.
  std::vector<std::pair<std::string, const Piece*>> parts;
  std::vector<Piece> pii;
  pii.reserve(6);
  auto text = [&](std::string s) { parts.emplace_back(std::move(s), nullptr); };
  auto item = [&](std::string_view type, const std::string& value) {
    pii.push_back({type, value});
    parts.emplace_back(std::string(), &pii.back());
  };
  if (ex->layout_id == 0) {
    text("Customer: Hi, this is ");
    item("NAME", p.full());
    text(". My card ");
    item("CARD", cc);
    text(" was charged twice. You can reach me at ");
    item("PHONE", phone);
    text(" or ");
    item("EMAIL", email);
    text(".\nAgent: Thanks, I've opened a refund request.");
  } else if (ex->layout_id == 1) {
    text("HR note: ");
    item("NAME", p.full());
    text(" updated their records. New home address: ");
    item("ADDRESS", addr.one_line());
    text(". SSN on file: ");
    item("SSN", social);
    text(". Preferred contact: ");
    item("EMAIL", email);
    text(".");
  } else {
    text("Sign-up form\nFull name: ");
    item("NAME", p.full());
    text("\nEmail: ");
    item("EMAIL", email);
    text("\nMobile: ");
    item("PHONE", phone);
    text("\nMailing address: ");
    item("ADDRESS", addr.one_line());
    text("\nNewsletter: yes");
  }
  std::string original, redacted;
  for (const auto& [literal, piece] : parts) {
    original += piece ? piece->value : literal;
    if (piece) {
      redacted += '[';
      redacted += piece->type;
      redacted += ']';
    } else {
      redacted += literal;
    }
  }
  compose_prompt(f, ex, kInstructions, original);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("redacted_text").str(redacted);
  j.key("pii").begin_array();
  for (const Piece& piece : pii) {
    j.begin_object().key("type").str(snake_label(piece.type)).key("value").str(piece.value);
    j.end_object();
  }
  j.end_array();
  j.end_object();
}

}  // namespace

SpecialistSpec pii_redaction_spec() {
  return {"pii_redaction",
          "chat, HR note, form with personal data -> redacted text with [TYPE] tags + items found",
          {{"redacted_text", FieldKind::kText}, {"pii", FieldKind::kSet}},
          &generate};
}

}  // namespace anvil::datagen::specialists
