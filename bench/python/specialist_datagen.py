#!/usr/bin/env python3
"""Python reference for bench/specialist_datagen.cpp: five of anvil's specialist generators
(invoice_processing, address_parsing, date_normalization, unit_conversion, currency_conversion)
written the way a careful Python developer would, standard library only, with the same templates,
layouts, tables and record format (canonical JSON response, training text, JSONL line).

usage: /usr/bin/python3 bench/python/specialist_datagen.py [N_PER_SPECIALIST=5000]
Prints "single <name> <examples/s>" per specialist, like the C++ benchmark.
"""
import bisect
import datetime
import json
import math
import random
import sys
import time

# --- fake-data tables (same structure as src/datagen/fake/locale_en_us.cpp, abridged) -----------
FEMALE = [("Mary", 1150), ("Patricia", 880), ("Jennifer", 930), ("Linda", 720), ("Elizabeth", 690),
          ("Barbara", 610), ("Susan", 600), ("Jessica", 560), ("Sarah", 540), ("Karen", 520),
          ("Lisa", 500), ("Nancy", 420), ("Sandra", 380), ("Margaret", 360), ("Ashley", 450),
          ("Kimberly", 430), ("Emily", 420), ("Donna", 340), ("Michelle", 400), ("Amanda", 390)]
MALE = [("James", 1300), ("Robert", 1250), ("John", 1230), ("Michael", 1320), ("David", 1000),
        ("William", 950), ("Richard", 700), ("Joseph", 650), ("Thomas", 600), ("Christopher", 620),
        ("Charles", 520), ("Daniel", 560), ("Matthew", 520), ("Anthony", 470), ("Mark", 450),
        ("Donald", 380), ("Steven", 420), ("Andrew", 380), ("Paul", 360), ("Joshua", 400)]
LAST = [("Smith", 828), ("Johnson", 655), ("Williams", 551), ("Brown", 487), ("Jones", 483),
        ("Garcia", 394), ("Miller", 386), ("Davis", 375), ("Rodriguez", 363), ("Martinez", 354),
        ("Hernandez", 343), ("Lopez", 291), ("Gonzalez", 285), ("Wilson", 284), ("Anderson", 280),
        ("Thomas", 271), ("Taylor", 266), ("Moore", 249), ("Jackson", 247), ("Martin", 243)]
STREETS = ["Main", "Oak", "Pine", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park",
           "View", "Walnut", "Sunset", "Lincoln", "Jefferson", "Madison", "Highland", "Chestnut"]
SUFFIXES = ["Street", "Avenue", "Road", "Drive", "Lane", "Boulevard", "Court", "Way", "Place",
            "St", "Ave", "Rd", "Dr", "Ln", "Blvd", "Ct", "Terrace", "Parkway", "Circle", "Trail"]
UNIT_PREFIXES = ["Apt", "Suite", "Unit", "#", "Ste", "Floor"]
CITIES = [("New York", "New York", "NY", "100", "212"), ("Los Angeles", "California", "CA", "900", "213"),
          ("Chicago", "Illinois", "IL", "606", "312"), ("Houston", "Texas", "TX", "770", "713"),
          ("Phoenix", "Arizona", "AZ", "850", "602"), ("Philadelphia", "Pennsylvania", "PA", "191", "215"),
          ("Seattle", "Washington", "WA", "981", "206"), ("Denver", "Colorado", "CO", "802", "303"),
          ("Boston", "Massachusetts", "MA", "021", "617"), ("Atlanta", "Georgia", "GA", "303", "404")]
COMPANY_WORDS = ["Apex", "Summit", "Harbor", "Pioneer", "Evergreen", "Bluewater", "Ironwood",
                 "Northstar", "Keystone", "Lakeside", "Redwood", "Silverline", "Granite", "Beacon"]
COMPANY_SUFFIXES = ["Inc.", "LLC", "Corp.", "Co.", "Group", "Partners", "Industries", "Solutions"]
TLDS = ["com", "com", "com", "net", "io", "co", "org", "us"]
CATEGORIES = [
    ("Office Supplies", ["Stapler", "Printer Paper", "Ballpoint Pens", "Sticky Notes", "File Folders"],
     ["each", "box", "ream", "pack"], 199, 8999),
    ("Electronics", ["USB-C Cable", "Wireless Mouse", "Mechanical Keyboard", "27-inch Monitor", "Webcam"],
     ["each", "unit"], 899, 64999),
    ("Furniture", ["Office Chair", "Standing Desk", "Filing Cabinet", "Bookshelf"], ["each", "set"], 2999, 129999),
    ("Services", ["Consulting Hours", "Installation", "Maintenance Visit"], ["hour", "visit"], 4500, 45000),
]
ADJECTIVES = ["Premium", "Ergonomic", "Heavy-Duty", "Compact", "Recycled", "Deluxe", "Standard"]
CURRENCIES = [("USD", "$", "US dollar", 1.0), ("EUR", "\u20ac", "euro", 1.08), ("GBP", "\u00a3", "pound sterling", 1.27),
              ("JPY", "\u00a5", "Japanese yen", 0.0067), ("CAD", "C$", "Canadian dollar", 0.74),
              ("AUD", "A$", "Australian dollar", 0.66), ("CHF", "CHF", "Swiss franc", 1.12),
              ("INR", "\u20b9", "Indian rupee", 0.012), ("MXN", "MX$", "Mexican peso", 0.058),
              ("SEK", "kr", "Swedish krona", 0.095)]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FRAMINGS = 3


def cumulative(table):
    out, total = [], 0
    for _, w in table:
        total += w
        out.append(total)
    return [v for v, _ in table], out


class Faker:
    def __init__(self, rng):
        self.r = rng
        self.female = cumulative(FEMALE)
        self.male = cumulative(MALE)
        self.last = cumulative(LAST)

    def weighted(self, table):
        values, cum = table
        return values[bisect.bisect_right(cum, self.r.randrange(cum[-1]))]

    def digits(self, n):
        return "".join(str(self.r.randint(0, 9)) for _ in range(n))

    def letters(self, n):
        return "".join(chr(65 + self.r.randint(0, 25)) for _ in range(n))

    def person(self):
        female = self.r.random() < 0.5
        first = self.weighted(self.female if female else self.male)
        middle = chr(65 + self.r.randint(0, 25)) if self.r.random() < 0.2 else ""
        last = self.weighted(self.last)
        if self.r.random() < 0.03:
            last += "-" + self.weighted(self.last)
        return first, middle, last

    @staticmethod
    def full(p):
        first, middle, last = p
        return f"{first} {middle}. {last}" if middle else f"{first} {last}"

    def company(self):
        layout = self.r.randint(0, 3)
        if layout == 0:
            base = self.r.choice(COMPANY_WORDS)
        elif layout == 1:
            base = self.r.choice(COMPANY_WORDS) + " " + self.r.choice(COMPANY_WORDS)
        elif layout == 2:
            base = self.weighted(self.last) + " & " + self.weighted(self.last)
        else:
            base = self.weighted(self.last)
        name = base + " " + self.r.choice(COMPANY_SUFFIXES)
        domain = "".join(c.lower() for c in base if c.isalnum()) + "." + self.r.choice(TLDS)
        return name, domain

    def address(self):
        width = 5 if self.r.random() < 0.15 else self.r.randint(2, 4)
        lo = 10 ** (width - 1)
        number = str(self.r.randint(1 if width == 2 else lo, lo * 10 - 1))
        street = self.r.choice(STREETS) + " " + self.r.choice(SUFFIXES)
        unit = ""
        if self.r.random() < 0.25:
            prefix = self.r.choice(UNIT_PREFIXES)
            unit = prefix + ("" if prefix == "#" else " ") + str(self.r.randint(1, 40))
            if self.r.random() < 0.3:
                unit += chr(65 + self.r.randint(0, 5))
        city = self.r.choice(CITIES)
        return {"number": number, "street": street, "unit": unit, "city": city[0], "state": city[1],
                "state_code": city[2], "postcode": city[3] + self.digits(2), "country": "United States"}

    def recent_date(self):
        lo = datetime.date(2019, 1, 1).toordinal()
        d = datetime.date.fromordinal(self.r.randint(lo, datetime.date(2025, 12, 31).toordinal()))
        if d.weekday() >= 5 and self.r.random() < 0.8:
            d += datetime.timedelta(days=7 - d.weekday())
        return d

    def price_cents(self, lo, hi):
        llo, lhi = math.log(max(lo, 1)), math.log(hi)
        cents = int(math.exp(llo + (lhi - llo) * self.r.random()))
        r = self.r.random()
        if r < 0.25:
            cents = cents // 100 * 100 + 99
        elif r < 0.4:
            cents = cents // 100 * 100
        elif r < 0.5:
            cents = cents // 100 * 100 + 50
        return min(max(cents, lo), hi)

    def product(self):
        cat = self.r.choice(CATEGORIES)
        name = self.r.choice(cat[1])
        if self.r.random() < 0.4:
            name = self.r.choice(ADJECTIVES) + " " + name
        prefix = "".join(c for c in cat[0] if c.isalpha())[:3].upper()
        sku = prefix + "-" + self.digits(5)
        if self.r.random() < 0.4:
            sku += "-" + self.letters(1)
        return {"name": name, "sku": sku, "category": cat[0], "unit": self.r.choice(cat[2]),
                "price": self.price_cents(cat[3], cat[4])}

    def invoice_number(self):
        k = self.r.randint(0, 3)
        if k == 0:
            return f"INV-{self.r.randint(2019, 2025)}-{self.digits(5)}"
        if k == 1:
            return "INV" + self.digits(6)
        if k == 2:
            return str(self.r.randint(10000, 99999))
        return f"{self.letters(2)}-{self.digits(4)}-{self.letters(1)}"


# --- formatting helpers (same outputs as the C++ ones) ------------------------------------------
def decimal_cents(c):
    sign = "-" if c < 0 else ""
    c = abs(c)
    return f"{sign}{c // 100}.{c % 100:02d}"


def grouped_cents(c, group=",", dec="."):
    sign = "-" if c < 0 else ""
    c = abs(c)
    whole = f"{c // 100:,}".replace(",", group)
    return f"{sign}{whole}{dec}{c % 100:02d}"


def money(c, style, cur):
    if style == 0:
        return ("-" if c < 0 else "") + cur[1] + grouped_cents(abs(c))
    if style == 1:
        return decimal_cents(c)
    if style == 2:
        return cur[0] + " " + grouped_cents(c)
    if style == 3:
        return grouped_cents(c) + " " + cur[0]
    return grouped_cents(c, ".", ",") + " " + cur[1]


def format_date(d, f):
    if f == 0:
        return d.isoformat()
    if f == 1:
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if f == 2:
        return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if f == 3:
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if f == 4:
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if f == 5:
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if f == 6:
        return f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}, {d.year}"
    if f == 7:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if f == 8:
        return f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}"
    if f == 9:
        return f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}"
    if f == 10:
        return f"{d.year}{d.month:02d}{d.day:02d}"
    suffix = "th" if 11 <= d.day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return f"the {d.day}{suffix} of {MONTHS[d.month - 1]}, {d.year}"


US_DATE_FORMATS = [0, 1, 5, 8, 9, 6, 7]


def format_number(v, decimals):
    s = f"{round(v, decimals):.{decimals}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def pad(s, width):
    return s[:width].ljust(width)


def compose(r, instructions, document):
    which = r.randint(0, len(instructions) - 1)
    framing = r.randint(0, FRAMINGS - 1)
    ins = instructions[which]
    if framing == 0:
        prompt = ins + "\n\n" + document
    elif framing == 1:
        prompt = document + "\n\n" + ins
    else:
        prompt = ins + '\n\n"""\n' + document + '\n"""'
    return prompt, which * FRAMINGS + framing


def js(s):
    return json.dumps(s, ensure_ascii=False)


# --- the five specialists -----------------------------------------------------------------------
INVOICE_INSTRUCTIONS = [
    "Extract the invoice fields as JSON: vendor, invoice_number, invoice_date, due_date, currency, "
    "line_items, subtotal, tax and total. Dates in ISO format.",
    "Read this invoice and return its data as JSON (ISO dates, amounts as numbers).",
    "Parse the following invoice into structured JSON.",
    "You are an accounts-payable assistant. Capture this invoice for payment: return JSON with the "
    "vendor, invoice number, invoice and due dates, currency, line items and totals.",
    "Convert the invoice below to JSON.",
]
TERMS = [7, 14, 15, 30, 30, 30, 45, 60]
TAX_BP = [0, 400, 500, 625, 700, 825, 888, 950, 1000]


def invoice_processing(f):
    r = f.r
    vendor, _ = f.company()
    customer, _ = f.company()
    vaddr, caddr = f.address(), f.address()
    contact = f.person()
    number = f.invoice_number()
    date = f.recent_date()
    terms = r.choice(TERMS)
    due = date + datetime.timedelta(days=terms)
    cur = CURRENCIES[0] if r.random() < 0.85 else (CURRENCIES[1] if r.random() < 0.5 else CURRENCIES[2])
    style = r.choice([0, 0, 1, 2, 3]) if cur[0] == "USD" else (3 if r.random() < 0.5 else 0)
    df = r.choice(US_DATE_FORMATS)
    tax_bp = r.choice(TAX_BP)
    lines = []
    subtotal = 0
    for _ in range(r.randint(1, 6)):
        p = f.product()
        q = 1 if r.random() < 0.5 else r.randint(2, 4 if p["price"] > 20000 else 24)
        lines.append((p, q, q * p["price"]))
        subtotal += q * p["price"]
    tax = (subtotal * tax_bp + 5000) // 10000
    total = subtotal + tax
    m = lambda c: money(c, style, cur)
    tax_label = "Tax (" + format_number(tax_bp / 100.0, 3) + "%)"
    block = lambda a: (a["number"] + " " + a["street"] + (", " + a["unit"] if a["unit"] else "") + "\n"
                       + a["city"] + ", " + a["state_code"] + " " + a["postcode"])
    layout = r.randint(0, 3)
    if layout == 0:
        doc = (f"INVOICE\n{vendor}\n{block(vaddr)}\n\nInvoice #: {number}\nInvoice Date: {format_date(date, df)}"
               f"\nDue Date: {format_date(due, df)}  (Net {terms})\n\nBill To:\n{customer}\nAttn: "
               f"{Faker.full(contact)}\n{block(caddr)}\n\n"
               + pad("Description", 34) + pad("Qty", 6) + pad("Unit Price", 16) + "Amount\n")
        for p, q, a in lines:
            doc += pad(p["name"], 34) + pad(str(q), 6) + pad(m(p["price"]), 16) + m(a) + "\n"
        doc += ("\n" + pad("", 40) + pad("Subtotal:", 16) + m(subtotal) + "\n" + pad("", 40)
                + pad(tax_label + ":", 16) + m(tax) + "\n" + pad("", 40) + pad("Total Due:", 16) + m(total))
    elif layout == 1:
        doc = f"Hi {contact[0]},\n\nPlease find invoice {number} from {vendor} dated {format_date(date, df)}:\n\n"
        for p, q, a in lines:
            doc += f"- {q} x {p['name']} @ {m(p['price'])} = {m(a)}\n"
        doc += (f"\nSubtotal {m(subtotal)}, {tax_label} {m(tax)}. Total due: {m(total)} by "
                f"{format_date(due, df)}.\n\nThank you for your business,\n{Faker.full(f.person())}\n{vendor}")
    elif layout == 2:
        one = vaddr["number"] + " " + vaddr["street"] + (", " + vaddr["unit"] if vaddr["unit"] else "") + \
            ", " + vaddr["city"] + ", " + vaddr["state_code"] + " " + vaddr["postcode"]
        doc = (f"vendor_name: {vendor}\nvendor_address: {one}\ninvoice_no: {number}\nissued: "
               f"{format_date(date, df)}\npayment_due: {format_date(due, df)}\ncurrency: {cur[0]}\n"
               f"customer: {customer}\nitems:\n")
        for i, (p, q, a) in enumerate(lines):
            doc += f"  {i + 1}. {p['name']} ({p['sku']}) | qty {q} | {decimal_cents(p['price'])} | {decimal_cents(a)}\n"
        doc += f"subtotal: {decimal_cents(subtotal)}\ntax: {decimal_cents(tax)}\ntotal: {decimal_cents(total)}"
    else:
        doc = (f"**{vendor}** - Invoice {number}\n\nIssued {format_date(date, df)}, payable within {terms} days "
               f"(by {format_date(due, df)}). Customer: {customer}.\n\n| Item | SKU | Qty | Price | Line total |\n"
               "|---|---|---|---|---|\n")
        for p, q, a in lines:
            doc += f"| {p['name']} | {p['sku']} | {q} | {m(p['price'])} | {m(a)} |\n"
        doc += f"\nSubtotal: {m(subtotal)}\n{tax_label}: {m(tax)}\n**Total: {m(total)}**"
    prompt, template = compose(r, INVOICE_INSTRUCTIONS, doc)
    items = ",".join(f'{{"description":{js(p["name"])},"quantity":{q},"unit_price":{decimal_cents(p["price"])},'
                     f'"amount":{decimal_cents(a)}}}' for p, q, a in lines)
    response = (f'{{"vendor":{js(vendor)},"invoice_number":{js(number)},"invoice_date":"{date.isoformat()}",'
                f'"due_date":"{due.isoformat()}","currency":"{cur[0]}","line_items":[{items}],'
                f'"subtotal":{decimal_cents(subtotal)},"tax":{decimal_cents(tax)},"total":{decimal_cents(total)}}}')
    return prompt, response, template, layout


ADDRESS_INSTRUCTIONS = [
    "Parse this address into street_number, street, unit, city, state (2-letter code), postcode and "
    "country (ISO code). Use null for a missing unit.",
    "Split the address below into its components as JSON.",
    "Normalize this shipping address into fields.",
    "Address: what are the street number, street, unit, city, state, ZIP and country?",
]


def address_parsing(f):
    r = f.r
    a = f.address()
    p = f.person()
    line1 = a["number"] + " " + a["street"] + (", " + a["unit"] if a["unit"] else "")
    layout = r.randint(0, 4)
    if layout == 0:
        doc = f"{line1}, {a['city']}, {a['state_code']} {a['postcode']}"
    elif layout == 1:
        doc = f"{Faker.full(p)}\n{line1}\n{a['city']}, {a['state_code']} {a['postcode']}\n{a['country']}"
    elif layout == 2:
        doc = f"{Faker.full(p)}\n{line1}\n{a['city']} {a['state_code']}  {a['postcode']}".upper()
    elif layout == 3:
        phone = f"({r.choice(CITIES)[4]}) {r.randint(201, 989)}-{f.digits(4)}"
        doc = (f"SHIP TO: {Faker.full(p)} | {a['number']} {a['street']}" + (" " + a["unit"] if a["unit"] else "")
               + f" | {a['city']}, {a['state']} {a['postcode']} | USA | Tel {phone}")
    else:
        doc = f"{a['city']}, {a['state_code']} {a['postcode']} - {line1}"
    prompt, template = compose(r, ADDRESS_INSTRUCTIONS, doc)
    unit = js(a["unit"]) if a["unit"] else "null"
    response = (f'{{"street_number":"{a["number"]}","street":{js(a["street"])},"unit":{unit},'
                f'"city":{js(a["city"])},"state":"{a["state_code"]}","postcode":"{a["postcode"]}","country":"US"}}')
    return prompt, response, template, layout


DATE_INSTRUCTIONS = [
    "Normalize the date mentioned below to ISO 8601 (YYYY-MM-DD) and give its weekday.",
    "What calendar date is meant? Answer as JSON with date and weekday.",
    "Convert the date in this text to the standard format.",
    "Resolve the date expression to an exact date.",
]
SENTENCES = ["The shipment is scheduled for {}.", "Please submit the report by {}.", "Her start date is {}.",
             "Payment was received on {}.", "The lease ends {}.", "We signed the contract on {}."]
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
ABS_FORMATS = [0, 1, 5, 6, 7, 8, 9, 10, 11, 2]


def date_normalization(f):
    r = f.r
    anchor = f.recent_date()
    anchor_format = r.choice(US_DATE_FORMATS)
    answer = anchor
    layout = r.randint(0, 4)
    if layout == 0:
        expr = format_date(anchor, r.choice(ABS_FORMATS))
    elif layout == 1:
        dot = r.random() < 0.5
        expr = format_date(anchor, 3 if dot else 4) + (" (German date format)" if dot else " (UK date format, day first)")
    elif layout == 2:
        n = r.randint(1, 10)
        weeks = r.random() < 0.3
        after = r.random() < 0.6
        answer = anchor + datetime.timedelta(days=(7 * n if weeks else n) * (1 if after else -1))
        expr = (NUMBER_WORDS[n] + (" week" if weeks else " day") + ("s" if n > 1 else "")
                + (" after " if after else " before ") + format_date(anchor, anchor_format))
    elif layout == 3:
        n = r.randint(1, 10)
        d, left = anchor, n
        while left > 0:
            d += datetime.timedelta(days=1)
            if d.weekday() < 5:
                left -= 1
        answer = d
        expr = f"{n} business day{'s' if n > 1 else ''} after {format_date(anchor, anchor_format)}"
    else:
        wd = r.randint(0, 6)
        delta = (wd - anchor.weekday() + 7) % 7 or 7
        answer = anchor + datetime.timedelta(days=delta)
        expr = f"the first {WEEKDAYS[wd]} after {format_date(anchor, anchor_format)}"
    doc = r.choice(SENTENCES).replace("{}", expr, 1)
    prompt, template = compose(r, DATE_INSTRUCTIONS, doc)
    response = f'{{"date":"{answer.isoformat()}","weekday":"{WEEKDAYS[answer.weekday()]}"}}'
    return prompt, response, template, layout


UNITS = [
    ("length", [("meter", "meters", "m", 1.0), ("kilometer", "kilometers", "km", 1000.0),
                ("centimeter", "centimeters", "cm", 0.01), ("millimeter", "millimeters", "mm", 0.001),
                ("mile", "miles", "mi", 1609.344), ("yard", "yards", "yd", 0.9144),
                ("foot", "feet", "ft", 0.3048), ("inch", "inches", "in", 0.0254)]),
    ("mass", [("kilogram", "kilograms", "kg", 1.0), ("gram", "grams", "g", 0.001),
              ("pound", "pounds", "lb", 0.45359237), ("ounce", "ounces", "oz", 0.028349523125),
              ("metric ton", "metric tons", "t", 1000.0)]),
    ("volume", [("liter", "liters", "L", 1.0), ("milliliter", "milliliters", "mL", 0.001),
                ("gallon", "gallons", "gal", 3.785411784), ("quart", "quarts", "qt", 0.946352946),
                ("cup", "cups", "cup", 0.2365882365), ("fluid ounce", "fluid ounces", "fl oz", 0.0295735295625)]),
    ("speed", [("kilometer per hour", "kilometers per hour", "km/h", 1.0 / 3.6),
               ("mile per hour", "miles per hour", "mph", 0.44704),
               ("meter per second", "meters per second", "m/s", 1.0), ("knot", "knots", "kn", 1852.0 / 3600.0)]),
    ("area", [("square meter", "square meters", "m2", 1.0), ("square foot", "square feet", "sq ft", 0.09290304),
              ("acre", "acres", "ac", 4046.8564224), ("hectare", "hectares", "ha", 10000.0)]),
    ("data", [("byte", "bytes", "B", 1.0), ("kilobyte", "kilobytes", "kB", 1e3), ("megabyte", "megabytes", "MB", 1e6),
              ("gigabyte", "gigabytes", "GB", 1e9), ("kibibyte", "kibibytes", "KiB", 1024.0),
              ("mebibyte", "mebibytes", "MiB", 1048576.0)]),
    ("temperature", [("celsius", "degrees Celsius", "\u00b0C", 0), ("fahrenheit", "degrees Fahrenheit", "\u00b0F", 0),
                     ("kelvin", "kelvin", "K", 0)]),
]
UNIT_TEMPLATES = ["Convert {} to {}.", "How many {} is {}?", "What is {} in {}?", "{} = ? {}",
                  "I have {}. How much is that in {}?"]


def to_kelvin(u, v):
    return v + 273.15 if u == "celsius" else (v - 32.0) * 5.0 / 9.0 + 273.15 if u == "fahrenheit" else v


def from_kelvin(u, k):
    return k - 273.15 if u == "celsius" else (k - 273.15) * 9.0 / 5.0 + 32.0 if u == "fahrenheit" else k


def unit_conversion(f):
    r = f.r
    name, units = r.choice(UNITS)
    fi = r.randint(0, len(units) - 1)
    ti = r.randint(0, len(units) - 2)
    if ti >= fi:
        ti += 1
    fu, tu = units[fi], units[ti]
    temp = name == "temperature"
    decimals = r.randint(0, 2)
    value = (r.randint(-4000, 12000) if temp else r.randint(1, 500000)) / 100.0
    if decimals == 0:
        value = float(int(value))
    if decimals == 1:
        value = int(value * 10) / 10.0
    if not temp and value == 0:
        value = 1.0
    while not temp and value * fu[3] / tu[3] < 0.01:
        value *= 1000
    result = from_kelvin(tu[0], to_kelvin(fu[0], value)) if temp else value * fu[3] / tu[3]
    layout = r.randint(0, 2)
    from_text = format_number(value, 2) + " " + (fu[2] if layout == 1 else fu[1])
    to_text = tu[1] if layout == 0 else tu[2]
    t = r.randint(0, len(UNIT_TEMPLATES) - 1)
    tmpl = UNIT_TEMPLATES[t]
    prompt = (tmpl.replace("{}", to_text, 1).replace("{}", from_text, 1) if t == 1
              else tmpl.replace("{}", from_text, 1).replace("{}", to_text, 1))
    if r.random() < 0.3:
        prompt += " Round to 4 decimal places."
    response = (f'{{"category":"{name}","value":{format_number(value, 2)},"from_unit":"{fu[0]}",'
                f'"to_unit":"{tu[0]}","result":{format_number(result, 4)}}}')
    return prompt, response, t, layout


CURRENCY_INSTRUCTIONS = [
    "Using the rates given, convert the amount. Return JSON with amount, from, to, rate and result "
    "(rounded to 2 decimals).",
    "Currency conversion: compute the converted amount from the rate table.",
    "How much is this in the target currency at the quoted rates?",
]


def currency_conversion(f):
    r = f.r
    n = len(CURRENCIES)
    usd_per = [1.0] + [round(CURRENCIES[i][3] * (1.0 + r.randint(-500, 500) / 10000.0) * 1e6) / 1e6
                       for i in range(1, n)]
    fr = r.randint(0, n - 1)
    to = r.randint(0, n - 2)
    if to >= fr:
        to += 1
    cents = f.price_cents(500, 2500000)
    rate = round(usd_per[fr] / usd_per[to] * 1e6) / 1e6
    result = round(cents / 100.0 * rate * 100)
    layout = r.randint(0, 1)
    if layout == 0:
        doc = "Exchange rates (1 unit = X USD):\n" + "".join(
            f"{CURRENCIES[i][0]}: {format_number(usd_per[i], 6)}\n" for i in range(1, n))
    else:
        doc = "| Currency | Code | USD per unit |\n|---|---|---|\n" + "".join(
            f"| {CURRENCIES[i][2]} | {CURRENCIES[i][0]} | {format_number(usd_per[i], 6)} |\n" for i in range(1, n))
    doc += f"\nConvert {money(cents, 2, CURRENCIES[fr])} to {CURRENCIES[to][0]}."
    prompt, template = compose(r, CURRENCY_INSTRUCTIONS, doc)
    response = (f'{{"amount":{decimal_cents(cents)},"from":"{CURRENCIES[fr][0]}","to":"{CURRENCIES[to][0]}",'
                f'"rate":{format_number(rate, 6)},"result":{decimal_cents(result)}}}')
    return prompt, response, template, layout


SPECIALISTS = [("invoice_processing", invoice_processing), ("address_parsing", address_parsing),
               ("date_normalization", date_normalization), ("unit_conversion", unit_conversion),
               ("currency_conversion", currency_conversion)]


def record(name, index, prompt, response, template, layout, confidence=1.0):
    text = f"{prompt}\n\nAssistant: {response}\n[confidence: {confidence:.2f}]"
    return json.dumps({"specialist": name, "prompt": prompt, "response": response, "text": text,
                       "meta": {"index": index, "template": template, "layout": layout,
                                "confidence": round(confidence, 2)}},
                      ensure_ascii=False, separators=(",", ":"))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    names = sys.argv[2].split(",") if len(sys.argv) > 2 else None
    faker = Faker(random.Random(1))
    for name, fn in SPECIALISTS:
        if names and name not in names:
            continue
        out = []
        size = 0
        t = time.perf_counter()
        for i in range(n):
            out.append(record(name, i, *fn(faker)))
            if len(out) >= 1000:
                size += sum(len(s) + 1 for s in out)
                out.clear()
        s = time.perf_counter() - t
        print(f"single {name:<24} {n / s:10.0f} ex/s", flush=True)


if __name__ == "__main__":
    main()
