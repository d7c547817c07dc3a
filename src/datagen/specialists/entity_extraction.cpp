// entity_extraction: a short business news item, press release or meeting note mentioning people,
// organizations, places, dates and amounts -> each kind of entity as a list (dates in ISO form,
// amounts as numbers).
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Extract the named entities: people, organizations, locations, dates (ISO) and amounts "
    "(numbers, USD).",
    "List every person, company, place, date and dollar amount mentioned below, as JSON.",
    "Run NER on this text and return JSON with people, organizations, locations, dates, amounts.",
    "Who, which companies, where, when and how much? Answer as JSON lists.",
};

void generate(Faker& f, Example* ex) {
  const fake::Person p1 = f.person();
  const fake::Person p2 = f.person();
  const fake::Company c1 = f.company();
  const fake::Company c2 = f.company();
  const fake::City& city = f.pick(f.locale().cities);
  const fake::Date date = f.recent_date();
  const int64_t amount = f.integer(1, 900) * 100000;  // $1k..$90M in cents, whole thousands
  const std::string money = fake::format_money(amount, fake::MoneyStyle::kSymbol, usd());
  const std::string title = f.job_title();
  const fake::DateFormat df = us_date_format(f);
  ex->layout_id = static_cast<int>(f.integer(0, 2));
  std::string doc;
  bool second_person = true;
  if (ex->layout_id == 0) {
    doc = std::string(city.name) + " - " + c1.name + " announced on " +
          fake::format_date(date, df) + " that it will acquire " + c2.name + " for " + money +
          ". \"This brings our teams together,\" said " + p1.full() + ", " + title + " at " +
          with_period(c1.name) + " " + p2.full() + " will continue to lead " + with_period(c2.name);
  } else if (ex->layout_id == 1) {
    doc = "Meeting notes (" + fake::format_date(date, df) + ")\nAttendees: " + p1.full() + ", " +
          p2.full() + "\n- " + c1.name + " approved a budget of " + money + " for the " +
          std::string(city.name) + " office.\n- Next step: sign the lease with " +
          with_period(c2.name);
  } else {
    second_person = false;
    doc = "FOR IMMEDIATE RELEASE\n" + c1.name + " opens new facility in " + std::string(city.name) +
          "\n\n" + std::string(city.name) + ", " + std::string(city.state_code) + ", " +
          fake::format_date(date, df) + " -- " + c1.name + ", a partner of " + c2.name +
          ", today announced a " + money + " investment. Media contact: " + p1.full() + ".";
  }
  compose_prompt(f, ex, kInstructions, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("people").begin_array().str(p1.full());
  if (second_person) j.str(p2.full());
  j.end_array();
  j.key("organizations").begin_array().str(c1.name).str(c2.name).end_array();
  j.key("locations").begin_array().str(city.name).end_array();
  j.key("dates").begin_array().str(fake::iso_date(date)).end_array();
  j.key("amounts").begin_array().money(amount).end_array();
  j.end_object();
}

}  // namespace

SpecialistSpec entity_extraction_spec() {
  return {
      "entity_extraction",
      "news item, meeting note, press release -> people, organizations, locations, dates, amounts",
      {{"people", FieldKind::kSet},
       {"organizations", FieldKind::kSet},
       {"locations", FieldKind::kSet},
       {"dates", FieldKind::kSet},
       {"amounts", FieldKind::kSet}},
      &generate};
}

}  // namespace anvil::datagen::specialists
