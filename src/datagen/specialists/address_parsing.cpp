// address_parsing: a US postal address written one of several ways (one line, envelope block,
// upper-case postal style, shipping label with extra noise, "City, ST" first, a labelled form,
// lower case as typed in a chat, an envelope with an attention line) -> its parts. Street and
// town names are open-ended (fake/addresses.cpp), so the model has to copy them.
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Parse this address into street_number, street, unit, city, state (2-letter code), postcode "
    "and country (ISO code). Use null for a missing unit.",
    "Split the address below into its components as JSON.",
    "Normalize this shipping address into fields.",
    "Address: what are the street number, street, unit, city, state, ZIP and country?",
};

const InstructionParts kParts = {
    {"Parse", "Split", "Break down", "Extract the fields from", "Normalize", "Pull out the parts of",
     "Standardize", "Get the components of", "Structure", "Clean up"},
    {"this address", "the address below", "this shipping address", "the following address",
     "this mailing address", "the customer's address", "this delivery address", "this"},
    {"", "", "as JSON", "into JSON", "into fields", "into its parts",
     "into street, unit, city, state and ZIP", "(number, street, unit, city, state, postcode, country)",
     "for our CRM", "for the shipping label"},
};

void generate(Faker& f, Example* ex) {
  const fake::Address a = f.address();
  const fake::Person p = f.person();
  ex->layout_id = static_cast<int>(f.integer(0, 7));
  std::string doc;
  switch (ex->layout_id) {
    case 0:
      doc = a.one_line();
      break;
    case 1:
      doc = p.full() + "\n" + a.block() + "\n" + a.country;
      break;
    case 2:
      doc = ascii_upper(p.full() + "\n" + a.line1() + "\n" + a.city + " " + a.state_code + "  " +
                        a.postcode);
      break;
    case 3:
      doc = "SHIP TO: " + p.full() + " | " + a.number + " " + a.street +
            (a.unit.empty() ? "" : " " + a.unit) + " | " + a.city + ", " + a.state + " " +
            a.postcode + " | USA | Tel " + f.phone(std::string_view{});
      break;
    case 4:
      doc = a.city + ", " + a.state_code + " " + a.postcode + " - " + a.line1();
      break;
    case 5:
      doc = "Street: " + a.number + " " + a.street + "\n" +
            (a.unit.empty() ? "" : "Apt/Suite: " + a.unit + "\n") + "City: " + a.city +
            "\nState: " + a.state + "\nZIP: " + a.postcode;
      break;
    case 6:
      doc = ascii_lower("ship it to " + a.one_line() + " usa thanks");
      break;
    default: {
      const fake::Company c = f.company();
      doc = c.name + "\nAttn: " + p.full() + "\n" + a.block() + "\n" + a.country;
    }
  }
  compose_prompt(f, ex, kInstructions, kParts, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("street_number").str(a.number);
  j.key("street").str(a.street);
  j.key("unit");
  a.unit.empty() ? j.null() : j.str(a.unit);
  j.key("city").str(a.city);
  j.key("state").str(a.state_code);
  j.key("postcode").str(a.postcode);
  j.key("country").str(f.locale().country_code);
  j.end_object();
}

}  // namespace

SpecialistSpec address_parsing_spec() {
  return {"address_parsing",
          "US address in 8 layouts -> number, street, unit, city, state, postcode, country",
          {{"street_number", FieldKind::kExact},
           {"street", FieldKind::kText},
           {"unit", FieldKind::kText},
           {"city", FieldKind::kText},
           {"state", FieldKind::kText},
           {"postcode", FieldKind::kExact},
           {"country", FieldKind::kText}},
          &generate};
}

}  // namespace anvil::datagen::specialists
