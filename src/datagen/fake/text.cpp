// Faker: digits and letters, and filler sentences/paragraphs from the locale's word list.
#include "anvil/datagen/fake/faker.h"

namespace anvil::datagen::fake {

std::string Faker::digits(int count) {
  std::string s(static_cast<size_t>(count), '0');
  for (auto& c : s) c = static_cast<char>('0' + integer(0, 9));
  return s;
}

std::string Faker::letters(int count) {
  std::string s(static_cast<size_t>(count), 'A');
  for (auto& c : s) c = static_cast<char>('A' + integer(0, 25));
  return s;
}

// Business-English sentences from a small grammar (subject, verb phrase, object, optional time
// or manner), so filler text reads like real notes rather than word salad. The word counts are
// a soft bound: sentences run 4-12 words and get a tail only when under `max_words`.
std::string Faker::sentence([[maybe_unused]] int min_words, int max_words) {
  static const std::vector<std::string_view> kSubjects = {
      "The team", "Our client",   "We",          "The vendor",       "Finance", "The project lead",
      "Everyone", "The new hire", "Our manager", "The support desk", "Legal",   "The board"};
  static const std::vector<std::string_view> kVerbs = {
      "will review", "has approved",     "needs to update", "is preparing",
      "confirmed",   "wants to discuss", "already shared",  "should finalize",
      "asked about", "is tracking",      "delivered",       "will present"};
  static const std::vector<std::string_view> kObjects = {
      "the quarterly report",   "the budget draft",      "the delivery schedule",
      "the new pricing",        "the customer feedback", "the contract terms",
      "the onboarding plan",    "the launch timeline",   "the vendor list",
      "the training materials", "the open invoices",     "the migration plan",
      "the product roadmap",    "the safety checklist",  "the hiring plan"};
  static const std::vector<std::string_view> kTails = {"by Friday",
                                                       "next week",
                                                       "after the meeting",
                                                       "as discussed",
                                                       "before the deadline",
                                                       "this morning",
                                                       "for the regional office",
                                                       "with the whole team",
                                                       "in more detail",
                                                       "once legal signs off"};
  std::string s(pick(kSubjects));
  s += ' ';
  s += pick(kVerbs);
  s += ' ';
  s += pick(kObjects);
  int words = 0;
  for (char c : s) words += c == ' ';
  ++words;
  if (words < max_words && chance(0.6)) {
    s += ' ';
    s += pick(kTails);
  }
  s += chance(0.9) ? '.' : '?';
  return s;
}

std::string Faker::paragraph(int sentences) {
  std::string s;
  for (int i = 0; i < sentences; ++i) {
    if (i) s += ' ';
    s += sentence();
  }
  return s;
}

}  // namespace anvil::datagen::fake
