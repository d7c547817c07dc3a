// document_extraction: business documents of several kinds (employment verification letter,
// patient intake form, rental application, vendor registration) -> one fixed set of fields;
// facts a document does not contain are null, so the model learns not to invent them.
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

void generate(Faker& f, Example* ex) {
  const fake::Person p = f.person();
  const fake::Address addr = f.address();
  const fake::Company org = f.company();
  const fake::Date dob = f.birth_date();
  const fake::Date issued = f.recent_date();
  const std::string email = f.personal_email(p);
  const std::string phone = f.phone(std::string_view{});
  const std::string title = f.job_title();
  const fake::DateFormat df = us_date_format(f);
  ex->layout_id = static_cast<int>(f.integer(0, 3));
  std::string type, reference, doc;
  bool has_dob = true, has_email = true, has_phone = true, has_address = true;
  switch (ex->layout_id) {
    case 0: {
      type = "employment_verification";
      reference = f.reference("EV-", 6);
      has_dob = false;
      has_email = false;
      doc = org.name + "\nHuman Resources\n\n" + fake::format_date(issued, df) +
            "\nRef: " + reference + "\n\nTo whom it may concern,\n\nThis letter confirms that " +
            p.full() + ", residing at " + addr.one_line() + ", is employed by " + org.name +
            " as a " + title + ". For questions, contact the employee at " + phone +
            ".\n\nSincerely,\n" + f.person().full() + "\nHR Manager";
      break;
    }
    case 1: {
      type = "patient_intake";
      reference = f.reference("MRN ", 7);
      // The form names the practice exactly as the answer's organization does.
      doc = "PATIENT INTAKE FORM - " + org.name + "\nMedical record no.: " + reference +
            "\n\nPatient name: " + p.formal() +
            "\nDate of birth: " + fake::format_date(dob, df) +
            "\nHome address: " + addr.one_line() + "\nPhone: " + phone + "\nEmail: " + email +
            "\nReason for visit: " +
            std::string(f.pick(std::vector<std::string_view>{"annual physical", "follow-up",
                                                             "back pain", "allergy consult"}));
      break;
    }
    case 2: {
      type = "rental_application";
      reference = f.reference("APP-", 5);
      has_phone = false;
      doc = "Rental Application " + reference + "\nProperty manager: " + org.name +
            "\n\nApplicant: " + p.full() + " (born " + fake::format_date(dob, df) +
            ")\nCurrent address: " + addr.block() + "\nContact email: " + email +
            "\nOccupation: " + title + "\nMonthly income: $" +
            std::to_string(f.integer(30, 150) * 100);
      break;
    }
    default: {
      type = "vendor_registration";
      reference = f.reference("VR", 6);
      has_dob = false;
      doc = "| Field | Value |\n|---|---|\n| Vendor | " + org.name + " |\n| Registration ID | " +
            reference + " |\n| Primary contact | " + p.full() + " |\n| Contact email | " + email +
            " |\n| Contact phone | " + phone + " |\n| Remit-to address | " + addr.one_line() + " |";
    }
  }
  compose_prompt(f, ex, kInstructions, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("document_type").str(type);
  j.key("name").str(p.full());
  j.key("date_of_birth");
  has_dob ? j.str(fake::iso_date(dob)) : j.null();
  j.key("email");
  has_email ? j.str(email) : j.null();
  j.key("phone");
  has_phone ? j.str(phone) : j.null();
  j.key("address");
  has_address ? j.str(addr.one_line()) : j.null();
  j.key("organization").str(org.name);
  j.key("reference_number").str(reference);
  j.end_object();
}

}  // namespace

SpecialistSpec document_extraction_spec() {
  return {
      "document_extraction",
      "letters and forms (4 kinds) -> name, DOB, contacts, address, org, reference; null if absent",
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
