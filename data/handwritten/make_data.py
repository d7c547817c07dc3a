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
    ("Peanut butter: the 16-oz jar is $3.79 and the 36-oz jar is $8.49. Which is the better "
     "deal - give me its price per ounce in cents (2 decimals).",
     min(R(379) / 16, R(849) / 36), 2, "cents per ounce", "min(379/16,849/36)"),
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
    ("mysql> SELECT isbn, title, stock FROM books WHERE stock < 5;\n",
     "+-------------------+----------------------+-------+\n"
     "| isbn              | title                | stock |\n"
     "+-------------------+----------------------+-------+\n"
     "| 978-0-393-35668-0 | The Overstory        |     3 |\n"
     "| 978-0-525-55947-4 | The Midnight Library |     1 |\n"
     "| 978-1-250-30169-7 | The Silent Patient   |     4 |\n"
     "+-------------------+----------------------+-------+\n"
     "3 rows in set (0.01 sec)",
     "\n\nGive me that result set as JSON: columns and one object per row.", "pipe",
     ["isbn", "title", "stock"]),
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
     "DAVID KOWALSKI , DKOWALSKI@WP.PL , 2023-01-10 , $1490.00\n"
     "VICTORIA CHANG , VICTORIA.CHANG@GMAIL.COM , 2023-01-09 , $80.00",
     "", ",",
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


# =============================================================================================
# json_repair: (before, broken text, after, repaired value, errors). A lenient parser below reads
# the broken text, records which of the seven problems it met, and must give the same answer.
# =============================================================================================
def N(text):
    return Raw(text)


JSON_REPAIRS = [
    ("Frontend dev pasted this as \"the JSON\" for the widget manifest but it's a JS object. "
     "Make it valid JSON and tell me what was wrong.\n\n",
     "{\n  name: 'checkout-widget',\n  version: '2.3.1',\n  private: true,\n  scripts: {\n"
     "    build: 'vite build',\n    test: 'vitest run',\n  },\n}",
     "",
     {"name": "checkout-widget", "version": "2.3.1", "private": True,
      "scripts": {"build": "vite build", "test": "vitest run"}},
     ["single_quotes", "unquoted_keys", "trailing_comma"]),
    ("",
     "{'user_id': 48213, 'email': 'r.alvarez@example.com', 'verified': True, 'last_login': None, "
     "'roles': ['editor', 'billing']}",
     "\n\nThis came from print(user) in our Python script - json.loads chokes on it. Repair it "
     "and list the errors.",
     {"user_id": N("48213"), "email": "r.alvarez@example.com", "verified": True,
      "last_login": None, "roles": ["editor", "billing"]},
     ["single_quotes", "python_literals"]),
    ("Why won't this tsconfig parse with a strict JSON parser? Fix it.\n\n",
     "{\n  // compiler settings for the web app\n  \"compilerOptions\": {\n"
     "    \"target\": \"ES2020\",\n    \"strict\": true,\n    \"outDir\": \"dist\"\n  },\n"
     "  \"include\": [\"src\"]\n}",
     "",
     {"compilerOptions": {"target": "ES2020", "strict": True, "outDir": "dist"},
      "include": ["src"]},
     ["comment"]),
    ("Our webhook logger cut this payload off. Repair it (repaired + errors):\n\n",
     "{\"event\": \"invoice.paid\", \"invoice_id\": \"in_1P8xQ2\", \"amount_due\": 4900, "
     "\"currency\": \"usd\", \"livemode\": false",
     "",
     {"event": "invoice.paid", "invoice_id": "in_1P8xQ2", "amount_due": N("4900"),
      "currency": "usd", "livemode": False},
     ["missing_closing_brace"]),
    ("",
     "{\n  \"host\": \"db.internal\",\n  \"port\": 5432\n  \"database\": \"orders\",\n"
     "  \"ssl\": true\n}",
     "\n\nthe service won't start, says invalid config.json at line 4. what's wrong + fixed "
     "version pls",
     {"host": "db.internal", "port": N("5432"), "database": "orders", "ssl": True},
     ["missing_comma"]),
    ("Someone edited retry.json like it was YAML. Give me valid JSON and the list of problems.\n\n",
     "{\n  \"retries\": 3,   # bumped from 2 after the outage\n  \"timeout_ms\": 2500,\n"
     "  \"endpoints\": [\"https://api.acme.io/v2\", \"https://backup.acme.io/v2\",],\n}",
     "",
     {"retries": N("3"), "timeout_ms": N("2500"),
      "endpoints": ["https://api.acme.io/v2", "https://backup.acme.io/v2"]},
     ["trailing_comma", "comment"]),
    ("Fix: ",
     "{id: 771, active: True, nickname: None}", "",
     {"id": N("771"), "active": True, "nickname": None},
     ["unquoted_keys", "python_literals"]),
    ("The order export stopped mid-file. Close it up properly:\n\n",
     "{\n  \"order_id\": \"SO-20931\",\n  \"lines\": [\n    {\"sku\": \"TSHIRT-M-BLK\", \"qty\": 2},\n"
     "    {\"sku\": \"CAP-OS-NVY\", \"qty\": 1}\n  ],\n  \"gift\": false",
     "",
     {"order_id": "SO-20931", "lines": [{"sku": "TSHIRT-M-BLK", "qty": N("2")},
                                        {"sku": "CAP-OS-NVY", "qty": N("1")}],
      "gift": False},
     ["missing_closing_brace"]),
    ("",
     "{\n  /* feature flags for the iOS build */\n  \"dark_mode\": true,\n"
     "  \"new_onboarding\": false,\n  \"max_upload_mb\": 25\n}",
     "\n\nOur remote-config service rejects this. Return the corrected JSON and the errors.",
     {"dark_mode": True, "new_onboarding": False, "max_upload_mb": N("25")},
     ["comment"]),
    ("Zendesk API returns 400 for this body, can you repair it?\n\n",
     "{\"ticket\": 58812, \"tags\": [\"urgent\" \"billing\"], \"assignee\": \"k.ito\"}",
     "",
     {"ticket": N("58812"), "tags": ["urgent", "billing"], "assignee": "k.ito"},
     ["missing_comma"]),
    ("",
     "{\"city\": 'Portland', \"zip\": '97205', \"country\": \"US\"}",
     "\n\nFix the quoting in this address payload and say what you fixed.",
     {"city": "Portland", "zip": "97205", "country": "US"},
     ["single_quotes"]),
    ("Repair this and list every problem:\n\n",
     "{name: 'Ravi Menon', age: 34, admin: False, teams: ['ops', 'sre',]",
     "",
     {"name": "Ravi Menon", "age": N("34"), "admin": False, "teams": ["ops", "sre"]},
     ["single_quotes", "unquoted_keys", "python_literals", "trailing_comma",
      "missing_closing_brace"]),
    ("Training script dumped metrics with repr() instead of json.dumps(). Make it valid JSON:\n\n",
     "{'model': 'resnet50', 'accuracy': 0.9132, 'epochs': 30, 'early_stopped': False, "
     "'notes': None}",
     "",
     {"model": "resnet50", "accuracy": N("0.9132"), "epochs": N("30"), "early_stopped": False,
      "notes": None},
     ["single_quotes", "python_literals"]),
    ("Chrome says the extension manifest is invalid. What's wrong?\n\n",
     "{\n  \"name\": \"Nimbus Weather\",\n  \"icons\": {\n    \"48\": \"icon48.png\",\n"
     "    \"128\": \"icon128.png\",\n  },\n  \"permissions\": [\"storage\", \"alarms\"]\n}",
     "",
     {"name": "Nimbus Weather", "icons": {"48": "icon48.png", "128": "icon128.png"},
      "permissions": ["storage", "alarms"]},
     ["trailing_comma"]),
    ("",
     "{\n  // dev overrides\n  apiBase: \"http://localhost:8080\",\n  mockPayments: true,\n"
     "  logLevel: \"debug\",\n}",
     "\n\nConvert this JSON5-ish config to strict JSON; list the errors.",
     {"apiBase": "http://localhost:8080", "mockPayments": True, "logLevel": "debug"},
     ["unquoted_keys", "trailing_comma", "comment"]),
    ("IoT gateway sent this reading and the ingest job rejected it:\n\n",
     "{'sensor': 'greenhouse-2' 'reading': 27.4, 'unit': 'C'}",
     "\n\nRepair it.",
     {"sensor": "greenhouse-2", "reading": N("27.4"), "unit": "C"},
     ["single_quotes", "missing_comma"]),
    ("",
     "{\"flags\": [True, False, True], \"owner\": null, \"rollout_pct\": 15}",
     "\n\nwhy is this invalid json? fix it",
     {"flags": [True, False, True], "owner": None, "rollout_pct": N("15")},
     ["python_literals"]),
    ("Copied this from a log line and jq refuses it:\n\n",
     "{\"level\":\"error\",\"msg\":\"payment declined\",\"code\":402,\"retryable\":false,}",
     "",
     {"level": "error", "msg": "payment declined", "code": N("402"), "retryable": False},
     ["trailing_comma"]),
    ("Printed a recipe dict in Python; need real JSON for the API.\n\n",
     "{'title': \"Grandma's Apple Pie\", 'servings': 8, 'vegan': False, 'tags': ['dessert', "
     "'baking']}",
     "",
     {"title": "Grandma's Apple Pie", "servings": N("8"), "vegan": False,
      "tags": ["dessert", "baking"]},
     ["single_quotes", "python_literals"]),
    ("deploy.sh generated this and then died. Repair the JSON:\n\n",
     "{\n  # generated by deploy.sh\n  \"service\": \"ledger-sync\",\n  \"replicas\": 3,\n"
     "  \"image\": \"registry.local/ledger-sync:1.8.2\"",
     "",
     {"service": "ledger-sync", "replicas": N("3"), "image": "registry.local/ledger-sync:1.8.2"},
     ["comment", "missing_closing_brace"]),
    ("",
     "{\n  \"id\": \"cus_9f2K\",\n  metadata: {plan: \"pro\", seats: 12}\n  \"delinquent\": false\n}",
     "\n\nStripe fixture someone hand-edited; make it parse again and tell me what was broken.",
     {"id": "cus_9f2K", "metadata": {"plan": "pro", "seats": N("12")}, "delinquent": False},
     ["unquoted_keys", "missing_comma"]),
    ("Map config for the store locator (fails to load):\n\n",
     "{\"lat\": 47.6062, \"lng\": -122.3321, \"zoom\": 11, \"markers\": [],}",
     "",
     {"lat": N("47.6062"), "lng": N("-122.3321"), "zoom": N("11"), "markers": []},
     ["trailing_comma"]),
    ("This is what our Slack bot posts to the queue, and the consumer crashes on it:\n\n",
     "{\n  channel: '#deploys',\n  text: 'v4.12.0 is live',\n  notify: True\n  \"thread\": None\n}",
     "",
     {"channel": "#deploys", "text": "v4.12.0 is live", "notify": True, "thread": None},
     ["single_quotes", "unquoted_keys", "python_literals", "missing_comma"]),
]


class Lenient:
    """A forgiving JSON reader that notes which of the seven problems it had to get past."""

    def __init__(self, text):
        self.s, self.i, self.errors = text, 0, set()

    def ws(self):
        while self.i < len(self.s):
            c = self.s[self.i]
            if c.isspace():
                self.i += 1
            elif self.s.startswith("//", self.i) or c == "#":
                self.errors.add("comment")
                while self.i < len(self.s) and self.s[self.i] != "\n":
                    self.i += 1
            elif self.s.startswith("/*", self.i):
                self.errors.add("comment")
                self.i = self.s.index("*/", self.i) + 2
            else:
                break

    def peek(self):
        self.ws()
        return self.s[self.i] if self.i < len(self.s) else ""

    def string(self):
        q = self.s[self.i]
        if q == "'":
            self.errors.add("single_quotes")
        j = self.i + 1
        while self.s[j] != q:
            j += 2 if self.s[j] == "\\" else 1
        out = self.s[self.i + 1:j]
        self.i = j + 1
        return out

    def key(self):
        c = self.peek()
        if c in "\"'":
            return self.string()
        m = re.compile(r"[A-Za-z_$][\w$]*").match(self.s, self.i)
        self.errors.add("unquoted_keys")
        self.i = m.end()
        return m.group()

    def container(self, close, item):
        self.i += 1
        first = True
        while True:
            c = self.peek()
            if c == "":
                if close != "}":
                    raise ValueError("unclosed array")
                self.errors.add("missing_closing_brace")
                return
            if c == close:
                self.i += 1
                return
            if c == ",":
                self.i += 1
                if self.peek() in (close, ""):
                    self.errors.add("trailing_comma")
                continue
            if not first and "," not in re.sub(r"(//|#)[^\n]*|/\*.*?\*/", "",
                                               self.s[self.last_end:self.i], flags=re.S):
                self.errors.add("missing_comma")
            item()
            self.last_end = self.i
            first = False

    def value(self):
        c = self.peek()
        if c == "{":
            obj = {}

            def member():
                k = self.key()
                if self.peek() != ":":
                    raise ValueError("expected ':'")
                self.i += 1
                obj[k] = self.value()
            self.container("}", member)
            return obj
        if c == "[":
            arr = []
            self.container("]", lambda: arr.append(self.value()))
            return arr
        if c in "\"'":
            return self.string()
        m = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?").match(self.s, self.i)
        if m:
            self.i = m.end()
            return Raw(m.group())
        for word, v, py in (("true", True, False), ("false", False, False), ("null", None, False),
                            ("True", True, True), ("False", False, True), ("None", None, True)):
            if self.s.startswith(word, self.i):
                self.i += len(word)
                if py:
                    self.errors.add("python_literals")
                return v
        raise ValueError("unexpected %r at %d" % (self.s[self.i:self.i + 10], self.i))


def lenient_parse(text):
    p = Lenient(text)
    p.last_end = 0
    v = p.value()
    if p.peek() != "":
        raise ValueError("trailing text")
    return v, p.errors


# =============================================================================================
# log_analysis: (before, log text, after, format, year for year-less stamps, expected
# (total_lines, errors, warnings, services_with_errors, most_common_error, first_error_at)).
# The parser below reads each line with the format's pattern and recomputes all six values.
# =============================================================================================
LOGS = [
    ("Nightly billing run log - summarize the errors (counts, which services, top error, "
     "first error time).\n\n",
     "2024-03-12 08:14:02,117 INFO [billing.scheduler] nightly invoice run started\n"
     "2024-03-12 08:14:02,450 INFO [billing.invoices] generating 312 invoices\n"
     "2024-03-12 08:14:05,902 WARNING [billing.tax] tax rate missing for region PR, using 0\n"
     "2024-03-12 08:14:07,013 ERROR [billing.payments] card declined: insufficient_funds\n"
     "2024-03-12 08:14:07,388 INFO [billing.invoices] invoice INV-88213 sent\n"
     "2024-03-12 08:14:09,771 ERROR [billing.payments] card declined: insufficient_funds\n"
     "2024-03-12 08:14:10,004 ERROR [billing.email] SMTP 421 service not available\n"
     "2024-03-12 08:14:12,560 DEBUG [billing.payments] retry queue size=2\n"
     "2024-03-12 08:14:15,231 ERROR [billing.payments] card declined: insufficient_funds\n"
     "2024-03-12 08:14:18,909 WARNING [billing.email] falling back to secondary relay\n"
     "2024-03-12 08:14:19,322 INFO [billing.email] 309 emails delivered\n"
     "2024-03-12 08:14:20,001 INFO [billing.scheduler] nightly invoice run finished in 17.9s",
     "", "pylog", None,
     (12, 4, 2, ["billing.payments", "billing.email"], "card declined: insufficient_funds",
      "2024-03-12T08:14:07")),
    ("",
     "time=2024-05-02T11:20:03Z level=info service=cart msg=\"GET /cart 200\" duration=38ms\n"
     "time=2024-05-02T11:20:04Z level=warn service=cart msg=\"redis latency high\" p99=412ms\n"
     "time=2024-05-02T11:20:09Z level=error service=pricing msg=\"upstream connect error\" "
     "upstream=promo-engine\n"
     "time=2024-05-02T11:20:09Z level=info service=cart msg=\"GET /cart 200\" duration=51ms\n"
     "time=2024-05-02T11:20:11Z level=error service=pricing msg=\"upstream connect error\" "
     "upstream=promo-engine\n"
     "time=2024-05-02T11:20:12Z level=error service=cart msg=\"failed to compute totals\" "
     "order=8812\n"
     "time=2024-05-02T11:20:15Z level=warn service=pricing msg=\"circuit breaker open\" "
     "upstream=promo-engine\n"
     "time=2024-05-02T11:20:20Z level=info service=cart msg=\"POST /cart/items 201\" duration=77ms\n"
     "time=2024-05-02T11:20:44Z level=info service=pricing msg=\"circuit breaker half-open\" "
     "upstream=promo-engine\n"
     "time=2024-05-02T11:20:45Z level=error service=pricing msg=\"upstream connect error\" "
     "upstream=promo-engine\n"
     "time=2024-05-02T11:21:02Z level=info service=pricing msg=\"circuit breaker closed\" "
     "upstream=promo-engine",
     "\n\nwe got paged for checkout at 11:20 - what do these logs say? JSON summary please",
     "logfmt", None,
     (11, 4, 2, ["pricing", "cart"], "upstream connect error", "2024-05-02T11:20:09")),
    ("Triage these auth logs (ECS JSON). I need total lines, error and warning counts, the "
     "services with errors, the most frequent error and when the first error happened.\n\n",
     "{\"@timestamp\":\"2023-10-17T14:02:11.482Z\",\"log.level\":\"INFO\",\"service.name\":"
     "\"auth-api\",\"message\":\"login succeeded for user_id=5521\"}\n"
     "{\"@timestamp\":\"2023-10-17T14:02:15.019Z\",\"log.level\":\"WARN\",\"service.name\":"
     "\"auth-api\",\"message\":\"password attempt 3/5 for user_id=8830\"}\n"
     "{\"@timestamp\":\"2023-10-17T14:02:19.730Z\",\"log.level\":\"ERROR\",\"service.name\":"
     "\"auth-api\",\"message\":\"LDAP bind failed: invalid credentials for service account\"}\n"
     "{\"@timestamp\":\"2023-10-17T14:02:20.004Z\",\"log.level\":\"INFO\",\"service.name\":"
     "\"token-service\",\"message\":\"issued refresh token\"}\n"
     "{\"@timestamp\":\"2023-10-17T14:02:26.611Z\",\"log.level\":\"ERROR\",\"service.name\":"
     "\"token-service\",\"message\":\"JWKS fetch failed: timeout after 5000ms\"}\n"
     "{\"@timestamp\":\"2023-10-17T14:02:31.250Z\",\"log.level\":\"ERROR\",\"service.name\":"
     "\"auth-api\",\"message\":\"LDAP bind failed: invalid credentials for service account\"}\n"
     "{\"@timestamp\":\"2023-10-17T14:02:33.808Z\",\"log.level\":\"WARN\",\"service.name\":"
     "\"auth-api\",\"message\":\"account user_id=8830 locked after 5 failed attempts\"}\n"
     "{\"@timestamp\":\"2023-10-17T14:02:40.117Z\",\"log.level\":\"INFO\",\"service.name\":"
     "\"auth-api\",\"message\":\"login succeeded for user_id=1207\"}\n"
     "{\"@timestamp\":\"2023-10-17T14:02:44.902Z\",\"log.level\":\"ERROR\",\"service.name\":"
     "\"auth-api\",\"message\":\"LDAP bind failed: invalid credentials for service account\"}\n"
     "{\"@timestamp\":\"2023-10-17T14:02:51.376Z\",\"log.level\":\"INFO\",\"service.name\":"
     "\"token-service\",\"message\":\"JWKS cache refreshed\"}",
     "", "ecs", None,
     (10, 4, 2, ["auth-api", "token-service"],
      "LDAP bind failed: invalid credentials for service account", "2023-10-17T14:02:19")),
    ("Syslog from db-03 - all of these entries are from 2023. What went wrong during the "
     "backup window?\n\n",
     "Nov  3 02:00:01 db-03 CRON[44120]: (postgres) CMD (/usr/local/bin/pg_backup.sh)\n"
     "Nov  3 02:00:02 db-03 pg_backup[44122]: INFO starting base backup to s3://acme-db-backups/db-03\n"
     "Nov  3 02:07:45 db-03 postgres[1187]: WARNING: checkpoints are occurring too frequently "
     "(24 seconds apart)\n"
     "Nov  3 02:11:09 db-03 pg_backup[44122]: ERROR upload failed: RequestTimeout\n"
     "Nov  3 02:11:40 db-03 pg_backup[44122]: ERROR upload failed: RequestTimeout\n"
     "Nov  3 02:12:02 db-03 postgres[30071]: ERROR: canceling statement due to statement timeout\n"
     "Nov  3 02:12:15 db-03 pg_backup[44122]: ERROR upload failed: RequestTimeout\n"
     "Nov  3 02:12:16 db-03 pg_backup[44122]: INFO giving up after 3 attempts\n"
     "Nov  3 02:15:00 db-03 postgres[1187]: LOG: checkpoint complete",
     "\n\nAnswer as JSON (first_error_at as YYYY-MM-DDTHH:MM:SS).", "syslog", 2023,
     (9, 4, 1, ["pg_backup", "postgres"], "upload failed: RequestTimeout",
      "2023-11-03T02:11:09")),
    ("",
     "[2024-08-19 22:01:44] [INFO] [scheduler] dispatching 1,200 newsletter emails\n"
     "[2024-08-19 22:01:45] [INFO] [mailer] batch 1/6 queued\n"
     "[2024-08-19 22:01:58] [ERROR] [mailer] 421 4.7.0 Try again later\n"
     "[2024-08-19 22:01:58] [WARN] [mailer] throttling: backing off 30s\n"
     "[2024-08-19 22:02:28] [INFO] [mailer] batch 2/6 queued\n"
     "[2024-08-19 22:02:41] [ERROR] [mailer] 421 4.7.0 Try again later\n"
     "[2024-08-19 22:02:41] [WARN] [mailer] throttling: backing off 60s\n"
     "[2024-08-19 22:03:05] [ERROR] [bounce-handler] could not parse DSN for message 7731\n"
     "[2024-08-19 22:03:41] [INFO] [mailer] batch 3/6 queued\n"
     "[2024-08-19 22:03:55] [ERROR] [mailer] 421 4.7.0 Try again later\n"
     "[2024-08-19 22:03:55] [WARN] [mailer] throttling: backing off 120s\n"
     "[2024-08-19 22:05:55] [INFO] [mailer] batch 4/6 queued",
     "\n\nNewsletter send is crawling. Analyze the log above and return the usual JSON summary.",
     "bracket", None,
     (12, 4, 3, ["mailer", "bounce-handler"], "421 4.7.0 Try again later",
      "2024-08-19T22:01:58")),
    ("Go service logs (zap JSON). Give me total_lines, error_count, warning_count, "
     "services_with_errors (logger names), most_common_error and first_error_at.\n\n",
     "{\"level\":\"info\",\"ts\":\"2025-01-14T09:30:00.118Z\",\"logger\":\"ingest\",\"msg\":"
     "\"consumer started\",\"partition\":3}\n"
     "{\"level\":\"debug\",\"ts\":\"2025-01-14T09:30:01.940Z\",\"logger\":\"ingest\",\"msg\":"
     "\"fetched batch\",\"size\":500}\n"
     "{\"level\":\"error\",\"ts\":\"2025-01-14T09:30:02.771Z\",\"logger\":\"ingest\",\"msg\":"
     "\"schema validation failed\",\"field\":\"amount\"}\n"
     "{\"level\":\"info\",\"ts\":\"2025-01-14T09:30:03.015Z\",\"logger\":\"writer\",\"msg\":"
     "\"flushed 498 rows to clickhouse\"}\n"
     "{\"level\":\"error\",\"ts\":\"2025-01-14T09:30:04.362Z\",\"logger\":\"ingest\",\"msg\":"
     "\"schema validation failed\",\"field\":\"currency\"}\n"
     "{\"level\":\"warn\",\"ts\":\"2025-01-14T09:30:06.800Z\",\"logger\":\"writer\",\"msg\":"
     "\"insert took 3.2s\"}\n"
     "{\"level\":\"error\",\"ts\":\"2025-01-14T09:30:07.114Z\",\"logger\":\"writer\",\"msg\":"
     "\"clickhouse: too many parts (300)\"}\n"
     "{\"level\":\"error\",\"ts\":\"2025-01-14T09:30:09.457Z\",\"logger\":\"writer\",\"msg\":"
     "\"clickhouse: too many parts (300)\"}\n"
     "{\"level\":\"error\",\"ts\":\"2025-01-14T09:30:11.020Z\",\"logger\":\"ingest\",\"msg\":"
     "\"schema validation failed\",\"field\":\"amount\"}\n"
     "{\"level\":\"info\",\"ts\":\"2025-01-14T09:30:12.733Z\",\"logger\":\"ingest\",\"msg\":"
     "\"committed offset 1882310\"}",
     "", "zap", None,
     (10, 5, 1, ["ingest", "writer"], "schema validation failed", "2025-01-14T09:30:02")),
    ("",
     "2024-02-05 09:12:44.201 +00:00 [INF] [Orders.Api] HTTP POST /api/orders responded 201 in "
     "84.2 ms\n"
     "2024-02-05 09:12:45.876 +00:00 [WRN] [Orders.Api] Request body larger than 1 MB\n"
     "2024-02-05 09:12:46.013 +00:00 [ERR] [Orders.Data] Deadlock detected while saving order\n"
     "2024-02-05 09:12:46.540 +00:00 [INF] [Orders.Api] HTTP POST /api/orders responded 500 in "
     "530.7 ms\n"
     "2024-02-05 09:12:50.118 +00:00 [ERR] [Orders.Data] Deadlock detected while saving order\n"
     "2024-02-05 09:12:52.402 +00:00 [ERR] [Orders.Messaging] Service Bus send failed: "
     "MessagingEntityNotFound\n"
     "2024-02-05 09:12:55.730 +00:00 [INF] [Orders.Api] HTTP GET /api/orders/88213 responded "
     "200 in 12.9 ms\n"
     "2024-02-05 09:13:01.009 +00:00 [WRN] [Orders.Data] Retrying transaction (attempt 2)\n"
     "2024-02-05 09:13:01.377 +00:00 [INF] [Orders.Data] Order 88214 saved",
     "\n\nSerilog output from the orders API. What's failing? Return JSON.", "serilog", None,
     (9, 3, 2, ["Orders.Data", "Orders.Messaging"], "Deadlock detected while saving order",
      "2024-02-05T09:12:46")),
    ("Sidekiq box logs below. Count errors/warnings and tell me which components failed, the "
     "most common error and the first error timestamp.\n\n",
     "I, [2024-04-02T10:00:01.123456 #4123]  INFO -- sidekiq: Booting Sidekiq 7.2.0 with Redis "
     "at redis://redis:6379/0\n"
     "I, [2024-04-02T10:00:03.551902 #4123]  INFO -- sidekiq: Starting processing, hit Ctrl-C "
     "to stop\n"
     "W, [2024-04-02T10:02:17.004211 #4123]  WARN -- sidekiq: ImportCsvJob JID-7f3a took 48.2s\n"
     "E, [2024-04-02T10:03:40.870012 #4123] ERROR -- sidekiq: SyncToHubspotJob failed: "
     "Net::ReadTimeout\n"
     "I, [2024-04-02T10:03:41.002118 #4123]  INFO -- rails: Completed 200 OK in 35ms\n"
     "E, [2024-04-02T10:04:12.332018 #4123] ERROR -- sidekiq: SyncToHubspotJob failed: "
     "Net::ReadTimeout\n"
     "E, [2024-04-02T10:05:55.718201 #4123] ERROR -- rails: ActiveRecord::ConnectionTimeoutError: "
     "could not obtain a connection from the pool\n"
     "E, [2024-04-02T10:06:30.120044 #4123] ERROR -- sidekiq: SyncToHubspotJob failed: "
     "Net::ReadTimeout\n"
     "I, [2024-04-02T10:06:31.450923 #4123]  INFO -- sidekiq: SyncToHubspotJob moved to dead set",
     "", "ruby", None,
     (9, 4, 1, ["sidekiq", "rails"], "SyncToHubspotJob failed: Net::ReadTimeout",
      "2024-04-02T10:03:40")),
    ("",
     "2024-07-22 16:45:01.204  INFO [inventory-service,,] 1 --- [nio-8080-exec-1] "
     "c.e.i.StockController       : GET /stock/SKU-4410 -> 200\n"
     "2024-07-22 16:45:02.377  WARN [order-service,64bd1f,a81c02] 1 --- [nio-8081-exec-2] "
     "c.e.o.InventoryClient       : Slow response from inventory-service: 1840 ms\n"
     "2024-07-22 16:45:03.912 ERROR [inventory-service,64bd1f,77e0d4] 1 --- [nio-8080-exec-4] "
     "c.e.i.ReservationService    : Stock reservation failed: optimistic lock exception\n"
     "2024-07-22 16:45:03.950 ERROR [order-service,64bd1f,a81c02] 1 --- [nio-8081-exec-2] "
     "c.e.o.OrderService          : Order 55120 could not be reserved\n"
     "2024-07-22 16:45:06.118  INFO [inventory-service,,] 1 --- [nio-8080-exec-7] "
     "c.e.i.StockController       : GET /stock/SKU-1182 -> 200\n"
     "2024-07-22 16:45:09.402 ERROR [inventory-service,9f01aa,0c3e51] 1 --- [nio-8080-exec-2] "
     "c.e.i.ReservationService    : Stock reservation failed: optimistic lock exception\n"
     "2024-07-22 16:45:10.005  WARN [inventory-service,,] 1 --- [nio-8080-exec-9] "
     "com.zaxxer.hikari.pool.HikariPool : HikariPool-1 - Connection is not available, request "
     "timed out after 3000ms\n"
     "2024-07-22 16:45:10.640 ERROR [order-service,9f01aa,d2b7f8] 1 --- [nio-8081-exec-5] "
     "c.e.o.OrderService          : Order 55127 could not be reserved\n"
     "2024-07-22 16:45:12.881  INFO [order-service,,] 1 --- [nio-8081-exec-1] "
     "c.e.o.OrderService          : Order 55131 created\n"
     "2024-07-22 16:45:14.307 ERROR [inventory-service,b4d9e2,61fa0c] 1 --- [nio-8080-exec-3] "
     "c.e.i.ReservationService    : Stock reservation failed: optimistic lock exception",
     "\n\nAggregated Spring Boot logs (app name is the first field in the brackets). Summarize "
     "as JSON.", "spring", None,
     (10, 5, 2, ["inventory-service", "order-service"],
      "Stock reservation failed: optimistic lock exception", "2024-07-22T16:45:03")),
    ("Reindex job logs from Elasticsearch land - analyze them:\n\n",
     "{\"@timestamp\":\"2025-06-03T07:15:00.004Z\",\"log.level\":\"INFO\",\"service.name\":"
     "\"search-indexer\",\"message\":\"reindex of products started\"}\n"
     "{\"@timestamp\":\"2025-06-03T07:16:12.330Z\",\"log.level\":\"INFO\",\"service.name\":"
     "\"search-indexer\",\"message\":\"indexed 10000/84211 documents\"}\n"
     "{\"@timestamp\":\"2025-06-03T07:16:40.512Z\",\"log.level\":\"WARN\",\"service.name\":"
     "\"search-indexer\",\"message\":\"bulk request took 9.8s\"}\n"
     "{\"@timestamp\":\"2025-06-03T07:16:41.078Z\",\"log.level\":\"ERROR\",\"service.name\":"
     "\"search-indexer\",\"message\":\"bulk item failed: mapper_parsing_exception\"}\n"
     "{\"@timestamp\":\"2025-06-03T07:16:41.079Z\",\"log.level\":\"ERROR\",\"service.name\":"
     "\"search-indexer\",\"message\":\"bulk item failed: mapper_parsing_exception\"}\n"
     "{\"@timestamp\":\"2025-06-03T07:17:02.660Z\",\"log.level\":\"INFO\",\"service.name\":"
     "\"search-api\",\"message\":\"query p95=210ms\"}\n"
     "{\"@timestamp\":\"2025-06-03T07:17:30.915Z\",\"log.level\":\"ERROR\",\"service.name\":"
     "\"search-api\",\"message\":\"search_phase_execution_exception: all shards failed\"}\n"
     "{\"@timestamp\":\"2025-06-03T07:17:55.201Z\",\"log.level\":\"INFO\",\"service.name\":"
     "\"search-indexer\",\"message\":\"indexed 20000/84211 documents\"}\n"
     "{\"@timestamp\":\"2025-06-03T07:18:03.444Z\",\"log.level\":\"ERROR\",\"service.name\":"
     "\"search-indexer\",\"message\":\"bulk item failed: mapper_parsing_exception\"}\n"
     "{\"@timestamp\":\"2025-06-03T07:18:20.010Z\",\"log.level\":\"WARN\",\"service.name\":"
     "\"search-api\",\"message\":\"cluster health is yellow\"}\n"
     "{\"@timestamp\":\"2025-06-03T07:19:41.736Z\",\"log.level\":\"INFO\",\"service.name\":"
     "\"search-indexer\",\"message\":\"indexed 30000/84211 documents\"}",
     "", "ecs", None,
     (11, 4, 2, ["search-indexer", "search-api"], "bulk item failed: mapper_parsing_exception",
      "2025-06-03T07:16:41")),
    ("",
     "2025-02-18 03:10:00,001 INFO [trainer] epoch 7/20 started\n"
     "2025-02-18 03:14:12,417 WARNING [dataloader] worker 3 slow: 4.1s per batch\n"
     "2025-02-18 03:21:40,902 INFO [trainer] epoch 7 loss=0.4182 val_loss=0.4410\n"
     "2025-02-18 03:21:41,005 ERROR [checkpoint] failed to write checkpoint: No space left on "
     "device\n"
     "2025-02-18 03:21:41,006 WARNING [trainer] continuing without checkpoint\n"
     "2025-02-18 03:29:55,310 ERROR [checkpoint] failed to write checkpoint: No space left on "
     "device\n"
     "2025-02-18 03:30:02,777 ERROR [metrics] wandb upload failed: HTTP 502\n"
     "2025-02-18 03:38:09,121 INFO [trainer] epoch 8 loss=0.4023 val_loss=0.4391",
     "\n\nmy training run looks unhappy overnight - log summary as JSON?", "pylog", None,
     (8, 3, 2, ["checkpoint", "metrics"], "failed to write checkpoint: No space left on device",
      "2025-02-18T03:21:41")),
    ("Edge box syslog (March 2024). Analyze:\n\n",
     "Mar  4 10:11:02 edge-01 haproxy[1021]: WARNING Server api_backend/api2 is DOWN, reason: "
     "Layer4 timeout\n"
     "Mar  4 10:11:04 edge-01 haproxy[1021]: WARNING Server api_backend/api1 is DOWN, reason: "
     "Layer4 timeout\n"
     "Mar  4 10:11:04 edge-01 haproxy[1021]: ERROR backend api_backend has no server available!\n"
     "Mar  4 10:11:05 edge-01 healthcheck[3310]: ERROR probe https://api.internal/health failed: "
     "connection refused\n"
     "Mar  4 10:11:15 edge-01 healthcheck[3310]: ERROR probe https://api.internal/health failed: "
     "connection refused\n"
     "Mar  4 10:11:20 edge-01 systemd[1]: Starting api.service...\n"
     "Mar  4 10:11:25 edge-01 healthcheck[3310]: ERROR probe https://api.internal/health failed: "
     "connection refused\n"
     "Mar  4 10:11:31 edge-01 systemd[1]: Started api.service.\n"
     "Mar  4 10:11:33 edge-01 haproxy[1021]: INFO Server api_backend/api1 is UP\n"
     "Mar  4 10:11:34 edge-01 haproxy[1021]: INFO Server api_backend/api2 is UP",
     "", "syslog", 2024,
     (10, 4, 2, ["haproxy", "healthcheck"],
      "probe https://api.internal/health failed: connection refused", "2024-03-04T10:11:04")),
    ("Christmas Eve matchmaking incident. From this log give me: total lines, errors, warnings, "
     "services that errored, the most common error, first error time.\n\n",
     "[2024-12-24 19:00:00] [INFO] [matchmaker] queue size 1,284\n"
     "[2024-12-24 19:00:07] [WARN] [matchmaker] queue wait above 90s in region eu-west\n"
     "[2024-12-24 19:00:12] [ERROR] [session] failed to allocate game server: capacity exhausted\n"
     "[2024-12-24 19:00:13] [ERROR] [session] failed to allocate game server: capacity exhausted\n"
     "[2024-12-24 19:00:20] [INFO] [autoscaler] scaling eu-west fleet 40 -> 60\n"
     "[2024-12-24 19:00:31] [ERROR] [autoscaler] scale-up partially failed: instance limit "
     "reached\n"
     "[2024-12-24 19:00:35] [ERROR] [session] failed to allocate game server: capacity exhausted\n"
     "[2024-12-24 19:01:02] [INFO] [session] 512 sessions started\n"
     "[2024-12-24 19:01:40] [WARN] [payments] store latency 1.9s",
     "", "bracket", None,
     (9, 4, 2, ["session", "autoscaler"], "failed to allocate game server: capacity exhausted",
      "2024-12-24T19:00:12")),
    ("",
     "{\"timestamp\":\"2023-07-07T05:00:00.512Z\",\"severity\":\"INFO\",\"component\":"
     "\"etl-scheduler\",\"message\":\"DAG daily_sales triggered\"}\n"
     "{\"timestamp\":\"2023-07-07T05:02:13.044Z\",\"severity\":\"INFO\",\"component\":\"extract\","
     "\"message\":\"pulled 182,004 rows from shopify\"}\n"
     "{\"timestamp\":\"2023-07-07T05:03:41.870Z\",\"severity\":\"WARNING\",\"component\":"
     "\"transform\",\"message\":\"14 rows with null customer_id dropped\"}\n"
     "{\"timestamp\":\"2023-07-07T05:04:02.311Z\",\"severity\":\"ERROR\",\"component\":\"load\","
     "\"message\":\"BigQuery quota exceeded: too many table update operations\"}\n"
     "{\"timestamp\":\"2023-07-07T05:04:32.317Z\",\"severity\":\"ERROR\",\"component\":\"load\","
     "\"message\":\"BigQuery quota exceeded: too many table update operations\"}\n"
     "{\"timestamp\":\"2023-07-07T05:05:32.402Z\",\"severity\":\"INFO\",\"component\":\"load\","
     "\"message\":\"retry 3/3 succeeded\"}\n"
     "{\"timestamp\":\"2023-07-07T05:05:40.090Z\",\"severity\":\"ERROR\",\"component\":\"notify\","
     "\"message\":\"Slack webhook returned 404\"}\n"
     "{\"timestamp\":\"2023-07-07T05:05:41.001Z\",\"severity\":\"INFO\",\"component\":"
     "\"etl-scheduler\",\"message\":\"DAG daily_sales finished\"}",
     "\n\nETL run logs (Cloud Logging export). The components are the services. Summarize the "
     "failures.", "gcp", None,
     (8, 3, 1, ["load", "notify"], "BigQuery quota exceeded: too many table update operations",
      "2023-07-07T05:04:02")),
    ("Desktop sync client log, user says nothing syncs. Analyze as JSON:\n\n",
     "2025-04-11 17:30:12.004 -04:00 [INF] [Sync.Engine] Sync started for 3 folders\n"
     "2025-04-11 17:30:13.552 -04:00 [WRN] [Sync.Engine] File locked, will retry: Q1 budget.xlsx\n"
     "2025-04-11 17:30:19.870 -04:00 [ERR] [Sync.Upload] Upload failed: 413 Payload Too Large\n"
     "2025-04-11 17:30:22.101 -04:00 [INF] [Sync.Upload] Uploaded 48 files (212 MB)\n"
     "2025-04-11 17:30:25.640 -04:00 [ERR] [Sync.Auth] Token refresh failed: invalid_grant\n"
     "2025-04-11 17:30:25.641 -04:00 [ERR] [Sync.Auth] Token refresh failed: invalid_grant\n"
     "2025-04-11 17:30:25.700 -04:00 [WRN] [Sync.Engine] Pausing sync until user signs in again\n"
     "2025-04-11 17:30:25.702 -04:00 [INF] [Sync.Engine] Sync paused",
     "", "serilog", None,
     (8, 3, 2, ["Sync.Upload", "Sync.Auth"], "Token refresh failed: invalid_grant",
      "2025-04-11T17:30:19")),
    ("",
     "ts=2024-11-05T23:58:01.224Z level=info component=compactor msg=\"compaction cycle "
     "started\"\n"
     "ts=2024-11-05T23:58:09.502Z level=warning component=ingester msg=\"stream limit reached "
     "for tenant\" tenant=acme\n"
     "ts=2024-11-05T23:58:10.017Z level=error component=ingester msg=\"failed to flush chunks\" "
     "err=\"context deadline exceeded\"\n"
     "ts=2024-11-05T23:58:40.019Z level=error component=ingester msg=\"failed to flush chunks\" "
     "err=\"context deadline exceeded\"\n"
     "ts=2024-11-05T23:59:02.881Z level=info component=querier msg=\"query executed\" "
     "duration=1.2s\n"
     "ts=2024-11-05T23:59:10.020Z level=error component=ingester msg=\"failed to flush chunks\" "
     "err=\"context deadline exceeded\"\n"
     "ts=2024-11-05T23:59:31.447Z level=error component=distributor msg=\"push rejected: rate "
     "limit\" tenant=acme\n"
     "ts=2024-11-06T00:00:00.003Z level=info component=compactor msg=\"compaction cycle "
     "finished\"",
     "\n\nLoki's own logs from last night. Which components errored, what's the top error (msg), "
     "and when did errors start? Include the line/error/warning counts.", "logfmt", None,
     (8, 4, 1, ["ingester", "distributor"], "failed to flush chunks", "2024-11-05T23:58:10")),
    ("Checkout is throwing 500s. Django log excerpt:\n\n",
     "2023-09-14 12:00:03,551 INFO [django.server] \"GET /healthz HTTP/1.1\" 200 2\n"
     "2023-09-14 12:00:09,119 WARNING [django.request] Not Found: /wp-login.php\n"
     "2023-09-14 12:00:11,870 ERROR [django.request] Internal Server Error: /checkout/confirm\n"
     "2023-09-14 12:00:11,871 ERROR [payments.stripe] stripe.error.APIConnectionError: Could not "
     "connect to Stripe\n"
     "2023-09-14 12:00:14,402 WARNING [django.request] Not Found: /.env\n"
     "2023-09-14 12:00:20,550 ERROR [django.request] Internal Server Error: /checkout/confirm\n"
     "2023-09-14 12:00:20,551 ERROR [payments.stripe] stripe.error.APIConnectionError: Could not "
     "connect to Stripe\n"
     "2023-09-14 12:00:31,009 INFO [django.server] \"GET /healthz HTTP/1.1\" 200 2\n"
     "2023-09-14 12:00:44,310 ERROR [django.request] Internal Server Error: /checkout/confirm\n"
     "2023-09-14 12:00:44,312 INFO [payments.stripe] retrying charge ch_3O9 in 5s",
     "\n\nGive me the JSON summary (loggers count as services).", "pylog", None,
     (10, 5, 2, ["django.request", "payments.stripe"], "Internal Server Error: /checkout/confirm",
      "2023-09-14T12:00:11")),
    ("",
     "[2025-08-01 06:00:00] [INFO] [plc-gateway] shift A started, line 3 online\n"
     "[2025-08-01 06:04:12] [WARN] [sensor-hub] temperature probe T7 reading 78.2C (limit 80C)\n"
     "[2025-08-01 06:05:40] [ERROR] [sensor-hub] probe T7 over temperature limit\n"
     "[2025-08-01 06:05:41] [ERROR] [plc-gateway] conveyor 3 emergency stop triggered\n"
     "[2025-08-01 06:05:41] [WARN] [mes-sync] work order WO-5512 paused\n"
     "[2025-08-01 06:09:02] [ERROR] [sensor-hub] probe T7 over temperature limit\n"
     "[2025-08-01 06:15:30] [INFO] [plc-gateway] conveyor 3 restarted by operator 1142\n"
     "[2025-08-01 06:15:31] [INFO] [mes-sync] work order WO-5512 resumed",
     "\n\nLine 3 stopped this morning. Summarize the log: counts, services with errors, most "
     "common error, first error time.", "bracket", None,
     (8, 3, 2, ["sensor-hub", "plc-gateway"], "probe T7 over temperature limit",
      "2025-08-01T06:05:40")),
    ("Puma/Rails boot log, app is flaky after deploy. What does it say?\n\n",
     "I, [2023-03-21T08:30:00.100211 #1]  INFO -- puma: Puma starting in cluster mode...\n"
     "I, [2023-03-21T08:30:02.882112 #1]  INFO -- puma: Listening on http://0.0.0.0:3000\n"
     "W, [2023-03-21T08:31:15.020098 #12]  WARN -- rails: DEPRECATION WARNING: "
     "Rails.application.secrets is deprecated\n"
     "E, [2023-03-21T08:32:47.551102 #12] ERROR -- rails: Redis::CannotConnectError: Error "
     "connecting to Redis on 10.0.4.12:6379\n"
     "E, [2023-03-21T08:32:47.553019 #12] ERROR -- action_cable: Failed to subscribe to channel "
     "NotificationsChannel\n"
     "E, [2023-03-21T08:32:52.118763 #14] ERROR -- rails: Redis::CannotConnectError: Error "
     "connecting to Redis on 10.0.4.12:6379\n"
     "I, [2023-03-21T08:33:30.004411 #1]  INFO -- puma: Worker 2 (PID: 14) booted in 1.2s",
     "", "ruby", None,
     (7, 3, 1, ["rails", "action_cable"],
      "Redis::CannotConnectError: Error connecting to Redis on 10.0.4.12:6379",
      "2023-03-21T08:32:47")),
    ("",
     "{\"@timestamp\":\"2024-06-30T21:45:10.330Z\",\"log.level\":\"info\",\"service.name\":"
     "\"transcoder\",\"message\":\"job 77120 started: 1080p h264\"}\n"
     "{\"@timestamp\":\"2024-06-30T21:45:58.901Z\",\"log.level\":\"warn\",\"service.name\":"
     "\"transcoder\",\"message\":\"source bitrate unusually high: 48 Mbps\"}\n"
     "{\"@timestamp\":\"2024-06-30T21:47:02.114Z\",\"log.level\":\"error\",\"service.name\":"
     "\"packager\",\"message\":\"segment upload to origin failed: 503 Slow Down\"}\n"
     "{\"@timestamp\":\"2024-06-30T21:47:03.520Z\",\"log.level\":\"error\",\"service.name\":"
     "\"packager\",\"message\":\"segment upload to origin failed: 503 Slow Down\"}\n"
     "{\"@timestamp\":\"2024-06-30T21:47:05.011Z\",\"log.level\":\"info\",\"service.name\":"
     "\"packager\",\"message\":\"retrying with backoff 2s\"}\n"
     "{\"@timestamp\":\"2024-06-30T21:47:07.640Z\",\"log.level\":\"info\",\"service.name\":"
     "\"packager\",\"message\":\"segment 000184.ts uploaded\"}\n"
     "{\"@timestamp\":\"2024-06-30T21:48:40.002Z\",\"log.level\":\"error\",\"service.name\":"
     "\"notifier\",\"message\":\"webhook to https://hooks.example.tv/ready timed out\"}\n"
     "{\"@timestamp\":\"2024-06-30T21:48:41.900Z\",\"log.level\":\"info\",\"service.name\":"
     "\"transcoder\",\"message\":\"job 77120 finished in 211s\"}",
     "\n\nVideo pipeline logs. Analyze and answer in JSON.", "ecs", None,
     (8, 3, 1, ["packager", "notifier"], "segment upload to origin failed: 503 Slow Down",
      "2024-06-30T21:47:02")),
    ("Snapshot cron output - anything wrong?\n\n",
     "2025-10-02 14:00:00,000 INFO [backup] snapshot run started for 5 volumes\n"
     "2025-10-02 14:00:03,218 INFO [backup] snapshot vol-0a12 created\n"
     "2025-10-02 14:01:47,905 INFO [backup] snapshot vol-0b3f created\n"
     "2025-10-02 14:03:12,330 INFO [backup] snapshot vol-0b40 created\n"
     "2025-10-02 14:06:31,402 ERROR [backup] snapshot vol-0c77 failed: "
     "SnapshotCreationPerVolumeRateExceeded\n"
     "2025-10-02 14:07:55,016 INFO [backup] snapshot vol-0d01 created\n"
     "2025-10-02 14:08:00,120 INFO [backup] snapshot run finished: 4 ok, 1 failed",
     "", "pylog", None,
     (7, 1, 0, ["backup"], "snapshot vol-0c77 failed: SnapshotCreationPerVolumeRateExceeded",
      "2025-10-02T14:06:31")),
]

ERROR_LEVELS = {"ERROR", "ERR", "E"}
WARN_LEVELS = {"WARN", "WARNING", "WRN", "W"}
MONTHS = {m: i for i, m in enumerate(calendar.month_abbr) if m}


def parse_log_line(line, fmt, year):
    """-> (iso timestamp, LEVEL, service, message) for one line."""
    if fmt in ("ecs", "zap", "gcp"):
        o = json.loads(line)
        keys = {"ecs": ("@timestamp", "log.level", "service.name", "message"),
                "zap": ("ts", "level", "logger", "msg"),
                "gcp": ("timestamp", "severity", "component", "message")}[fmt]
        ts, lvl, svc, msg = (o[k] for k in keys)
        return ts[:19], lvl.upper(), svc, msg
    if fmt == "logfmt":
        kv = dict((k, v.strip('"')) for k, v in
                  re.findall(r'(\w+)=("[^"]*"|\S+)', line))
        ts = kv.get("time") or kv["ts"]
        return ts[:19], kv["level"].upper(), kv.get("service") or kv["component"], kv["msg"]
    if fmt == "syslog":
        m = re.fullmatch(r"(\w{3}) +(\d+) ([\d:]{8}) \S+ ([\w.-]+)\[\d+\]: (.*)", line)
        mon, day, time, svc, rest = m.groups()
        first, _, msg = rest.partition(" ")
        lvl = first.rstrip(":")
        if lvl not in ERROR_LEVELS | WARN_LEVELS | {"INFO", "LOG", "DEBUG"}:
            lvl, msg = "", rest
        return "%04d-%02d-%02dT%s" % (year, MONTHS[mon], int(day), time), lvl, svc, msg
    pat = {
        "pylog": r"(\S+) ([\d:]{8}),\d{3} (\w+) \[([^\]]+)\] (.*)",
        "bracket": r"\[(\S+) ([\d:]{8})\] \[(\w+)\] \[([^\]]+)\] (.*)",
        "serilog": r"(\S+) ([\d:]{8})\.\d+ [-+]\d\d:\d\d \[(\w+)\] \[([^\]]+)\] (.*)",
        "ruby": r"[A-Z], \[([\d-]+)T([\d:]{8})\.\d+ #\d+\] +(\w+) -- ([^:]+): (.*)",
        "spring": r"(\S+) ([\d:]{8})\.\d+ +(\w+) \[([^,\]]+),[^\]]*\] \d+ --- \[[^\]]+\] \S+ +: (.*)",
    }[fmt]
    date, time, lvl, svc, msg = re.fullmatch(pat, line).groups()
    return date + "T" + time, lvl.upper(), svc, msg


def analyze_log(text, fmt, year):
    lines = text.split("\n")
    errors, warnings, services, msgs, first = 0, 0, [], {}, None
    for line in lines:
        ts, lvl, svc, msg = parse_log_line(line, fmt, year)
        if lvl in ERROR_LEVELS:
            errors += 1
            if svc not in services:
                services.append(svc)
            msgs[msg] = msgs.get(msg, 0) + 1
            first = first or ts
        elif lvl in WARN_LEVELS:
            warnings += 1
    top = sorted(msgs.items(), key=lambda kv: -kv[1])
    if len(top) > 1 and top[0][1] == top[1][1]:
        raise ValueError("tie for the most common error")
    return (len(lines), errors, warnings, services, top[0][0], first)


# =============================================================================================
# sql_generation: (prompt, sql, tables, fixture name, python check). Every query runs against a
# small sqlite fixture and must return what the check computes from the fixture rows directly.
# =============================================================================================
SCHEMA_PG = """CREATE TABLE customers (
    id           SERIAL PRIMARY KEY,
    name         VARCHAR(120) NOT NULL,
    email        VARCHAR(255) UNIQUE NOT NULL,
    city         VARCHAR(80),
    signup_date  DATE NOT NULL
);

CREATE TABLE orders (
    id           SERIAL PRIMARY KEY,
    customer_id  INT NOT NULL REFERENCES customers (id),
    order_date   DATE NOT NULL,
    total        NUMERIC(10, 2) NOT NULL,
    status       VARCHAR(16) NOT NULL  -- pending | shipped | delivered | cancelled | returned
);

CREATE TABLE refunds (
    id        SERIAL PRIMARY KEY,
    order_id  INT REFERENCES orders (id),
    amount    NUMERIC(10, 2),
    reason    TEXT
);"""

SCHEMA_MD = """| table | column | type | notes |
|---|---|---|---|
| customers | id | int | PK |
| customers | name | text | |
| customers | email | text | |
| customers | city | text | |
| customers | signup_date | date | |
| orders | id | int | PK |
| orders | customer_id | int | FK -> customers.id |
| orders | order_date | date | |
| orders | total | decimal(10,2) | |
| orders | status | text | pending/shipped/delivered/cancelled/returned |
| products | id | int | PK |
| products | name | text | |
| products | category | text | |
| products | price | decimal(10,2) | |
| products | stock | int | units on hand |"""

SCHEMA_PROSE = ("Our database has three tables: customers (id, name, email, city, signup_date), "
                "orders (id, customer_id which points at customers.id, order_date, total, status) "
                "and products (id, sku, name, category, price, stock, supplier_id).")

SCHEMA_DJANGO = """class Customer(models.Model):
    name = models.CharField(max_length=120)
    email = models.EmailField(unique=True)
    city = models.CharField(max_length=80)
    signup_date = models.DateField()

    class Meta:
        db_table = "customers"


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT)  # column: customer_id
    order_date = models.DateField()
    total = models.DecimalField(max_digits=10, decimal_places=2)
    status = models.CharField(max_length=16)

    class Meta:
        db_table = "orders\""""

SCHEMA_PSQL_D = """                   Table "public.products"
   Column    |     Type      | Nullable
-------------+---------------+----------
 id          | integer       | not null
 sku         | text          |
 name        | text          | not null
 category    | text          | not null
 price       | numeric(10,2) | not null
 stock       | integer       | not null
 supplier_id | integer       |"""

FIXTURES = {
    "shop": {
        "customers": (["id", "name", "email", "city", "signup_date"], [
            (1, "Ana Lima", "ana.lima@example.com", "Denver", "2021-05-03"),
            (2, "Ben Ortiz", "ben.ortiz@example.com", "Denver", "2022-02-11"),
            (3, "Siobhan O'Neill", "siobhan@example.com", "Austin", "2023-07-19"),
            (4, "Chen Wei", "chen.wei@example.com", "Austin", "2024-02-29"),
            (5, "Dara Khan", "dara.khan@example.com", "Denver", "2024-02-05"),
            (6, "Eli Brooks", "eli.brooks@example.com", "Tulsa", "2025-09-12"),
            (7, "Fay Moss", "fay.moss@example.com", "Austin", "2022-12-30"),
            (8, "Gus Yang", "gus.yang@example.com", "Tulsa", "2025-09-30"),
        ]),
        "orders": (["id", "customer_id", "order_date", "total", "status"], [
            (101, 1, "2023-03-02", 45.00, "delivered"), (102, 1, "2023-08-19", 620.00, "returned"),
            (103, 2, "2023-11-30", 75.50, "cancelled"), (104, 3, "2024-01-20", 510.00, "delivered"),
            (105, 3, "2024-02-02", 35.00, "delivered"), (106, 3, "2024-06-15", 99.99, "cancelled"),
            (107, 4, "2024-06-01", 1200.00, "shipped"), (108, 4, "2024-09-01", 501.00, "delivered"),
            (109, 5, "2024-05-31", 80.00, "cancelled"), (110, 5, "2024-07-04", 230.00, "cancelled"),
            (111, 7, "2024-09-15", 800.00, "delivered"), (112, 7, "2025-03-01", 42.00, "pending"),
            (113, 3, "2025-03-05", 18.00, "delivered"), (114, 2, "2025-02-28", 310.00, "shipped"),
            (115, 3, "2024-10-10", 64.00, "returned"), (116, 6, "2025-09-20", 150.00, "pending"),
            (117, 4, "2024-01-15", 52.00, "delivered"), (118, 4, "2024-03-03", 77.00, "delivered"),
        ]),
        "products": (["id", "sku", "name", "category", "price", "stock", "supplier_id"], [
            (1, "OUT-01", "Ultralight Tent", "Outdoor", 349.00, 4, 1),
            (2, "OUT-02", "Camp Stove", "Outdoor", 89.95, 22, 1),
            (3, "OUT-03", "Trekking Poles", "Outdoor", 119.00, 0, 2),
            (4, "OUT-04", "Sleeping Pad", "Outdoor", 129.50, 9, 2),
            (5, "OUT-05", "Headlamp", "Outdoor", 39.99, 51, 2),
            (6, "OUT-06", "Down Sleeping Bag", "Outdoor", 289.00, 3, 1),
            (7, "OUT-07", "Water Filter", "Outdoor", 44.95, 12, 3),
            (8, "KIT-01", "Chef's Knife", "Kitchen", 64.00, 7, 3),
            (9, "KIT-02", "Cast Iron Skillet", "Kitchen", 39.00, 15, 3),
            (10, "KIT-03", "Pour-Over Kettle", "Kitchen", 72.00, 2, 4),
            (11, "ELE-01", "Noise-Cancelling Headphones", "Electronics", 299.00, 30, 4),
            (12, "ELE-02", "Bluetooth Speaker", "Electronics", 99.00, 18, 4),
            (13, "ELE-03", "E-Reader", "Electronics", 139.99, 6, 5),
            (14, "ELE-04", "Webcam", "Electronics", 100.00, 11, 5),
        ]),
    },
    "library": {"books": (["id", "title", "author", "genre", "price", "copies"], [
        (1, "The Thursday Murder Club", "Richard Osman", "Mystery", 17.99, 4),
        (2, "Gone Girl", "Gillian Flynn", "Mystery", 11.99, 2),
        (3, "The Guest List", "Lucy Foley", "Mystery", 16.50, 3),
        (4, "Big Little Lies", "Liane Moriarty", "Mystery", 14.00, 1),
        (5, "In the Woods", "Tana French", "Mystery", 18.25, 2),
        (6, "The Hound of the Baskervilles", "Arthur Conan Doyle", "Mystery", 6.99, 5),
        (7, "Dune", "Frank Herbert", "Sci-Fi", 19.99, 3)])},
    "helpdesk": {"tickets": (["id", "requester_id", "opened_at", "status", "priority"], [
        (1, 10, "2025-03-30", "open", "high"), (2, 11, "2025-04-01", "open", "low"),
        (3, 12, "2025-04-02", "closed", "low"), (4, 10, "2025-04-15", "open", "urgent"),
        (5, 13, "2025-05-01", "pending", "normal")])},
    "gym": {"members": (["id", "name", "email", "home_club", "joined_on"], [
        (1, "Ivy Chen", "ivy@example.com", "Midtown", "2024-12-31"),
        (2, "Jay Patel", "jay@example.com", "Midtown", "2025-01-01"),
        (3, "Kim Ruiz", "kim@example.com", "Uptown", "2025-01-31"),
        (4, "Lou Grant", "lou@example.com", "Uptown", "2025-02-01")])},
    "agency": {
        "clients": (["id", "name", "industry"], [
            (1, "Bluebird Cafe", "Hospitality"), (2, "Northwind Legal", "Legal")]),
        "invoices": (["id", "client_id", "issued_on", "amount", "paid"], [
            (501, 1, "2024-02-01", 1800.00, 1), (502, 2, "2024-02-03", 950.00, 0),
            (503, 1, "2024-03-01", 2200.00, 0)])},
    "warehouse": {"parts": (["id", "part_no", "name", "category", "unit_cost", "on_hand"], [
        (1, "F-100", "M6 hex bolt", "Fasteners", 0.12, 1500),
        (2, "F-101", "M6 nyloc nut", "Fasteners", 0.09, 180),
        (3, "F-102", "M8 washer", "Fasteners", 0.05, 199),
        (4, "E-200", "Cable gland", "Electrical", 1.40, 20)])},
    "payments": {"payments": (["id", "payer_id", "paid_on", "amount", "method"], [
        (1, 3, "2024-06-30", 400.00, "card"), (2, 4, "2024-07-01", 250.00, "ach"),
        (3, 3, "2024-08-12", 99.50, "card")])},
    "hotel": {
        "guests": (["id", "name", "email", "country"], [
            (1, "Nora Blake", "nora@example.com", "US"), (2, "Omar Aziz", "omar@example.com", "AE"),
            (3, "Pia Berg", "pia@example.com", "SE")]),
        "bookings": (["id", "guest_id", "check_in", "nights", "total", "status"], [
            (1, 1, "2024-01-05", 2, 300.0, "completed"), (2, 1, "2024-03-10", 1, 150.0, "completed"),
            (3, 1, "2024-06-01", 3, 450.0, "completed"), (4, 1, "2024-08-20", 2, 310.0, "completed"),
            (5, 2, "2023-12-30", 4, 800.0, "completed"), (6, 2, "2024-02-14", 1, 180.0, "completed"),
            (7, 2, "2024-05-05", 2, 360.0, "cancelled"), (8, 2, "2024-09-09", 2, 360.0, "completed"),
            (9, 3, "2024-04-04", 1, 120.0, "completed")])},
    "restaurant": {"menu_items": (["id", "name", "course", "price", "is_available"], [
        (1, "Roast chicken", "Mains", 24.00, 1), (2, "Mushroom risotto", "Mains", 19.50, 1),
        (3, "Ribeye", "Mains", 38.00, 1), (4, "Fish tacos", "Mains", 15.00, 1),
        (5, "Burrata", "Starters", 16.00, 1)])},
    "hr": {"employees": (["id", "name", "email", "office", "title", "hired_on"], [
        (1, "Quinn Avery", "qavery@example.com", "Boston", "Engineer", "2019-11-04"),
        (2, "Rosa Diaz", "rdiaz@example.com", "Boston", "Designer", "2020-01-06"),
        (3, "Abe Stone", "astone@example.com", "Boston", "PM", "2023-05-22"),
        (4, "Tess Ng", "tng@example.com", "Chicago", "Engineer", "2021-08-16")])},
}


def T(fixture, table):
    cols, rows = FIXTURES[fixture][table]
    return [dict(zip(cols, r)) for r in rows]


def grouped_count(rows, key):
    out = {}
    for r in rows:
        out[r[key]] = out.get(r[key], 0) + 1
    return out


def shop_joined():
    cust = {c["id"]: c for c in T("shop", "customers")}
    return [(o, cust[o["customer_id"]]) for o in T("shop", "orders")]


SQL = [
    ("hey, quick one - how many orders have been cancelled since the start of June 2024?\n\n"
     "Schema:\n" + SCHEMA_PG,
     "SELECT COUNT(*) FROM orders WHERE status = 'cancelled' AND order_date >= '2024-06-01';",
     ["orders"], "shop",
     lambda: [(sum(1 for o in T("shop", "orders")
                   if o["status"] == "cancelled" and o["order_date"] >= "2024-06-01"),)]),
    (SCHEMA_MD + "\n\nMarketing wants the name and email of everyone in Denver who signed up in "
     "2022 or later, sorted A-Z by name. Write the query (JSON with sql and tables).",
     "SELECT name, email FROM customers WHERE city = 'Denver' AND signup_date >= '2022-01-01' "
     "ORDER BY name;",
     ["customers"], "shop",
     lambda: sorted((c["name"], c["email"]) for c in T("shop", "customers")
                    if c["city"] == "Denver" and c["signup_date"] >= "2022-01-01")),
    ("Given these tables:\n" + SCHEMA_PROSE + "\n\nWhat are our 5 priciest items in the Outdoor "
     "category? I want name and price.",
     "SELECT name, price FROM products WHERE category = 'Outdoor' ORDER BY price DESC LIMIT 5;",
     ["products"], "shop",
     lambda: sorted(((p["name"], p["price"]) for p in T("shop", "products")
                     if p["category"] == "Outdoor"), key=lambda x: -x[1])[:5]),
    (SCHEMA_DJANGO + "\n\nThose are our Django models. Finance asks: what's the total revenue "
     "from orders dated March 1, 2025 or later? Give me the raw SQL.",
     "SELECT SUM(total) FROM orders WHERE order_date >= '2025-03-01';",
     ["orders"], "shop",
     lambda: [(sum(o["total"] for o in T("shop", "orders") if o["order_date"] >= "2025-03-01"),)]),
    ("Schema:\n" + SCHEMA_PG + "\n\nFor 2023, break down the average order value by status, "
     "ignoring small orders of $50 or less. SQL please.",
     "SELECT status, AVG(total) FROM orders WHERE order_date BETWEEN '2023-01-01' AND '2023-12-31' "
     "AND total > 50 GROUP BY status;",
     ["orders"], "shop",
     lambda: (lambda rows: sorted(
         (st, sum(r["total"] for r in rows if r["status"] == st)
          / sum(1 for r in rows if r["status"] == st)) for st in {r["status"] for r in rows}))(
         [o for o in T("shop", "orders")
          if "2023-01-01" <= o["order_date"] <= "2023-12-31" and o["total"] > 50])),
    ("Pull every order id and total for the customer Siobhan O'Neill.\n\n" + SCHEMA_MD,
     "SELECT o.id, o.total FROM orders o JOIN customers c ON o.customer_id = c.id WHERE "
     "c.name = 'Siobhan O''Neill';",
     ["orders", "customers"], "shop",
     lambda: sorted((o["id"], o["total"]) for o, c in shop_joined()
                    if c["name"] == "Siobhan O'Neill")),
    (SCHEMA_PSQL_D + "\n\nWe're running low on kitchen stuff - which Kitchen products have fewer "
     "than 10 units left? Just the names.",
     "SELECT name FROM products WHERE stock < 10 AND category = 'Kitchen';",
     ["products"], "shop",
     lambda: sorted((p["name"],) for p in T("shop", "products")
                    if p["stock"] < 10 and p["category"] == "Kitchen")),
    ("Who are our repeat buyers? I need customers with more than 2 orders since January 15, "
     "2024, and how many orders each placed.\n\nTables:\n" + SCHEMA_PG,
     "SELECT c.name, COUNT(o.id) FROM customers c JOIN orders o ON o.customer_id = c.id WHERE "
     "o.order_date >= '2024-01-15' GROUP BY c.name HAVING COUNT(o.id) > 2;",
     ["customers", "orders"], "shop",
     lambda: sorted((n, k) for n, k in grouped_count(
         [{"n": c["name"]} for o, c in shop_joined() if o["order_date"] >= "2024-01-15"],
         "n").items() if k > 2)),
    (SCHEMA_PROSE + "\n\nShow Electronics items priced from $100 to $300, cheapest first (name "
     "and price).",
     "SELECT name, price FROM products WHERE category = 'Electronics' AND price BETWEEN 100 AND "
     "300 ORDER BY price ASC;",
     ["products"], "shop",
     lambda: sorted(((p["name"], p["price"]) for p in T("shop", "products")
                     if p["category"] == "Electronics" and 100 <= p["price"] <= 300),
                    key=lambda x: x[1])),
    ("How many people signed up in February 2024?\n\n" + SCHEMA_DJANGO,
     "SELECT COUNT(*) FROM customers WHERE signup_date BETWEEN '2024-02-01' AND '2024-02-29';",
     ["customers"], "shop",
     lambda: [(sum(1 for c in T("shop", "customers")
                   if c["signup_date"].startswith("2024-02")),)]),
    ("Using this schema:\n" + SCHEMA_MD + "\n\nwhich 3 cities bring in the most money from "
     "delivered orders? name the revenue column revenue",
     "SELECT c.city, SUM(o.total) AS revenue FROM orders o JOIN customers c ON o.customer_id = "
     "c.id WHERE o.status = 'delivered' GROUP BY c.city ORDER BY revenue DESC LIMIT 3;",
     ["orders", "customers"], "shop",
     lambda: sorted(((city, sum(o["total"] for o, c in shop_joined()
                                if c["city"] == city and o["status"] == "delivered"))
                     for city in {c["city"] for o, c in shop_joined()
                                  if o["status"] == "delivered"}), key=lambda x: -x[1])[:3]),
    ("I need the emails of Austin customers who placed any single order above $500 from "
     "September 1, 2024 on (no duplicates).\n\n" + SCHEMA_PG,
     "SELECT DISTINCT c.email FROM customers c JOIN orders o ON o.customer_id = c.id WHERE "
     "c.city = 'Austin' AND o.total > 500 AND o.order_date >= '2024-09-01';",
     ["customers", "orders"], "shop",
     lambda: sorted({(c["email"],) for o, c in shop_joined()
                     if c["city"] == "Austin" and o["total"] > 500
                     and o["order_date"] >= "2024-09-01"})),
    (SCHEMA_PROSE + "\n\nCount the orders that were returned on or after 2024-10-01.",
     "SELECT COUNT(*) FROM orders WHERE status = 'returned' AND order_date >= '2024-10-01';",
     ["orders"], "shop",
     lambda: [(sum(1 for o in T("shop", "orders")
                   if o["status"] == "returned" and o["order_date"] >= "2024-10-01"),)]),
    ("Tables:\n" + SCHEMA_MD + "\n\nHow many signups did we get in September 2025?",
     "SELECT COUNT(*) FROM customers WHERE signup_date BETWEEN '2025-09-01' AND '2025-09-30';",
     ["customers"], "shop",
     lambda: [(sum(1 for c in T("shop", "customers")
                   if c["signup_date"].startswith("2025-09")),)]),
    ("Library catalog DB:\nCREATE TABLE books (id INTEGER PRIMARY KEY, isbn TEXT, title TEXT, "
     "author TEXT, genre TEXT, price DECIMAL(6,2), copies INTEGER);\nCREATE TABLE members (id "
     "INTEGER PRIMARY KEY, name TEXT, card_no TEXT);\nCREATE TABLE loans (id INTEGER PRIMARY KEY, "
     "book_id INTEGER REFERENCES books(id), member_id INTEGER REFERENCES members(id), due DATE);"
     "\n\nQuestion: what are the 5 most expensive Mystery books? Show title and price.",
     "SELECT title, price FROM books WHERE genre = 'Mystery' ORDER BY price DESC LIMIT 5;",
     ["books"], "library",
     lambda: sorted(((b["title"], b["price"]) for b in T("library", "books")
                     if b["genre"] == "Mystery"), key=lambda x: -x[1])[:5]),
    ("Helpdesk schema:\n- users(id, name, email, team)\n- tickets(id, requester_id -> users.id, "
     "opened_at, status, priority)\n\nHow many tickets opened since 1 April 2025 are still "
     "open?",
     "SELECT COUNT(*) FROM tickets WHERE status = 'open' AND opened_at >= '2025-04-01';",
     ["tickets"], "helpdesk",
     lambda: [(sum(1 for t in T("helpdesk", "tickets")
                   if t["status"] == "open" and t["opened_at"] >= "2025-04-01"),)]),
    ("Gym CRM (Postgres):\n  members(id serial, name text, email text, home_club text, joined_on "
     "date)\n  checkins(id serial, member_id int, checked_in_at timestamptz)\n\nHow many members "
     "joined in January 2025?",
     "SELECT COUNT(*) FROM members WHERE joined_on BETWEEN '2025-01-01' AND '2025-01-31';",
     ["members"], "gym",
     lambda: [(sum(1 for m in T("gym", "members") if m["joined_on"].startswith("2025-01")),)]),
    ("CREATE TABLE clients (id INTEGER PRIMARY KEY, name TEXT, industry TEXT);\n"
     "CREATE TABLE invoices (id INTEGER PRIMARY KEY, client_id INTEGER REFERENCES clients(id), "
     "issued_on DATE, amount DECIMAL(10,2), paid BOOLEAN);\n\nList the id and amount of every "
     "invoice for the client Bluebird Cafe.",
     "SELECT i.id, i.amount FROM invoices i JOIN clients c ON i.client_id = c.id WHERE c.name = "
     "'Bluebird Cafe';",
     ["invoices", "clients"], "agency",
     lambda: sorted((i["id"], i["amount"]) for i in T("agency", "invoices")
                    if i["client_id"] == 1)),
    ("Warehouse inventory table: parts(id, part_no, name, category, unit_cost, on_hand).\n\n"
     "Which Fasteners parts have fewer than 200 on hand? Names only.",
     "SELECT name FROM parts WHERE on_hand < 200 AND category = 'Fasteners';",
     ["parts"], "warehouse",
     lambda: sorted((p["name"],) for p in T("warehouse", "parts")
                    if p["on_hand"] < 200 and p["category"] == "Fasteners")),
    ("payments(id, payer_id, paid_on DATE, amount NUMERIC, method TEXT)\npayers(id, name, "
     "email)\n\nWhat's the sum of all payments received on or after 2024-07-01?",
     "SELECT SUM(amount) FROM payments WHERE paid_on >= '2024-07-01';",
     ["payments"], "payments",
     lambda: [(sum(p["amount"] for p in T("payments", "payments")
                   if p["paid_on"] >= "2024-07-01"),)]),
    ("Hotel reservations schema:\nCREATE TABLE guests (id INTEGER PRIMARY KEY, name TEXT, email "
     "TEXT, country CHAR(2));\nCREATE TABLE bookings (id INTEGER PRIMARY KEY, guest_id INTEGER "
     "REFERENCES guests(id), check_in DATE, nights INTEGER, total DECIMAL(10,2), status TEXT);"
     "\n\nWhich guests have more than 3 bookings with check-in since January 1, 2024? Show the "
     "name and the number of bookings.",
     "SELECT g.name, COUNT(b.id) FROM guests g JOIN bookings b ON b.guest_id = g.id WHERE "
     "b.check_in >= '2024-01-01' GROUP BY g.name HAVING COUNT(b.id) > 3;",
     ["guests", "bookings"], "hotel",
     lambda: sorted((g["name"], k) for g in T("hotel", "guests")
                    for k in [sum(1 for b in T("hotel", "bookings")
                                  if b["guest_id"] == g["id"] and b["check_in"] >= "2024-01-01")]
                    if k > 3)),
    ("Restaurant POS table: menu_items(id, name, course, price, is_available)\n\nwhich Mains "
     "cost between 15 and 25 dollars? cheapest first, with prices",
     "SELECT name, price FROM menu_items WHERE course = 'Mains' AND price BETWEEN 15 AND 25 "
     "ORDER BY price ASC;",
     ["menu_items"], "restaurant",
     lambda: sorted(((m["name"], m["price"]) for m in T("restaurant", "menu_items")
                     if m["course"] == "Mains" and 15 <= m["price"] <= 25), key=lambda x: x[1])),
    ("HR database:\n  employees(id, name, email, office, title, hired_on)\n  offices(id, city, "
     "address)\n\nGet the names and emails of employees in the Boston office hired in 2020 or "
     "later, sorted by name.",
     "SELECT name, email FROM employees WHERE office = 'Boston' AND hired_on >= '2020-01-01' "
     "ORDER BY name;",
     ["employees"], "hr",
     lambda: sorted((e["name"], e["email"]) for e in T("hr", "employees")
                    if e["office"] == "Boston" and e["hired_on"] >= "2020-01-01")),
]


# =============================================================================================
# regex_extraction: (prompt, kind, matches). A reference pattern per kind must find exactly the
# hand-written matches, in order.
# =============================================================================================
REGEXES = [
    ("Pull every email address out of this, in the order they appear:\n\n"
     "Hi Jordan,\n\nLooping in Priya (priya.raman@northwind-logistics.com), who owns the carrier "
     "contracts. For billing questions use ap@northwind-logistics.com, not my old address "
     "jordan.k@nwlog.net - that one's dead.\n\nBest,\nMarta Silva | Ops Lead\n"
     "marta.silva@northwind-logistics.com | +1 (312) 555-0187",
     "email", ["priya.raman@northwind-logistics.com", "ap@northwind-logistics.com",
               "jordan.k@nwlog.net", "marta.silva@northwind-logistics.com"]),
    ("Call the front desk at (617) 555-0142, or after hours the on-call line 617-555-0199. "
     "Fax: 617.555.0100 (nobody uses it). Your reservation # is 4471-2210.\n\n"
     "List all the phone numbers in that text.",
     "phone", ["(617) 555-0142", "617-555-0199", "617.555.0100"]),
    ("Customer chat transcript:\n\"Hi, two of my orders never arrived: ORD-448120 and "
     "ORD-448377. My friend's order was ord-55012 I think? Tracking number 1Z999AA10123456784 "
     "says delivered.\"\n\nExtract the order IDs (format ORD- plus six digits).",
     "order_id", ["ORD-448120", "ORD-448377"]),
    ("Project plan notes: kickoff 2025-01-13, design freeze 2025-02-28, code freeze on "
     "03/21/2025 (the old doc used US format), launch 2025-04-07. For reference, v2.0.1 shipped "
     "2024-11-30.\n\nGet all the YYYY-MM-DD dates, in order.",
     "date", ["2025-01-13", "2025-02-28", "2025-04-07", "2024-11-30"]),
    ("Find the dollar amounts in my expense note: Uber to the airport $48.20, hotel $1,184.00 "
     "for 4 nights, per diem €45/day in Berlin, and a $12 tip for the porter. Total "
     "reimbursable: $1,244.20.",
     "amount", ["$48.20", "$1,184.00", "$12", "$1,244.20"]),
    ("runbook is at https://docs.internal.acme.io/runbooks/payments#rollback and the dashboard "
     "is https://grafana.acme.io/d/8xk2/payments?orgId=1&from=now-6h. PR with the fix: "
     "https://github.com/acme/payments/pull/4412.\n\ngrab all the URLs from that slack message",
     "url", ["https://docs.internal.acme.io/runbooks/payments#rollback",
             "https://grafana.acme.io/d/8xk2/payments?orgId=1&from=now-6h",
             "https://github.com/acme/payments/pull/4412"]),
    ("Extract any email addresses:\n\nFollow us @brightlanebakery on Instagram and tag "
     "#brightlanebakes! Questions? DM us or call 503-555-0110. Open Tue-Sun 7am-3pm.",
     "email", []),
    ("Our offices: London +44 20 7946 0958, New York +1 212-555-0173, and Sydney "
     "+61 2 9374 4000. Office hours are 9-5 local time, closed on public holidays.\n\n"
     "Pull out every phone number.",
     "phone", ["+44 20 7946 0958", "+1 212-555-0173", "+61 2 9374 4000"]),
    ("Hello accounts team - invoice INV-2024-0087 covers ORD-310045, ORD-310046 and ORD-310102 "
     "(our PO 88-1204). Please quote ORD-310045 on the remittance since it has the freight "
     "charge.\n\nList the order IDs in the email, in order (repeats included).",
     "order_id", ["ORD-310045", "ORD-310046", "ORD-310102", "ORD-310045"]),
    ("Backup report: 2024-06-01 ok, 2024-06-02 FAILED (disk full), 2024-06-03 ok. Keep the "
     "June snapshots until 2024-09-01.\n\nWhich ISO dates appear here?",
     "date", ["2024-06-01", "2024-06-02", "2024-06-03", "2024-09-01"]),
    ("Listing: 4BR colonial, listed at $749,900 (reduced from $775,000). HOA $320/month, "
     "property tax approx. $9,850 per year. Seller offers a 2% closing credit.\n\n"
     "Extract the dollar amounts.",
     "amount", ["$749,900", "$775,000", "$320", "$9,850"]),
    ("From the newsletter: Register for the summit at https://events.example.org/summit-2025?"
     "ref=newsletter - seats are limited! Last year's slides: "
     "http://archive.example.org/2024/slides.pdf\n\nPull out the links.",
     "url", ["https://events.example.org/summit-2025?ref=newsletter",
             "http://archive.example.org/2024/slides.pdf"]),
    ("Job post: Send your CV to Careers+Eng@Lumen-Health.org or directly to the hiring manager, "
     "d.okafor@lumen-health.org. Please don't reply to noreply@lumen-health.org.\n\n"
     "Which email addresses are mentioned?",
     "email", ["Careers+Eng@Lumen-Health.org", "d.okafor@lumen-health.org",
               "noreply@lumen-health.org"]),
    ("ur dentist appt is tmrw at 3pm. to reschedule call 555-867-5309 or Dr. Patel's cell "
     "555.201.4477. reply STOP to opt out\n\nextract phone numbers",
     "phone", ["555-867-5309", "555.201.4477"]),
    ("Your order #448120 has shipped! Track it with UPS 1Z84A7E90312345678. Questions about "
     "invoice INV-99812? Reply to this email.\n\nFind the order IDs (ORD-######).",
     "order_id", []),
    ("This Agreement is effective as of 2024-01-01 and ends on 2026-12-31 unless renewed; "
     "either party may give notice by October 1, 2026.\n\nExtract the ISO-format dates.",
     "date", ["2024-01-01", "2026-12-31"]),
    ("THE CORNER BISTRO\nSubtotal   $86.40\nTax         $7.13\nTip        $15.00\n"
     "TOTAL     $108.53\nPaid VISA ****4421\n\nList every dollar amount on this receipt.",
     "amount", ["$86.40", "$7.13", "$15.00", "$108.53"]),
    ("New post is up (https://blog.nimbus.dev/posts/zero-downtime-migrations) - comments "
     "welcome! Mirror for folks behind the firewall: https://nimbus.dev/m/zdm\n\n"
     "Extract all URLs.",
     "url", ["https://blog.nimbus.dev/posts/zero-downtime-migrations", "https://nimbus.dev/m/zdm"]),
    ("@dana can you add ops-team@fieldstone.co to the on-call rota? cc: lee.h@fieldstone.co; "
     "the vendor contact is support@pagerly.com (ticket https://pagerly.com/t/8812).\n\n"
     "Find the email addresses.",
     "email", ["ops-team@fieldstone.co", "lee.h@fieldstone.co", "support@pagerly.com"]),
    ("Store | Phone\nDowntown | (206) 555-0101\nBallard | (206) 555-0148\nFremont | 206-555-0163"
     "\n\nGet the phone numbers from this table.",
     "phone", ["(206) 555-0101", "(206) 555-0148", "206-555-0163"]),
    ("Incident INC-2291 opened 2025-03-09 by the on-call engineer; mitigated 2025-03-10 at "
     "04:12 UTC; postmortem due 2025-03-17.\n\nExtract the dates (YYYY-MM-DD).",
     "date", ["2025-03-09", "2025-03-10", "2025-03-17"]),
    ("A refund of $19.99 was issued for ORD-551200; a second charge of $19.99 is still "
     "pending with your bank. Current balance: $0.00.\n\nPull out the dollar amounts, repeats "
     "included.",
     "amount", ["$19.99", "$19.99", "$0.00"]),
    ("Re: wholesale order\n\nThanks Ana! Confirming ORD-902215 (12 cases) and ORD-902219 "
     "(backordered). The older ORD-90221 was a typo, ignore it. Call me at 555-0134 if "
     "needed.\n\nWhich order IDs are in this email?",
     "order_id", ["ORD-902215", "ORD-902219"]),
]

KIND_PATTERNS = {
    "email": r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
    "phone": r"(?<![\w.])(?:\+\d{1,2} (?:\d{1,2} \d{4} \d{4}|20 \d{4} \d{4})|"
             r"(?:\+1[ -])?(?:\(\d{3}\) |\d{3}[-. ])\d{3}[-. ]\d{4})(?![\w-])",
    "order_id": r"\bORD-\d{6}\b",
    "date": r"(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])",
    "amount": r"\$\d{1,3}(?:,\d{3})*(?:\.\d{2})?(?!\d|[.,]\d)",
    "url": r"https?://[^\s)\"']+",
}


# =============================================================================================
# checks and writing
# =============================================================================================
def clean_name(s):
    s = " ".join(s.split())
    if s == s.upper() or s == s.lower():  # one-case names get title case; mixed case is kept
        s = re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), s.lower())
    return s


def clean_date(s):
    s = s.strip()
    for f in ("%Y-%m-%d", "%m/%d/%Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%d-%b-%Y",
              "%Y/%m/%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(s, f).date().isoformat()
        except ValueError:
            pass
    raise ValueError("unknown date format: %r" % s)


def clean_amount(s):
    s = s.replace("USD", "").replace("$", "").strip()
    if re.fullmatch(r"\d{1,3}(\.\d{3})*,\d{2}", s):  # 1.234,50 (decimal comma)
        s = s.replace(".", "").replace(",", ".")
    return money(Decimal(s.replace(",", "")))


def clean_csv(text, delim):
    rows = list(csv.reader(text.split("\n"), delimiter=delim))
    header = [snake_label(h) for h in rows[0]]
    kept, seen, dups, blanks = [], set(), 0, 0
    for r in rows[1:]:
        if all(not c.strip() for c in r):
            blanks += 1
            continue
        if len(r) != len(header):
            raise ValueError("row with %d cells: %r" % (len(r), r))
        v = dict(zip(header, r))
        row = {"customer_name": clean_name(v["customer_name"]),
               "email": v["email"].strip().lower(),
               "order_date": clean_date(v["order_date"]),
               "amount": clean_amount(v["amount"])}
        key = tuple(row.values())
        if key in seen:
            dups += 1
            continue
        seen.add(key)
        kept.append({h: row[h] for h in header})
    return header, kept, dups, blanks


ERROR_ORDER = ["single_quotes", "unquoted_keys", "python_literals", "trailing_comma", "comment",
               "missing_comma", "missing_closing_brace"]


def url_matches(text):
    return [m.rstrip(".,;:!?") for m in re.findall(KIND_PATTERNS["url"], text)]


def run_sql(fixture, sql):
    db = sqlite3.connect(":memory:")
    for table, (cols, rows) in FIXTURES[fixture].items():
        db.execute("CREATE TABLE %s (%s)" % (table, ", ".join(cols)))
        db.executemany("INSERT INTO %s VALUES (%s)" % (table, ",".join("?" * len(cols))), rows)
    return db.execute(sql).fetchall()


def rounded(rows):
    return [tuple(round(x, 6) if isinstance(x, float) else x for x in r) for r in rows]


def build():
    out = {}

    for wd, d in ((THU, D(2024, 9, 12)), (FRI, D(2025, 3, 14)), (MON, D(2024, 6, 3)),
                  (TUE, D(2025, 2, 4)), (FRI, D(2023, 12, 1)), (THU, D(2025, 5, 8)),
                  (TUE, D(2025, 7, 8)), (WED, D(2025, 11, 5))):
        if d.weekday() != wd:
            sys.exit("date_normalization: weekday stated in a prompt is wrong for %s" % d)
    recs = []
    for i, (prompt, iso, computed) in enumerate(DATES):
        if iso != computed.isoformat():
            fail("date_normalization", i, "%s, computed %s" % (iso, computed))
        recs.append((prompt, {"date": iso, "weekday": WEEKDAYS[computed.weekday()]}))
    out["date_normalization"] = recs

    recs = []
    for i, (prompt, cat, value, frm, to) in enumerate(CONVERSIONS):
        if frm not in UNITS[cat] or to not in UNITS[cat] or frm == to:
            fail("unit_conversion", i, "units")
        result = convert(cat, value, frm, to)
        not_a_tie(result, 4, "unit_conversion", i)
        recs.append((prompt, {"category": cat, "value": num(value, 2), "from_unit": frm,
                              "to_unit": to, "result": num(result, 4)}))
    out["unit_conversion"] = recs

    recs = []
    for i, (prompt, amount, frm, to, exact) in enumerate(CURRENCY):
        not_a_tie(exact, 6, "currency_conversion", i)
        rate = exact.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)
        result = Decimal(amount) * rate
        not_a_tie(result, 2, "currency_conversion", i)
        if not (re.fullmatch(r"[A-Z]{3}", frm) and re.fullmatch(r"[A-Z]{3}", to)) or frm == to:
            fail("currency_conversion", i, "codes")
        recs.append((prompt, {"amount": money(amount), "from": frm, "to": to,
                              "rate": num(rate, 6), "result": money(result)}))
    out["currency_conversion"] = recs

    recs = []
    for i, (prompt, value, decimals, unit, equation) in enumerate(MATH):
        if unit not in ("USD", "miles", "percent", "cents per ounce"):
            fail("math_word_problems", i, "unit")
        not_a_tie(value, decimals, "math_word_problems", i)
        recs.append((prompt, {"answer": num(value, decimals), "unit": unit,
                              "equation": equation}))
    out["math_word_problems"] = recs

    recs = []
    for i, (before, table, after, layout, columns) in enumerate(TABLES):
        cells = table_cells(table, layout)
        header = [snake_label(h) for h in cells[0]]
        if header != columns:
            fail("table_to_json", i, "columns %s" % header)
        rows = []
        for r in cells[1:]:
            if len(r) != len(header):
                fail("table_to_json", i, "row %r" % r)
            rows.append({h: typed_cell(c) for h, c in zip(header, r)})
        if not 2 <= len(rows) <= 6:
            fail("table_to_json", i, "row count")
        recs.append((before + table + after, {"columns": header, "rows": rows}))
    out["table_to_json"] = recs

    recs = []
    for i, (before, text, after, delim, want, want_dups, want_blanks) in enumerate(CSVS):
        header, rows, dups, blanks = clean_csv(text, delim)
        if sorted(header) != sorted(["customer_name", "email", "order_date", "amount"]):
            fail("csv_cleaning", i, "header %s" % header)
        got = [(r["customer_name"], r["email"], r["order_date"], str(r["amount"])) for r in rows]
        if got != want or dups != want_dups or blanks != want_blanks:
            fail("csv_cleaning", i, "cleaner says %s dups=%d blanks=%d" % (got, dups, blanks))
        recs.append((before + text + after, {"columns": header, "rows": rows,
                                             "duplicates_removed": dups,
                                             "blank_rows_removed": blanks}))
    out["csv_cleaning"] = recs

    recs = []
    for i, (before, broken, after, repaired, errors) in enumerate(JSON_REPAIRS):
        try:
            json.loads(broken)
            fail("json_repair", i, "the input is valid JSON")
        except json.JSONDecodeError:
            pass
        value, found = lenient_parse(broken)
        if dump(value) != dump(repaired):
            fail("json_repair", i, "lenient reader gives %s" % dump(value))
        if found != set(errors) or not set(errors) <= set(ERROR_ORDER):
            fail("json_repair", i, "errors found %s" % sorted(found))
        json.loads(dump(repaired))
        recs.append((before + broken + after,
                     {"repaired": repaired, "errors": [e for e in ERROR_ORDER if e in errors]}))
    out["json_repair"] = recs

    recs = []
    for i, (before, text, after, fmt, year, want) in enumerate(LOGS):
        got = analyze_log(text, fmt, year)
        if got != want:
            fail("log_analysis", i, "parser says %s" % (got,))
        total, errors, warnings, services, top, first = got
        recs.append((before + text + after,
                     {"total_lines": total, "error_count": errors, "warning_count": warnings,
                      "services_with_errors": services, "most_common_error": top,
                      "first_error_at": first}))
    out["log_analysis"] = recs

    recs = []
    for i, (prompt, sql, tables, fixture, check) in enumerate(SQL):
        got = rounded(run_sql(fixture, sql))
        want = rounded(check())
        if "ORDER BY" not in sql:
            got, want = sorted(got), sorted(want)
        if got != want or not got:
            fail("sql_generation", i, "sqlite gives %s, expected %s" % (got, want))
        used = re.findall(r"(?:FROM|JOIN) (\w+)", sql)
        if sorted(used) != sorted(tables):
            fail("sql_generation", i, "tables %s" % used)
        for t in tables:
            if t not in prompt:
                fail("sql_generation", i, "table %s not in the schema" % t)
        recs.append((prompt, {"sql": sql, "tables": tables}))
    out["sql_generation"] = recs

    recs = []
    for i, (prompt, kind, matches) in enumerate(REGEXES):
        found = (url_matches(prompt) if kind == "url"
                 else re.findall(KIND_PATTERNS[kind], prompt))
        if found != matches:
            fail("regex_extraction", i, "pattern finds %s" % found)
        recs.append((prompt, {"kind": kind, "matches": matches, "count": len(matches)}))
    out["regex_extraction"] = recs
    return out


def generated_keys(name):
    """Field order of a generated sample, when the anvil binary is built (else None)."""
    import subprocess
    import tempfile
    exe = os.path.join(HERE, "..", "..", "build", "bin", "anvil")
    if not os.path.exists(exe):
        return None
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "s.jsonl")
        subprocess.run([exe, "datagen", "--specialist", name, "-n", "2", "--seed", "1", "-o", path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(path, encoding="utf-8") as f:
            return list(json.loads(json.loads(f.readline())["response"]))


def main():
    for name, recs in build().items():
        keys = generated_keys(name)
        if keys is not None and keys != FIELDS[name]:
            sys.exit("%s: generated records have fields %s" % (name, keys))
        prompts = [p for p, _ in recs]
        if len(set(prompts)) != len(prompts):
            sys.exit(name + ": duplicate prompt")
        if len(recs) < 20:
            sys.exit(name + ": fewer than 20 records")
        lines = []
        for i, (prompt, answer) in enumerate(recs):
            if list(answer) != FIELDS[name]:
                sys.exit("%s record %d: fields %s" % (name, i, list(answer)))
            if "\n\nAssistant: " in prompt:
                sys.exit("%s record %d: prompt contains the assistant marker" % (name, i))
            response = dump(answer)
            json.loads(response)
            text = prompt + "\n\nAssistant: " + response + "\n[confidence: 1.00]"
            if len(text) > 2600:
                sys.exit("%s record %d: %d characters, too long for the context" %
                         (name, i, len(text)))
            lines.append(
                '{"specialist":%s,"prompt":%s,"response":%s,"text":%s,"meta":{"index":%d,'
                '"template":-1,"layout":-1,"confidence":1.00,"source":"handwritten"}}'
                % (dump(name), dump(prompt), dump(response), dump(text), i))
        path = os.path.join(HERE, name + ".jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        print("%-22s %3d records -> %s" % (name, len(lines), os.path.relpath(path)))


if __name__ == "__main__":
    main()
