// Faker: email addresses, phone numbers, URLs, user names and IP addresses.
#include <cctype>

#include "anvil/core/ascii.h"
#include "anvil/datagen/fake/faker.h"

namespace anvil::datagen::fake {
namespace {

std::string lower_alpha(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      out += ascii_lower(c);
    }
  }
  return out;
}

}  // namespace

std::string Faker::email(const Person& p, std::string_view domain) {
  const std::string first = lower_alpha(p.first);
  const std::string last = lower_alpha(p.last);
  std::string local;
  switch (integer(0, 4)) {
    case 0:
      local = first + "." + last;
      break;
    case 1:
      local = first.substr(0, 1) + last;
      break;
    case 2:
      local = first + "_" + last;
      break;
    case 3:
      local = first;
      break;
    default:
      local = last + "." + first.substr(0, 1);
  }
  return local + "@" + std::string(domain);
}

std::string Faker::personal_email(const Person& p) {
  std::string local = lower_alpha(p.first);
  if (chance(0.5)) {
    if (chance(0.5)) local += ".";
    local += lower_alpha(p.last);
  }
  if (chance(0.6)) local += std::to_string(integer(1, 99));
  return local + "@" + std::string(pick(locale_.free_email_domains));
}

std::string Faker::phone(std::string_view area_code) {
  std::string area =
      area_code.empty() ? std::string(pick(locale_.cities).area_code) : std::string(area_code);
  const std::string exchange = std::to_string(integer(201, 989));  // one draw per statement
  const std::string line = digits(4);
  switch (integer(0, 4)) {
    case 0:
      return "(" + area + ") " + exchange + "-" + line;
    case 1:
      return area + "-" + exchange + "-" + line;
    case 2:
      return area + "." + exchange + "." + line;
    case 3:
      return "+1 " + area + " " + exchange + " " + line;
    default:
      return "+1-" + area + "-" + exchange + "-" + line;
  }
}

std::string Faker::url(std::string_view domain) {
  static const std::vector<std::string_view> kPaths = {"",         "/about",
                                                       "/contact", "/pricing",
                                                       "/support", "/blog/quarterly-update",
                                                       "/orders",  "/login",
                                                       "/careers", "/docs/getting-started"};
  std::string u = chance(0.85) ? "https://" : "http://";
  if (chance(0.5)) u += "www.";
  u += domain;
  u += pick(kPaths);
  return u;
}

std::string Faker::username(const Person& p) {
  std::string u = lower_alpha(p.first).substr(0, static_cast<size_t>(integer(1, 6)));
  u += lower_alpha(p.last);
  if (chance(0.5)) u += std::to_string(integer(1, 2024));
  return u;
}

std::string Faker::ipv4() {
  // One draw per statement: the order of draws inside one expression is unspecified in C++.
  int64_t octets[4];
  switch (integer(0, 2)) {
    case 0:
      octets[0] = 10;
      octets[1] = integer(0, 255);
      break;
    case 1:
      octets[0] = 192;
      octets[1] = 168;
      break;
    default:
      octets[0] = integer(11, 223);
      octets[1] = integer(0, 255);
  }
  octets[2] = integer(0, 255);
  octets[3] = integer(1, 254);
  return std::to_string(octets[0]) + "." + std::to_string(octets[1]) + "." +
         std::to_string(octets[2]) + "." + std::to_string(octets[3]);
}

}  // namespace anvil::datagen::fake
