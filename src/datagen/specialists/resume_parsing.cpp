// resume_parsing: a resume (chronological text, compact one-pager, or a LinkedIn-style profile)
// -> contact details, current title and employer, years of experience (from the first job's
// start year to the resume's year), skills and education.
// Worked step: the years of experience as a calculator call.
#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kSkills = {
    "Python",          "SQL",        "Excel",      "Tableau",  "Java",  "C++", "Project Management",
    "Salesforce",      "QuickBooks", "AWS",        "Docker",   "Figma", "SAP", "Negotiation",
    "Public Speaking", "Spanish",    "Kubernetes", "Power BI", "Agile", "GAAP"};
const std::vector<std::string_view> kDegrees = {"B.S. Computer Science",
                                                "B.A. Economics",
                                                "MBA",
                                                "B.S. Accounting",
                                                "M.S. Data Science",
                                                "B.A. Communications",
                                                "B.S. Mechanical Engineering"};
const std::vector<std::string_view> kSchools = {
    "University of Michigan",          "Ohio State University",    "University of Texas at Austin",
    "Georgia Institute of Technology", "Arizona State University", "Boston University",
    "University of Washington",        "Penn State University",    "Rutgers University"};

const std::vector<std::string_view> kInstructions = {
    "Parse this resume into JSON: name, email, phone, location, current_title, current_employer, "
    "years_experience, skills, education.",
    "Extract the candidate profile from the resume below.",
    "ATS import: return the structured fields of this CV.",
};

void generate(Faker& f, Example* ex) {
  const fake::Person p = f.person();
  const std::string email = f.personal_email(p);
  const fake::City& city = f.pick(f.locale().cities);
  const std::string phone = f.phone(city.area_code);
  const int resume_year = static_cast<int>(f.integer(2020, 2025));
  struct Job {
    std::string title, employer;
    int start, end;  // end == 0: present
  };
  std::vector<Job> jobs(static_cast<size_t>(f.integer(1, 4)));
  int year = resume_year;
  for (size_t i = 0; i < jobs.size(); ++i) {
    Job& j = jobs[i];
    j.title = f.job_title();
    j.employer = f.company().name;
    j.end = i == 0 ? 0 : year;
    j.start = year - static_cast<int>(f.integer(1, 6));
    year = j.start;
  }
  std::vector<std::string_view> skills = kSkills;
  f.rng().shuffle(skills);
  skills.resize(static_cast<size_t>(f.integer(3, 7)));
  const std::string_view degree = f.pick(kDegrees);
  const std::string_view school = f.pick(kSchools);
  const int grad_year = year - static_cast<int>(f.integer(0, 2));
  const std::string location = std::string(city.name) + ", " + std::string(city.state_code);
  auto span = [](const Job& j) {
    return std::to_string(j.start) + " - " + (j.end ? std::to_string(j.end) : "Present");
  };
  ex->layout_id = static_cast<int>(f.integer(0, 2));
  std::string doc;
  if (ex->layout_id == 0) {
    doc = p.full() + "\n" + location + " | " + phone + " | " + email + "\n\nEXPERIENCE\n";
    for (const Job& j : jobs) {
      doc += j.title + ", " + j.employer + " (" + span(j) + ")\n- " + f.sentence(6, 12) + "\n";
    }
    doc += "\nEDUCATION\n" + std::string(degree) + ", " + std::string(school) + ", " +
           std::to_string(grad_year) + "\n\nSKILLS\n";
    for (size_t i = 0; i < skills.size(); ++i) doc += (i ? ", " : "") + std::string(skills[i]);
  } else if (ex->layout_id == 1) {
    doc = p.full() + " -- " + jobs[0].title + "\nEmail: " + email + "  Phone: " + phone +
          "  Based in " + location + "\nSkills: ";
    for (size_t i = 0; i < skills.size(); ++i) doc += (i ? " / " : "") + std::string(skills[i]);
    doc += "\nWork history:";
    for (const Job& j : jobs) doc += "\n  * " + span(j) + ": " + j.employer + " - " + j.title;
    doc += "\nEducation: " + std::string(school) + " (" + std::string(degree) + ", class of " +
           std::to_string(grad_year) + ")";
  } else {
    doc = "Profile: " + p.full() + "\nHeadline: " + jobs[0].title + " at " + jobs[0].employer +
          "\nLocation: " + location + "\nContact: " + email + ", " + phone + "\n\nAbout\n" +
          f.sentence(8, 14) + "\n\nExperience";
    for (const Job& j : jobs) doc += "\n" + j.employer + "\n  " + j.title + " · " + span(j);
    doc += "\n\nEducation\n" + std::string(school) + " — " + std::string(degree) + ", " +
           std::to_string(grad_year) + "\n\nTop skills: ";
    for (size_t i = 0; i < skills.size(); ++i) doc += (i ? " · " : "") + std::string(skills[i]);
  }
  doc += "\n(Updated " + std::to_string(resume_year) + ")";
  compose_prompt(f, ex, kInstructions, doc);
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
  for (auto s : skills) j.str(s);
  j.end_array();
  j.key("education").begin_object().key("degree").str(degree).key("school").str(school);
  j.key("year").integer(grad_year).end_object();
  j.end_object();
}

}  // namespace

SpecialistSpec resume_parsing_spec() {
  return {"resume_parsing",
          "resumes (3 layouts) -> contacts, current role, years of experience, skills, education",
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
