#!/usr/bin/env python3
"""Hand-written evaluation sets for the "data" specialists (source of truth for their .jsonl files).

Specialists: date_normalization, unit_conversion, currency_conversion, math_word_problems,
table_to_json, csv_cleaning, json_repair, log_analysis, sql_generation, regex_extraction.

Every prompt below was written by hand, NOT produced by `anvil datagen`: real-world wording, layouts,
names and formats the generators' templates do not contain (other date notations and languages,
"today"-relative dates, recipes and travel questions, other rate-quote conventions and number
formats, other table layouts, CSV delimiters, JSON from JS/Python/config files, other log formats,
other schemas and question phrasings, noisy messages with look-alike values). The answers use the
generators' answer schema exactly (field order, canonical formats and rounding, closed label sets), so
the same validators score them. Never train on these files; they measure generalisation.

Every answer is recomputed here from the input (dates with datetime, conversions from the SI factors,
SQL run against sqlite3, regexes, a CSV cleaner, a lenient JSON repairer, a log parser) and the
script stops if a hand-written answer disagrees.

Run:  python3 data/handwritten/make_data.py     (stdlib only, deterministic; rewrites the .jsonl files)
Then: anvil datagen --validate data/handwritten/<name>.jsonl --plot /tmp/hw.png

Conventions that follow the generators:
  date_normalization   date = ISO YYYY-MM-DD, weekday = English name; business days skip Sat/Sun
                       only (no record depends on a public holiday).
  unit_conversion      units named like the generator ("fluid ounce", "mile per hour", "square foot",
                       "metric ton", "kibibyte", "celsius"), value as given (2 decimals at most),
                       result rounded to 4 decimals.
  currency_conversion  rate = units of `to` per unit of `from` from the quotes given, rounded to 6
                       decimals; result = amount * that rounded rate, rounded to cents.
  math_word_problems   unit one of USD / miles / percent / cents per ounce; money to cents, percent
                       to one decimal; the equation is not scored.
  table_to_json        columns = snake_case headers; cells that are numbers become JSON numbers
                       (thousands separators dropped), everything else stays the text shown.
  csv_cleaning         columns customer_name, email, order_date, amount (in the order of the file);
                       title-cased names (mixed-case names kept), lower-case emails, ISO dates,
                       amounts with 2 decimals; rows equal after cleaning count as duplicates.
  json_repair          repaired = the document as meant, keys in their order; errors from the closed
                       list single_quotes, unquoted_keys, python_literals, trailing_comma, comment,
                       missing_comma, missing_closing_brace.
  log_analysis         total_lines counts every line; ERROR/ERR/E and WARN/WARNING/W levels;
                       first_error_at = YYYY-MM-DDTHH:MM:SS as logged (no zone, no fraction).
  sql_generation       the generators' canonical spellings (same clause order, aliases o/c, ISO
                       literals); new schemas follow the same shapes.
  regex_extraction     kind from email/phone/order_id/date/amount/url; matches in order, as written.
"""

import calendar
import csv
import datetime as dt
import io
import json
import math
import os
import re
import sqlite3
import sys
from decimal import ROUND_HALF_UP, Decimal

HERE = os.path.dirname(os.path.abspath(__file__))

FIELDS = {
    "date_normalization": ["date", "weekday"],
    "unit_conversion": ["category", "value", "from_unit", "to_unit", "result"],
    "currency_conversion": ["amount", "from", "to", "rate", "result"],
    "math_word_problems": ["answer", "unit", "equation"],
    "table_to_json": ["columns", "rows"],
    "csv_cleaning": ["columns", "rows", "duplicates_removed", "blank_rows_removed"],
    "json_repair": ["repaired", "errors"],
    "log_analysis": ["total_lines", "error_count", "warning_count", "services_with_errors",
                     "most_common_error", "first_error_at"],
    "sql_generation": ["sql", "tables"],
    "regex_extraction": ["kind", "matches", "count"],
}


class Raw(str):
    """A JSON number written exactly as given ("18.00", "-196.15")."""


def fail(name, i, msg):
    sys.exit("%s record %d: %s" % (name, i, msg))


def fmt_num(v, decimals):
    """format_number() of json_builder.cpp: round half away from zero, trailing zeros dropped."""
    q = Decimal(1).scaleb(-decimals)
    d = Decimal(repr(v)) if isinstance(v, float) else Decimal(v)
    r = d.quantize(q, rounding=ROUND_HALF_UP)
    s = format(r, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def num(v, decimals):
    return Raw(fmt_num(v, decimals))


def money(v):
    """JsonBuilder::money: always two decimals."""
    d = Decimal(str(v)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return Raw(format(d, "f"))


def dump(v):
    """Compact JSON the way the generators' JsonBuilder writes it."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Raw):
        return str(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, (int, float)):
        return json.dumps(v)
    if isinstance(v, list):
        return "[" + ",".join(dump(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join(dump(k) + ":" + dump(x) for k, x in v.items()) + "}"
    raise TypeError(type(v))


def not_a_tie(x, decimals, name, i):
    """The exact value must not sit on a rounding tie (the C++ double could round either way)."""
    scaled = Decimal(x) * (Decimal(10) ** decimals)
    frac = abs(scaled - scaled.to_integral_value(rounding="ROUND_FLOOR"))
    if abs(frac - Decimal("0.5")) < Decimal("1e-6"):
        fail(name, i, "value %s is a rounding tie at %d decimals" % (x, decimals))


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def snake_label(s):
    """common.cpp snake_label: runs of non-alphanumerics become one '_'."""
    out = ""
    for c in s:
        if c.isascii() and c.isalnum():
            out += c.lower()
        elif out and not out.endswith("_"):
            out += "_"
    return out.rstrip("_")


# =============================================================================================
# date_normalization: (prompt, answer "YYYY-MM-DD", the same date computed in Python)
# =============================================================================================
D = dt.date


def bdays_after(d, n):
    while n:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def next_weekday_after(d, wd):
    delta = (wd - d.weekday()) % 7 or 7
    return d + dt.timedelta(days=delta)


def nth_weekday(year, month, wd, n):
    d = D(year, month, 1)
    d += dt.timedelta(days=(wd - d.weekday()) % 7)
    return d + dt.timedelta(weeks=n - 1)


def last_weekday(year, month, wd):
    d = D(year, month, calendar.monthrange(year, month)[1])
    return d - dt.timedelta(days=(d.weekday() - wd) % 7)


MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
days = dt.timedelta

DATES = [
    ("Hi all,\n\nQuick reminder that the Q3 board pack is due on Thursday, 12 September 2024 - "
     "please get your sections to Priya before then.\n\nThanks,\nMarcus\n\n"
     "What date is that deadline? ISO format + weekday please.",
     "2024-09-12", D(2024, 9, 12)),
    ("Rechnungsdatum: 03.11.2023\nZahlungsziel: sofort nach Erhalt\n\nThis is from a German "
     "supplier's invoice. Give me the invoice date as YYYY-MM-DD with the day of the week.",
     "2023-11-03", D(2023, 11, 3)),
    ("Dear Mrs Okafor,\n\nYour follow-up appointment at St James's University Hospital, Leeds, has "
     "been booked for 07/04/2025 at 10:40. Please arrive 15 minutes early.\n\n"
     "It's a UK hospital letter - when exactly is the appointment?",
     "2025-04-07", D(2025, 4, 7)),
    ("Today is Friday, March 14, 2025. Invoice terms are net 30 from today. When is payment due?",
     "2025-04-13", D(2025, 3, 14) + days(30)),
    ("slack msg from legal: \"got the signed SOW back mon 6/3/24, filing it now\"\n\n"
     "when did legal get the SOW back? normalize the date",
     "2024-06-03", D(2024, 6, 3)),
    ("Your order was placed on Tue, Feb 4, 2025 and ships within 5 business days (Mon-Fri). "
     "What's the latest possible ship date?",
     "2025-02-11", bdays_after(D(2025, 2, 4), 5)),
    ("School in our district starts the Tuesday after Labor Day 2025. Which date is that?",
     "2025-09-02", nth_weekday(2025, 9, MON, 1) + days(1)),
    ("Early-bird registration closes two weeks before the conference opens on 15 August 2023. "
     "Resolve the early-bird cutoff to a calendar date.",
     "2023-08-01", D(2023, 8, 15) - days(14)),
    ("Date de livraison prévue : 5 mars 2024\nTransporteur : Colissimo\n\n"
     "Normalize the delivery date from this French shipping notice.",
     "2024-03-05", D(2024, 3, 5)),
    ("Found this file on the NAS: backup_db_20240917_0300.tar.gz\n"
     "What day was the backup taken? (ISO date and weekday)",
     "2024-09-17", D(2024, 9, 17)),
    ("The faded receipt in the shoebox says \"Sept. 9th, '22\". Turn that into an ISO date.",
     "2022-09-09", D(2022, 9, 9)),
    ("Payroll runs on the last Friday of June 2024 - what's the exact date?",
     "2024-06-28", last_weekday(2024, 6, FRI)),
    ("Our free trial started Jan 15, 2024. The first charge happens 90 days after the start "
     "date. On what date is the first charge?",
     "2024-04-14", D(2024, 1, 15) + days(90)),
    ("Today's date: 2023-12-01 (Friday). The courier claims the parcel was delivered the day "
     "before yesterday. Which date is that?",
     "2023-11-29", D(2023, 12, 1) - days(2)),
    ("It's Thursday, May 8, 2025 today. Can we move the retro to next Wednesday? "
     "-> what date would that be",
     "2025-05-14", next_weekday_after(D(2025, 5, 8), WED)),
    ("Log line: 2023-02-28T23:15:07Z  job=nightly-export status=ok rows=48211\n\n"
     "What date did the job run? Return the date and the weekday.",
     "2023-02-28", D(2023, 2, 28)),
    ("HOLIDAY NOTICE - The Brackley warehouse will be closed on the 3rd of January, 2026 for "
     "annual stocktaking.\n\nNormalize the closure date.",
     "2026-01-03", D(2026, 1, 3)),
    ("Contract clause 4.2: \"The Supplier shall deliver the Goods no later than seven (7) business "
     "days after Tuesday, July 8, 2025.\"\n\nResolve the delivery deadline to an exact date.",
     "2025-07-17", bdays_after(D(2025, 7, 8), 7)),
    ("The invoice was issued on 28 Feb 2024 and is due the following day. What is the due date?",
     "2024-02-29", D(2024, 2, 28) + days(1)),
    ("Fecha de emisión: 15/08/2024\nTotal: 42,80 EUR\n\nThis is a Spanish receipt. What's the "
     "date in ISO format, and which day of the week was it?",
     "2024-08-15", D(2024, 8, 15)),
    ("注文日: 2024年3月5日\n\nThat line is from a Japanese order confirmation - what's the order "
     "date?",
     "2024-03-05", D(2024, 3, 5)),
    ("Board meetings are held on the first Monday in October. When is the 2024 meeting?",
     "2024-10-07", nth_weekday(2024, 10, MON, 1)),
    ("Reminder: the renewal notice must reach the landlord 60 days before the lease ends on "
     "November 30, 2025. What's the last day we can send it?",
     "2025-10-01", D(2025, 11, 30) - days(60)),
    ("what day of the week was july 4th 1987? give me the iso date too",
     "1987-07-04", D(1987, 7, 4)),
    ("Returns are accepted until ten days after Christmas 2024. What's the last return date?",
     "2025-01-04", D(2024, 12, 25) + days(10)),
    ("Kickoff call: Wed 2025-11-05 @ 15:00 CET (agenda to follow)\n\nGive the meeting date "
     "normalized, with its weekday.",
     "2025-11-05", D(2025, 11, 5)),
]


# =============================================================================================
# unit_conversion: (prompt, category, value, from_unit, to_unit)
# =============================================================================================
UNITS = {  # factor to the category's base unit (exact SI definitions, as in the generator)
    "length": {"meter": 1.0, "kilometer": 1000.0, "centimeter": 0.01, "millimeter": 0.001,
               "mile": 1609.344, "yard": 0.9144, "foot": 0.3048, "inch": 0.0254},
    "mass": {"kilogram": 1.0, "gram": 0.001, "pound": 0.45359237, "ounce": 0.028349523125,
             "metric ton": 1000.0},
    "volume": {"liter": 1.0, "milliliter": 0.001, "gallon": 3.785411784, "quart": 0.946352946,
               "cup": 0.2365882365, "fluid ounce": 0.0295735295625},
    "speed": {"kilometer per hour": Decimal(1) / Decimal("3.6"), "mile per hour": 0.44704,
              "meter per second": 1.0, "knot": Decimal(1852) / Decimal(3600)},
    "area": {"square meter": 1.0, "square foot": 0.09290304, "acre": 4046.8564224,
             "hectare": 10000.0},
    "data": {"byte": 1.0, "kilobyte": 1e3, "megabyte": 1e6, "gigabyte": 1e9, "kibibyte": 1024.0,
             "mebibyte": 1048576.0},
    "temperature": {"celsius": 0, "fahrenheit": 0, "kelvin": 0},
}


def convert(category, value, frm, to):
    v = Decimal(str(value))
    if category == "temperature":
        k = {"celsius": v + Decimal("273.15"),
             "fahrenheit": (v - 32) * 5 / 9 + Decimal("273.15"), "kelvin": v}[frm]
        return {"celsius": k - Decimal("273.15"),
                "fahrenheit": (k - Decimal("273.15")) * 9 / 5 + 32, "kelvin": k}[to]
    f = UNITS[category]
    dec = lambda x: x if isinstance(x, Decimal) else Decimal(repr(x))
    return v * dec(f[frm]) / dec(f[to])


CONVERSIONS = [
    ("Recipe says 2.5 cups of milk but my measuring jug only has mL markings. How many "
     "milliliters is that?", "volume", 2.5, "cup", "milliliter"),
    ("Signing up for a 10K this spring - is that more or less than 6 miles? Convert 10 km to "
     "miles for me.", "length", 10, "kilometer", "mile"),
    ("Driving in Canada next week. The highway signs say 100 km/h - what's that in mph?",
     "speed", 100, "kilometer per hour", "mile per hour"),
    ("The download page says the installer ISO is 4.7 GB. My disk tool shows sizes in MiB - "
     "what will it show?", "data", 4.7, "gigabyte", "mebibyte"),
    ("British recipe: preheat the oven to 180°C. My oven is in Fahrenheit, what do I set it to?",
     "temperature", 180, "celsius", "fahrenheit"),
    ("My kid's thermometer reads 101.3 °F. Convert that to Celsius please.",
     "temperature", 101.3, "fahrenheit", "celsius"),
    ("Apartment listing: \"Bright 1BR, 850 sq ft, 3rd floor walk-up\". How big is that in square "
     "meters?", "area", 850, "square foot", "square meter"),
    ("My grandparents' farm in Iowa was 320 acres. How many hectares is that?",
     "area", 320, "acre", "hectare"),
    ("The ferry's cruising speed is listed as 22 knots. Express it in kilometers per hour.",
     "speed", 22, "knot", "kilometer per hour"),
    ("Checked bag limit on my flight is 23 kg. How many pounds can I pack?",
     "mass", 23, "kilogram", "pound"),
    ("This box of spaghetti is 16 oz. How many grams is that?", "mass", 16, "ounce", "gram"),
    ("The truck's rated payload is 2.5 metric tons. What's that in pounds?",
     "mass", 2.5, "metric ton", "pound"),
    ("How many liters are in half a gallon of milk?", "volume", 0.5, "gallon", "liter"),
    ("How many fluid ounces are in a standard 750 mL bottle of wine?",
     "volume", 750, "milliliter", "fluid ounce"),
    ("My watch says I averaged 3.2 m/s on today's run. What's that in miles per hour?",
     "speed", 3.2, "meter per second", "mile per hour"),
    ("The community pool is 25 yards long. Convert to meters.", "length", 25, "yard", "meter"),
    ("The sofa we like is 84 inches wide. Give the width in centimeters so I can compare it "
     "with the alcove.", "length", 84, "inch", "centimeter"),
    ("Mount Everest is 8,849 m tall. How many feet is that?", "length", 8849, "meter", "foot"),
    ("Liquid nitrogen boils at 77 K. What is that in degrees Celsius?",
     "temperature", 77, "kelvin", "celsius"),
    ("Our API rejects request bodies over 256 KiB. How many kilobytes (1 kB = 1000 bytes) is "
     "the limit?", "data", 256, "kibibyte", "kilobyte"),
    ("The lot is a quarter acre (0.25 ac). How many square feet?",
     "area", 0.25, "acre", "square foot"),
    ("Parcel weighs 1,250 g on the kitchen scale - what do I enter on the US shipping form in "
     "lb?", "mass", 1250, "gram", "pound"),
    ("The slow cooker holds 6 quarts. How many cups is that?", "volume", 6, "quart", "cup"),
    ("Is it true -40 is the same in both scales? Convert -40 °F to °C.",
     "temperature", -40, "fahrenheit", "celsius"),
    ("A 12 mm drill bit - how many inches is that?", "length", 12, "millimeter", "inch"),
]


# =============================================================================================
# currency_conversion: (prompt, amount, from, to, rate as the exact quotient the quotes imply)
# =============================================================================================
def Q(x):
    return Decimal(x)


CURRENCY = [
    ("Paying a supplier in Germany: invoice total €2,480.00. Our bank quotes 1 EUR = 1.0842 USD "
     "today. How many US dollars will leave our account?",
     "2480.00", "EUR", "USD", Q("1.0842")),
    ("Heading to Tokyo. I want to change $1,500 into yen and the airport kiosk shows "
     "1 USD = 149.37 JPY. How much yen do I get?",
     "1500.00", "USD", "JPY", Q("149.37")),
    ("Reference rates (units per 1 USD), 14 Mar:\nEUR 0.9187\nGBP 0.7915\nCAD 1.3652\n"
     "AUD 1.5128\nJPY 148.62\n\nOur London office spent £3,215.40 on a trade show booth. "
     "What is that in Canadian dollars?",
     "3215.40", "GBP", "CAD", Q("1.3652") / Q("0.7915")),
    ("Hotel in Zermatt charged CHF 1'250.50. Today's quote is EUR/CHF 0.9612 "
     "(1 EUR = 0.9612 CHF). Convert the bill to euros.",
     "1250.50", "CHF", "EUR", 1 / Q("0.9612")),
    ("Rechnung: 1.234,56 € (German number format). At 1 EUR = 1.0915 USD, what's that in "
     "dollars?",
     "1234.56", "EUR", "USD", Q("1.0915")),
    ("A client in Bangalore paid me ₹84,500 for a logo project. The rate is 1 USD = 83.12 INR. "
     "How many USD is that?",
     "84500.00", "INR", "USD", 1 / Q("83.12")),
    ("The villa in Cabo is MX$18,400 per night. With 1 USD = 17.05 MXN, what's the nightly price "
     "in dollars?",
     "18400.00", "MXN", "USD", 1 / Q("17.05")),
    ("Sending A$640.00 to my brother in Auckland. Transfer rate: 1 AUD = 1.0872 NZD. "
     "How much arrives in NZD?",
     "640.00", "AUD", "NZD", Q("1.0872")),
    ("Annual software licence from a Swedish vendor: 12 990 kr (SEK). Our books are in euros; "
     "the ECB rate is 1 EUR = 11.38 SEK. Convert it.",
     "12990.00", "SEK", "EUR", 1 / Q("11.38")),
    ("| Code | USD per 1 unit |\n|------|----------------|\n| EUR | 1.0861 |\n"
     "| JPY | 0.006695 |\n| GBP | 1.2634 |\n| CHF | 1.1298 |\n\n"
     "Our Osaka subsidiary reports ¥2,750,000 in expenses; group reporting is in EUR. Convert "
     "using the table.",
     "2750000.00", "JPY", "EUR", Q("0.006695") / Q("1.0861")),
    ("Budget for the Lisbon offsite is $12k. EUR/USD is trading at 1.0850. How many euros is "
     "the budget?",
     "12000.00", "USD", "EUR", 1 / Q("1.0850")),
    ("Nota fiscal de São Paulo: R$ 4.750,00. Using 1 USD = 4.97 BRL, convert the invoice "
     "to US dollars.",
     "4750.00", "BRL", "USD", 1 / Q("4.97")),
    ("Bought a hoodie from a Toronto shop for C$ 89.99. USD/CAD is 1.3588. What did it cost "
     "in USD?",
     "89.99", "CAD", "USD", 1 / Q("1.3588")),
    ("Dinner in Edinburgh came to £45.00 and my Irish card applied 1 GBP = 1.1687 EUR. What "
     "was charged in euros?",
     "45.00", "GBP", "EUR", Q("1.1687")),
    ("Sending $350 home to Guadalajara. The remittance app gives 17.12 pesos per dollar. How "
     "many MXN will my mom receive?",
     "350.00", "USD", "MXN", Q("17.12")),
    ("Conference fee S$2,000 (Singapore dollars). Rate: 1 SGD = 0.7431 USD. What's that in "
     "USD for the expense report?",
     "2000.00", "SGD", "USD", Q("0.7431")),
    ("USD value of one unit:\n  EUR  1.0861\n  JPY  0.006695\n  CAD  0.7362\n\n"
     "A Frankfurt client owes us €7,800.00 but we invoice our Japanese partner in yen. "
     "How much is that in JPY?",
     "7800.00", "EUR", "JPY", Q("1.0861") / Q("0.006695")),
    ("Card statement line: \"SBB CFF FFS Zurich  89.90 CHF  rate 1 CHF = 1.1342 USD\". "
     "How many dollars were charged?",
     "89.90", "CHF", "USD", Q("1.1342")),
    ("Used car in Seoul listed at ₩1,350,000. With 1 USD = 1,338.50 KRW, what is that in "
     "dollars?",
     "1350000.00", "KRW", "USD", 1 / Q("1338.50")),
    ("FX sheet (foreign currency per 1 USD)\nHKD 7.8215\nGBP 0.7862\nSGD 1.3457\n\n"
     "A Hong Kong supplier invoice for HK$56,300 needs booking in our UK ledger (GBP). "
     "Convert it.",
     "56300.00", "HKD", "GBP", Q("0.7862") / Q("7.8215")),
    ("How many rupees do I need for $2,350.75 at ₹83.27 per dollar?",
     "2350.75", "USD", "INR", Q("83.27")),
    ("Supplier in Shenzhen quotes RMB 5,600 (CNY). Our rate sheet says 1 EUR = 7.8420 CNY. "
     "What is the quote in EUR?",
     "5600.00", "CNY", "EUR", 1 / Q("7.8420")),
    ("Exchange rates today (1 unit = X USD):\nEUR: 1.0794\nGBP: 1.2711\nCAD: 0.7388\n"
     "AUD: 0.6612\n\nA Melbourne customer paid AUD 3,480.00 - book it in GBP.",
     "3480.00", "AUD", "GBP", Q("0.6612") / Q("1.2711")),
]


# =============================================================================================
# math_word_problems: (prompt, answer as an exact expression, decimals, unit, equation)
# =============================================================================================
def R(x):
    return Decimal(str(x))


MATH = [
    ("At the garden center I grabbed 3 bags of mulch at $4.97 each and 2 bags of potting soil at "
     "$8.48 each. What's my total before tax?",
     R("3") * R("4.97") + 2 * R("8.48"), 2, "USD", "3*4.97+2*8.48"),
    ("That hoodie I wanted is $89.99 but the site has 40% off everything this weekend. What "
     "would I pay?",
     R("89.99") * (1 - R("0.40")), 2, "USD", "89.99*(1-40/100)"),
    ("We left Denver at 9:00 and drove 2.5 hours at an average of 62 mph before stopping for "
     "gas. How far had we gone?",
     R("62") * R("2.5"), 2, "miles", "62*2.5"),
    ("Dinner for four came to $184.60. We're adding a 20% tip and splitting it evenly. "
     "How much does each of us owe?",
     R("184.60") * R("1.20") / 4, 2, "USD", "184.60*1.20/4"),
    ("Our newsletter had 12,480 subscribers in January and 13,105 in February. By what percent "
     "did the list grow? Round to one decimal.",
     (R(13105) - 12480) / 12480 * 100, 1, "percent", "(13105-12480)/12480*100"),
    ("If I put $8,000 in a CD paying 4.25% simple interest per year, how much interest do I "
     "earn in 3 years?",
     R(8000) * R("0.0425") * 3, 2, "USD", "8000*0.0425*3"),
    ("Peanut butter: the 16-oz jar is $3.79 and the 40-oz jar is $8.49. Which is the better "
     "deal - give me its price per ounce in cents (2 decimals).",
     min(R(379) / 16, R(849) / 40), 2, "cents per ounce", "min(379/16,849/40)"),
    ("Shift today: clocked in 7:45 AM, clocked out 4:15 PM, 30 min unpaid lunch. Pay is $22.50 "
     "an hour. What did I earn today?",
     R("22.50") * 480 / 60, 2, "USD", "22.50*480/60"),
    ("Training log this week: 5.5 miles Monday, 8 on Wednesday, 4.25 on Friday and a 12-mile "
     "long run Sunday. Total mileage?",
     R("5.5") + 8 + R("4.25") + 12, 2, "miles", "5.5+8+4.25+12"),
    ("My car gets 32 miles per gallon and the tank holds 14 gallons. How many miles can I go "
     "on a full tank?",
     R(32) * 14, 2, "miles", "32*14"),
    ("The team budget for Q2 was $2,400 and we've spent $1,785.60 so far. How much is left?",
     R(2400) - R("1785.60"), 2, "USD", "2400-1785.60"),
    ("Maria worked 40 regular hours at $18/hour plus 6 overtime hours paid at time and a half. "
     "What is her gross pay for the week?",
     R(40) * 18 + 6 * R(18) * R("1.5"), 2, "USD", "40*18+6*18*1.5"),
    ("A jacket was $120 and is now marked down to $90. What percentage discount is that?",
     (R(120) - 90) / 120 * 100, 1, "percent", "(120-90)/120*100"),
    ("A 12-pack of 12-oz soda cans costs $6.99. What's the price per ounce in cents, to two "
     "decimals?",
     R(699) / 144, 2, "cents per ounce", "699/(12*12)"),
    ("Website sessions dropped from 48,200 in March to 41,950 in April. What's the percent "
     "change (1 decimal)?",
     (R(41950) - 48200) / 48200 * 100, 1, "percent", "(41950-48200)/48200*100"),
    ("I bought 2 tickets at $64.50 each plus a $7.25 service fee per ticket. How much did I "
     "pay altogether?",
     2 * (R("64.50") + R("7.25")), 2, "USD", "2*(64.50+7.25)"),
    ("A cyclist rides at 14 mph for 1 hour 45 minutes. How many miles does she cover?",
     R(14) * 105 / 60, 2, "miles", "14*105/60"),
    ("Six coworkers split a $143.70 lunch order plus an 18% tip equally. What is each share?",
     R("143.70") * R("1.18") / 6, 2, "USD", "143.70*1.18/6"),
    ("Our restaurant's food cost went from $3,250 last month to $3,575 this month. What was the "
     "percentage increase?",
     (R(3575) - 3250) / 3250 * 100, 1, "percent", "(3575-3250)/3250*100"),
    ("The grocery store has coffee in a 12-ounce bag for $9.49 or a 32-ounce can for $21.99. "
     "What's the lower cost per ounce in cents?",
     min(R(949) / 12, R(2199) / 32), 2, "cents per ounce", "min(949/12,2199/32)"),
    ("A laptop costs $1,249.00 and sales tax here is 8.875%. What is the total at checkout?",
     R("1249.00") * (1 + R("0.08875")), 2, "USD", "1249.00*(1+0.08875)"),
    ("The road trip is 3 days: 287 miles the first day, 341 the second and 198 the last. How "
     "many miles in total?",
     R(287) + 341 + 198, 2, "miles", "287+341+198"),
    ("Grandma lent my cousin $2,500 at 3% simple interest per year. After 18 months, how much "
     "interest does he owe?",
     R(2500) * R("0.03") * R("1.5"), 2, "USD", "2500*0.03*1.5"),
    ("45 of the 250 people surveyed said they'd switch providers. What percent is that?",
     R(45) / 250 * 100, 1, "percent", "45/250*100"),
]


# =============================================================================================
# table_to_json: (before, table, after, layout, expected columns). The table text is parsed here
# (pipe / html / whitespace / tsv) and typed: numbers -> JSON numbers, anything else -> string.
# =============================================================================================
TABLES = [
    ("Weekend forecast from the station page - convert it to JSON (columns + rows):\n\n",
     "| City | High (°F) | Low (°F) | Conditions |\n"
     "|:-----|----------:|---------:|:-----------|\n"
     "| Duluth | 41 | 28 | Light snow |\n"
     "| Madison | 48 | 33 | Overcast |\n"
     "| Green Bay | 44 | 30 | Windy |",
     "", "pipe", ["city", "high_f", "low_f", "conditions"]),
    ("Here's the output of my query, can you turn it into JSON records?\n\n",
     " id |         email         |   plan   | seats |   mrr\n"
     "----+-----------------------+----------+-------+---------\n"
     "  1 | ops@brightlane.io     | team     |    12 |  588.00\n"
     "  2 | it@harbor-dental.com  | solo     |     1 |   29.00\n"
     "  7 | admin@kestrelaero.com | business |    85 | 6375.50\n"
     "(3 rows)",
     "", "pipe", ["id", "email", "plan", "seats", "mrr"]),
    ("",
     "<table class=\"pricing\">\n  <thead>\n    <tr><th>Plan</th><th>Monthly Price</th>"
     "<th>Storage (GB)</th><th>Support</th></tr>\n  </thead>\n  <tbody>\n"
     "    <tr><td>Starter</td><td align=\"right\">9.99</td><td>50</td><td>Email</td></tr>\n"
     "    <tr><td>Pro</td><td align=\"right\">24.99</td><td>500</td><td>Chat &amp; email</td></tr>\n"
     "    <tr><td>Enterprise</td><td align=\"right\">99.00</td><td>5000</td><td>24/7 phone</td></tr>\n"
     "  </tbody>\n</table>",
     "\n\nscraped this from the vendor's pricing page - give me the table as JSON, numbers as "
     "numbers", "html", ["plan", "monthly_price", "storage_gb", "support"]),
    ("Copied from our rec league sheet (tab separated). JSON please:\n\n",
     "Player\tTeam\tGames\tPoints\tRebounds\n"
     "Dana Whitlock\tRiverside Otters\t12\t214\t88\n"
     "Luis Ortega\tNorth End Hawks\t11\t187\t102\n"
     "Kemi Adeyemi\tRiverside Otters\t12\t176\t131\n"
     "Sam Park\tMill Creek\t10\t143\t47",
     "", "tsv", ["player", "team", "games", "points", "rebounds"]),
    ("DuckDB printed this:\n\n",
     "┌────────────┬─────────┬──────────┐\n"
     "│ region     │ orders  │ revenue  │\n"
     "├────────────┼─────────┼──────────┤\n"
     "│ Northeast  │ 1432    │ 88210.75 │\n"
     "│ Midwest    │ 987     │ 51344.10 │\n"
     "│ South      │ 1710    │ 97402.00 │\n"
     "│ West       │ 1255    │ 80119.45 │\n"
     "└────────────┴─────────┴──────────┘",
     "\n\nConvert that result to JSON with columns and rows.", "pipe",
     ["region", "orders", "revenue"]),
    ("What's running on the staging cluster, as JSON (columns, rows)?\n\n",
     "NAME                            READY   STATUS             RESTARTS   AGE\n"
     "checkout-api-7d9f8b6c5d-x2x9q   1/1     Running            0          3d\n"
     "payments-worker-5c6b7-qk8lm     0/1     CrashLoopBackOff   14         47m\n"
     "redis-0                         1/1     Running            2          12d",
     "", "ws", ["name", "ready", "status", "restarts", "age"]),
    ("",
     "Item | Qty | Unit cost\n--- | --- | ---\nM8 hex bolts (box of 50) | 4 | 6.35\n"
     "Wood glue 16oz | 2 | 7.89\nSanding discs 120 grit | 10 | 0.85",
     "\n\nturn this shopping list table into JSON rows", "pipe",
     ["item", "qty", "unit_cost"]),
    ("mysql> SELECT sku, title, stock FROM books WHERE stock < 5;\n",
     "+---------------+---------------------------+-------+\n"
     "| sku           | title                     | stock |\n"
     "+---------------+---------------------------+-------+\n"
     "| 9780143127741 | The Overstory             |     3 |\n"
     "| 9780525559474 | The Midnight Library      |     1 |\n"
     "| 9781250301697 | The Silent Patient        |     4 |\n"
     "+---------------+---------------------------+-------+\n"
     "3 rows in set (0.01 sec)",
     "\n\nGive me that result set as JSON: columns and one object per row.", "pipe",
     ["sku", "title", "stock"]),
    ("Parse this reStructuredText table into JSON (columns in snake_case, rows as objects):\n\n",
     "======  ==========  =========\nYear    Region      Units Sold\n"
     "======  ==========  =========\n2021    North       1200\n2022    North       1475\n"
     "2022    South       980\n2023    South       1130\n======  ==========  =========",
     "", "ws", ["year", "region", "units_sold"]),
    ("",
     "<table><caption>Q3 travel claims</caption><tr><th>Employee</th><th>Trip</th>"
     "<th>Nights</th><th>Amount</th></tr><tr><td>Grace Liu</td><td>Chicago client visit</td>"
     "<td>2</td><td>812.40</td></tr><tr><td>Tomás Rivera</td><td>AWS re:Invent</td><td>4</td>"
     "<td>2190.00</td></tr></table>",
     "\n\nExtract the table as JSON.", "html", ["employee", "trip", "nights", "amount"]),
    ("Org-mode table from my notes, please convert to JSON:\n\n",
     "| Task              | Owner  | Estimate (h) | Status      |\n"
     "|-------------------+--------+--------------+-------------|\n"
     "| Migrate DNS       | Aisha  |            3 | done        |\n"
     "| Rotate API keys   | Jonas  |          1.5 | in progress |\n"
     "| Update runbooks   | Aisha  |            4 | todo        |",
     "", "pipe", ["task", "owner", "estimate_h", "status"]),
    ("Population figures pasted from a spreadsheet (tabs). Numbers should be plain JSON "
     "numbers, no commas.\n\n",
     "County\tState\tPopulation\tArea (sq mi)\n"
     "King\tWA\t2,269,675\t2,307\n"
     "Multnomah\tOR\t815,428\t466\n"
     "Ada\tID\t494,967\t1,055",
     "", "tsv", ["county", "state", "population", "area_sq_mi"]),
    ("Convert my watchlist table to JSON:\n\n",
     "| Ticker | Close | Change | Volume |\n|---|---|---|---|\n"
     "| ACME | 182.44 | -1.25 | 3412000 |\n| GLOBX | 57.10 | 0.85 | 980500 |\n"
     "| INITECH | 12.03 | -0.40 | 15230000 |",
     "", "pipe", ["ticker", "close", "change", "volume"]),
    ("Northbound weekday departures - can you give me this timetable as JSON?\n\n",
     "Train   Departs   Arrives   Platform\n"
     "2104    06:42     07:31     3\n"
     "2108    07:15     08:02     3\n"
     "2112    07:48     08:40     1",
     "", "ws", ["train", "departs", "arrives", "platform"]),
    ("",
     "| Course | Title | Credits | Instructor |\n| --- | --- | --- | --- |\n"
     "| CS 101 | Intro to Programming | 4 | Dr. Okonjo |\n"
     "| MATH 221 | Linear Algebra | 3 | Prof. Haldane |\n"
     "| HIST 140 | The Atlantic World | 3 | Dr. Beaumont |\n"
     "| PHYS 150 | Mechanics Lab | 1 | Dr. Sato |",
     "\n\nI need my fall schedule as JSON (columns + rows).", "pipe",
     ["course", "title", "credits", "instructor"]),
    ("Hi! Our volunteer hours for the spring food drive are below. Could you make it JSON "
     "for the dashboard?\n\n",
     "| Volunteer | Shifts | Hours |\n|---|---|---|\n| Beatriz Costa | 5 | 17.5 |\n"
     "| Owen McAllister | 3 | 9 |\n| Priya Natarajan | 6 | 21 |",
     "\n\nThanks so much!", "pipe", ["volunteer", "shifts", "hours"]),
    ("",
     "<table border=\"1\">\n<tr>\n  <th scope=\"col\">Airport</th>\n  <th scope=\"col\">IATA</th>\n"
     "  <th scope=\"col\">Passengers (2023)</th>\n</tr>\n<tr>\n  <td>Denver International</td>\n"
     "  <td>DEN</td>\n  <td>77837917</td>\n</tr>\n<tr>\n  <td>Seattle-Tacoma International</td>\n"
     "  <td>SEA</td>\n  <td>50887260</td>\n</tr>\n</table>",
     "\n\nHTML table -> JSON with columns and rows, please.", "html",
     ["airport", "iata", "passengers_2023"]),
    ("tabulate printed this grid, need it as JSON:\n\n",
     "+------------+---------+-----------+\n"
     "| Sensor     |   Temp  |  Humidity |\n"
     "+============+=========+===========+\n"
     "| greenhouse |    27.4 |        81 |\n"
     "+------------+---------+-----------+\n"
     "| shed       |    18.9 |        64 |\n"
     "+------------+---------+-----------+\n"
     "| garage     |    15.2 |        58 |\n"
     "+------------+---------+-----------+",
     "", "pipe", ["sensor", "temp", "humidity"]),
    ("df.to_string(index=False) gave me this - JSON it:\n\n",
     "   city  population  median_age\n"
     "  Boise      237446        37.1\n"
     "Spokane      229071        36.4\n"
     " Tacoma      219346        35.9",
     "", "ws", ["city", "population", "median_age"]),
    ("",
     "Order #\tCustomer\tShip Method\tWeight (lb)\tStatus\n"
     "10442\tHarborview Bakery\tUPS Ground\t18.4\tShipped\n"
     "10443\tNate Solberg\tUSPS Priority\t2.2\tLabel created\n"
     "10446\tCedar & Pine Co.\tFreight\t412\tAwaiting pickup",
     "\n\nConvert the table above to JSON; keep text as text and numbers as numbers.", "tsv",
     ["order", "customer", "ship_method", "weight_lb", "status"]),
    ("From the vet clinic's intake sheet - JSON please\n\n",
     "| Pet name | Species | Age (yrs) | Weight (kg) | Owner |\n"
     "|----------|---------|-----------|-------------|-------|\n"
     "| Biscuit | Dog | 7 | 24.3 | J. Moreno |\n"
     "| Mochi | Cat | 2 | 4.1 | H. Tanaka |\n"
     "| Pepper | Rabbit | 3 | 1.8 | L. Green |\n"
     "| Atlas | Dog | 11 | 38.0 | R. Osei |",
     "", "pipe", ["pet_name", "species", "age_yrs", "weight_kg", "owner"]),
    ("Parse the table in this email into JSON.\n\n---\nHey team, final headcount per office:\n\n",
     "Office      Engineers   Sales   Support\n"
     "Austin      42          18      11\n"
     "Dublin      27          9       14\n"
     "Singapore   15          12      6",
     "\n\nLet me know if anything looks off.\n- Rachel\n---", "ws",
     ["office", "engineers", "sales", "support"]),
    ("",
     "| Date       | Description            | Debit  | Credit |\n"
     "|------------|------------------------|--------|--------|\n"
     "| 2024-05-01 | Rent - May             | 1850.00 | 0 |\n"
     "| 2024-05-03 | Client payment INV-208 | 0 | 4200.00 |\n"
     "| 2024-05-06 | Adobe subscription     | 59.99  | 0      |",
     "\n\nTurn these ledger lines into JSON records (columns + rows).", "pipe",
     ["date", "description", "debit", "credit"]),
]

PIPE_RULE = set("-=+:|─━┌┐└┘├┤┬┴┼│ ")


def table_cells(text, layout):
    rows = []
    if layout == "html":
        import html
        for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", text, re.S):
            cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)
            rows.append([html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
        return rows
    for line in text.split("\n"):
        s = line.strip()
        if not s or re.fullmatch(r"\(\d+ rows?\)|\d+ rows? in set.*", s):
            continue
        if layout == "pipe":
            if set(s) <= PIPE_RULE:
                continue
            s = s.replace("│", "|").strip("|")
            rows.append([c.strip() for c in s.split("|")])
        elif layout == "tsv":
            rows.append([c.strip() for c in s.split("\t")])
        else:  # whitespace-aligned columns (2+ spaces)
            if set(s) <= set("=- "):
                continue
            rows.append(re.split(r"\s{2,}", s))
    return rows


def typed_cell(c):
    if re.fullmatch(r"-?\d+(\.\d+)?", c):
        return Raw(c)
    if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", c):
        return Raw(c.replace(",", ""))
    return c


# =============================================================================================
# csv_cleaning: (before, csv text, after, delimiter, [(name, email, iso date, amount)], dups,
# blanks). The cleaner below recomputes the rows and both counts from the CSV text.
# =============================================================================================
CSVS = [
    ("Our Shopify export is a mess. Trim it, fix the name casing, lower-case the emails, ISO "
     "dates, plain numeric amounts, and drop blank and duplicate lines. JSON out.\n\n",
     "Customer Name,Email,Order Date,Amount\n"
     "  aaliyah johnson ,AALIYAH.JOHNSON@GMAIL.COM,2024-03-04,\"$1,204.50\"\n"
     "Marcus Lee,marcus.lee@outlook.com,\"Mar 5, 2024\",$89.00\n"
     ",,,\n"
     "Marcus Lee,marcus.lee@outlook.com,\"Mar 5, 2024\",$89.00\n"
     "PRIYA SHAH,priya@shahdesign.co,03/07/2024,412.75",
     "", ",",
     [("Aaliyah Johnson", "aaliyah.johnson@gmail.com", "2024-03-04", "1204.50"),
      ("Marcus Lee", "marcus.lee@outlook.com", "2024-03-05", "89.00"),
      ("Priya Shah", "priya@shahdesign.co", "2024-03-07", "412.75")], 1, 1),
    ("Export from our German shop's Excel - dates are DD.MM.YYYY and amounts use a decimal "
     "comma. Clean it into records (ISO dates, numeric amounts, proper-case names, lower-case "
     "emails) and tell me how many duplicate/blank rows you dropped.\n\n",
     "Customer Name;Email;Order Date;Amount\n"
     "Lukas Becker;LUKAS.BECKER@WEB.DE;04.03.2024;1.234,50\n"
     "anna schmidt;anna.schmidt@gmx.de;11.03.2024;89,90\n"
     ";;;\n"
     "JONAS WEBER;jonas.weber@t-online.de;15.03.2024;2.019,00",
     "", ";",
     [("Lukas Becker", "lukas.becker@web.de", "2024-03-04", "1234.50"),
      ("Anna Schmidt", "anna.schmidt@gmx.de", "2024-03-11", "89.90"),
      ("Jonas Weber", "jonas.weber@t-online.de", "2024-03-15", "2019.00")], 0, 1),
    ("",
     "Customer Name\tEmail\tOrder Date\tAmount\n"
     "Hannah Kim\tHannah.Kim@Yahoo.com\t2023-11-20\t$56.20\n"
     "DEVON CARTER\tdevon.carter@icloud.com\tNov 21, 2023\t$1,310.00\n"
     "Hannah Kim\thannah.kim@yahoo.com\t11/20/2023\t56.2\n"
     "\t\t\t\n"
     "rosa delgado\tROSA.D@PROTONMAIL.COM\t21-Nov-2023\t74.99",
     "\n\n^ tab-separated paste from the orders sheet. Normalize it for import; rows that are "
     "the same order once cleaned count as duplicates.", "\t",
     [("Hannah Kim", "hannah.kim@yahoo.com", "2023-11-20", "56.20"),
      ("Devon Carter", "devon.carter@icloud.com", "2023-11-21", "1310.00"),
      ("Rosa Delgado", "rosa.d@protonmail.com", "2023-11-21", "74.99")], 1, 1),
    ("clean this pipe-delimited dump pls (dedupe, fix case, iso dates, numbers)\n\n",
     "customer name|email|order date|amount\n"
     " Ethan Brooks |ethan.brooks@fastmail.com|2025-01-06|$249.00\n"
     "olivia nguyen|OLIVIA.NGUYEN@GMAIL.COM|Jan 7, 2025|$18.45\n"
     "Ethan Brooks|ethan.brooks@fastmail.com|2025-01-06|$249.00\n"
     "Ethan Brooks|ethan.brooks@fastmail.com|2025-01-06|$249.00\n"
     "Samuel Osei|samuel.osei@hotmail.com|01/09/2025|$3,075.10",
     "", "|",
     [("Ethan Brooks", "ethan.brooks@fastmail.com", "2025-01-06", "249.00"),
      ("Olivia Nguyen", "olivia.nguyen@gmail.com", "2025-01-07", "18.45"),
      ("Samuel Osei", "samuel.osei@hotmail.com", "2025-01-09", "3075.10")], 2, 0),
    ("Can you tidy up this CSV before I load it into Postgres?\n\n",
     "customer_name,email,order_date,amount\n"
     "Fatima Al-Sayed,fatima.alsayed@gmail.com,2024-07-01,120.00\n"
     "GEORGE MILLER,GEORGE.MILLER@AOL.COM,07/02/2024,$35.5\n"
     "chloe dubois,chloe.dubois@orange.fr,2024-07-02,$610",
     "", ",",
     [("Fatima Al-Sayed", "fatima.alsayed@gmail.com", "2024-07-01", "120.00"),
      ("George Miller", "george.miller@aol.com", "2024-07-02", "35.50"),
      ("Chloe Dubois", "chloe.dubois@orange.fr", "2024-07-02", "610.00")], 0, 0),
    ("Google Sheets download, everything quoted. Make it clean JSON (columns, rows, "
     "duplicates_removed, blank_rows_removed).\n\n",
     "\"Customer Name\",\"Email\",\"Order Date\",\"Amount\"\n"
     "\"Benjamin Wright\",\"ben.wright@gmail.com\",\"2024-02-14\",\"$74.00\"\n"
     "\"SOFIA ROSSI\",\"SOFIA.ROSSI@LIBERO.IT\",\"Feb 14, 2024\",\"$1,150.00\"\n"
     "\"\",\"\",\"\",\"\"\n"
     "\"Benjamin Wright\",\"ben.wright@gmail.com\",\"2024-02-14\",\"$74.00\"\n"
     "\"noah fischer\",\"noah.fischer@outlook.com\",\"02/15/2024\",\"19.99\"",
     "", ",",
     [("Benjamin Wright", "ben.wright@gmail.com", "2024-02-14", "74.00"),
      ("Sofia Rossi", "sofia.rossi@libero.it", "2024-02-14", "1150.00"),
      ("Noah Fischer", "noah.fischer@outlook.com", "2024-02-15", "19.99")], 1, 1),
    ("This one has the columns in a different order - keep that order, just clean the "
     "values and drop junk rows.\n\n",
     "Order Date,Customer Name,Amount,Email\n"
     "2024-09-03,Liam O'Connor,$42.00,LIAM.OCONNOR@GMAIL.COM\n"
     "\"Sep 4, 2024\",MEI CHEN,\"$2,380.00\",mei.chen@chenlaw.com\n"
     ",,,\n"
     "09/05/2024,jack thompson,15.00,Jack.Thompson@Live.com",
     "", ",",
     [("Liam O'Connor", "liam.oconnor@gmail.com", "2024-09-03", "42.00"),
      ("Mei Chen", "mei.chen@chenlaw.com", "2024-09-04", "2380.00"),
      ("Jack Thompson", "jack.thompson@live.com", "2024-09-05", "15.00")], 0, 1),
    ("",
     "Customer Name,Email,Order Date,Amount\n"
     "Isabella Martinez,isabella.m@gmail.com,2024-04-10,$58.00\n"
     "ISABELLA MARTINEZ, ISABELLA.M@GMAIL.COM ,\"Apr 10, 2024\",58\n"
     "Isabella Martinez,isabella.m@gmail.com,2024-04-10,$85.00\n"
     "Kwame Mensah,kwame.mensah@yahoo.com,04/12/2024,$310.40",
     "\n\nDedupe and normalize. Careful: only drop rows that are really the same order.", ",",
     [("Isabella Martinez", "isabella.m@gmail.com", "2024-04-10", "58.00"),
      ("Isabella Martinez", "isabella.m@gmail.com", "2024-04-10", "85.00"),
      ("Kwame Mensah", "kwame.mensah@yahoo.com", "2024-04-12", "310.40")], 1, 0),
    ("The CRM export has empty lines all over the place. Clean it up:\n\n",
     "Customer Name,Email,Order Date,Amount\n"
     "Grace Huang,GRACE.HUANG@GMAIL.COM,2023-06-30,$99.99\n"
     "\n"
     "Daniel Novak,daniel.novak@seznam.cz,\"Jul 1, 2023\",1045.00\n"
     ",,,\n"
     "\n"
     "ZOE ANDERSON,zoe.anderson@gmail.com,07/03/2023,$12.50",
     "", ",",
     [("Grace Huang", "grace.huang@gmail.com", "2023-06-30", "99.99"),
      ("Daniel Novak", "daniel.novak@seznam.cz", "2023-07-01", "1045.00"),
      ("Zoe Anderson", "zoe.anderson@gmail.com", "2023-07-03", "12.50")], 0, 3),
    ("Normalize this orders file (semicolon separated). Amounts as plain numbers.\n\n",
     "Customer Name;Email;Order Date;Amount\n"
     "Ryan Murphy; RYAN.MURPHY@GMAIL.COM ;2024-10-01;USD 45.00\n"
     "  ELENA PETROVA  ;elena.petrova@yandex.ru;01-Oct-2024;USD 1,200.00\n"
     "Ryan Murphy;ryan.murphy@gmail.com;2024-10-01;45",
     "", ";",
     [("Ryan Murphy", "ryan.murphy@gmail.com", "2024-10-01", "45.00"),
      ("Elena Petrova", "elena.petrova@yandex.ru", "2024-10-01", "1200.00")], 1, 0),
    ("Excel saved this with a BOM at the start. Clean the data the usual way.\n\n",
     "\ufeffCustomer Name,Email,Order Date,Amount\n"
     "Ava Thompson,ava.t@gmail.com,2025-02-03,$15.00\n"
     "WILLIAM DAVIS,WDAVIS@COMCAST.NET,Feb 4 2025,$230.00\n"
     "lucas silva,lucas.silva@uol.com.br,2025-02-05,$88.80\n"
     ",,,",
     "", ",",
     [("Ava Thompson", "ava.t@gmail.com", "2025-02-03", "15.00"),
      ("William Davis", "wdavis@comcast.net", "2025-02-04", "230.00"),
      ("Lucas Silva", "lucas.silva@uol.com.br", "2025-02-05", "88.80")], 0, 1),
    ("December orders from the holiday pop-up. Please clean: trim whitespace, proper names, "
     "lowercase emails, YYYY-MM-DD dates, numeric amounts, remove empty rows and repeats.\n\n",
     "Customer Name,Email,Order Date,Amount\n"
     "Harper Wilson,harper.wilson@gmail.com,2024-12-02,$64.99\n"
     "MASON CLARK,MASON.CLARK@OUTLOOK.COM,12/02/2024,\"$1,899.00\"\n"
     "evelyn wright,evelyn.wright@icloud.com,\"Dec 3, 2024\",$23.40\n"
     "Harper Wilson,harper.wilson@gmail.com,2024-12-02,$64.99\n"
     "Logan Scott,logan.scott@gmail.com,03-Dec-2024,$410.00\n"
     ",,,\n"
     "Amelia Young,AMELIA.YOUNG@YAHOO.COM,2024-12-04,$7.25\n"
     "evelyn wright,evelyn.wright@icloud.com,\"Dec 3, 2024\",$23.40\n"
     "Henry Adams,henry.adams@protonmail.com,12/05/2024,$150",
     "", ",",
     [("Harper Wilson", "harper.wilson@gmail.com", "2024-12-02", "64.99"),
      ("Mason Clark", "mason.clark@outlook.com", "2024-12-02", "1899.00"),
      ("Evelyn Wright", "evelyn.wright@icloud.com", "2024-12-03", "23.40"),
      ("Logan Scott", "logan.scott@gmail.com", "2024-12-03", "410.00"),
      ("Amelia Young", "amelia.young@yahoo.com", "2024-12-04", "7.25"),
      ("Henry Adams", "henry.adams@protonmail.com", "2024-12-05", "150.00")], 2, 1),
    ("",
     "Customer Name,Email,Order Date,Amount\n"
     "JAMAL WASHINGTON,JAMAL.W@GMAIL.COM,2022-08-15,$300.00\n"
     "mia rodriguez,mia.rodriguez@gmail.com,2022-08-16,$45.60\n"
     "Charlotte Bennett,charlotte.bennett@me.com,2022-08-16,$12.00",
     "\n\nSmall file, but same cleanup rules as always please.", ",",
     [("Jamal Washington", "jamal.w@gmail.com", "2022-08-15", "300.00"),
      ("Mia Rodriguez", "mia.rodriguez@gmail.com", "2022-08-16", "45.60"),
      ("Charlotte Bennett", "charlotte.bennett@me.com", "2022-08-16", "12.00")], 0, 0),
    ("Someone typed these by hand... fix the spacing and casing and normalize everything.\n\n",
     "Customer Name,Email,Order Date,Amount\n"
     "carlos   mendes,carlos.mendes@gmail.com,2023-05-22,$64.00\n"
     "  Yuki   Tanaka,yuki.tanaka@docomo.ne.jp ,2023-05-22,$17.80\n"
     "BRIDGET  NOLAN,Bridget.Nolan@eircom.net,\"May 23, 2023\",$205.00\n"
     "carlos mendes,CARLOS.MENDES@GMAIL.COM,05/22/2023,64",
     "", ",",
     [("Carlos Mendes", "carlos.mendes@gmail.com", "2023-05-22", "64.00"),
      ("Yuki Tanaka", "yuki.tanaka@docomo.ne.jp", "2023-05-22", "17.80"),
      ("Bridget Nolan", "bridget.nolan@eircom.net", "2023-05-23", "205.00")], 1, 0),
    ("Clean this:\n\n",
     "Customer Name;Email;Order Date;Amount\n"
     "Nora Fitzgerald;nora.fitz@gmail.com;4/9/2024;$9.5\n"
     "KENJI WATANABE;KENJI.W@GMAIL.COM;4/10/2024;$1,020\n"
     "Nora Fitzgerald;NORA.FITZ@GMAIL.COM;04/09/2024;9.50\n"
     ";;;\n"
     ";;;",
     "", ";",
     [("Nora Fitzgerald", "nora.fitz@gmail.com", "2024-04-09", "9.50"),
      ("Kenji Watanabe", "kenji.w@gmail.com", "2024-04-10", "1020.00")], 1, 2),
    ("Legacy system export below. Headers are shouty and padded; clean everything into JSON "
     "records.\n\n",
     "CUSTOMER NAME , EMAIL , ORDER DATE , AMOUNT\n"
     "VICTORIA CHANG , VICTORIA.CHANG@GMAIL.COM , 2023-01-09 , $80.00\n"
     "DAVID KOWALSKI , DKOWALSKI@WP.PL , 2023-01-10 , $1,490.00\n"
     "VICTORIA CHANG , VICTORIA.CHANG@GMAIL.COM , 2023-01-09 , $80.00",
     "", None,
     [("Victoria Chang", "victoria.chang@gmail.com", "2023-01-09", "80.00"),
      ("David Kowalski", "dkowalski@wp.pl", "2023-01-10", "1490.00")], 1, 0),
    ("",
     "Customer Name,Email,Order Date,Amount\n"
     "MARY-KATE SULLIVAN,MK.SULLIVAN@GMAIL.COM,2024-06-11,$132.00\n"
     "jean-pierre moreau,jp.moreau@free.fr,\"June 12, 2024\",$48.90\n"
     ",,,\n"
     "Siobhan McCarthy,siobhan.mccarthy@gmail.com,2024/06/12,$76.45",
     "\n\nPlease clean up this order list (title-case names, lowercase emails, ISO dates, "
     "numeric amounts, no blank rows).", ",",
     [("Mary-Kate Sullivan", "mk.sullivan@gmail.com", "2024-06-11", "132.00"),
      ("Jean-Pierre Moreau", "jp.moreau@free.fr", "2024-06-12", "48.90"),
      ("Siobhan McCarthy", "siobhan.mccarthy@gmail.com", "2024-06-12", "76.45")], 0, 1),
    ("Columns are shuffled in this one (keep them in the file's order). Normalize values, drop "
     "duplicates and blanks.\n\n",
     "Email,Customer Name,Amount,Order Date\n"
     "DESHAWN.MCCOY@GMAIL.COM,DeShawn McCoy,$560.00,2025-03-17\n"
     "anika.roy@outlook.com,ANIKA ROY,$38.25,\"Mar 18, 2025\"\n"
     "deshawn.mccoy@gmail.com,DeShawn McCoy,560,03/17/2025\n"
     "tom.bakker@ziggo.nl,tom bakker,$1.99,18-Mar-2025",
     "", ",",
     [("DeShawn McCoy", "deshawn.mccoy@gmail.com", "2025-03-17", "560.00"),
      ("Anika Roy", "anika.roy@outlook.com", "2025-03-18", "38.25"),
      ("Tom Bakker", "tom.bakker@ziggo.nl", "2025-03-18", "1.99")], 1, 0),
    ("Fix up this spreadsheet dump for the accounting import:\n\n",
     "Customer Name\tEmail\tOrder Date\tAmount\n"
     "Abigail Foster   \tABIGAIL.FOSTER@GMAIL.COM\tAug 30, 2022\t$2,250.00\n"
     "SEBASTIAN HALL\tsebastian.hall@gmail.com\t2022-08-31\t$99.00\n"
     "\n"
     "ingrid larsen\tingrid.larsen@telia.no\t09/01/2022\t$310.55",
     "", "\t",
     [("Abigail Foster", "abigail.foster@gmail.com", "2022-08-30", "2250.00"),
      ("Sebastian Hall", "sebastian.hall@gmail.com", "2022-08-31", "99.00"),
      ("Ingrid Larsen", "ingrid.larsen@telia.no", "2022-09-01", "310.55")], 0, 1),
    ("Clean the CSV; amounts sometimes have the currency after the number.\n\n",
     "Customer Name,Email,Order Date,Amount\n"
     "Omar Haddad,omar.haddad@gmail.com,2024-01-29,45.00 USD\n"
     "LEILA HADDAD,LEILA.HADDAD@GMAIL.COM,\"Jan 29, 2024\",120 USD\n"
     "Omar Haddad,omar.haddad@gmail.com,2024-01-29,45.00 USD\n"
     ",,,\n"
     "finn o'reilly,finn.oreilly@gmail.com,01/31/2024,7.50 USD",
     "", ",",
     [("Omar Haddad", "omar.haddad@gmail.com", "2024-01-29", "45.00"),
      ("Leila Haddad", "leila.haddad@gmail.com", "2024-01-29", "120.00"),
      ("Finn O'Reilly", "finn.oreilly@gmail.com", "2024-01-31", "7.50")], 1, 1),
    ("",
     "Customer Name,Email,Order Date,Amount\n"
     "Chidi Okeke,chidi.okeke@gmail.com,\"March 3, 2025\",$19.00\n"
     "Chidi Okeke,chidi.okeke@gmail.com,\"March 4, 2025\",$19.00\n"
     "LAURA BIANCHI,LAURA.BIANCHI@GMAIL.COM,2025-03-04,\"$4,600.00\"\n"
     "laura bianchi,laura.bianchi@gmail.com,\"Mar 4, 2025\",4600",
     "\n\nCan you clean and de-duplicate this? Same customer on different days is NOT a "
     "duplicate.", ",",
     [("Chidi Okeke", "chidi.okeke@gmail.com", "2025-03-03", "19.00"),
      ("Chidi Okeke", "chidi.okeke@gmail.com", "2025-03-04", "19.00"),
      ("Laura Bianchi", "laura.bianchi@gmail.com", "2025-03-04", "4600.00")], 1, 0),
    ("Tidy this up for me:\n\n",
     "Customer Name;Email;Order Date;Amount\n"
     "José Álvarez;jose.alvarez@gmail.com;2023-10-02;$75.00\n"
     "SARAH COHEN;SARAH.COHEN@GMAIL.COM;Oct 3, 2023;$1,125.40\n"
     ";;;\n"
     "patrick byrne;patrick.byrne@gmail.com;03-Oct-2023;$60\n"
     "SARAH COHEN;SARAH.COHEN@GMAIL.COM;Oct 3, 2023;$1,125.40",
     "", ";",
     [("José Álvarez", "jose.alvarez@gmail.com", "2023-10-02", "75.00"),
      ("Sarah Cohen", "sarah.cohen@gmail.com", "2023-10-03", "1125.40"),
      ("Patrick Byrne", "patrick.byrne@gmail.com", "2023-10-03", "60.00")], 1, 1),
]
