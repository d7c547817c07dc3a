// document_extraction: business documents of four kinds (employment verification, patient intake,
// rental application, vendor registration), each written as a letter, an email, a labelled form or
// a table -> one fixed set of fields; facts a document does not contain are null, so the model
// learns not to invent them. Documents carry what a reader must tell apart from the answer: the
// letterhead's address beside the person's, the signer and the lender or landlord beside the
// person, hire and issue dates beside the birth date, an emergency contact's phone, a tax ID.
// Names come as written ("Lindgren, Erik J.", "Ms. Aaliyah Brooks"); the answer has them in order.
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Extract document_type, name, date_of_birth, email, phone, address, organization and "
    "reference_number from the document. Use null for anything not stated.",
    "Pull the key fields out of this document as JSON (ISO dates; null when missing).",
    "Fill in the record from the document below: document_type, name, date_of_birth, email, "
    "phone, address, organization, reference_number.",
    "Index this document for our records system. Return JSON.",
};

const InstructionParts kParts = {
    {"Extract the record fields from", "Pull the standard fields out of", "Index",
     "Fill in our record from", "Parse",
     "Get type, name, DOB, email, phone, address, "
     "organization and reference from"},
    {"this document", "this letter", "this email", "this form", "the document below", "this",
     "the following"},
    {"", "as JSON", "-> json", "(null if it isn't in there)", "; use null for anything missing",
     "(JSON, nulls for gaps)"},
};

// What the answer holds; empty strings are null.
struct Record {
  std::string type, name, dob, email, phone, address, organization, reference;
};

// The person the document is about, and the others it names.
struct Cast {
  fake::Person person;
  std::string email, phone, address;
  fake::Date dob;
  fake::Company org;
  std::string org_address;  // the letterhead's, never the answer's
  std::string other;        // a signer, lender contact or landlord
  std::string other_phone;
  fake::Company third;  // a lender, landlord or client
  std::string title;
  fake::Date issued, since;
  fake::DateFormat style;
};

Cast draw_cast(Faker& f) {
  Cast c;
  c.person = f.person();
  c.email = f.personal_email(c.person);
  c.phone = f.phone(std::string_view{});
  c.address = f.address().one_line();
  c.dob = f.birth_date();
  c.org = f.company();
  c.org_address = f.address().one_line();
  c.other = f.person().full();
  c.other_phone = f.phone(std::string_view{});
  c.third = f.company();
  c.title = f.job_title();
  c.issued = f.recent_date();
  c.since = f.date_between({2008, 1, 1}, {2023, 12, 31});
  c.style = us_date_format(f);
  return c;
}

std::string when(const Cast& c, const fake::Date& d) { return fake::format_date(d, c.style); }

// "Lindgren, Erik J." (the faker's formal form has no initial).
std::string formal(const fake::Person& p) {
  return p.last + ", " + p.first + (p.middle_initial.empty() ? "" : " " + p.middle_initial + ".");
}

// The person's name as a document writes it: a form's field may put the last name first.
std::string written_name(Faker& f, const fake::Person& p, bool field) {
  const int form = static_cast<int>(f.integer(0, 3));
  if (form == 0 && field) return formal(p);
  if (form == 1) return std::string(p.female ? "Ms. " : "Mr. ") + p.full();
  return p.full();
}

// "a Payroll Administrator", "an Executive Assistant".
std::string with_article(const std::string& noun) {
  const bool vowel = !noun.empty() && std::string_view("AEIOU").find(noun[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + noun;
}

std::string employment(Faker& f, const Cast& c, int layout, Record* r) {
  static const std::vector<std::string_view> kPrefixes = {"EV-", "VOE-24-", "WN-", "HR-VER-"};
  r->type = "employment_verification";
  const std::string_view prefix = f.pick(kPrefixes);
  const int digits = static_cast<int>(f.integer(5, 7));
  r->reference = f.reference(prefix, digits);
  const std::string name = written_name(f, c.person, layout == 2);
  const std::string her = c.person.female ? "her" : "his";
  if (layout == 0) {  // a letter on letterhead
    r->address = c.address;
    return c.org.name + "\nHuman Resources\n" + c.org_address + "\n\n" + when(c, c.issued) +
           "\nOur reference: " + r->reference + "\n\nTo whom it may concern,\n\nWe confirm that " +
           name + " has been employed by " + c.org.name + " since " + when(c, c.since) + " as " +
           with_article(c.title) + ". Our records list " + her + " home address as " + c.address +
           ".\n\nSincerely,\n" + c.other + "\nHR Manager";
  }
  if (layout == 1) {  // an email answering a lender
    r->email = c.email;
    r->phone = c.phone;
    r->address = c.address;
    return "From: payroll@" + c.org.domain + "\nTo: verifications@" + c.third.domain +
           "\nSubject: Re: confirmation of employment, ref. " + r->reference +
           "\n\nHello,\n\nIn response to request " + r->reference + ": " + name +
           " is currently employed full time by " + c.org.name + " as " + c.title + ", hired " +
           when(c, c.since) + ".\n\nEmployee contact on file: " + c.phone + ", " + c.email +
           "\nMailing address: " + c.address + "\n\nRegards,\n" + c.other;
  }
  // a lender's form, filled in by the employer
  r->dob = fake::iso_date(c.dob);
  r->phone = c.phone;
  r->address = c.address;
  return "VERIFICATION OF EMPLOYMENT\nCase No.: " + r->reference +
         "\nRequested by: " + c.third.name + " (lender)\n\nEmployer: " + c.org.name +
         "\nEmployee name: " + name + "\nDate of birth: " + when(c, c.dob) +
         "\nPosition: " + c.title + "\nDate of hire: " + when(c, c.since) +
         "\nEmployee phone: " + c.phone + "\nEmployee address: " + c.address +
         "\n\nCompleted by: " + c.other + "   Date: " + when(c, c.issued);
}

std::string intake(Faker& f, const Cast& c, int layout, Record* r) {
  static const std::vector<std::string_view> kReasons = {"annual physical", "follow-up",
                                                         "back pain", "allergy consult"};
  r->type = "patient_intake";
  r->reference = f.reference(f.chance(0.5) ? "MRN " : "PT-", 7);
  r->dob = fake::iso_date(c.dob);
  r->phone = c.phone;
  r->address = c.address;
  r->email = c.email;
  const std::string reason(f.pick(kReasons));
  const std::string name = written_name(f, c.person, true);
  if (layout == 0) {
    return "PATIENT INTAKE FORM - " + c.org.name + "\nMedical record no.: " + r->reference +
           "\n\nPatient name: " + name + "\nDate of birth: " + when(c, c.dob) +
           "\nHome address: " + c.address + "\nPhone: " + c.phone + "\nEmail: " + c.email +
           "\nEmergency contact: " + c.other + ", " + c.other_phone +
           "\nReason for visit: " + reason;
  }
  return "New patient - " + c.org.name + "\n\n| Field | Value |\n|---|---|\n| Patient | " + name +
         " |\n| DOB | " + when(c, c.dob) + " |\n| MRN | " + r->reference + " |\n| Address | " +
         c.address + " |\n| Cell | " + c.phone + " |\n| E-mail | " + c.email +
         " |\n| Visit date | " + when(c, c.issued) + " |\n| Reason | " + reason + " |";
}

std::string rental(Faker& f, const Cast& c, int layout, Record* r) {
  r->type = "rental_application";
  r->reference = f.reference(f.chance(0.5) ? "APP-" : "RA-", 5);
  r->dob = fake::iso_date(c.dob);
  r->email = c.email;
  r->address = c.address;
  const std::string income = std::to_string(f.integer(30, 150) * 100);
  const std::string name = written_name(f, c.person, true);
  if (layout == 0) {
    return "Rental Application " + r->reference + "\nProperty manager: " + c.org.name +
           "\n\nApplicant: " + name + " (born " + when(c, c.dob) +
           ")\nCurrent address: " + c.address + "\nContact email: " + c.email +
           "\nOccupation: " + c.title + "\nMonthly income: $" + income;
  }
  r->phone = c.phone;
  return c.org.name + " - application to rent\nApplication #: " + r->reference +
         "\nApplicant name: " + name + "\nDOB: " + when(c, c.dob) + "\nPhone: " + c.phone +
         "\nEmail: " + c.email + "\nPresent address: " + c.address +
         "\nPresent landlord: " + c.other + ", " + c.other_phone + "\nEmployer: " + c.third.name;
}

std::string vendor(Faker& f, const Cast& c, int layout, Record* r) {
  r->type = "vendor_registration";
  r->reference = f.reference(f.chance(0.5) ? "VR" : "VEND-", 6);
  r->email = c.email;
  r->phone = c.phone;
  r->address = c.address;
  std::string tax_id = f.digits(2);
  tax_id += "-" + f.digits(7);
  if (layout == 0) {
    return "| Field | Value |\n|---|---|\n| Vendor | " + c.org.name + " |\n| Registration ID | " +
           r->reference + " |\n| Primary contact | " + c.person.full() + " |\n| Contact email | " +
           c.email + " |\n| Contact phone | " + c.phone + " |\n| Remit-to address | " + c.address +
           " |\n| Tax ID | " + tax_id + " |";
  }
  return "Supplier registration (" + c.third.name + " procurement)\nVendor name: " + c.org.name +
         "\nVendor ID: " + r->reference + "\nTax ID: " + tax_id + "\nContact: " + c.person.full() +
         "\nEmail: " + c.email + "\nPhone: " + c.phone + "\nRemit to: " + c.address +
         "\nSubmitted: " + when(c, c.issued);
}

void generate(Faker& f, Example* ex) {
  const Cast c = draw_cast(f);
  // Layouts 0-2 employment (letter, email, form), 3-4 intake (form, table), 5-6 rental
  // (application, form), 7-8 vendor (table, form).
  ex->layout_id = static_cast<int>(f.integer(0, 8));
  Record r;
  r.name = c.person.full();
  r.organization = c.org.name;
  const int id = ex->layout_id;
  const std::string doc = id <= 2   ? employment(f, c, id, &r)
                          : id <= 4 ? intake(f, c, id - 3, &r)
                          : id <= 6 ? rental(f, c, id - 5, &r)
                                    : vendor(f, c, id - 7, &r);
  compose_prompt(f, ex, kInstructions, kParts, doc);
  JsonBuilder j(&ex->response);
  auto text_or_null = [&j](const std::string& s) { s.empty() ? j.null() : j.str(s); };
  j.begin_object();
  j.key("document_type").str(r.type);
  j.key("name").str(r.name);
  j.key("date_of_birth");
  text_or_null(r.dob);
  j.key("email");
  text_or_null(r.email);
  j.key("phone");
  text_or_null(r.phone);
  j.key("address");
  text_or_null(r.address);
  j.key("organization").str(r.organization);
  j.key("reference_number").str(r.reference);
  j.end_object();
}

}  // namespace

SpecialistSpec document_extraction_spec() {
  return {"document_extraction",
          "letters, emails, forms and tables (4 kinds) -> name, DOB, contacts, address, org, "
          "reference; null if absent",
          {{"document_type", FieldKind::kText},
           {"name", FieldKind::kText},
           {"date_of_birth", FieldKind::kExact},
           {"email", FieldKind::kText},
           {"phone", FieldKind::kExact},
           {"address", FieldKind::kText},
           {"organization", FieldKind::kText},
           {"reference_number", FieldKind::kExact}},
          &generate};
}

}  // namespace anvil::datagen::specialists
