// Faker: people, companies, job titles and departments.
#include <cctype>

#include "anvil/core/ascii.h"
#include "anvil/datagen/fake/faker.h"

namespace anvil::datagen::fake {

std::string Person::full() const {
  if (middle_initial.empty()) return first + " " + last;
  return first + " " + middle_initial + ". " + last;
}

std::string Person::formal() const { return last + ", " + first; }

std::string Faker::first_name() {
  return std::string(chance(0.5) ? locale_.female_first_names.sample(rng_)
                                 : locale_.male_first_names.sample(rng_));
}

std::string Faker::last_name() { return std::string(locale_.last_names.sample(rng_)); }

Person Faker::person() {
  Person p;
  p.female = chance(0.5);
  p.first = std::string(p.female ? locale_.female_first_names.sample(rng_)
                                 : locale_.male_first_names.sample(rng_));
  if (chance(0.2)) p.middle_initial = std::string(1, static_cast<char>('A' + integer(0, 25)));
  p.last = last_name();
  // Hyphenated surnames exist but are rare.
  if (chance(0.03)) p.last += "-" + last_name();
  return p;
}

std::string Faker::coined_name(int min_syllables, int max_syllables) {
  const int n = static_cast<int>(integer(min_syllables, max_syllables));
  std::string s;
  for (int i = 0; i < n; ++i) {
    s += pick(locale_.name_onsets);
    s += pick(locale_.name_vowels);
    s += pick(locale_.name_codas);
  }
  if (!s.empty()) s[0] = ascii_upper(s[0]);
  return s;
}

Company Faker::company() {
  Company c;
  const int layout = static_cast<int>(integer(0, 3));
  std::string base;
  if (layout == 0) {
    base = std::string(pick(locale_.company_words));
  } else if (layout == 1) {
    base = std::string(pick(locale_.company_words));
    base += " ";
    base += pick(locale_.company_words);
  } else if (layout == 2) {
    base = last_name();
    base += " & " + last_name();
  } else {
    base = last_name();
  }
  c.name = base + " " + std::string(pick(locale_.company_suffixes));
  for (char ch : base) {
    if (std::isalnum(static_cast<unsigned char>(ch))) {
      c.domain += ascii_lower(ch);
    }
  }
  c.domain += ".";
  c.domain += pick(locale_.top_level_domains);
  return c;
}

std::string Faker::job_title() { return std::string(pick(locale_.job_titles)); }
std::string Faker::department() { return std::string(pick(locale_.departments)); }

}  // namespace anvil::datagen::fake
