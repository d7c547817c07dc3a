// resume_parsing: a resume (chronological text, compact one-pager, a LinkedIn-style profile, a
// capitals-and-bullets resume with months, a compact list with bracketed years) -> contact details,
// current title and employer, years of experience (from the first job's start year to the resume's
// year), skills and education. Skills come by field (and now and then a tool with an invented
// brand), degrees and schools are composed, titles may be senior or lead.
// Worked step: the years of experience as a calculator call.
#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

// Skills by field, so a resume's skills belong together; a tool named with an invented brand now
// and then ("Tovaris CRM"), as real resumes name tools a model has not seen.
const std::vector<std::vector<std::string_view>> kSkillsByField = {
    {"Python", "SQL", "Java", "C++", "Go", "Rust", "AWS", "Docker", "Kubernetes", "CircleCI",
     "MongoDB", "React"},
    {"Excel", "QuickBooks", "GAAP", "Xero", "Cost Accounting", "Forecasting", "Power BI", "SAP",
     "Variance Analysis", "Accounts Payable"},
    {"Wound Care", "Phlebotomy", "Cerner EHR", "IV Therapy", "Case Management", "BLS",
     "Medication Administration", "Triage"},
    {"Revit", "SolidWorks", "Ansys", "Lean Manufacturing", "STAAD.Pro", "QGIS",
     "Project Management", "Kaizen"},
    {"Figma", "InVision", "Adobe Illustrator", "Balsamiq", "User Research", "Prototyping",
     "Design Systems"},
    {"Salesforce", "Negotiation", "Public Speaking", "Lead Generation", "Pipedrive", "Cold Calling",
     "Spanish"},
    {"Cycle Counting", "Pallet Jack", "Pick and Pack", "Freight Planning", "Vendor Management",
     "Scheduling", "Agile"},
};
const std::vector<std::string_view> kDegreeKinds = {
    "B.S.", "B.A.", "M.S.", "MBA,", "BFA", "A.A.S.", "Bachelor of Science in", "B.E."};
const std::vector<std::string_view> kFields = {"Software Engineering",
                                               "Economics",
                                               "Actuarial Science",
                                               "Data Science",
                                               "Journalism",
                                               "Mechanical Engineering",
                                               "Public Health",
                                               "Aerospace Engineering",
                                               "Industrial Design",
                                               "Applied Mathematics",
                                               "Operations Management",
                                               "Early Childhood Education"};

// Invented employers' trades ("Ostrevan Dental Clinic").
const std::vector<std::string_view> kTrades = {
    "Dental Clinic", "Couriers",      "Manufacturing", "Savings Bank",    "Veterinary Clinic",
    "Architects",    "Outfitters",    "Bakery",        "Media",           "Studios",
    "Insurance",     "Robotics",      "Title Company", "Unified Schools", "Public Library",
    "Foods",         "Design Studio", "Construction",  "Pharmacy",        "Bus Lines"};

// The candidate, from the locale's name lists or, one in five each, with an invented surname or
// first name. Until session 33 every name came from the lists, and session 27's model wrote a
// listed name for each of 14 hand-written names off them ("Grace Adams" for "Grace Adeyemi-Cole").
fake::Person candidate(Faker& f) {
  fake::Person p = f.person();
  const int64_t kind = f.integer(0, 4);
  if (kind == 0) p.last = f.coined_name(2, 3);
  if (kind == 1) p.first = f.coined_name(2, 2);
  return p;
}

// An employer: a company of the locale's ("... Inc.", "... Solutions"), or two in five an invented
// name with a trade, two names joined by "&" or one invented word. Before session 33 every
// employer ended in one of 15 suffixes, and the model added one to 8 of 15 hand-written employers.
std::string employer(Faker& f) {
  const int64_t kind = f.integer(0, 9);
  if (kind < 6) return f.company().name;
  if (kind < 8) return f.coined_name(2, 3) + " " + std::string(f.pick(kTrades));
  if (kind == 8) return f.last_name() + " & " + f.coined_name(2, 2);
  return f.coined_name(2, 3);
}

// A school: a state university, a city's college, an institute, or an invented name.
std::string school(Faker& f) {
  const fake::City& city = f.pick(f.locale().cities);
  switch (f.integer(0, 4)) {
    case 0:
      return "University of " + std::string(city.state);
    case 1:
      return std::string(city.state) + " State University";
    case 2:
      return std::string(city.name) + " Community College";
    case 3:
      return std::string(city.state) + " Institute of Technology";
    default:
      return f.coined_name(2, 3) + " College";
  }
}

const std::vector<std::string_view> kInstructions = {
    "Parse this resume into JSON: name, email, phone, location, current_title, current_employer, "
    "years_experience, skills, education.",
    "Extract the candidate profile from the resume below.",
    "ATS import: return the structured fields of this CV.",
};

const InstructionParts kParts = {
    {"Parse", "Extract the candidate profile from", "Import", "Structure", "Read"},
    {"this resume", "the CV below", "this", "the resume above", "this candidate's resume"},
    {"", "into our ATS JSON", "as JSON",
     "(name, email, phone, location, current title/employer, "
     "years of experience, skills, education)",
     "-> json"},
};

struct Job {
  std::string title, employer;
  int start, end;  // end == 0: present
  int start_month = 1, end_month = 0;
};

// "2019 - Present", "Mar 2021 - Present", "(2022-present)".
std::string span(const Job& j, int style) {
  const std::string end = j.end ? std::to_string(j.end) : "Present";
  if (style == 1) {
    return std::string(fake::month_abbr(j.start_month)) + " " + std::to_string(j.start) + " - " +
           (j.end ? std::string(fake::month_abbr(j.end_month)) + " " + end : end);
  }
  if (style == 2) return std::to_string(j.start) + "-" + (j.end ? end : "present");
  return std::to_string(j.start) + " - " + end;
}

void generate(Faker& f, Example* ex) {
  const fake::Person p = candidate(f);
  const std::string email = f.personal_email(p);
  const fake::City& city = f.pick(f.locale().cities);
  const std::string phone = f.phone(city.area_code);
  const int resume_year = static_cast<int>(f.integer(2020, 2025));
  std::vector<Job> jobs(static_cast<size_t>(f.integer(1, 4)));
  int year = resume_year;
  for (size_t i = 0; i < jobs.size(); ++i) {
    Job& j = jobs[i];
    j.title = f.job_title();
    if (f.chance(0.25)) j.title = (f.chance(0.5) ? "Senior " : "Lead ") + j.title;
    j.employer = employer(f);
    j.end = i == 0 ? 0 : year;
    j.start = year - static_cast<int>(f.integer(1, 6));
    j.start_month = static_cast<int>(f.integer(1, 12));
    j.end_month = i == 0 ? 0 : jobs[i - 1].start_month;  // left the month the next job began
    year = j.start;
  }
  std::vector<std::string> skills;
  {
    std::vector<std::string_view> pool = f.pick(kSkillsByField);
    f.rng().shuffle(pool);
    pool.resize(std::min(pool.size(), static_cast<size_t>(f.integer(3, 7))));
    for (std::string_view s : pool) skills.emplace_back(s);
    if (f.chance(0.3)) skills.push_back(f.coined_name(2, 2) + " CRM");
  }
  const std::string kind(f.pick(kDegreeKinds));
  const std::string degree = kind + " " + std::string(f.pick(kFields));
  const std::string college = school(f);
  const int grad_year = year - static_cast<int>(f.integer(0, 2));
  const std::string location = std::string(city.name) + ", " + std::string(city.state_code);
  auto joined = [&](std::string_view sep) {
    std::string out;
    for (size_t i = 0; i < skills.size(); ++i) out += (i ? std::string(sep) : "") + skills[i];
    return out;
  };
  ex->layout_id = static_cast<int>(f.integer(0, 4));
  std::string doc;
  if (ex->layout_id == 0) {
    doc = p.full() + "\n" + location + " | " + phone + " | " + email + "\n\nEXPERIENCE\n";
    for (const Job& j : jobs) {
      doc += j.title + ", " + j.employer + " (" + span(j, 0) + ")\n- " + f.sentence(6, 12) + "\n";
    }
    doc += "\nEDUCATION\n" + degree + ", " + college + ", " + std::to_string(grad_year) +
           "\n\nSKILLS\n" + joined(", ");
  } else if (ex->layout_id == 1) {
    doc = p.full() + " -- " + jobs[0].title + "\nEmail: " + email + "  Phone: " + phone +
          "  Based in " + location + "\nSkills: " + joined(" / ") + "\nWork history:";
    for (const Job& j : jobs) doc += "\n  * " + span(j, 0) + ": " + j.employer + " - " + j.title;
    doc +=
        "\nEducation: " + college + " (" + degree + ", class of " + std::to_string(grad_year) + ")";
  } else if (ex->layout_id == 2) {
    doc = "Profile: " + p.full() + "\nHeadline: " + jobs[0].title + " at " + jobs[0].employer +
          "\nLocation: " + location + "\nContact: " + email + ", " + phone + "\n\nAbout\n" +
          f.sentence(8, 14) + "\n\nExperience";
    for (const Job& j : jobs) doc += "\n" + j.employer + "\n  " + j.title + " · " + span(j, 0);
    doc += "\n\nEducation\n" + college + " — " + degree + ", " + std::to_string(grad_year) +
           "\n\nTop skills: " + joined(" · ");
  } else if (ex->layout_id == 3) {  // capitals, month and year, bullets
    doc = ascii_upper(p.full()) + "\n" + location + " · " + phone + " · " + email +
          "\n\nSUMMARY\n" + f.sentence(8, 14) + "\n\nEXPERIENCE";
    for (const Job& j : jobs) {
      doc += "\n" + j.title + " - " + j.employer + ", " + location + "          " + span(j, 1) +
             "\n\u2022 " + f.sentence(6, 12);
    }
    doc += "\n\nEDUCATION\n" + degree + ", " + college + " - " + std::to_string(grad_year) +
           "\n\nSKILLS\n" + joined(", ");
  } else {  // compact, years in brackets
    doc = p.full() + "\n" + email + " | " + phone + " | " + location + "\n\nExperience";
    for (const Job& j : jobs) doc += "\n" + j.title + ", " + j.employer + " (" + span(j, 2) + ")";
    doc += "\n\nSkills\n" + joined(", ") + "\n\nEducation\n" + degree + ", " + college + ", " +
           std::to_string(grad_year);
  }
  doc += ex->layout_id >= 3 ? "\n\nResume current as of " + std::to_string(resume_year) + "."
                            : "\n(Updated " + std::to_string(resume_year) + ")";
  compose_prompt(f, ex, kInstructions, kParts, doc);
  // Worked step: the years from the first job's start to the resume's year.
  const std::string years_step =
      std::to_string(resume_year) + "-" + std::to_string(jobs.back().start);
  ex->work = "experience: " + calculator_step(years_step);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("name").str(p.full());
  j.key("email").str(email);
  j.key("phone").str(phone);
  j.key("location").str(location);
  j.key("current_title").str(jobs[0].title);
  j.key("current_employer").str(jobs[0].employer);
  j.key("years_experience").raw(calculator_result(years_step));
  j.key("skills").begin_array();
  for (const auto& s : skills) j.str(s);
  j.end_array();
  j.key("education").begin_object().key("degree").str(degree).key("school").str(college);
  j.key("year").integer(grad_year).end_object();
  j.end_object();
}

}  // namespace

SpecialistSpec resume_parsing_spec() {
  return {"resume_parsing",
          "resumes (5 layouts) -> contacts, current role, years of experience, skills, education",
          {{"name", FieldKind::kText},
           {"email", FieldKind::kText},
           {"phone", FieldKind::kExact},
           {"location", FieldKind::kText},
           {"current_title", FieldKind::kText},
           {"current_employer", FieldKind::kText},
           {"years_experience", FieldKind::kNumber},
           {"skills", FieldKind::kSet},
           {"education", FieldKind::kJson}},
          &generate};
}

}  // namespace anvil::datagen::specialists
