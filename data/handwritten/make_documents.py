#!/usr/bin/env python3
"""Hand-written evaluation sets for the "documents" specialists.

Source of truth for data/handwritten/<name>.jsonl of:
  invoice_processing, receipt_parsing, document_extraction, contract_analysis, email_triage,
  entity_extraction, pii_redaction, resume_parsing, meeting_action_items

Every prompt below was written by hand, NOT produced by `anvil datagen`: other layouts and
orderings, real-world formats (EU decimal commas, day-first dotted dates, RFC 2822 mail headers,
OCR-ish spacing, CSV exports, Zoom-style transcripts), chatter around the document, distractor
values (PO / customer / employee numbers, emergency contacts, suggested tips, cash tendered,
signature dates, event dates) and absent fields. The answers use the generators' schema exactly
(field order, closed label sets, canonical formats), so the same validators score them. Never
train on these files; they measure generalisation beyond the generators' templates.

Run:  python3 data/handwritten/make_documents.py      (stdlib only; rewrites the .jsonl files)
Then: anvil datagen --validate data/handwritten/<name>.jsonl --plot /tmp/<name>.png

Conventions taken from the generators (src/datagen/specialists/<name>.cpp):
  invoice_processing   vendor = the issuer; dates ISO; due_date printed or computed from the terms
                       (Net N -> invoice date + N days, "due on receipt" -> invoice date);
                       line amount = quantity * unit price; subtotal = sum of line amounts (a
                       discount or freight printed as a line is a line item); tax = all taxes
                       together (GST + PST); total = subtotal + tax; money with 2 decimals.
  receipt_parsing      items carry the LINE price (quantity * unit price); a weighed item is
                       quantity 1; tip 0.00 when there is none; total = subtotal + tax + tip;
                       time HH:MM 24-hour; payment_method one of cash/visa/mastercard/amex/discover
                       (card network, whatever the wallet: "Apple Pay (Mastercard)" -> mastercard).
  document_extraction  document_type one of employment_verification / patient_intake /
                       rental_application / vendor_registration; name "First [M.] Last" of the
                       subject (employee, patient, applicant, vendor contact), never the signer,
                       emergency contact or landlord reference; phone copied as written (exact);
                       address one line "street, unit, city, ST zip"; null when absent.
  contract_analysis    contract_type one of services / lease / software_license / consulting /
                       supply; party_a = provider side (Provider, Landlord/Lessor, Licensor,
                       Consultant, Supplier), party_b = the paying side, whatever order they are
                       listed in; end_date = effective + term months - 1 day (generator's month
                       arithmetic); governing_law = the state's name; payment_amount = the amount
                       of one periodic payment; payment_frequency monthly / quarterly / annually.
  email_triage         category one of billing / technical_support / sales_inquiry /
                       meeting_request / hr / newsletter / legal; needs_reply = not a newsletter;
                       priority = low for newsletters, else high when urgent or the deadline is at
                       most 2 days after the sent date, else normal; sender = the From address;
                       a weekday deadline is the next such day strictly after the sent date.
  entity_extraction    people without titles; "City, ST" is one location (the city); dates ISO
                       (full dates only); amounts in USD as numbers ("$4.2 million" -> 4200000.00);
                       empty list when a kind is absent.
  pii_redaction        types name / email / phone / address / ssn / card; each occurrence is
                       replaced by its [TYPE] tag and listed in order of appearance; order numbers,
                       dates, amounts and company names stay.
  resume_parsing       years_experience = the resume's year - the start year of the first job;
                       current job = the one marked Present; skills as listed; one education
                       entry {degree, school, year} copied as written; location "City, ST".
  meeting_action_items owner = the speaker who ends up with the task (declined tasks go to who
                       takes them); task = the verb phrase as said, without the "by ..." part;
                       due = weekday -> next such day strictly after the meeting, or the date
                       named, or null; decisions only in the generator's two canonical forms
                       "go with X as the vendor" and "move the launch to YYYY-MM-DD".
"""

import datetime as dt
import json
import os
import re
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ANVIL = os.path.join(HERE, "..", "..", "build", "bin", "anvil")
MAX_TEXT = 2100  # characters of prompt + response; the generators go up to ~1800

FIELDS = {
    "invoice_processing": ["vendor", "invoice_number", "invoice_date", "due_date", "currency",
                           "line_items", "subtotal", "tax", "total"],
    "receipt_parsing": ["merchant", "date", "time", "items", "subtotal", "tax", "tip", "total",
                        "payment_method"],
    "document_extraction": ["document_type", "name", "date_of_birth", "email", "phone", "address",
                            "organization", "reference_number"],
    "contract_analysis": ["contract_type", "party_a", "party_b", "effective_date", "end_date",
                          "term_months", "auto_renewal", "notice_period_days", "governing_law",
                          "payment_amount", "payment_frequency"],
    "email_triage": ["category", "priority", "needs_reply", "sender", "deadline"],
    "entity_extraction": ["people", "organizations", "locations", "dates", "amounts"],
    "pii_redaction": ["redacted_text", "pii"],
    "resume_parsing": ["name", "email", "phone", "location", "current_title", "current_employer",
                       "years_experience", "skills", "education"],
    "meeting_action_items": ["action_items", "decisions"],
}
# Keys of the objects nested in list / json fields, in the generators' order.
NESTED = {
    ("invoice_processing", "line_items"): ["description", "quantity", "unit_price", "amount"],
    ("receipt_parsing", "items"): ["name", "quantity", "price"],
    ("pii_redaction", "pii"): ["type", "value"],
    ("resume_parsing", "education"): ["degree", "school", "year"],
    ("meeting_action_items", "action_items"): ["owner", "task", "due"],
}

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class Money(Decimal):
    """A value written with two decimals, like JsonBuilder::money."""


def money(x):
    return Money(Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def cents(x):
    return Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def dump(v):
    """Compact JSON the way the generators' JsonBuilder writes it (UTF-8 kept as is)."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Money):
        return "%.2f" % v
    if isinstance(v, Decimal):
        return str(v.normalize()) if v != v.to_integral() else str(int(v))
    if isinstance(v, (int, float)):
        return json.dumps(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ",".join(dump(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join(dump(k) + ":" + dump(x) for k, x in v.items()) + "}"
    raise TypeError(type(v))


def d(s):
    return dt.date.fromisoformat(s)


def iso(x):
    return x.isoformat()


def plus_days(date_iso, n):
    return iso(d(date_iso) + dt.timedelta(days=n))


def next_weekday(date_iso, name):
    """The next `name` strictly after the date (the generators' "by Friday")."""
    base = d(date_iso)
    delta = (WEEKDAYS.index(name) - base.weekday() + 7) % 7
    return iso(base + dt.timedelta(days=delta or 7))


def add_months_minus_day(date_iso, months):
    """contract_analysis end date: add months (day clamped to the month's length), minus a day."""
    x = d(date_iso)
    m0 = x.month - 1 + months
    y, m = x.year + m0 // 12, m0 % 12 + 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return iso(dt.date(y, m, min(x.day, last)) - dt.timedelta(days=1))


def money_forms(x):
    """Ways an amount may be printed in a document."""
    x = cents(x)
    neg = x < 0
    a = -x if neg else x
    us = "{:,.2f}".format(a)
    forms = {us, "%.2f" % a, us.replace(",", "X").replace(".", ",").replace("X", "."),
             us.replace(",", " ").replace(".", ",")}
    if a == a.to_integral():
        forms |= {"{:,.0f}".format(a), "%d" % a}
    return forms


def in_prompt(prompt, x):
    return any(f in prompt for f in money_forms(x))


def fail(name, i, msg):
    sys.exit("%s record %d: %s" % (name, i, msg))


# ---------------------------------------------------------------------------------------------
# invoice_processing
# ---------------------------------------------------------------------------------------------
def invoice(vendor, number, date, due, currency, lines, tax):
    """lines: (description, quantity, unit price); amounts, subtotal and total are computed."""
    items, subtotal = [], Decimal(0)
    for desc, qty, unit in lines:
        amount = cents(Decimal(str(qty)) * Decimal(str(unit)))
        subtotal += amount
        items.append({"description": desc, "quantity": qty, "unit_price": money(unit),
                      "amount": money(amount)})
    return {"vendor": vendor, "invoice_number": number, "invoice_date": date, "due_date": due,
            "currency": currency, "line_items": items, "subtotal": money(subtotal),
            "tax": money(tax), "total": money(subtotal + Decimal(str(tax)))}


INVOICES = [
    ("""\
hey, can you turn this into the usual JSON for the books? she invoiced us by email, no pdf

---
Hi Jordan,

Thanks again for a fun project! Here's my invoice for the rebrand work.

Invoice MO-2024-017
Date: April 2, 2024
Terms: Net 15

Logo refresh (flat fee) ............ $1,200.00
Brand guidelines PDF ............... $450.00
Social media templates, 6 @ $75.00 . $450.00

Total: $2,100.00 (no sales tax - design services)

Payment by ACH or Zelle is great. Let me know if anything looks off!

Marisol Ortega
Marisol Ortega Design · Austin, TX""",
     invoice("Marisol Ortega Design", "MO-2024-017", "2024-04-02", plus_days("2024-04-02", 15),
             "USD", [("Logo refresh (flat fee)", 1, "1200.00"),
                     ("Brand guidelines PDF", 1, "450.00"),
                     ("Social media templates", 6, "75.00")], "0.00")),

    ("""\
Invoice
Invoice number      CRS-48213-0009
Date of issue       March 4, 2024
Date due            April 3, 2024

Cobalt Ridge Software, Inc.
1201 Western Ave, Suite 900
Seattle, Washington 98101
billing@cobaltridge.io

Bill to
Pell & Marsh Architects
accounts@pellmarsh.com

$405.72 USD due April 3, 2024

Description                                  Qty    Unit price    Amount
Team plan                                     12       $29.00    $348.00
Mar 4 – Apr 4, 2024
Additional storage (100 GB)                    2       $10.00     $20.00

Subtotal                                                         $368.00
Sales tax - Washington (10.25% on $368.00)                        $37.72
Total                                                            $405.72
Amount due                                                   $405.72 USD

Pay online: https://pay.cobaltridge.io/i/CRS-48213-0009
Page 1 of 1

please extract vendor, invoice no., dates, currency, lines and totals as json""",
     invoice("Cobalt Ridge Software, Inc.", "CRS-48213-0009", "2024-03-04", "2024-04-03", "USD",
             [("Team plan", 12, "29.00"), ("Additional storage (100 GB)", 2, "10.00")], "37.72")),

    ("""\
Our German supplier sent this. Amounts use decimal commas. JSON please, ISO dates.

Schreinerei Vogt GmbH · Hauptstraße 41 · 79098 Freiburg im Breisgau
USt-IdNr. DE 284 119 337

INVOICE No. RE-2024-0117
Customer no. 10482
Invoice date: 14.03.2024
Due date: 13.04.2024 (30 days net)

Pos.  Description                     Qty   Unit price   Total
1     Oak wall shelf, 180 cm          2     689,00 €     1.378,00 €
2     Assembly (hours)                3     65,00 €      195,00 €
3     Travel flat rate                1     45,00 €      45,00 €

Net amount                                               1.618,00 €
VAT 19 %                                                 307,42 €
Invoice total                                            1.925,42 €

Bank: Sparkasse Freiburg · IBAN DE12 6805 0101 0012 3456 78""",
     invoice("Schreinerei Vogt GmbH", "RE-2024-0117", "2024-03-14", "2024-04-13", "EUR",
             [("Oak wall shelf, 180 cm", 2, "689.00"), ("Assembly (hours)", 3, "65.00"),
              ("Travel flat rate", 1, "45.00")], "307.42")),

    ("""\
HARROW & FINCH PRINT LTD
Unit 4, Kingsland Trading Estate, Bristol BS2 0JZ
VAT Reg No. GB 294 1183 62

TAX INVOICE

Invoice No:              HF/24/0392
Tax point / Invoice date: 2 May 2024
Your order ref:          PO-7731
Due date:                1 June 2024

Qty     Item                                   Each       Net
2000    A5 flyers, 350gsm silk, double sided   £0.09      £180.00
2       Pull-up banner 850 x 2000mm            £64.50     £129.00
1       Artwork setup                          £35.00     £35.00

                                   Net total         £344.00
                                   VAT @ 20%         £68.80
                                   TOTAL DUE         £412.80

Log this invoice for payment - I need supplier, number, dates, currency, line items and totals.""",
     invoice("Harrow & Finch Print Ltd", "HF/24/0392", "2024-05-02", "2024-06-01", "GBP",
             [("A5 flyers, 350gsm silk, double sided", 2000, "0.09"),
              ("Pull-up banner 850 x 2000mm", 2, "64.50"), ("Artwork setup", 1, "35.00")],
             "68.80")),

    ("""\
greenway lawn & landscape
inv 1187 - 6/3/24
due in 14 days

mulch (hardwood) 6 yds x 38.00 = 228.00
labor 5 hrs x 55.00 = 275.00
dump fee 1 x 40.00 = 40.00

subtotal 543.00
tax 0.00
total 543.00

thx - mike

^ text from our landscaper. parse it into invoice json""",
     invoice("greenway lawn & landscape", "1187", "2024-06-03", plus_days("2024-06-03", 14),
             "USD", [("mulch (hardwood)", 6, "38.00"), ("labor", 5, "55.00"),
                     ("dump fee", 1, "40.00")], "0.00")),

    ("""\
Extract the invoice data as JSON (vendor, invoice_number, invoice_date, due_date, currency, line_items, subtotal, tax, total).

RIO GRANDE PLUMBING & DRAIN
Lic. #M-40188 | (505) 242-7711
3300 2nd St NW, Albuquerque, NM 87107

INVOICE # 30418          DATE: 11/08/2024
TERMS: Due upon receipt
Service address: 1419 Girard Blvd NE

ITEM                             QTY    PRICE      TOTAL
Water heater 50 gal (Rheem)       1     1,149.00   1,149.00
Expansion tank                    1        89.00      89.00
Labor - install                   4       125.00     500.00
Haul-away old unit                1        75.00      75.00

                               SUBTOTAL            1,813.00
                   SALES TAX 8.25% (parts)           102.14
                               TOTAL               1,915.14

Thank you for choosing Rio Grande!""",
     invoice("Rio Grande Plumbing & Drain", "30418", "2024-11-08", "2024-11-08", "USD",
             [("Water heater 50 gal (Rheem)", 1, "1149.00"), ("Expansion tank", 1, "89.00"),
              ("Labor - install", 4, "125.00"), ("Haul-away old unit", 1, "75.00")],
             "102.14")),

    ("""\
Below is the CSV our vendor portal exported for one invoice. Return the invoice as JSON with ISO dates.

vendor,Northgate Office Interiors
invoice_id,NOI-55061
invoice_date,2024-09-12
terms,Net 30
currency,USD
line,sku,description,qty,unit_price,ext_price
1,TC-220-BLK,"Task chair, mesh back",8,219.00,1752.00
2,DK-6030-WAL,Desk 60x30 laminate,4,385.00,1540.00
3,SVC-DI,Delivery & install,1,350.00,350.00
subtotal,,,,,3642.00
sales_tax_6pct,,,,,218.52
invoice_total,,,,,3860.52""",
     invoice("Northgate Office Interiors", "NOI-55061", "2024-09-12",
             plus_days("2024-09-12", 30), "USD",
             [("Task chair, mesh back", 8, "219.00"), ("Desk 60x30 laminate", 4, "385.00"),
              ("Delivery & install", 1, "350.00")], "218.52")),

    ("""\
WHITCOMBE & ADEYEMI LLP
Attorneys at Law
600 Travis Street, 34th Floor, Houston, TX 77002

Client: Lumen Ridge Homes, Inc.
Matter: 0417-002 Zoning variance
Invoice 2024-1043
Invoice Date: January 31, 2024
Payment Due: March 1, 2024

FEES
Professional services - A. Adeyemi (Partner)     3.5 hrs   $425.00/hr   $1,487.50
Professional services - K. Liu (Associate)       6.2 hrs   $260.00/hr   $1,612.00
EXPENSES
Filing fees (disbursement)                       1         $435.00      $435.00

Subtotal                                                                $3,534.50
Tax                                                                     $0.00
Total amount due                                                        $3,534.50

Can you capture this bill for AP? JSON, amounts as numbers.""",
     invoice("Whitcombe & Adeyemi LLP", "2024-1043", "2024-01-31", "2024-03-01", "USD",
             [("Professional services - A. Adeyemi (Partner)", 3.5, "425.00"),
              ("Professional services - K. Liu (Associate)", 6.2, "260.00"),
              ("Filing fees (disbursement)", 1, "435.00")], "0.00")),

    ("""\
FYI see below - can you get this into NetSuite? Structured JSON is fine, I'll paste it in.

---------- Forwarded message ---------
From: Blue Heron Coffee Roasters <orders@blueheronroasters.com>
Date: Mon, Oct 7, 2024 at 3:02 PM
Subject: Invoice BH-5521

Hi Priya,

Attached and pasted below is invoice BH-5521 for last week's wholesale order (dated Oct 7, 2024, due Oct 21, 2024).

4 x Ethiopia Yirgacheffe, 5 lb bag @ $62.00 = $248.00
6 x House espresso blend, 5 lb bag @ $54.50 = $327.00
3 x Oat milk, case of 12 @ $38.40 = $115.20

Subtotal $690.20
Tax (resale exempt) $0.00
Amount due $690.20

Cheers,
Tomás
Blue Heron Coffee Roasters""",
     invoice("Blue Heron Coffee Roasters", "BH-5521", "2024-10-07", "2024-10-21", "USD",
             [("Ethiopia Yirgacheffe, 5 lb bag", 4, "62.00"),
              ("House espresso blend, 5 lb bag", 6, "54.50"),
              ("Oat milk, case of 12", 3, "38.40")], "0.00")),

    ("""\
MID-STATE JANITORIAL SUPPLY                                   INVOICE
2455 Industrial Pkwy, Dayton, OH 45414

Invoice No.   000412            Customer #   C-0093
Invoice Date  07/15/2024        PO #         45120
Terms         Net 45            Due Date     08/29/2024
Ship Via      Our truck         Sales Rep    DK

QTY  ITEM #     DESCRIPTION                       UNIT      EXT
10   GL-NIT-L   Nitrile gloves, L, 100/bx         8.75      87.50
4    TL-4045    Trash liners 40-45 gal, 250/cs    31.20     124.80
6    FC-NEU-1   Neutral floor cleaner, 1 gal      12.95     77.70
12   MP-MF18    Microfiber mop pads               4.60      55.20

                              Merchandise         345.20
                              Sales Tax 7.5%      25.89
                              PLEASE PAY          371.09

Parse the invoice. Don't confuse the PO or customer number with the invoice number.""",
     invoice("Mid-State Janitorial Supply", "000412", "2024-07-15", "2024-08-29", "USD",
             [("Nitrile gloves, L, 100/bx", 10, "8.75"),
              ("Trash liners 40-45 gal, 250/cs", 4, "31.20"),
              ("Neutral floor cleaner, 1 gal", 6, "12.95"),
              ("Microfiber mop pads", 12, "4.60")], "25.89")),

    ("""\
Fraser Valley IT Services Ltd.
#210 - 2630 Bourquin Cres W, Abbotsford, BC V2S 5N7
GST Reg. 81234 5678 RT0001

INVOICE FV-2291
Date: 2024-02-19
Terms: Net 30 (due 2024-03-20)
All amounts in Canadian dollars (CAD)

Managed services - February         1 x $1,450.00    $1,450.00
Laptop setup (Dell Latitude 5440)   3 x $95.00       $285.00

Subtotal      $1,735.00
GST 5%        $86.75
PST 7%        $121.45
Total         $1,943.20

json pls - tax should be GST and PST together""",
     invoice("Fraser Valley IT Services Ltd.", "FV-2291", "2024-02-19", "2024-03-20", "CAD",
             [("Managed services - February", 1, "1450.00"),
              ("Laptop setup (Dell Latitude 5440)", 3, "95.00")], "208.20")),

    ("""\
**Kettle & Crumb Catering** | Invoice #KC-0882

Invoice date: June 10, 2024 · Event date: June 22, 2024 · Payment due: June 20, 2024
Client: Open Doors Literacy Project (nonprofit)

| # | Item | Rate | Qty | Total |
|---|---|---|---|---|
| 1 | Boxed lunch (sandwich, salad, cookie) | $16.50 | 45 | $742.50 |
| 2 | Coffee service, 96 oz | $42.00 | 3 | $126.00 |
| 3 | Delivery | $35.00 | 1 | $35.00 |
| 4 | Nonprofit discount | -$50.00 | 1 | -$50.00 |

Subtotal: $853.50
Sales tax (9%): $76.82
**Balance due: $930.32**

Turn this into invoice JSON; the discount counts as a line item.""",
     invoice("Kettle & Crumb Catering", "KC-0882", "2024-06-10", "2024-06-20", "USD",
             [("Boxed lunch (sandwich, salad, cookie)", 45, "16.50"),
              ("Coffee service, 96 oz", 3, "42.00"), ("Delivery", 1, "35.00"),
              ("Nonprofit discount", 1, "-50.00")], "76.82")),

    ("""\
Scanned invoice (OCR text, spacing is off):

 ALLEGHENY  TOOL  &  FASTENER  CO.
 112 Railroad St   Pittsburgh PA 15222        Page 1 of 1
 INVOICE  NO:  77-20931
 INV  DATE :  09/03/2024      DUE  DATE:  10/03/2024
 SOLD  TO:  Keystone Fab Works
 ---------------------------------------------------------
 QTY   DESCRIPTION                         PRICE     AMOUNT
 200   1/2-13 X 2 HEX CAP SCREW GR8 ZP     0.42      84.00
 200   1/2-13 NYLON INSERT LOCKNUT         0.18      36.00
 25    CUTOFF WHEEL 4-1/2 X .045           2.35      58.75
 1     FREIGHT                             18.50     18.50
 ---------------------------------------------------------
                          SUB TOTAL          197.25
                          TAX  6.00%          11.84
                          TOTAL  USD         209.09

Give me the fields as JSON.""",
     invoice("Allegheny Tool & Fastener Co.", "77-20931", "2024-09-03", "2024-10-03", "USD",
             [("1/2-13 X 2 HEX CAP SCREW GR8 ZP", 200, "0.42"),
              ("1/2-13 NYLON INSERT LOCKNUT", 200, "0.18"),
              ("CUTOFF WHEEL 4-1/2 X .045", 25, "2.35"), ("FREIGHT", 1, "18.50")], "11.84")),

    ("""\
Document type: Customer Invoice
Number: INV/2024/00871
Company: Tidewater Marine Electronics
Partner: Chesapeake Charters LLC
Invoice Date: 08/21/2024
Due Date: 09/20/2024
Currency: USD
Lines:
- VHF radio, fixed mount; qty 1.00; price 289.99; subtotal 289.99
- Antenna 8ft fiberglass; qty 1.00; price 119.00; subtotal 119.00
- Installation labor; qty 2.00; price 110.00; subtotal 220.00
Untaxed Amount: 628.99
Taxes (MD 6%): 37.74
Total: 666.73

^ odoo export. Map it to the invoice JSON schema.""",
     invoice("Tidewater Marine Electronics", "INV/2024/00871", "2024-08-21", "2024-09-20", "USD",
             [("VHF radio, fixed mount", 1, "289.99"), ("Antenna 8ft fiberglass", 1, "119.00"),
              ("Installation labor", 2, "110.00")], "37.74")),

    ("""\
Ellery Quinn Consulting
14 Chandos Road, Leeds LS8 1PY

INVOICE EQC-025

Invoice date: 31 January 2025
Payment due: 14 February 2025
To: Marlowe Housing Association, Finance Dept.

Retainer - January 2025 ........................ £3,000.00
Workshop facilitation (half day) x 2 @ £650.00 .. £1,300.00

Subtotal £4,300.00
VAT: not VAT registered (£0.00)
Total payable £4,300.00

Read the invoice and give me its data as JSON.""",
     invoice("Ellery Quinn Consulting", "EQC-025", "2025-01-31", "2025-02-14", "GBP",
             [("Retainer - January 2025", 1, "3000.00"),
              ("Workshop facilitation (half day)", 2, "650.00")], "0.00")),

    ("""\
Please extract: vendor, invoice #, invoice/due date, currency, items, subtotal, tax, total.

ATELIER LUMIÈRE SARL
18 rue des Vinaigriers, 75010 Paris
SIRET 812 345 678 00021

Invoice F-2024-0311
Date: 5 November 2024
Payment due: 5 December 2024
Client: Maison Cardin Home (e-shop)

Description                         Qty    Unit price     Amount
Product photography (day rate)      2      850,00 EUR     1 700,00 EUR
Retouching, per image               40     12,00 EUR      480,00 EUR

Total excl. VAT                                           2 180,00 EUR
VAT 20%                                                   436,00 EUR
Total incl. VAT                                           2 616,00 EUR""",
     invoice("Atelier Lumière SARL", "F-2024-0311", "2024-11-05", "2024-12-05", "EUR",
             [("Product photography (day rate)", 2, "850.00"),
              ("Retouching, per image", 40, "12.00")], "436.00")),

    ("""\
RED RIVER FREIGHTWAYS
P.O. Box 2210, Shreveport, LA 71166

FREIGHT INVOICE
Invoice No.: 5589012        Pro No.: 0441-88231       BOL: 77120
Invoice Date: Aug 2, 2024   Terms: Net 30
Shipper: Lone Star Cabinets, Dallas TX   Consignee: Delta Home Supply, Memphis TN

Charge                                   Qty    Rate        Amount
Linehaul Dallas TX to Memphis TN         1      1,380.00    1,380.00
Fuel surcharge                           1      262.20      262.20
Liftgate delivery                        1      95.00       95.00
Detention (per hour)                     2      75.00       150.00

Subtotal 1,887.20 | Tax 0.00 | Total due USD 1,887.20

AP needs this keyed in - JSON with ISO dates (work out the due date from the terms).""",
     invoice("Red River Freightways", "5589012", "2024-08-02", plus_days("2024-08-02", 30),
             "USD", [("Linehaul Dallas TX to Memphis TN", 1, "1380.00"),
                     ("Fuel surcharge", 1, "262.20"), ("Liftgate delivery", 1, "95.00"),
                     ("Detention (per hour)", 2, "75.00")], "0.00")),

    ("""\
nimbus hosting llc - invoice NH-20240701-3381
issued jul 1, 2024 / due jul 15, 2024
account: blackbird-ceramics

  2 x VPS 4 vCPU / 8 GB ........ 48.00 ea .... 96.00
  1 x Block storage 250 GB ..... 25.00 ea .... 25.00
  2 x Daily backups ............ 9.60 ea ..... 19.20
  1 x Domain renewal blackbirdceramics.com ... 17.99 ea .... 17.99

  subtotal ..... 158.19
  CT sales tax 6.35% ..... 10.05
  total (USD) ..... 168.24

could you pull this hosting bill into json""",
     invoice("nimbus hosting llc", "NH-20240701-3381", "2024-07-01", "2024-07-15", "USD",
             [("VPS 4 vCPU / 8 GB", 2, "48.00"), ("Block storage 250 GB", 1, "25.00"),
              ("Daily backups", 2, "9.60"),
              ("Domain renewal blackbirdceramics.com", 1, "17.99")], "10.05")),

    ("""\
Sunrise Pest Control
"Protecting homes since 1987"
(813) 555-0199 · sunrisepest.com

INVOICE 10-44871
Service Date: 04/18/2024
Invoice Date: 04/19/2024
Payment Terms: Net 30 - please pay by 05/19/2024

Customer: Gulf Breeze Apartments, Bldg C

Quarterly general pest service      1    $129.00    $129.00
Rodent bait station refill          4    $12.50     $50.00

Subtotal  $179.00
FL Sales Tax (7%)  $12.53
Invoice Total  $191.53

Convert to JSON - note the invoice date is not the service date.""",
     invoice("Sunrise Pest Control", "10-44871", "2024-04-19", "2024-05-19", "USD",
             [("Quarterly general pest service", 1, "129.00"),
              ("Rodent bait station refill", 4, "12.50")], "12.53")),

    ("""\
Lingua Franca Übersetzungen GmbH
Invoice LF-24-1187 · 02.09.2024 · payable within 14 days (by 16.09.2024)

Translation EN>DE, words    4.250   x 0,12 €     = 510,00 €
Proofreading (hours)        2       x 45,00 €    = 90,00 €

Net: 600,00 €
VAT 19%: 114,00 €
Gross total: 714,00 €

Structured JSON for our invoice inbox please.""",
     invoice("Lingua Franca Übersetzungen GmbH", "LF-24-1187", "2024-09-02", "2024-09-16", "EUR",
             [("Translation EN>DE, words", 4250, "0.12"), ("Proofreading (hours)", 2, "45.00")],
             "114.00")),

    ("""\
COASTAL LINEN SERVICE
Remit to: PO Box 4418, Charleston, SC 29405

Customer: The Salty Pelican Restaurant   Route 7, Stop 12
Invoice # 0098812    Invoice Date: 3/30/2024    Terms: Net 15

Description                  Qty   Rate    Amount
Bar towels (per dozen)        20   3.25     65.00
Chef coats                    12   2.10     25.20
Aprons, bib                   30   0.95     28.50
Weekly delivery charge         1  15.00     15.00

Subtotal 133.70    Sales tax 6% 8.02    Amount Due 141.72

What's on this invoice? Reply with the JSON fields only.""",
     invoice("Coastal Linen Service", "0098812", "2024-03-30", plus_days("2024-03-30", 15),
             "USD", [("Bar towels (per dozen)", 20, "3.25"), ("Chef coats", 12, "2.10"),
                     ("Aprons, bib", 30, "0.95"), ("Weekly delivery charge", 1, "15.00")],
             "8.02")),
]


# ---------------------------------------------------------------------------------------------
# receipt_parsing
# ---------------------------------------------------------------------------------------------
PAYMENTS = {"cash", "visa", "mastercard", "amex", "discover"}


def receipt(merchant, date, time, items, tax, tip, payment):
    """items: (name, quantity, unit price); the answer carries the line price."""
    out, subtotal = [], Decimal(0)
    for name, qty, unit in items:
        line = cents(Decimal(str(qty)) * Decimal(str(unit)))
        subtotal += line
        out.append({"name": name, "quantity": qty, "price": money(line)})
    total = subtotal + Decimal(str(tax)) + Decimal(str(tip))
    return {"merchant": merchant, "date": date, "time": time, "items": out,
            "subtotal": money(subtotal), "tax": money(tax), "tip": money(tip),
            "total": money(total), "payment_method": payment}


RECEIPTS = [
    ("""\
can you log this coffee receipt for my expenses? json w/ merchant, date, time, items, totals, payment

Little Wolf Coffee
310 Atlantic Ave, Brooklyn NY
Mar 9, 2024 8:14 AM
Receipt #2-1047   Register: iPad 2

Oat Latte 16oz            $5.75
Almond Croissant          $4.50
Drip Coffee 12oz          $3.25

Subtotal                 $13.50
Tax (8.875%)              $1.20
Tip                       $2.70
Total                    $17.40

Visa •••• 4417  (Chip)
Thank you! Come back soon""",
     receipt("Little Wolf Coffee", "2024-03-09", "08:14",
             [("Oat Latte 16oz", 1, "5.75"), ("Almond Croissant", 1, "4.50"),
              ("Drip Coffee 12oz", 1, "3.25")], "1.20", "2.70", "visa")),

    ("""\
TRADER JOE'S #552
1440 S Sepulveda Blvd
Los Angeles, CA 90025
OPEN 8:00AM TO 9:00PM DAILY

ORG BABY SPINACH 5 OZ             2.49
MANDARIN ORANGE CHICKEN           9.98
   2 @ 4.99
SPROUTED WHEAT BREAD              3.99
UNEXPECTED CHEDDAR                3.99
CAULIFLOWER GNOCCHI               8.97
   3 @ 2.99
SUBTOTAL                         29.42
TAX                               0.00
TOTAL                            29.42
VISA                             29.42
ITEMS 8    CARD # XXXXXXXXXXXX7210
10-14-2024 18:52  STORE 552  TERM 3  TRANS 4471

Parse the receipt above (ISO date, 24h time, line prices).""",
     receipt("Trader Joe's", "2024-10-14", "18:52",
             [("ORG BABY SPINACH 5 OZ", 1, "2.49"), ("MANDARIN ORANGE CHICKEN", 2, "4.99"),
              ("SPROUTED WHEAT BREAD", 1, "3.99"), ("UNEXPECTED CHEDDAR", 1, "3.99"),
              ("CAULIFLOWER GNOCCHI", 3, "2.99")], "0.00", "0.00", "visa")),

    ("""\
Receipt from last night's client dinner. Extract it as JSON - the tip is the one I wrote in, not the suggestions.

OSTERIA VIA ROMA
211 Elizabeth St, New York, NY 10012
Server: Giulia  Table 14  Guests 2
02/14/2025  8:47 PM   Check #3318

1 Burrata                      16.00
2 Cacio e Pepe                 44.00
1 Branzino                     34.00
2 Glass Montepulciano          26.00

Subtotal                      120.00
Tax                            10.65
                    ----------------
Amount                        130.65

Suggested gratuity:
18% = 21.60   20% = 24.00   22% = 26.40

Tip:        24.00
Total:     154.65

AMEX XXXXXXXXXXX1009
Signature: ____________""",
     receipt("Osteria Via Roma", "2025-02-14", "20:47",
             [("Burrata", 1, "16.00"), ("Cacio e Pepe", 2, "22.00"), ("Branzino", 1, "34.00"),
              ("Glass Montepulciano", 2, "13.00")], "10.65", "24.00", "amex")),

    ("""\
LUCKY STAR DELI & GROCERY
988 Flatbush Ave Brooklyn NY
11/02/24   07:03

BACON EGG & CHEESE        5.50
COFFEE LG                 2.25
GATORADE 28OZ             2.79
SUBTOTAL                 10.54
TAX                       0.25
TOTAL                    10.79
CASH                     20.00
CHANGE                    9.21

turn this into receipt json""",
     receipt("Lucky Star Deli & Grocery", "2024-11-02", "07:03",
             [("BACON EGG & CHEESE", 1, "5.50"), ("COFFEE LG", 1, "2.25"),
              ("GATORADE 28OZ", 1, "2.79")], "0.25", "0.00", "cash")),

    ("""\
Valley Ace Hardware
4120 N Academy Blvd, Colorado Springs, CO 80918
(719) 598-4400

SALE   Trans 88120   Cashier: DEB   04/06/2024 10:22:51

064641  WD-40 SMART STRAW 12OZ        6.99
221459  3M BLUE PAINTERS TAPE 1.88IN
        2 @ 7.49                     14.98
508103  #8 X 1-1/4 DECK SCREWS 1LB    9.99

        SUBTOTAL                     31.96
        TAX 7.000%                    2.24
        TOTAL                        34.20
        MASTERCARD ************5568  34.20

Ace Rewards #: ****3311  You earned 31 points!

Pull merchant, date, time, items (without the SKU numbers), subtotal, tax, tip, total and payment method.""",
     receipt("Valley Ace Hardware", "2024-04-06", "10:22",
             [("WD-40 SMART STRAW 12OZ", 1, "6.99"), ("3M BLUE PAINTERS TAPE 1.88IN", 2, "7.49"),
              ("#8 X 1-1/4 DECK SCREWS 1LB", 1, "9.99")], "2.24", "0.00", "mastercard")),

    ("""\
The Rusty Anchor Pub
5401 Ballard Ave NW, Seattle WA
Bartender: Cole   Tab: "ZOE"
Sat 06/15/2024 11:58 PM

3 Guinness 20oz @ 8.00       24.00
1 Fish & Chips               17.00
1 Wings (12)                 15.00

Subtotal      56.00
Tax           5.74
Tip           11.00
TOTAL         72.74

DISCOVER  XXXX-XXXX-XXXX-6011
Approved  Auth 044718

Expense it: JSON with items, totals and payment method.""",
     receipt("The Rusty Anchor Pub", "2024-06-15", "23:58",
             [("Guinness 20oz", 3, "8.00"), ("Fish & Chips", 1, "17.00"),
              ("Wings (12)", 1, "15.00")], "5.74", "11.00", "discover")),

    ("""\
WALGREENS #07731
3201 W Broad St
Richmond, VA 23230
RX (804) 353-0912

ADVIL 200MG TAB 100CT          12.99
CERAVE MOIST CREAM 16OZ        17.49
PURELL HAND SANITIZER 8OZ
   2 @ 3.79                     7.58
SUBTOTAL                       38.06
VA 6.000% TAX                   2.28
TOTAL                          40.34
MC DEBIT ****1190              40.34
   CHANGE                        .00

RFN# 0773-1508-4621-2405-0110
05/01/2024 12:09 PM

Please extract the receipt fields.""",
     receipt("Walgreens", "2024-05-01", "12:09",
             [("ADVIL 200MG TAB 100CT", 1, "12.99"), ("CERAVE MOIST CREAM 16OZ", 1, "17.49"),
              ("PURELL HAND SANITIZER 8OZ", 2, "3.79")], "2.28", "0.00", "mastercard")),

    ("""\
Subject: Your Powell's order receipt #P-7810442

Hi Dana,
Thanks for shopping at Powell's City of Books! Here is your in-store purchase from Sat, Jun 8, 2024 at 2:16 PM.

The Overstory (paperback) ........ $18.99
Braiding Sweetgrass .............. $20.00
Moleskine Classic Notebook, Large  $24.95

Subtotal: $63.94
Sales tax: $0.00 (Oregon has no sales tax)
Total: $63.94
Charged to: American Express ending in 1005

Powell's Books, 1005 W Burnside St, Portland, OR 97209

---
Make this expense-report JSON.""",
     receipt("Powell's Books", "2024-06-08", "14:16",
             [("The Overstory (paperback)", 1, "18.99"), ("Braiding Sweetgrass", 1, "20.00"),
              ("Moleskine Classic Notebook, Large", 1, "24.95")], "0.00", "0.00", "amex")),

    ("""\
Taqueria El Güero
(food truck - 6th & Congress)
Aug 23, 2024 at 12:31 PM
Receipt #Q4JX

Al Pastor Taco x3        $10.50
Horchata                  $4.00
Elote                     $5.00

Subtotal                 $19.50
Sales Tax                 $1.61
Tip                       $3.00
Total                    $24.11

Mastercard (Apple Pay) •••• 8830
Powered by Square

What did I pay and for what? Give me the receipt as JSON.""",
     receipt("Taqueria El Güero", "2024-08-23", "12:31",
             [("Al Pastor Taco", 3, "3.50"), ("Horchata", 1, "4.00"), ("Elote", 1, "5.00")],
             "1.61", "3.00", "mastercard")),

    ("""\
Extract merchant/date/time/items/subtotal/tax/tip/total/payment as json:

SHELL  57442116
I-70 EXIT 216  HAYS KS
DATE 01/19/2025  TIME 05:47:13

MONSTER ENERGY 16OZ    2 @ 3.29    6.58
SLIM JIM GIANT                     2.49
ICE 10LB                           3.99
                      SUBTOTAL    13.06
                      TAX          0.91
                      TOTAL       13.97
VISA CREDIT   ************3382
AUTH #: 093417   SEQ: 002231""",
     receipt("Shell", "2025-01-19", "05:47",
             [("MONSTER ENERGY 16OZ", 2, "3.29"), ("SLIM JIM GIANT", 1, "2.49"),
              ("ICE 10LB", 1, "3.99")], "0.91", "0.00", "visa")),

    ("""\
lunch yesterday, pls log it:
sweetgreen - 3/21/24 12:48pm
harvest bowl 14.95
kale caesar 13.45
spindrift grapefruit 3.25
subtotal 31.65 / tax 2.81 / total 34.46
paid w/ amex""",
     receipt("sweetgreen", "2024-03-21", "12:48",
             [("harvest bowl", 1, "14.95"), ("kale caesar", 1, "13.45"),
              ("spindrift grapefruit", 1, "3.25")], "2.81", "0.00", "amex")),

    ("""\
Bramble & Bone Steakhouse
1800 Market St, Denver, CO 80202
Server: Marcus T.    Table 22    Guests: 2
Date: 2024-09-27   Time: 19:36

Ribeye 16oz               1    58.00
Filet 8oz                 1    52.00
Creamed Spinach           1    12.00
Old Fashioned             2    32.00

Food & Bev Subtotal           154.00
State Tax 2.900%                4.47
City Tax 4.810%                 7.41
Tip                            30.00
Grand Total                   195.88

VISA ending 7702

Give me the receipt as JSON; tax is all taxes combined.""",
     receipt("Bramble & Bone Steakhouse", "2024-09-27", "19:36",
             [("Ribeye 16oz", 1, "58.00"), ("Filet 8oz", 1, "52.00"),
              ("Creamed Spinach", 1, "12.00"), ("Old Fashioned", 2, "16.00")],
             "11.88", "30.00", "visa")),

    ("""\
From: Spoke & Sprocket Cycles <receipts@spokesprocket.com>
Subject: Receipt for your purchase

Order #1042 · April 27, 2024, 10:05 AM

Continental GP5000 700x28 tire   Qty 2   $129.98
Presta tube 700x25-32            Qty 2    $17.98
Labor - tire install             Qty 1    $15.00

Subtotal        $162.96
Tax (10.25%)     $16.70
Total           $179.66

Paid with Visa ending in 0042

Spoke & Sprocket Cycles · 2218 Shattuck Ave, Berkeley, CA

please parse this receipt""",
     receipt("Spoke & Sprocket Cycles", "2024-04-27", "10:05",
             [("Continental GP5000 700x28 tire", 2, "64.99"),
              ("Presta tube 700x25-32", 2, "8.99"), ("Labor - tire install", 1, "15.00")],
             "16.70", "0.00", "visa")),

    ("""\
Hillside Orchards - farmers market stand
Sat Oct 12 2024  9:40 am

Honeycrisp apples (3 lb bag)   9.00
Apple cider, half gallon x2   14.00
Apple cider donuts (6)         8.00
-------------------------------
Subtotal  31.00
Tax        0.00
Total     31.00
Paid CASH 40.00  Change 9.00

JSON for my budget app, please.""",
     receipt("Hillside Orchards", "2024-10-12", "09:40",
             [("Honeycrisp apples (3 lb bag)", 1, "9.00"), ("Apple cider, half gallon", 2, "7.00"),
              ("Apple cider donuts (6)", 1, "8.00")], "0.00", "0.00", "cash")),

    ("""\
AMC THEATRES
DINE-IN PLANO 14 - CONCESSIONS
12/26/2024 6:55 PM  POS 7

LARGE POPCORN            9.79
ICEE LARGE               7.29
SUBTOTAL                17.08
TAX                      1.41
TOTAL                   18.49
DISCOVER ***8814        18.49

Enjoy the show!
--
what's on this receipt, as structured json?""",
     receipt("AMC Theatres", "2024-12-26", "18:55",
             [("LARGE POPCORN", 1, "9.79"), ("ICEE LARGE", 1, "7.29")], "1.41", "0.00",
             "discover")),

    ("""\
Golden Lotus Dim Sum
40 Bowery, New York, NY
Table 9 - Party of 6 (18% gratuity added for parties of 6+)
7/6/2024  11:20 AM

Har Gow x2           13.90
Siu Mai x2           13.00
Char Siu Bao          6.25
Jasmine Tea (pot)     4.00

Subtotal             37.15
Tax                   3.30
Gratuity 18%          6.69
Total                47.14

MasterCard ...2291

Parse it; the added gratuity is the tip.""",
     receipt("Golden Lotus Dim Sum", "2024-07-06", "11:20",
             [("Har Gow", 2, "6.95"), ("Siu Mai", 2, "6.50"), ("Char Siu Bao", 1, "6.25"),
              ("Jasmine Tea (pot)", 1, "4.00")], "3.30", "6.69", "mastercard")),

    ("""\
Starbucks Store #10432
Dupont Circle, Washington DC
CHK 730122
05/20/2024 07:51 AM

Grande Pike Place           3.25
Venti Iced Shaken Espresso  5.95
Butter Croissant            3.75

Subtotal                   12.95
Tax                         1.30
Total                      14.25
Visa ***5561               14.25

Thank you for visiting!

Record this purchase as JSON (merchant, date, time, items, subtotal, tax, tip, total, payment_method).""",
     receipt("Starbucks", "2024-05-20", "07:51",
             [("Grande Pike Place", 1, "3.25"), ("Venti Iced Shaken Espresso", 1, "5.95"),
              ("Butter Croissant", 1, "3.75")], "1.30", "0.00", "visa")),

    ("""\
COSTCO WHOLESALE
Tustin #479
2655 El Camino Real, Tustin, CA 92782

E  1187321  KS BATH TISSUE 30RL     24.99 A
E   87745   ROTISSERIE CHICKEN       4.99
E  1304468  KS ORG EGGS 24CT         8.49
E   27003   AVOCADO BAG 6CT          6.49
            SUBTOTAL                44.96
            TAX                      2.00
         ****  TOTAL                46.96
XXXXXXXXXXXX4018 CHIP Read
AID: A0000000031010  VISA
A 8.0% TAX  2.00

11/30/2024 16:08  479 12 331 117
TOTAL NUMBER OF ITEMS SOLD = 4

parse into json (item names without the item numbers)""",
     receipt("Costco Wholesale", "2024-11-30", "16:08",
             [("KS BATH TISSUE 30RL", 1, "24.99"), ("ROTISSERIE CHICKEN", 1, "4.99"),
              ("KS ORG EGGS 24CT", 1, "8.49"), ("AVOCADO BAG 6CT", 1, "6.49")],
             "2.00", "0.00", "visa")),

    ("""\
Please convert this receipt to JSON.

Two Cones Creamery
Burlington VT
2024-07-19 21:12

2 Double scoop waffle cone   13.50
1 Kids cup                    3.95
Subtotal                     17.45
Tax 8%                        1.40
Tip                           2.00
Total                        20.85
Card: DISCOVER ****0098""",
     receipt("Two Cones Creamery", "2024-07-19", "21:12",
             [("Double scoop waffle cone", 2, "6.75"), ("Kids cup", 1, "3.95")], "1.40", "2.00",
             "discover")),

    ("""\
Polly's Diner
Rt 9, Saugerties NY
Server: Barb  Table 4
Sunday, April 14, 2024  9:05 AM

2  Two Eggs Any Style     19.00
1  Short Stack             7.25
2  Coffee                  5.00
1  Side of Bacon           4.00

Subtotal   35.25
Tax         2.47
Tip         7.00
Total      44.72
CASH

Could you turn the breakfast receipt into JSON?""",
     receipt("Polly's Diner", "2024-04-14", "09:05",
             [("Two Eggs Any Style", 2, "9.50"), ("Short Stack", 1, "7.25"), ("Coffee", 2, "2.50"),
              ("Side of Bacon", 1, "4.00")], "2.47", "7.00", "cash")),

    ("""\
WHOLE FOODS MARKET
Union Square, 4 Union Sq S, New York NY 10003

Organic Fuji Apples
  2.14 lb @ $2.49/lb              5.33
LaCroix Pamplemousse 12pk         5.99
365 Oat Milk 64oz                 6.98
  2 @ 3.49

Subtotal                         18.30
Tax                               0.00
Total                            18.30
AMEX                             18.30

Sep 3, 2024 17:26  Store 10183  Reg 14

extract fields -> json. a weighed item counts as quantity 1.""",
     receipt("Whole Foods Market", "2024-09-03", "17:26",
             [("Organic Fuji Apples", 1, "5.33"), ("LaCroix Pamplemousse 12pk", 1, "5.99"),
              ("365 Oat Milk 64oz", 2, "3.49")], "0.00", "0.00", "amex")),
]


# ---------------------------------------------------------------------------------------------
# document_extraction
# ---------------------------------------------------------------------------------------------
DOC_TYPES = {"employment_verification", "patient_intake", "rental_application",
             "vendor_registration"}


def docx(doc_type, name, dob, email, phone, address, org, ref):
    return {"document_type": doc_type, "name": name, "date_of_birth": dob, "email": email,
            "phone": phone, "address": address, "organization": org, "reference_number": ref}


DOCUMENTS = [
    ("""\
For the mortgage file - pull the standard fields (type, name, DOB, email, phone, address, organization, reference) as JSON, null if it isn't in there.

MERCY RIDGE HEALTH SYSTEM
Human Resources Shared Services
1500 Spruce Street, Philadelphia, PA 19102

February 6, 2024

RE: Verification of Employment - Tamika R. Jefferson
Our reference: VOE-24-00317

Dear Loan Officer,

At the employee's request, we confirm that Tamika R. Jefferson has been employed by Mercy Ridge Health System since August 14, 2017. Her current position is Registered Respiratory Therapist (full-time). Our records list her home address as 2207 Delancey Pl, Philadelphia, PA 19103.

This information is provided in confidence.

Sincerely,
Gregory Haines
Manager, Employment Verification""",
     docx("employment_verification", "Tamika R. Jefferson", None, None, None,
          "2207 Delancey Pl, Philadelphia, PA 19103", "Mercy Ridge Health System",
          "VOE-24-00317")),

    ("""\
From: payroll@tallpinesmfg.com
To: verifications@firstcoastmortgage.com
Subject: Employment verification request WN-8812034

Hello,

In response to request WN-8812034: Daniel Okonkwo-Reyes (employee ID 004417) is an active, full-time employee of Tall Pines Manufacturing Co. in the role of Maintenance Technician II, hired 05/01/2019.

Employee contact on file: (904) 661-2087, dokonkwo.reyes@gmail.com
Mailing address: 85 Harbor Oaks Dr, Apt 12, Fernandina Beach, FL 32034

Regards,
Tall Pines Payroll Team

Extract the record fields from this email. Use null for anything missing.""",
     docx("employment_verification", "Daniel Okonkwo-Reyes", None, "dokonkwo.reyes@gmail.com",
          "(904) 661-2087", "85 Harbor Oaks Dr, Apt 12, Fernandina Beach, FL 32034",
          "Tall Pines Manufacturing Co.", "WN-8812034")),

    ("""\
VERIFICATION OF EMPLOYMENT
Case No.: 2024-EV-5530
Requested by: Granite State Credit Union (lender)

Employer: Seacoast Regional Transit Authority
Employee name: Lindgren, Erik J.
Date of birth: 03/22/1988
Position: Bus Operator
Date of hire: 06/10/2013
Employee phone: 603.436.9921
Employee address: 17 Bartlett St, Portsmouth, NH 03801

Completed by: R. Dufresne, HR Coordinator   Date: 10/02/2024

index this form -> json (the organization is the employer, not the lender)""",
     docx("employment_verification", "Erik J. Lindgren", "1988-03-22", None, "603.436.9921",
          "17 Bartlett St, Portsmouth, NH 03801", "Seacoast Regional Transit Authority",
          "2024-EV-5530")),

    ("""\
To: Leasing Office, The Marlowe at Midtown
Date: 9 July 2024
Ref. HR/VER/2024/0611

Dear Leasing Team,

This is to confirm that Ms. Aaliyah Brooks-Whitfield works for Calder & Voss Engineering, Inc. as a Civil Engineer I, full time, since January 2023. Her annual base salary is $78,500. She asked us to share her mobile number, 470-555-0138, for any follow-up.

Kind regards,
Priscilla Nakamura, SHRM-CP
People Operations, Calder & Voss Engineering, Inc.

-----
What are the document type, person, DOB, email, phone, address, organization and reference number here? JSON, nulls for gaps.""",
     docx("employment_verification", "Aaliyah Brooks-Whitfield", None, None, "470-555-0138",
          None, "Calder & Voss Engineering, Inc.", "HR/VER/2024/0611")),

    ("""\
hi, re your voe request (ref 33871-B) - confirming jose luis ferreira is employed here at sunbelt pool & spa supply as a warehouse lead since 2020. his address on file is 4410 w camelback rd, unit 207, phoenix, az 85031. personal email jlferreira84@yahoo.com. no phone on file sorry
- kim, hr asst

^ can you file this reply? need the usual json record""",
     docx("employment_verification", "Jose Luis Ferreira", None, "jlferreira84@yahoo.com", None,
          "4410 W Camelback Rd, Unit 207, Phoenix, AZ 85031", "Sunbelt Pool & Spa Supply",
          "33871-B")),

    ("""\
Please index the letter below (document_type, name, date_of_birth, email, phone, address, organization, reference_number).

NORTHWIND SCHOOL DISTRICT 14
Office of Human Resources
1 Education Way, Wilmette, IL 60091

Date: March 28, 2025
Reference: EVL-1407

Subject: Employment Verification for Rosa M. Delgado

To Whom It May Concern:

Rosa M. Delgado has been employed with Northwind School District 14 since August 2009 and presently serves as a 4th Grade Teacher. Ms. Delgado may be reached at (847) 318-2260 or rdelgado.home@outlook.com. Her current address is:

  902 Linden Ave
  Wilmette, IL 60091

Respectfully,
Thomas Beckett, Director of Human Resources
cc: Personnel file""",
     docx("employment_verification", "Rosa M. Delgado", None, "rdelgado.home@outlook.com",
          "(847) 318-2260", "902 Linden Ave, Wilmette, IL 60091", "Northwind School District 14",
          "EVL-1407")),

    ("""\
NEW PATIENT REGISTRATION
Lakeshore Family Medicine
MRN: LFM-0093321

Last name: Tran          First name: Anh
Birthdate: 11/30/1992    Sex: F
Street: 5120 N Sheridan Rd, Apt 3S
City/State/ZIP: Chicago, IL 60640
Cell: 773-908-4415       Home: -
E-mail: anh.tran.92@gmail.com
Primary insurance: Blue Cross Blue Shield IL   Member ID: XWH882113406
Emergency contact: Minh Tran (brother) 773-908-2270

Key this registration into the EHR index: JSON with the patient's details.""",
     docx("patient_intake", "Anh Tran", "1992-11-30", "anh.tran.92@gmail.com", "773-908-4415",
          "5120 N Sheridan Rd, Apt 3S, Chicago, IL 60640", "Lakeshore Family Medicine",
          "LFM-0093321")),

    ("""\
Brightsmile Family Dentistry - New Patient Form
Chart #: D-20931

Patient: HOLLOWAY, MARGARET ANN
Birthdate: 7/4/1961
Address: 38 Crestview Terrace, Asheville, NC 28804
Phone (cell): +1 828 555 0147
Email: mholloway61@bellsouth.net
Reason for visit: cleaning + cracked filling lower left
Referred by: Dr. Sam Whitaker

Extract the fields as JSON (ISO dates, null when missing).""",
     docx("patient_intake", "Margaret Ann Holloway", "1961-07-04", "mholloway61@bellsouth.net",
          "+1 828 555 0147", "38 Crestview Terrace, Asheville, NC 28804",
          "Brightsmile Family Dentistry", "D-20931")),

    ("""\
Intake note - Elevate Physical Therapy & Sports Rehab
Pt. is Kwame Asante, DOB Sept. 9 1979, seen for R shoulder pain after a fall. Lives at 7718 Oak Grove Rd, Fort Worth, TX 76140. Prefers texts to 817-555-0163. No email given. Patient ID EPT-55017.

Turn this note into the standard document record (JSON).""",
     docx("patient_intake", "Kwame Asante", "1979-09-09", None, "817-555-0163",
          "7718 Oak Grove Rd, Fort Worth, TX 76140", "Elevate Physical Therapy & Sports Rehab",
          "EPT-55017")),

    ("""\
URGENT CARE CHECK-IN | MedFirst Urgent Care (Gresham clinic)
MRN: 00781265        Visit #: V-2024-118832

Name: O'Connell, Siobhan
DOB: 1/15/2001
Phone: (503) 555-0176
Email: declined
Address: 2240 NE Division St, Gresham, OR 97030
Chief complaint: sore throat x3 days

Please pull the indexing fields as JSON; the reference is the MRN.""",
     docx("patient_intake", "Siobhan O'Connell", "2001-01-15", None, "(503) 555-0176",
          "2240 NE Division St, Gresham, OR 97030", "MedFirst Urgent Care",
          "00781265")),

    ("""\
Valley Oak Cardiology Associates - Patient Information Sheet (MRN VOC-118-402)

| Field | Patient | Emergency contact |
|---|---|---|
| Name | Wei Zhang | Li Na Zhang (spouse) |
| Date of birth | Feb 27, 1958 | |
| Phone | 408.555.0192 | 408.555.0110 |
| Email | wzhang58@comcast.net | |
| Address | 1633 Meridian Ave, San Jose, CA 95125 | same |

Index the patient's record: document_type, name, date_of_birth, email, phone, address, organization, reference_number.""",
     docx("patient_intake", "Wei Zhang", "1958-02-27", "wzhang58@comcast.net", "408.555.0192",
          "1633 Meridian Ave, San Jose, CA 95125", "Valley Oak Cardiology Associates",
          "VOC-118-402")),

    ("""\
intake_form_v3
clinic=Riverside Behavioral Health
mrn=RBH-7720184
patient_first=Jordan
patient_last=Whitley-Amos
dob=2000-05-18
phone=+1-615-555-0129
email=jwhitleyamos@proton.me
address=410 Gallatin Ave, Apt 2B, Nashville, TN 37206
visit_type=telehealth

could you map this export to our document JSON?""",
     docx("patient_intake", "Jordan Whitley-Amos", "2000-05-18", "jwhitleyamos@proton.me",
          "+1-615-555-0129", "410 Gallatin Ave, Apt 2B, Nashville, TN 37206",
          "Riverside Behavioral Health", "RBH-7720184")),

    ("""\
RENTAL APPLICATION - SUMMARY
Application ID: RA-2024-08817
Property applied for: 455 Harmon St, Unit 3B, Brooklyn, NY 11237
Managed by: Keller Brook Property Management

Applicant: Samira El-Khoury
Date of birth: 12/02/1996
Current address: 88 Bergen St, Apt 4R, Brooklyn, NY 11201
Phone: (347) 555-0155
Email: samira.elkhoury@gmail.com
Employer: Northwell Health (Nurse Practitioner)
Monthly income: $9,400
Previous landlord: Ray Castellano, (718) 555-0183

Extract the applicant record as JSON. Address = where the applicant lives now.""",
     docx("rental_application", "Samira El-Khoury", "1996-12-02", "samira.elkhoury@gmail.com",
          "(347) 555-0155", "88 Bergen St, Apt 4R, Brooklyn, NY 11201",
          "Keller Brook Property Management", "RA-2024-08817")),

    ("""\
Subject: Application for 2BR at Willow Creek Townhomes - App # WC-3312

Hi Ms. Patterson,

I just submitted my application (App # WC-3312) for the two-bedroom at Willow Creek Townhomes, which I understand Big Sky Realty Group manages. My current address is 2150 Broadway, Apt 5, Billings, MT 59102, and the best way to reach me is this email (tyler.redcloud@outlook.com) or my cell, 406-555-0121.

I can provide pay stubs if needed. Thanks so much!

Tyler Redcloud

---
File this under rental applications: give me the record JSON (null for missing fields).""",
     docx("rental_application", "Tyler Redcloud", None, "tyler.redcloud@outlook.com",
          "406-555-0121", "2150 Broadway, Apt 5, Billings, MT 59102", "Big Sky Realty Group",
          "WC-3312")),

    ("""\
Lone Star Residential LLC
Application No. 000-7745

APPLICANT INFORMATION
Full legal name ........ Beatriz Alves Moreira
SSN .................... ***-**-6612
DOB .................... 04-Aug-1990
Present address ........ 1301 S Lamar Blvd, #214, Austin, TX 78704
Home phone ............. n/a
Mobile ................. 512 555 0140
E-mail ................. bia.moreira@icloud.com

EMPLOYMENT
Employer ............... Hill Country Dental Lab
Position ............... Dental Technician

Pull out the key fields (JSON, ISO dates).""",
     docx("rental_application", "Beatriz Alves Moreira", "1990-08-04", "bia.moreira@icloud.com",
          "512 555 0140", "1301 S Lamar Blvd, #214, Austin, TX 78704",
          "Lone Star Residential LLC", "000-7745")),

    ("""\
Cedar & Stone Property Management - Application for Residency
App ref: CS-APP-90214

Primary applicant: Marcus Delacroix, born 1985-10-07, cell (504) 555-0114, marcus.delacroix@gmail.com
Co-applicant: Renee Delacroix, born 1987-03-15
Current residence: 3120 Magazine St, New Orleans, LA 70115
Desired move-in: 09/01/2024

Index this application (primary applicant only) as JSON.""",
     docx("rental_application", "Marcus Delacroix", "1985-10-07", "marcus.delacroix@gmail.com",
          "(504) 555-0114", "3120 Magazine St, New Orleans, LA 70115",
          "Cedar & Stone Property Management", "CS-APP-90214")),

    ("""\
new app came in thru the portal - app id 55102:
applicant name: priya venkataraman
dob: march 3 1999
current addr: 640 Ocean Blvd, Apt 11, Long Beach, CA 90802
email priya.venkat99@gmail.com, no phone listed
property mgr: coastline living llc

make a json record of it pls""",
     docx("rental_application", "Priya Venkataraman", "1999-03-03", "priya.venkat99@gmail.com",
          None, "640 Ocean Blvd, Apt 11, Long Beach, CA 90802", "Coastline Living LLC", "55102")),

    ("""\
SUPPLIER ONBOARDING FORM
Vendor number (assigned by AP): V-100482

Legal business name: Tri-State Safety Products, LLC
DBA: TSP Safety
Federal EIN: 82-4419067
DUNS: 079912245
Primary contact: Denise Kowalczyk, Sales Operations Manager
Contact phone: 412-555-0177 ext. 204
Contact email: dkowalczyk@tsp-safety.com
Remit-to address: PO Box 6634, Pittsburgh, PA 15212

Index this vendor form. JSON only; the reference is the vendor number.""",
     docx("vendor_registration", "Denise Kowalczyk", None, "dkowalczyk@tsp-safety.com",
          "412-555-0177 ext. 204", "PO Box 6634, Pittsburgh, PA 15212",
          "Tri-State Safety Products, LLC", "V-100482")),

    ("""\
From: Laura Chen <laura@chenwoodworks.com>
Subject: Vendor setup - Chen Woodworks

Hi AP team,

Per your request, here's our info for vendor setup (your ref VR-2024-118):
Business name: Chen Woodworks LLC
Contact: Laura Chen (owner)
Email: laura@chenwoodworks.com
Remit payments to: 2755 Industrial Blvd, Unit C, Eugene, OR 97402

W-9 attached. Thanks!

Extract document_type, name, date_of_birth, email, phone, address, organization, reference_number (null if not given).""",
     docx("vendor_registration", "Laura Chen", None, "laura@chenwoodworks.com", None,
          "2755 Industrial Blvd, Unit C, Eugene, OR 97402", "Chen Woodworks LLC",
          "VR-2024-118")),

    ("""\
Vendor Registration - Supplier Portal Export
Registration ID ..... SUP-77310
Company ............. Blue Mesa Landscaping Inc.
Contact ............. Hector Villanueva
Phone ............... +1 (480) 555-0133
Email ............... hector@bluemesalandscaping.com
Address ............. 9240 E Raintree Dr, Suite 110, Scottsdale, AZ 85260
Bank ................ (on file)

JSON record please.""",
     docx("vendor_registration", "Hector Villanueva", None, "hector@bluemesalandscaping.com",
          "+1 (480) 555-0133", "9240 E Raintree Dr, Suite 110, Scottsdale, AZ 85260",
          "Blue Mesa Landscaping Inc.", "SUP-77310")),

    ("""\
Index the vendor registration row below as a document record (JSON, null where missing).

registration_id,vendor_legal_name,contact_name,contact_email,contact_phone,remit_address
VR-88120,"Ozark Valley Printing Co.","Shelby Tate","state@ozarkvalleyprint.com","479-555-0102","1180 W Sunset Ave, Springdale, AR 72764\"""",
     docx("vendor_registration", "Shelby Tate", None, "state@ozarkvalleyprint.com",
          "479-555-0102", "1180 W Sunset Ave, Springdale, AR 72764", "Ozark Valley Printing Co.",
          "VR-88120")),

    ("""\
New vendor request
Requested by: Facilities (J. Ruiz)

Please register Sound Mechanical Services, Inc. as a new vendor - they're taking over the HVAC maintenance contract. Main contact is Olu Adebayo (olu.adebayo@soundmech.com, 206-555-0186). We don't have their remit address yet; AP will get it with the W-9. Ticket: VREQ-4471.

Give me the document fields as JSON.""",
     docx("vendor_registration", "Olu Adebayo", None, "olu.adebayo@soundmech.com", "206-555-0186",
          None, "Sound Mechanical Services, Inc.", "VREQ-4471")),
]


# ---------------------------------------------------------------------------------------------
# contract_analysis
# ---------------------------------------------------------------------------------------------
CONTRACT_TYPES = {"services", "lease", "software_license", "consulting", "supply"}
FREQUENCIES = {"monthly", "quarterly", "annually"}


def contract(kind, a, b, effective, months, renew, notice, law, amount, freq):
    return {"contract_type": kind, "party_a": a, "party_b": b, "effective_date": effective,
            "end_date": add_months_minus_day(effective, months), "term_months": months,
            "auto_renewal": renew, "notice_period_days": notice, "governing_law": law,
            "payment_amount": money(amount), "payment_frequency": freq}


CONTRACTS = [
    ("""\
SOFTWARE LICENSE AND SUBSCRIPTION AGREEMENT

This Software License and Subscription Agreement is made effective July 1, 2024 (the "Effective Date") between Kestrel Data Systems, Inc., with offices at 400 Congress Ave, Austin, Texas ("Licensor"), and Harborview Credit Union ("Licensee").

2. License Grant. Licensor grants Licensee a non-exclusive, non-transferable license to use the Kestrel Lending Suite for up to 250 named users.

6. Term and Renewal. The initial term is thirty-six (36) months from the Effective Date. Thereafter this Agreement renews automatically for successive twelve (12) month renewal terms unless either party notifies the other in writing of its intent not to renew at least ninety (90) days before the expiration of the then-current term.

7. Fees. Licensee shall pay a subscription fee of $18,500.00 per calendar quarter, invoiced quarterly in advance and due net thirty (30) days.

14. Governing Law. This Agreement is governed by the laws of the State of Delaware, without regard to its conflict of laws principles.

---
Abstract this contract for the CLM: type, parties, effective and end dates, term in months, auto-renewal, notice days, governing law, payment amount and frequency.""",
     contract("software_license", "Kestrel Data Systems, Inc.", "Harborview Credit Union",
              "2024-07-01", 36, True, 90, "Delaware", "18500.00", "quarterly")),

    ("""\
OFFICE LEASE - BASIC LEASE PROVISIONS

1.1 Landlord: Wexford Properties LLC
1.2 Tenant: Brightwater Dental PLLC
1.3 Premises: Suite 210, 3400 Liberty Ave, Pittsburgh, PA 15201 (approx. 2,140 RSF)
1.4 Commencement Date: September 1, 2024
1.5 Term: Five (5) years
1.6 Monthly Base Rent: $6,250.00, due on the first day of each month
1.7 Security Deposit: $12,500.00
1.8 Renewal: None. This Lease does not renew automatically; any extension requires a written amendment.
1.9 Early Termination: Tenant may terminate upon ninety (90) days' prior written notice and payment of the termination fee.
1.10 Governing Law: Commonwealth of Pennsylvania

Summarize the key terms of this lease as JSON (ISO dates).""",
     contract("lease", "Wexford Properties LLC", "Brightwater Dental PLLC", "2024-09-01", 60,
              False, 90, "Pennsylvania", "6250.00", "monthly")),

    ("""\
Legal asked for the contract abstract fields on this one. JSON please.

CONSULTING SERVICES AGREEMENT

This Agreement is signed on March 18, 2024 by Tern Bio, Inc., a Delaware corporation ("Company"), and Rahul Menon Consulting LLC ("Consultant"), and takes effect on April 1, 2024 (the "Effective Date").

1. Services. Consultant will advise Company on CMC regulatory strategy as described in Exhibit A.
2. Term. This Agreement will remain in effect for six (6) months from the Effective Date and will not renew automatically. Either party may terminate this Agreement at any time on thirty (30) days' written notice.
3. Compensation. Company will pay Consultant a retainer of $12,000.00 per month, payable monthly in arrears.
9. Governing Law. The laws of the State of California govern this Agreement.""",
     contract("consulting", "Rahul Menon Consulting LLC", "Tern Bio, Inc.", "2024-04-01", 6,
              False, 30, "California", "12000.00", "monthly")),

    ("""\
KEY TERMS - SUPPLY AGREEMENT (execution version)

Supplier .................. Cascadia Pulp & Paper Co.
Buyer ..................... Kiln Creek Packaging Corp.
Products .................. Recycled linerboard, 42 lb and 69 lb basis weight
Start date ................ 01/15/2025
Initial term .............. 24 months
Renewal ................... Auto-renews for successive 1-year terms
Notice of non-renewal ..... 60 days before term end
Fixed supply fee .......... $42,750.00 per quarter
Governing law ............. Oregon
Venue ..................... Multnomah County

Read the key terms and return the contract abstract JSON.""",
     contract("supply", "Cascadia Pulp & Paper Co.", "Kiln Creek Packaging Corp.", "2025-01-15",
              24, True, 60, "Oregon", "42750.00", "quarterly")),

    ("""\
JANITORIAL SERVICES AGREEMENT

This Janitorial Services Agreement ("Agreement") is entered into as of 10/01/2023 by and between Sentinel Facility Services, Inc. ("Contractor") and Ridgeline Medical Partners ("Client").

1. Scope. Contractor shall provide nightly cleaning of the Client's clinics at the locations listed in Schedule 1.
2. Term. The term of this Agreement is twelve (12) months beginning on the date above. This Agreement shall automatically renew for additional twelve (12) month periods unless either party delivers written notice of non-renewal no later than thirty (30) days prior to the end of the then-current term.
3. Compensation. Client shall pay Contractor $8,400.00 per month.
4. Governing Law. This Agreement shall be construed under the laws of the State of Texas.

Please extract the contract terms as JSON.""",
     contract("services", "Sentinel Facility Services, Inc.", "Ridgeline Medical Partners",
              "2023-10-01", 12, True, 30, "Texas", "8400.00", "monthly")),

    ("""\
Hi Dana,

Quick summary of the Trellis lease we finalized today. Landlord is Parkside Commons Owner LLC and the tenant is Trellis Coffee Co. The lease starts 3/1/2025 and runs three years. Rent is $4,100/month. There's no automatic renewal - if either side wants out early it's 60 days' written notice. Illinois law governs. I'll send the signed PDF once DocuSign finishes.

Best,
Marcus Feld
Feld & Oyelaran LLP

---
Turn counsel's summary into the contract abstract JSON (ISO dates, end date = last day of the term).""",
     contract("lease", "Parkside Commons Owner LLC", "Trellis Coffee Co.", "2025-03-01", 36,
              False, 60, "Illinois", "4100.00", "monthly")),

    ("""\
TERM SHEET - Enterprise License
Licensee: Pacific Rim Logistics, Inc.
Licensor: Veritas Route Software LLC
Effective: 2024-11-15
Initial term: 12 months
Renewal: automatic, 12-month terms
Non-renewal notice: 60 days
License fee: $64,000.00 per year
Law: Washington

Abstract this term sheet (party_a = the licensor).""",
     contract("software_license", "Veritas Route Software LLC", "Pacific Rim Logistics, Inc.",
              "2024-11-15", 12, True, 60, "Washington", "64000.00", "annually")),

    ("""\
ADVISORY AND CONSULTING AGREEMENT

THIS AGREEMENT, effective as of May 6, 2024, is between Halvorsen Strategy Partners ("Consultant") and Bellweather Foods, Inc. ("Company").

TERM. The engagement shall continue for a period of twenty-four (24) months. It shall not be renewed except by a written agreement signed by both parties. Either party may end the engagement for convenience on forty-five (45) days' written notice.

FEES. Company shall pay Consultant an annual advisory fee of $96,000.00, payable annually in advance on each anniversary of the effective date.

LAW. This Agreement shall be governed by and interpreted under the laws of the State of New York.

Give me the contract fields as JSON.""",
     contract("consulting", "Halvorsen Strategy Partners", "Bellweather Foods, Inc.", "2024-05-06",
              24, False, 45, "New York", "96000.00", "annually")),

    ("""\
Can you fill in the contract abstract for this MSA? Output JSON only.

MANAGED IT SERVICES AGREEMENT
Effective Date: February 1, 2024
Provider: Bitwise Managed IT, LLC, 1180 Peachtree St NE, Atlanta, GA 30309
Client: Marsh & Lindell CPAs

Section 4 (Term). Initial Term of thirty-six (36) months commencing on the Effective Date, automatically renewing for successive one (1) year terms unless terminated by either party upon ninety (90) days' written notice prior to the end of the then-current term.
Section 5 (Fees). Client shall pay Provider a flat monthly fee of $3,450.00 for the services in Schedule A.
Section 12 (Governing Law). Georgia.""",
     contract("services", "Bitwise Managed IT, LLC", "Marsh & Lindell CPAs", "2024-02-01", 36,
              True, 90, "Georgia", "3450.00", "monthly")),

    ("""\
EQUIPMENT LEASE AGREEMENT

Lessor: Tri-County Equipment Rentals, Inc.
Lessee: Bolt Electric Contractors LLC
Equipment: (2) Genie GS-1930 scissor lifts, serial nos. listed in Schedule A
Lease start: June 10, 2024
Lease term: eighteen (18) months
Rent: $2,350.00 per month, payable monthly in advance
Renewal: At the end of the term this Lease shall automatically continue on a month-to-month basis unless either party gives thirty (30) days' written notice of termination.
Governing law: State of Ohio

Extract the contract terms (JSON; contract_type, party_a, party_b, effective_date, end_date, term_months, auto_renewal, notice_period_days, governing_law, payment_amount, payment_frequency).""",
     contract("lease", "Tri-County Equipment Rentals, Inc.", "Bolt Electric Contractors LLC",
              "2024-06-10", 18, True, 30, "Ohio", "2350.00", "monthly")),

    ("""\
PRODUCE SUPPLY AGREEMENT

This Produce Supply Agreement is effective June 1, 2024, by and between Green Valley Growers Cooperative, an Arizona agricultural cooperative ("Supplier"), and Fresh Table Meal Kits, Inc., a Nevada corporation ("Buyer").

Term. One (1) year from the effective date. This Agreement does not renew automatically. Either party may terminate on fifteen (15) days' written notice if the other party materially breaches.
Payment. Buyer shall pay Supplier a guaranteed volume payment of $60,000.00 each quarter.
Governing Law. Arizona law governs this Agreement.

Summarize the commercial terms as JSON.""",
     contract("supply", "Green Valley Growers Cooperative", "Fresh Table Meal Kits, Inc.",
              "2024-06-01", 12, False, 15, "Arizona", "60000.00", "quarterly")),

    ("""\
Birchwood Advisory Group
410 Court Ave, Des Moines, IA 50309

January 20, 2025

Mr. Luis Alvarez
Alvarez Family Farms

Re: Engagement Letter

Dear Mr. Alvarez,

This letter confirms that Birchwood Advisory Group will provide succession-planning consulting services to Alvarez Family Farms beginning February 1, 2025, for a period of nine (9) months. Our retainer is $5,500.00 per month. The engagement ends at the close of the period and will not renew automatically; either of us may end it early with thirty (30) days' written notice. This letter is governed by Iowa law.

Sincerely,
Catherine Birch, Managing Partner

Read the engagement letter and fill in the contract abstract fields (ISO dates).""",
     contract("consulting", "Birchwood Advisory Group", "Alvarez Family Farms", "2025-02-01", 9,
              False, 30, "Iowa", "5500.00", "monthly")),

    ("""\
From: Ana Ruiz (Legal)
To: Procurement
Subject: RE: Tidepool license - final terms

All redlines are resolved, here's where we landed:
- Licensor: Tidepool Labs, Inc.
- Licensee: Granville County Schools
- Effective Aug 1, 2024, 24-month term
- NO auto-renewal (we struck 9.2)
- Termination for convenience: 30 days' notice
- Fee: $27,500.00 annually, invoiced each August
- Governing law: North Carolina (they wanted California, we held firm)

Ana

> Can someone send me the final terms for the contract log?

Please extract the final contract terms as JSON.""",
     contract("software_license", "Tidepool Labs, Inc.", "Granville County Schools",
              "2024-08-01", 24, False, 30, "North Carolina", "27500.00", "annually")),

    ("""\
GROUND LEASE

THIS GROUND LEASE is made as of the 1st day of May, 2023, by and between HOLLIS FAMILY LAND TRUST ("Lessor") and SUNCOAST CAR WASH HOLDINGS LLC ("Lessee").

ARTICLE 3 - TERM. The term of this Lease shall be ten (10) years commencing on the date first written above. This Lease shall not renew automatically.
ARTICLE 4 - RENT. Lessee shall pay annual rent of $36,000.00, payable annually on each anniversary of the commencement date.
ARTICLE 18 - TERMINATION. Lessee may terminate this Lease upon ninety (90) days' written notice if its permits are revoked.
ARTICLE 27 - GOVERNING LAW. The laws of the State of Florida shall govern this Lease.

Give me the abstract fields for this lease.""",
     contract("lease", "Hollis Family Land Trust", "SunCoast Car Wash Holdings LLC",
              "2023-05-01", 120, False, 90, "Florida", "36000.00", "annually")),

    ("""\
Loud Bird Creative LLC - Retainer Agreement with Sunfield Solar, Inc.

Effective date: August 15, 2024
Agency: Loud Bird Creative LLC
Client: Sunfield Solar, Inc.
Initial term: 12 months, after which it auto-renews for successive 3-month terms
To cancel: written notice at least 30 days before the renewal date
Monthly retainer: $7,500.00
Governing law: Colorado

return JSON w/ contract_type, parties, effective/end dates, term_months, auto_renewal, notice_period_days, governing_law, payment_amount, payment_frequency""",
     contract("services", "Loud Bird Creative LLC", "Sunfield Solar, Inc.", "2024-08-15", 12,
              True, 30, "Colorado", "7500.00", "monthly")),

    ("""\
LONG-TERM SUPPLY AGREEMENT

This Long-Term Supply Agreement (this "Agreement") dated as of January 1, 2024 is made between Ferro Castings Group, a Michigan corporation ("Supplier"), and Great Lakes Pump & Valve Co., an Illinois corporation ("Buyer").

3.1 Term. The initial term of this Agreement is forty-eight (48) months.
3.2 Renewal. Upon expiration of the initial term, this Agreement automatically renews for consecutive one-year periods unless either party provides written notice of non-renewal at least one hundred eighty (180) days prior to expiration.
5.1 Capacity Reservation Fee. Buyer shall pay Supplier a capacity reservation fee of $125,000.00 per quarter.
19.4 Governing Law. This Agreement is governed by the laws of the State of Michigan.

Abstract it (ISO dates).""",
     contract("supply", "Ferro Castings Group", "Great Lakes Pump & Valve Co.", "2024-01-01", 48,
              True, 180, "Michigan", "125000.00", "quarterly")),

    ("""\
#legal-requests
ana.ruiz: summary of the Clarke consulting agreement for the tracker:
• consultant: Imani Clarke (independent, sole proprietor)
• company: Harlow Biologics Inc.
• effective 2025-01-06, runs 6 months, no renewal
• either side can terminate w/ 14 days notice
• $9,000.00/month, paid monthly
• governed by the laws of the Commonwealth of Massachusetts

@contracts-bot extract the contract abstract JSON from ana's message""",
     contract("consulting", "Imani Clarke", "Harlow Biologics Inc.", "2025-01-06", 6, False, 14,
              "Massachusetts", "9000.00", "monthly")),

    ("""\
COMMERCIAL CLEANING SERVICE CONTRACT

Sparkle Pro Commercial Cleaning ("Provider") agrees to provide cleaning services to Lakeview Dental Studio ("Customer") commencing on the first day of March, 2024, for an initial term of one (1) year. This contract does not automatically renew. Either party may cancel this contract upon fourteen (14) days' written notice. Customer agrees to pay Provider $1,850.00 monthly, due on the 5th of each month. This contract shall be governed by the laws of the State of Minnesota.

Provider: ______________   Customer: ______________   Date signed: 02/22/2024

What are the key contract terms? JSON please.""",
     contract("services", "Sparkle Pro Commercial Cleaning", "Lakeview Dental Studio",
              "2024-03-01", 12, False, 14, "Minnesota", "1850.00", "monthly")),

    ("""\
ENTERPRISE END USER LICENSE AGREEMENT

Licensor: Arcadia Secure Systems, Inc.
Licensee: Mid-Atlantic Power Cooperative
Order Form No.: OF-2025-0419

A. Effective Date. April 15, 2025.
B. Subscription Term. Thirty-six (36) months. The Subscription Term will automatically renew for additional periods of twelve (12) months unless either party gives the other written notice of non-renewal at least sixty (60) days before the end of the then-current term.
C. License Fees. $240,000.00 per year, payable annually in advance.
D. Governing Law. New York, excluding its choice-of-law rules.

Extract the contract abstract as JSON.""",
     contract("software_license", "Arcadia Secure Systems, Inc.", "Mid-Atlantic Power Cooperative",
              "2025-04-15", 36, True, 60, "New York", "240000.00", "annually")),

    ("""\
farm lease notes from the county office (typed up):
landlord - Whitetail Ridge Farms LLC / tenant - Dale & Sons Grain Co.
cash rent lease on 320 acres, starts march 1 2024, 2 yr term (24 months)
rent $14,200.00 paid quarterly
continues year to year automatically after that unless someone gives 90 days written notice
nebraska law

Pull out the contract fields as JSON.""",
     contract("lease", "Whitetail Ridge Farms LLC", "Dale & Sons Grain Co.", "2024-03-01", 24,
              True, 90, "Nebraska", "14200.00", "quarterly")),

    ("""\
MASTER SERVICES AGREEMENT

This Master Services Agreement is entered into on October 1, 2024 (the "Effective Date") between Copper State Credit Union ("Client") and Northbeam Data Engineering LLC ("Provider").

1. Term. Twelve (12) months from the Effective Date, with no automatic renewal.
2. Termination. Either party may terminate this Agreement for convenience upon thirty (30) days' prior written notice.
3. Fees. Client shall pay Provider $22,000.00 per month for the services in each Statement of Work.
4. Governing Law. This Agreement is governed by the laws of the State of Arizona.

Analyze the agreement; party_a is the provider. JSON.""",
     contract("services", "Northbeam Data Engineering LLC", "Copper State Credit Union",
              "2024-10-01", 12, False, 30, "Arizona", "22000.00", "monthly")),
]


# ---------------------------------------------------------------------------------------------
# email_triage
# ---------------------------------------------------------------------------------------------
CATEGORIES = {"billing", "technical_support", "sales_inquiry", "meeting_request", "hr",
              "newsletter", "legal"}


def triage(category, sender, sent, deadline, urgent):
    """priority and needs_reply follow the generator's rules (checked again in build())."""
    if category == "newsletter":
        priority = "low"
    elif urgent or (deadline and (d(deadline) - d(sent)).days <= 2):
        priority = "high"
    else:
        priority = "normal"
    return {"category": category, "priority": priority, "needs_reply": category != "newsletter",
            "sender": sender, "deadline": deadline}


# (prompt, sent date, urgent cue present, answer)
EMAILS = [
    ("""\
From: Tallgrass Freight Accounts Receivable <ar@tallgrassfreight.com>
To: ap@meadowlarkfoods.com
Date: Tue, 5 Mar 2024 09:12:44 -0600
Subject: Reminder: Invoice 88213 is 15 days past due

Good morning,

Our records show invoice 88213 ($4,812.50) is now 15 days past due. Please remit payment or let us know the expected pay date by Friday so we can keep your account in good standing.

Thank you,
Tallgrass Freight AR

---
Triage this for the shared AP inbox (category, priority, needs_reply, sender, deadline).""",
     "2024-03-05", False,
     triage("billing", "ar@tallgrassfreight.com", "2024-03-05", next_weekday("2024-03-05", "Friday"),
            False)),

    ("""\
Sent: Monday, February 12, 2024 4:41 PM
From: Beaumont, Claire <claire.beaumont@lindenhallacademy.org>
To: Billing Support
Subject: Charged twice for January

Hi,

Our card was charged twice for the January subscription ($1,140.00 each, same day). Please refund the duplicate charge ASAP - it pushed our school account over its limit.

Claire Beaumont
Business Office, Linden Hall Academy

label this email""",
     "2024-02-12", True,
     triage("billing", "claire.beaumont@lindenhallacademy.org", "2024-02-12", None, True)),

    ("""\
Classify this for the helpdesk queue:

From: Rafael Ibarra <rafael.ibarra@quarrytile.com>
Date: Tuesday, June 18, 2024 10:05 AM
Subject: VPN keeps dropping

Hey IT,
Since the update last week my GlobalProtect VPN disconnects every 15-20 minutes and I have to re-enter my MFA code each time. I'm on the Dell laptop, Windows 11. Can someone take a look when you get a chance?

Thanks,
Rafa""",
     "2024-06-18", False,
     triage("technical_support", "rafael.ibarra@quarrytile.com", "2024-06-18", None, False)),

    ("""\
From: devops@brambleshop.co
Date: Tue, 10 Sep 2024 07:58:10 -0400
Subject: URGENT - API returning 502s, checkout is down

Since ~7:30 ET every call to /v2/orders returns 502 Bad Gateway. Our storefront checkout is down and we're losing orders. We need a fix today - please escalate to whoever is on call.

Request IDs: 9f3c-22a1, 9f3c-22b7

- Bramble Shop engineering

route this email (JSON)""",
     "2024-09-10", True,
     triage("technical_support", "devops@brambleshop.co", "2024-09-10", "2024-09-10", True)),

    ("""\
Subject: Pricing for ~60 seats
Sent: Thursday, March 14, 2024
From: procurement@alderwoodhealth.org

Hello,

Alderwood Health is evaluating scheduling platforms for roughly 60 staff across three clinics. Could you send pricing for the Professional tier and any multi-year discount? Our committee makes a decision on March 29, 2024, so we'd need a quote before then.

Regards,
Nadia Petrova
Procurement, Alderwood Health

Triage it: category, priority, needs_reply, sender, deadline (ISO or null).""",
     "2024-03-14", False,
     triage("sales_inquiry", "procurement@alderwoodhealth.org", "2024-03-14", "2024-03-29",
            False)),

    ("""\
[2024-08-01 13:22] jess@riverkidsmusic.org wrote:
hey! do you guys do nonprofit pricing? we're a small music program for kids, maybe 8 users. thanks!! - jess

inbox assistant, label this one""",
     "2024-08-01", False,
     triage("sales_inquiry", "jess@riverkidsmusic.org", "2024-08-01", None, False)),

    ("""\
From: Owen Fitzgerald <owen.fitzgerald@harbinger-cap.com>
Date: Monday, April 22, 2024 3:17 PM
Subject: Q3 forecast walkthrough

Hi Sam,

Could we find 30 minutes next week to go over the Q3 forecast before it goes to the board? I'm flexible Tuesday through Thursday afternoons. Let me know what works.

Thanks,
Owen

Please triage the message above.""",
     "2024-04-22", False,
     triage("meeting_request", "owen.fitzgerald@harbinger-cap.com", "2024-04-22", None, False)),

    ("""\
Subject: Vendor review - pick a slot?
From: "Mehta, Ritu" <ritu.mehta@solsticehotels.com>
Date: Wed, 29 May 2024 11:40:02 -0700

Hi both,

I'd like to set up an hour for the quarterly vendor review. Options: Mon 6/3 at 10am, Tue 6/4 at 2pm or Wed 6/5 at 9am (PT). Please let me know by Thursday which slot works so I can book the room.

Thanks!
Ritu

---
what kind of email is this, how urgent, reply needed, who sent it, deadline? JSON""",
     "2024-05-29", False,
     triage("meeting_request", "ritu.mehta@solsticehotels.com", "2024-05-29",
            next_weekday("2024-05-29", "Thursday"), False)),

    ("""\
From: Hannah Kowalczyk <hkowalczyk@brightfieldlabs.com>
To: hr@brightfieldlabs.com
Date: Monday, June 3, 2024 8:02 AM
Subject: PTO request June 24-28

Hi HR,

I'd like to request PTO for June 24-28 (5 days). Dev has already approved it on his side. Could you confirm it's recorded in Workday?

Thank you,
Hannah

Classify for the HR shared mailbox.""",
     "2024-06-03", False,
     triage("hr", "hkowalczyk@brightfieldlabs.com", "2024-06-03", None, False)),

    ("""\
Date: Wed, 6 Nov 2024 14:55:31 -0500
From: marcus.bell@tandemworks.com
Subject: Question on adding my domestic partner to dental

Hi Benefits team,

I'd like to add my domestic partner to my dental and vision coverage during open enrollment. What documentation do you need? Enrollment closes Friday, November 15 and I need an answer before then.

Thanks,
Marcus Bell
Tandem Works - Fulfillment

triage as JSON""",
     "2024-11-06", False,
     triage("hr", "marcus.bell@tandemworks.com", "2024-11-06", "2024-11-15", False)),

    ("""\
Can you triage this one? category / priority / needs_reply / sender / deadline

From: Yusuf Demir <yusuf.demir@pinegrovehvac.com>
Sent: Monday, June 10, 2024 9:27 AM
Subject: Direct deposit change

Hello Payroll,

I switched banks and need my direct deposit updated to my new account (form attached). Can this be done before payroll runs on Wednesday?

Yusuf Demir
Service Technician""",
     "2024-06-10", False,
     triage("hr", "yusuf.demir@pinegrovehvac.com", "2024-06-10",
            next_weekday("2024-06-10", "Wednesday"), False)),

    ("""\
From: The Saturday Ledger <newsletter@saturdayledger.com>
Date: Sat, 13 Jul 2024 06:00:00 +0000
Subject: This week: rate cuts, the chip race, and your 401(k)

Good morning, readers -
In this issue: why markets are betting on a September cut, what the latest chip export rules mean for suppliers, and three questions to ask about your 401(k) fees.
Read online | Manage preferences | Unsubscribe

label this email please""",
     "2024-07-13", False,
     triage("newsletter", "newsletter@saturdayledger.com", "2024-07-13", None, False)),

    ("""\
Subject: What's new in Fieldnote - April 2024
From: Fieldnote <updates@fieldnote.app>
Sent: Tuesday, April 2, 2024

Hi there,

April brings offline mode for iPad, faster PDF exports and a redesigned tag manager. These updates roll out automatically - no action needed on your side.

Happy note-taking,
The Fieldnote Team

Unsubscribe from product updates

Inbox assistant: label the email above.""",
     "2024-04-02", False,
     triage("newsletter", "updates@fieldnote.app", "2024-04-02", None, False)),

    ("""\
From: Cobalt Ridge Events <events@cobaltridge.io>
Date: Tue, 15 Oct 2024 10:00:00 -0400
Subject: You're invited: Forecasting with real-time data (live webinar)

Join our product team on Thursday, October 24 at 1 PM ET for a 45-minute live session on building forecasts from streaming data. Can't make it? Register anyway and we'll send the recording.

Register now -> cobaltridge.io/webinars/forecasting

You are receiving this because you subscribed to Cobalt Ridge updates. Unsubscribe.

Classify this message.""",
     "2024-10-15", False,
     triage("newsletter", "events@cobaltridge.io", "2024-10-15", None, False)),

    ("""\
Sent: Wednesday, May 8, 2024 4:12 PM
From: Tomasz Wrobel <t.wrobel@northlightrobotics.com>
Subject: Mutual NDA - Northlight / your team

Hi Legal,

Attached is our standard mutual NDA ahead of the technical deep-dive. Could you review and send back any comments? We'd like to sign by Friday so the engineers can meet next week.

Best,
Tomasz Wrobel
BD Manager, Northlight Robotics

---
route this email (json)""",
     "2024-05-08", False,
     triage("legal", "t.wrobel@northlightrobotics.com", "2024-05-08",
            next_weekday("2024-05-08", "Friday"), False)),

    ("""\
From: records@kingcounty-da.gov
Date: Fri, 10 May 2024 15:30:12 -0700
Subject: URGENT: Records request - Case No. 24-1-03317-9 SEA

To the Custodian of Records:

Please find attached a subpoena duces tecum for account records related to the above case. Responsive documents must be produced no later than May 24, 2024. Direct questions to the undersigned.

Office of the Prosecuting Attorney

Triage for the legal inbox: category, priority, needs_reply, sender, deadline.""",
     "2024-05-10", True,
     triage("legal", "records@kingcounty-da.gov", "2024-05-10", "2024-05-24", True)),

    ("""\
From: Rebecca Lowry, Esq. <rlowry@lowrygaines.com>
Date: Tuesday, January 23, 2024 2:03 PM
Subject: Notice of trademark infringement - "TRAILBLAZE"

Dear Sir or Madam,

This firm represents Trailblaze Outfitters LLC. Your use of the mark TRAILBLAZE on outdoor apparel infringes our client's registered trademark. Please confirm in writing within 14 days of the date of this email that you will cease all use of the mark.

Very truly yours,
Rebecca Lowry

classify (deadline as an ISO date)""",
     "2024-01-23", False,
     triage("legal", "rlowry@lowrygaines.com", "2024-01-23", plus_days("2024-01-23", 14), False)),

    ("""\
[2024-12-02 16:45] payables@crestlinemedical.com wrote:
W-9 needed before we can pay -- Hi, our AP system flagged your vendor record: we don't have a current W-9 on file, so payment on your invoices is on hold. Please send a signed W-9 by tomorrow so you're included in this week's payment run. /Gina

Inbox triage please.""",
     "2024-12-02", False,
     triage("billing", "payables@crestlinemedical.com", "2024-12-02", "2024-12-03", False)),

    ("""\
subject: printer
from: dwhite@oakhollowlaw.com
date: thu, 26 sep 2024 11:12

hi - cant print to the 3rd floor printer since this morning, it just says "offline". restarted my pc already. thx
dana

triage this""",
     "2024-09-26", False,
     triage("technical_support", "dwhite@oakhollowlaw.com", "2024-09-26", None, False)),

    ("""\
From: Luis Ortega <lortega@mesaverdebuilders.com>
Date: Wednesday, November 20, 2024 10:31 AM
Subject: Quote for 12 rugged tablets + cases

Hi,

We need a quote for 12 rugged tablets with drop cases and 2-year warranty for our site supervisors. Our budget meeting is tomorrow morning so I need the quote by end of day today.

Thanks,
Luis Ortega
Mesa Verde Builders

Please route: category, priority, reply needed?, sender, deadline.""",
     "2024-11-20", False,
     triage("sales_inquiry", "lortega@mesaverdebuilders.com", "2024-11-20", "2024-11-20",
            False)),

    ("""\
Date: Fri, 22 Mar 2024 17:05:48 -0400
From: Ingrid Solberg <ingrid@fjordlightdesign.com>
Subject: Coffee next week?

Hi Kai,

Great meeting you at the conference! Would you be up for a 30-minute call or coffee next week to talk about the packaging redesign? Let me know by Monday and I'll send an invite.

Cheers,
Ingrid

---
Label this email as JSON.""",
     "2024-03-22", False,
     triage("meeting_request", "ingrid@fjordlightdesign.com", "2024-03-22",
            next_weekday("2024-03-22", "Monday"), False)),

    ("""\
From: Karen Liu <kliu@westbrookdental.com>
Sent: Tuesday, July 30, 2024 12:18 PM
Subject: Copy of invoice 2024-0611 with our PO

Hi there,

Could you send a corrected copy of invoice 2024-0611 showing our PO number (PO-44172)? Our accounting system rejected it without one. No rush - any time this week or next is fine.

Thanks,
Karen

triage (JSON)""",
     "2024-07-30", False,
     triage("billing", "kliu@westbrookdental.com", "2024-07-30", None, False)),

    ("""\
Classify this email for the shared inbox - category, priority, needs_reply, sender, deadline:

From: privacy@veridianpay.com
Date: Thu, 9 Jan 2025 09:44:20 +0000
Subject: DPA redlines - Veridian Pay / your company

Hello,

Attached are our redlines to the Data Processing Addendum, mainly in the sub-processor and breach-notification sections. Please review and confirm the changes by January 17 so the DPA can be executed with the renewal.

Kind regards,
Veridian Pay Privacy Office""",
     "2025-01-09", False,
     triage("legal", "privacy@veridianpay.com", "2025-01-09", "2025-01-17", False)),

    ("""\
From: Onboarding <onboarding@gablestonegroup.com>
Date: Thursday, February 27, 2025 3:50 PM
Subject: Time-sensitive: I-9 documents for your start date

Hi Jamal,

Welcome aboard! Federal rules require us to verify your I-9 documents. Please upload a copy of your ID documents to the portal by March 3 - this is time-sensitive, we can't keep your start date otherwise.

Gablestone People Team

route it""",
     "2025-02-27", True,
     triage("hr", "onboarding@gablestonegroup.com", "2025-02-27", "2025-03-03", True)),
]


# ---------------------------------------------------------------------------------------------
# entity_extraction
# ---------------------------------------------------------------------------------------------
def ents(people, orgs, locations, dates, amounts):
    return {"people": people, "organizations": orgs, "locations": locations, "dates": dates,
            "amounts": [money(a) for a in amounts]}


ENTITIES = [
    ("""\
AUSTIN, TX (March 12, 2024) - Loamwise, an agtech startup that helps growers measure soil carbon, has raised $18 million in a Series A round led by Greenline Ventures, with participation from Ag Capital Partners. Chief executive Dana Whitcomb said the money will fund a second office in Des Moines.

Pull out people, organizations, locations, dates (ISO) and dollar amounts as JSON lists.""",
     ents(["Dana Whitcomb"], ["Loamwise", "Greenline Ventures", "Ag Capital Partners"],
          ["Austin", "Des Moines"], ["2024-03-12"], [18000000])),

    ("""\
Riverton City Council - regular meeting, June 4, 2024
Present: Mayor Elena Vasquez-Park; council members Tom Brandt and Keisha Morrow
- Approved a $2.3 million contract with Hartwell Paving Co. to resurface roads in Riverton and neighboring Glen Ellyn.
- Next meeting: June 18, 2024.

Run entity extraction on these minutes (JSON: people, organizations, locations, dates, amounts).""",
     ents(["Elena Vasquez-Park", "Tom Brandt", "Keisha Morrow"],
          ["Riverton City Council", "Hartwell Paving Co."], ["Riverton", "Glen Ellyn"],
          ["2024-06-04", "2024-06-18"], [2300000])),

    ("""\
Extract the named entities from this earnings blurb.

Cedarline Outfitters on Feb. 1, 2024 reported fourth-quarter revenue of $412.6 million, up 8% from a year earlier, and net income of $31.2 million. CFO Marisa Okoye said the Portland, OR-based retailer plans to open 12 stores this year.""",
     ents(["Marisa Okoye"], ["Cedarline Outfitters"], ["Portland"], ["2024-02-01"],
          [412600000, 31200000])),

    ("""\
A federal judge in Boston on April 9, 2024 approved a $7.5 million settlement between Halcyon Pharma and the Massachusetts Attorney General's Office over the marketing of its sleep aid. District Judge Patricia Onuoha called the agreement "fair and reasonable."

who / which orgs / where / when / how much - as JSON""",
     ents(["Patricia Onuoha"], ["Halcyon Pharma", "Massachusetts Attorney General's Office"],
          ["Boston"], ["2024-04-09"], [7500000])),

    ("""\
FOR IMMEDIATE RELEASE - September 16, 2024

Larkspur Biologics to build $140 million manufacturing plant in Raleigh, NC

Construction begins in January 2025 and the site is expected to open by December 1, 2026. "This investment brings 300 skilled jobs to the region," said Dr. Aaron Feldstein, CEO of Larkspur Biologics. The project also received a $9.5 million grant from the North Carolina Biotechnology Center.

Media contact: Leah Morgan

List the entities (people, organizations, locations, dates as ISO, amounts as numbers).""",
     ents(["Aaron Feldstein", "Leah Morgan"],
          ["Larkspur Biologics", "North Carolina Biotechnology Center"], ["Raleigh"],
          ["2024-09-16", "2026-12-01"], [140000000, 9500000])),

    ("""\
Partner sync - 2024-10-03
Attendees: Rosa Jimenez (Fernhill Logistics), Arjun Mehta, Claire Dubois (Bordeaux Wine Imports)
- Fernhill Logistics will pilot refrigerated routes between Savannah and Charlotte
- Follow-up call on 2024-10-17

NER please -> JSON lists. empty list if there's nothing of a kind""",
     ents(["Rosa Jimenez", "Arjun Mehta", "Claire Dubois"],
          ["Fernhill Logistics", "Bordeaux Wine Imports"], ["Savannah", "Charlotte"],
          ["2024-10-03", "2024-10-17"], [])),

    ("""\
The Port of Tacoma said on Nov 12, 2024 that container volumes rose 6% in October. The Northwest Seaport Alliance, which manages container terminals in Tacoma and Seattle, also approved a $25 million dredging project.

Extract people, organizations, locations, dates and amounts.""",
     ents([], ["Port of Tacoma", "Northwest Seaport Alliance"], ["Tacoma", "Seattle"],
          ["2024-11-12"], [25000000])),

    ("""\
Brightwell Software agreed to buy data-labeling startup Tagmint for about $85 million in cash, the companies said on Jan 8, 2025. Tagmint co-founders Sofia Reyes and Ben Adler will join Brightwell Software, which is based in Denver.

Who, which companies, where, when and how much? JSON lists please.""",
     ents(["Sofia Reyes", "Ben Adler"], ["Brightwell Software", "Tagmint"], ["Denver"],
          ["2025-01-08"], [85000000])),

    ("""\
On August 20, 2024, the Greater Milwaukee Foundation announced a $250,000 grant to Urban Roots MKE, a community garden nonprofit. Executive director Tanya Hollins said the money will create 12 new gardens on Milwaukee's north side.

entities -> json (people, organizations, locations, dates, amounts)""",
     ents(["Tanya Hollins"], ["Greater Milwaukee Foundation", "Urban Roots MKE"], ["Milwaukee"],
          ["2024-08-20"], [250000])),

    ("""\
Hi team - quick recap: I met with Joaquín Herrera from Banco Pacífico in Miami on 2024-05-14. They'd like a $1.2M revolving credit line and want a term sheet from us. Valeria Soto on our side will coordinate with legal.

Extract the named entities as JSON.""",
     ents(["Joaquín Herrera", "Valeria Soto"], ["Banco Pacífico"], ["Miami"], ["2024-05-14"],
          [1200000])),

    ("""\
Harlan Mercer, 71, former president of Mercer & Webb Construction, died March 3, 2024 in Tulsa after a long illness. He is survived by his wife, Joan Mercer, and two daughters. A memorial service will be held March 9, 2024.

List every person, company, place, date and dollar amount (JSON).""",
     ents(["Harlan Mercer", "Joan Mercer"], ["Mercer & Webb Construction"], ["Tulsa"],
          ["2024-03-03", "2024-03-09"], [])),

    ("""\
Hines Pacific Partners sold a 22-story office tower in downtown San Diego to Coronado Realty Trust for $312.5 million, according to records filed on July 2, 2024. Broker Kevin O'Shea of JLL represented the seller.

Give me people, organizations, locations, dates (ISO) and amounts (numbers) as JSON.""",
     ents(["Kevin O'Shea"], ["Hines Pacific Partners", "Coronado Realty Trust", "JLL"],
          ["San Diego"], ["2024-07-02"], [312500000])),

    ("""\
The U.S. Department of Energy on 2024-08-27 awarded $48 million to three utilities to harden power lines in Nevada and Utah: $20 million to Blue Ridge Electric Cooperative, $16 million to Tri-Valley Power and $12 million to Sierra Grid Partners.

run NER, answer with JSON lists""",
     ents([], ["U.S. Department of Energy", "Blue Ridge Electric Cooperative", "Tri-Valley Power",
               "Sierra Grid Partners"], ["Nevada", "Utah"], ["2024-08-27"],
          [48000000, 20000000, 16000000, 12000000])),

    ("""\
so excited to share that i've joined northwind robotics as head of design!! moving from chicago to pittsburgh next month 🎉 - maya sorensen

extract entities from this post (people, organizations, locations, dates, amounts)""",
     ents(["Maya Sorensen"], ["Northwind Robotics"], ["Chicago", "Pittsburgh"], [], [])),

    ("""\
Hawthorne Elementary PTA - minutes, May 7, 2024
Treasurer Paul Nakagawa reported a balance of $48,215.37 as of April 30, 2024. President Gina Torres thanked Target for donating $500 in classroom supplies.

Extract the entities as JSON: people, organizations, locations, dates, amounts.""",
     ents(["Paul Nakagawa", "Gina Torres"], ["Hawthorne Elementary PTA", "Target"], [],
          ["2024-05-07", "2024-04-30"], [48215.37, 500])),

    ("""\
Lisbon-based fintech Pagafácil named Inês Carvalho chief operating officer, effective October 1, 2024. She previously spent nine years at Santander in Madrid and London.

Who/what/where/when/how much? Return JSON lists.""",
     ents(["Inês Carvalho"], ["Pagafácil", "Santander"], ["Lisbon", "Madrid", "London"],
          ["2024-10-01"], [])),

    ("""\
CHICAGO, May 21, 2024 - Midway Cold Storage today announced the opening of a $60 million, 400,000-square-foot facility in Joliet, IL. "Demand for frozen capacity keeps growing," said Raymond Kuo, Midway Cold Storage's chief operating officer.

Named entities please (JSON).""",
     ents(["Raymond Kuo"], ["Midway Cold Storage"], ["Chicago", "Joliet"], ["2024-05-21"],
          [60000000])),

    ("""\
Per my call with Sandra Whitfield (Orion Health Partners), the $18,750 deposit was received on 11/04/2024. Rob Tanaka will send the countersigned SOW to their Phoenix office.

pull out the entities: people, organizations, locations, dates, amounts""",
     ents(["Sandra Whitfield", "Rob Tanaka"], ["Orion Health Partners"], ["Phoenix"],
          ["2024-11-04"], [18750])),

    ("""\
The Portland Thorns signed midfielder Ana Lucía Ramos to a three-year contract worth $450,000, the club announced on December 10, 2024. Ramos, 24, played last season for Club América in Mexico City.

Extract entities -> JSON with people, organizations, locations, dates, amounts.""",
     ents(["Ana Lucía Ramos"], ["Portland Thorns", "Club América"], ["Mexico City"],
          ["2024-12-10"], [450000])),

    ("""\
Reminder: the office will be closed on November 28, 2024 for Thanksgiving. Enjoy the long weekend!

Extract people, organizations, locations, dates and amounts (empty lists where none).""",
     ents([], [], [], ["2024-11-28"], [])),

    ("""\
At 3:40 a.m. on February 17, 2025, a fire damaged the Sunnyvale warehouse of Ridgeback Electronics, causing an estimated $3.8 million in losses. Fire Captain Luis Romero said no one was injured.

entity extraction, JSON""",
     ents(["Luis Romero"], ["Ridgeback Electronics"], ["Sunnyvale"], ["2025-02-17"], [3800000])),

    ("""\
Osprey Aviation Services will lease two hangars in Albany, NY for $1.1 million a year, airport authority chair Denise Falco said on June 27, 2024. The Albany County Airport Authority approved the deal 5-0.

Return people, organizations, locations, dates and amounts as JSON lists.""",
     ents(["Denise Falco"], ["Osprey Aviation Services", "Albany County Airport Authority"],
          ["Albany"], ["2024-06-27"], [1100000])),
]


# ---------------------------------------------------------------------------------------------
# pii_redaction
# ---------------------------------------------------------------------------------------------
PII_TYPES = {"name", "email", "phone", "address", "ssn", "card"}

# (prompt with {DOC}, document, [(type, value)] in order of appearance). The redacted text is
# the document with each listed value replaced, in order, by its [TYPE] tag.
PII = [
    ("Redact the personal info from this chat log before it goes in the ticket. JSON with "
     "redacted_text and the pii you removed.\n\n{DOC}", """\
[10:02] Customer: hi, my order #A77120 never arrived
[10:02] Agent: Sorry about that! Can I get the name on the order?
[10:03] Customer: Denise Okoro
[10:03] Agent: Thanks Denise. And the shipping address?
[10:04] Customer: 4821 Belmont Ave, Apt 2, Youngstown, OH 44505
[10:05] Agent: Got it. I'll reship today and email you the tracking.
[10:05] Customer: use denise.okoro@gmail.com pls""",
     [("name", "Denise Okoro"), ("name", "Denise"),
      ("address", "4821 Belmont Ave, Apt 2, Youngstown, OH 44505"),
      ("email", "denise.okoro@gmail.com")]),

    ("{DOC}\n\nScrub this email of personal data (use [NAME], [PHONE], [SSN] etc.) and list "
     "what you took out.", """\
Hi Priya,

Quick update on Marcus Whitley's leave: he'll be out from 6/3 through 8/26. His personal cell is (312) 555-0178 if anything urgent comes up, and his SSN for the disability claim is 512-44-9081. Please don't forward this.

Thanks, Jo""",
     [("name", "Priya"), ("name", "Marcus Whitley"), ("phone", "(312) 555-0178"),
      ("ssn", "512-44-9081"), ("name", "Jo")]),

    ("Anonymize this registration record. Company names and badge types can stay.\n\n{DOC}",
     """\
Event registration
Attendee: Hiroshi Tanaka
Company: Brightline Robotics
Badge type: Exhibitor
Email: h.tanaka@brightlinerobotics.jp
Phone: +81 90-1234-5678
Card: 4111-1111-1111-1111
Exp: 09/27""",
     [("name", "Hiroshi Tanaka"), ("email", "h.tanaka@brightlinerobotics.jp"),
      ("phone", "+81 90-1234-5678"), ("card", "4111-1111-1111-1111")]),

    ("{DOC}\n\nremove pii from the voicemail transcript above -> json", """\
voicemail 6/12 3:15pm: "hi this is tom reyes calling about the plumbing estimate, you can call me back at 602 555 0193, or stop by, i'm at 1710 w roosevelt st, phoenix, az 85007. thanks\"""",
     [("name", "tom reyes"), ("phone", "602 555 0193"),
      ("address", "1710 w roosevelt st, phoenix, az 85007")]),

    ("Before this note is exported to the analytics warehouse, replace every personal detail "
     "with a tag ([NAME] [EMAIL] [PHONE] [ADDRESS] [SSN] [CARD]).\n\n\"\"\"\n{DOC}\n\"\"\"", """\
Pt called to update insurance. New address: 77 Crescent Hill Rd, Asheville, NC 28806. Best number 828-555-0102. Pt name: Gloria Whitmore. Card on file for copays: 4532 7781 0092 4420.""",
     [("address", "77 Crescent Hill Rd, Asheville, NC 28806"), ("phone", "828-555-0102"),
      ("name", "Gloria Whitmore"), ("card", "4532 7781 0092 4420")]),

    ("{DOC}\n\nMask the personal information in these call notes.", """\
Call notes 2024-03-11: Spoke with Leonard Achebe (CFO) and his assistant Mira Patel. Leonard asked us to send the contract to leonard.achebe@fairwindfoods.com and cc mira.patel@fairwindfoods.com. Follow-up call Friday.""",
     [("name", "Leonard Achebe"), ("name", "Mira Patel"), ("name", "Leonard"),
      ("email", "leonard.achebe@fairwindfoods.com"), ("email", "mira.patel@fairwindfoods.com")]),

    ("Redact any PII in the message below. If there is none, return it unchanged with an "
     "empty list.\n\n{DOC}", """\
Order #55102 shipped on May 3 via UPS (tracking 1Z999AA10123456784). Total charged: $84.20. Reply to this message if anything is missing from your box.""",
     []),

    ("{DOC}\n\n^ slack message, redact it pls", """\
@payroll can you fix the W-2 for Carla Mendes? her SSN on file is wrong - should be 604-19-3372, not 604-91-3372. she's at carla.m@fastmail.com""",
     [("name", "Carla Mendes"), ("ssn", "604-19-3372"), ("ssn", "604-91-3372"),
      ("email", "carla.m@fastmail.com")]),

    ("Remove personal data from this claim form; policy numbers and dates stay.\n\n{DOC}", """\
CLAIM FORM
Policyholder: Robert Castellano
Policy no.: HO-3382219
Mailing address: 2901 Bayshore Blvd, Unit 1504, Tampa, FL 33629
Daytime phone: 813.555.0147
Email: rcastellano@verizon.net
Date of loss: 08/29/2024
Description: storm damage to roof and lanai screen""",
     [("name", "Robert Castellano"),
      ("address", "2901 Bayshore Blvd, Unit 1504, Tampa, FL 33629"), ("phone", "813.555.0147"),
      ("email", "rcastellano@verizon.net")]),

    ("{DOC}\n\nRedact this transcript for QA review (tags [NAME] [CARD] etc.) and list the items.",
     """\
Customer: I'd like to pay the balance by card. It's an Amex, 3782 822463 10005, exp 11/26.
Agent: Thank you. And the name on the card?
Customer: Eleanor Vance
Agent: Perfect, the payment of $212.40 went through.""",
     [("card", "3782 822463 10005"), ("name", "Eleanor Vance")]),

    ("Take the personal info out of this inquiry before we log it in the CRM.\n\n{DOC}", """\
Hello, my name is Oluwaseun Adeyemi and I'm interested in the 2-bedroom on Maple Ave. I currently live at 55 Water St, Apt 9C, Brooklyn, NY 11201. You can reach me at 917-555-0166 or seun.adeyemi@outlook.com. Thank you!""",
     [("name", "Oluwaseun Adeyemi"), ("address", "55 Water St, Apt 9C, Brooklyn, NY 11201"),
      ("phone", "917-555-0166"), ("email", "seun.adeyemi@outlook.com")]),

    ("{DOC}\n\nthis is a signup export - redact the personal fields and list them", """\
first_name=Chloe
last_name=Haddad-Kim
email=chloe.hk@icloud.com
phone=+1 415 555 0131
address=1250 Fulton St, Apt 3, San Francisco, CA 94117
plan=basic""",
     [("name", "Chloe"), ("name", "Haddad-Kim"), ("email", "chloe.hk@icloud.com"),
      ("phone", "+1 415 555 0131"), ("address", "1250 Fulton St, Apt 3, San Francisco, CA 94117")]),

    ("De-identify this text thread (JSON: redacted_text, pii).\n\n{DOC}", """\
Mom: did you get the package i sent to 19 Lantern Way, Concord, NH 03301?
Me: yes! thanks. also my new number is 603-555-0119
Mom: ok saved""",
     [("address", "19 Lantern Way, Concord, NH 03301"), ("phone", "603-555-0119")]),

    ("{DOC}\n\nPlease redact the applicant's personal information.", """\
Background check request
Applicant: Minh Tran
SSN: 321-54-9876
Current address: 908 Elm Grove Dr, Plano, TX 75023
Phone: 469-555-0120
Email: minh.tran.dev@gmail.com
Position: Junior Data Engineer""",
     [("name", "Minh Tran"), ("ssn", "321-54-9876"),
      ("address", "908 Elm Grove Dr, Plano, TX 75023"), ("phone", "469-555-0120"),
      ("email", "minh.tran.dev@gmail.com")]),

    ("Mask card numbers and any other personal data in this support ticket.\n\n{DOC}", """\
Ticket #88213 - Payment failed
From: Sam Whitaker
Message: tried to pay with my card 5425233430109903 three times and it keeps failing. my phone is 720-555-0148 if you need to call.""",
     [("name", "Sam Whitaker"), ("card", "5425233430109903"), ("phone", "720-555-0148")]),

    ("{DOC}\n\nRedact PII from the review above (return it unchanged if there is none).", """\
Loved our stay at the Riverside Inn - room 412 was spotless and checkout at 11 was easy. Breakfast could use more vegan options. Will book again in March!""",
     []),

    ("Strip personal contact details from this email signature before we share the thread "
     "externally.\n\n{DOC}", """\
Thanks,
Aisha Rahman | Senior Paralegal
Calloway & Stein LLP
D: (212) 555-0182 | aisha.rahman@callowaystein.com""",
     [("name", "Aisha Rahman"), ("phone", "(212) 555-0182"),
      ("email", "aisha.rahman@callowaystein.com")]),

    ("{DOC}\n\nanonymize the delivery instructions (gate codes can stay)", """\
Leave at side door. Gate code 4471. Call Brenda Boudreaux at 504-555-0133 if any issues. Address: 820 Esplanade Ave, New Orleans, LA 70116""",
     [("name", "Brenda Boudreaux"), ("phone", "504-555-0133"),
      ("address", "820 Esplanade Ave, New Orleans, LA 70116")]),

    ("Redact all personal information; return redacted_text and the pii list.\n\n{DOC}", """\
Agent: Thanks for calling Lakeside Bank disputes, who am I speaking with?
Caller: Victor Almeida. There's a charge of $1,249.00 from an electronics store I never made.
Agent: Which card is it on?
Caller: 4916 3380 2214 7765.
Agent: And a callback number?
Caller: (702) 555-0161.""",
     [("name", "Victor Almeida"), ("card", "4916 3380 2214 7765"), ("phone", "(702) 555-0161")]),

    ("{DOC}\n\nClean this tenant note of personal data for the maintenance vendor.", """\
Unit 4B tenant Harriet Osei reports a leak under the kitchen sink. She works from home, so any weekday is fine. Text her at 267.555.0105 before arriving. Her SSN was accidentally pasted into the last ticket (199-32-5540) - please purge it.""",
     [("name", "Harriet Osei"), ("phone", "267.555.0105"), ("ssn", "199-32-5540")]),

    ("Please de-identify:\n\n{DOC}", """\
Referral: Dr. Nina Kaplan is referring her patient Joseph Mwangi for a sleep study. Patient contact: joseph.mwangi@gmail.com, 651-555-0172, 1466 Grand Ave, St Paul, MN 55105.""",
     [("name", "Nina Kaplan"), ("name", "Joseph Mwangi"), ("email", "joseph.mwangi@gmail.com"),
      ("phone", "651-555-0172"), ("address", "1466 Grand Ave, St Paul, MN 55105")]),

    ("{DOC}\n\nRedact the personal info in this newsletter signup (JSON).", """\
Thanks for signing up, Grace Liang! We'll send the Weekend Picks newsletter to grace.liang@yahoo.com every Friday. Your first issue arrives May 10.""",
     [("name", "Grace Liang"), ("email", "grace.liang@yahoo.com")]),
]


# ---------------------------------------------------------------------------------------------
# resume_parsing
# ---------------------------------------------------------------------------------------------
def resume(name, email, phone, location, title, employer, resume_year, first_start, skills,
           degree, school, grad_year):
    """years_experience = resume year - start year of the first job (the generator's rule)."""
    return {"name": name, "email": email, "phone": phone, "location": location,
            "current_title": title, "current_employer": employer,
            "years_experience": resume_year - first_start, "skills": skills,
            "education": {"degree": degree, "school": school, "year": grad_year}}


# (prompt, resume year, first job's start year, answer)
RESUMES = [
    ("""\
ALEJANDRA VEGA
Sacramento, CA 95814 · (916) 555-0124 · alejandra.vega@gmail.com · linkedin.com/in/alevega

SUMMARY
Civil engineer focused on stormwater and green infrastructure.

EXPERIENCE
Project Engineer - Delta Basin Engineering, Sacramento, CA          Mar 2021 - Present
• Led design of 14 bioswale retrofits for county roads
Staff Engineer - Sierra Valley Public Works, Marysville, CA        Jul 2017 - Feb 2021
• Prepared drainage reports and construction cost estimates

EDUCATION
B.S. Civil Engineering, California State University, Sacramento - 2017

SKILLS
AutoCAD Civil 3D, HEC-RAS, ArcGIS, Stormwater Modeling, Project Management

Updated: January 2025

Parse this resume into our ATS JSON.""",
     2025, 2017,
     resume("Alejandra Vega", "alejandra.vega@gmail.com", "(916) 555-0124", "Sacramento, CA",
            "Project Engineer", "Delta Basin Engineering", 2025, 2017,
            ["AutoCAD Civil 3D", "HEC-RAS", "ArcGIS", "Stormwater Modeling", "Project Management"],
            "B.S. Civil Engineering", "California State University, Sacramento", 2017)),

    ("""\
Extract the candidate profile (name, email, phone, location, current title/employer, years of experience, skills, education).

Kenji Watanabe
kenji.watanabe@proton.me | 206-555-0191 | Seattle, WA | github.com/kwatanabe

Experience
Senior Software Engineer, Larkfield Health (2022-present)
Software Engineer II, Pinecone Maps (2019-2022)
Software Engineer, Quillon Networks (2016-2019)

Skills
Languages: Go, TypeScript, Python
Infra: Kubernetes, Terraform, PostgreSQL

Education
B.S. Computer Science, University of Washington, 2016

Resume current as of 2024.""",
     2024, 2016,
     resume("Kenji Watanabe", "kenji.watanabe@proton.me", "206-555-0191", "Seattle, WA",
            "Senior Software Engineer", "Larkfield Health", 2024, 2016,
            ["Go", "TypeScript", "Python", "Kubernetes", "Terraform", "PostgreSQL"],
            "B.S. Computer Science", "University of Washington", 2016)),

    ("""\
Grace Adeyemi-Cole, RN
Houston, TX | 713.555.0148 | gadeyemicole@outlook.com

LICENSES & CERTIFICATIONS: RN (Texas), BLS, ACLS, CCRN

WORK HISTORY (oldest first)
2014 - 2018     Staff Nurse, Medical-Surgical - Bayou City General Hospital
2018 - 2021     ICU Nurse - Gulf Coast Medical Center
2021 - Present  Charge Nurse - Lone Oak Heart Institute

EDUCATION: Bachelor of Science in Nursing (BSN), Texas Woman's University, 2014
CORE SKILLS: Critical Care, Telemetry, Epic EHR, Patient Education, Staff Scheduling
(last revised 2024)

Please parse this CV. Certifications are not skills.""",
     2024, 2014,
     resume("Grace Adeyemi-Cole", "gadeyemicole@outlook.com", "713.555.0148", "Houston, TX",
            "Charge Nurse", "Lone Oak Heart Institute", 2024, 2014,
            ["Critical Care", "Telemetry", "Epic EHR", "Patient Education", "Staff Scheduling"],
            "Bachelor of Science in Nursing (BSN)", "Texas Woman's University", 2014)),

    ("""\
Marcus Adebanjo
Director of Finance at Cinder & Oak Hospitality
Atlanta, GA · Contact: m.adebanjo@icloud.com · +1 404 555 0117

About
Finance leader in multi-unit hospitality; built FP&A from scratch twice.

Experience
Cinder & Oak Hospitality
  Director of Finance · Jun 2020 - Present
Peachtree Restaurant Group
  Finance Manager · Aug 2015 - May 2020
Hollis Grant & Co.
  Senior Auditor · Sep 2011 - Jul 2015

Education
Georgia State University
  MBA, Finance · 2015

Skills
Financial Planning & Analysis · NetSuite · Budgeting · GAAP · Team Leadership

Profile exported 2023

ATS import: give me the JSON.""",
     2023, 2011,
     resume("Marcus Adebanjo", "m.adebanjo@icloud.com", "+1 404 555 0117", "Atlanta, GA",
            "Director of Finance", "Cinder & Oak Hospitality", 2023, 2011,
            ["Financial Planning & Analysis", "NetSuite", "Budgeting", "GAAP", "Team Leadership"],
            "MBA, Finance", "Georgia State University", 2015)),

    ("""\
PRIYA NAIR
Jersey City, NJ 07302 | priya.nair.2021@gmail.com | (201) 555-0139

EDUCATION
Stevens Institute of Technology - B.E. Chemical Engineering, May 2021

EXPERIENCE
Process Engineer I | Meridia Specialty Chemicals | Jul 2021 - present
- Scale-up of two coating lines; cut solvent waste 12%

SKILLS: Aspen Plus, MATLAB, Six Sigma Green Belt, Python

Updated March 2024

parse resume -> json""",
     2024, 2021,
     resume("Priya Nair", "priya.nair.2021@gmail.com", "(201) 555-0139", "Jersey City, NJ",
            "Process Engineer I", "Meridia Specialty Chemicals", 2024, 2021,
            ["Aspen Plus", "MATLAB", "Six Sigma Green Belt", "Python"],
            "B.E. Chemical Engineering", "Stevens Institute of Technology", 2021)),

    ("""\
J O S H U A   B R E N N E M A N
Columbus, OH  •  614-555-0157  •  josh.brenneman@gmail.com

WAREHOUSE OPERATIONS
Operations Supervisor        FleetPoint Distribution        2019 - Present
Forklift Operator / Lead     Buckeye Cold Storage           2013 - 2019

SKILLS   OSHA 10 · Manhattan WMS · Forklift Certified · Inventory Control · Lean

EDUCATION   A.A.S. Supply Chain Management, Columbus State Community College, 2012

Revised 2025

(text copied out of a PDF, spacing is weird) - structured fields please""",
     2025, 2013,
     resume("Joshua Brenneman", "josh.brenneman@gmail.com", "614-555-0157", "Columbus, OH",
            "Operations Supervisor", "FleetPoint Distribution", 2025, 2013,
            ["OSHA 10", "Manhattan WMS", "Forklift Certified", "Inventory Control", "Lean"],
            "A.A.S. Supply Chain Management", "Columbus State Community College", 2012)),

    ("""\
Hi! Attaching my resume below for the 5th grade opening. Looking forward to hearing from you.

-----
Danielle Fontaine
Baton Rouge, LA | 225-555-0144 | dfontaine.teach@gmail.com

Teaching Experience
4th Grade Teacher, Magnolia Park Elementary (2018 - Present)
3rd Grade Teacher, St. Aloysius Catholic School (2014 - 2018)

Education
B.A. Elementary Education, Louisiana State University, 2014

Skills
Differentiated Instruction, Google Classroom, Classroom Management, Reading Intervention

Resume updated 2024
-----

can you pull her details into the candidate json?""",
     2024, 2014,
     resume("Danielle Fontaine", "dfontaine.teach@gmail.com", "225-555-0144", "Baton Rouge, LA",
            "4th Grade Teacher", "Magnolia Park Elementary", 2024, 2014,
            ["Differentiated Instruction", "Google Classroom", "Classroom Management",
             "Reading Intervention"],
            "B.A. Elementary Education", "Louisiana State University", 2014)),

    ("""\
LENA PETROVA - Product Designer
lena@lenapetrova.design | +1 (646) 555-0109 | Brooklyn, NY

NOW      Senior Product Designer @ Fable & Finch (2021-)
BEFORE   Product Designer @ Wayfarer Travel (2018-2021)
         UX Designer @ Brightside Agency (2015-2018)
TOOLS    Figma, Sketch, Principle, Framer, Miro
EDU      BFA Graphic Design, Rhode Island School of Design, 2015

2024 version

Turn this resume into JSON.""",
     2024, 2015,
     resume("Lena Petrova", "lena@lenapetrova.design", "+1 (646) 555-0109", "Brooklyn, NY",
            "Senior Product Designer", "Fable & Finch", 2024, 2015,
            ["Figma", "Sketch", "Principle", "Framer", "Miro"],
            "BFA Graphic Design", "Rhode Island School of Design", 2015)),

    ("""\
Robert J. Kowalski, CPA
Milwaukee, WI | rjkowalski@att.net | 414 555 0166

PROFESSIONAL EXPERIENCE
Controller, Lakefront Brewing Supply (Jan 2018 - present)
Senior Accountant, Schuster & Paulsen CPAs (2012 - 2017)
Staff Accountant, Schuster & Paulsen CPAs (2009 - 2012)

EDUCATION
B.B.A. Accounting, University of Wisconsin-Milwaukee, 2009

SKILLS
GAAP, Month-End Close, NetSuite, Excel (advanced), Audit Prep

as of 2024

Extract name, email, phone, location, current_title, current_employer, years_experience, skills and education.""",
     2024, 2009,
     resume("Robert J. Kowalski", "rjkowalski@att.net", "414 555 0166", "Milwaukee, WI",
            "Controller", "Lakefront Brewing Supply", 2024, 2009,
            ["GAAP", "Month-End Close", "NetSuite", "Excel (advanced)", "Audit Prep"],
            "B.B.A. Accounting", "University of Wisconsin-Milwaukee", 2009)),

    ("""\
TYRONE MATTHEWS | Regional Sales Manager
Charlotte, NC · tyrone.matthews@yahoo.com · 704-555-0186

CAREER HISTORY
• Regional Sales Manager, Carolina Medical Supply - 2020 to present
• Territory Sales Representative, Carolina Medical Supply - 2016 to 2020
• Inside Sales Associate, Queen City Office Products - 2012 to 2016

EDUCATION
B.S. Business Administration, UNC Charlotte, 2012

STRENGTHS
Salesforce, Territory Planning, Contract Negotiation, Key Account Management

Last updated 11/2023

Candidate JSON please.""",
     2023, 2012,
     resume("Tyrone Matthews", "tyrone.matthews@yahoo.com", "704-555-0186", "Charlotte, NC",
            "Regional Sales Manager", "Carolina Medical Supply", 2023, 2012,
            ["Salesforce", "Territory Planning", "Contract Negotiation", "Key Account Management"],
            "B.S. Business Administration", "UNC Charlotte", 2012)),

    ("""\
Dr. Sunita Rao
Minneapolis, MN | sunita.rao.stats@gmail.com | 612-555-0175

Experience
2022-now   Lead Data Scientist, Northfield Retail Analytics
2019-2022  Data Scientist, Gopher State Insurance

Education
Ph.D. Statistics, University of Minnesota, 2019

Skills
R, Python, Bayesian Modeling, Causal Inference, Spark, SQL

CV date: 2025

ATS import - return the structured fields.""",
     2025, 2019,
     resume("Sunita Rao", "sunita.rao.stats@gmail.com", "612-555-0175", "Minneapolis, MN",
            "Lead Data Scientist", "Northfield Retail Analytics", 2025, 2019,
            ["R", "Python", "Bayesian Modeling", "Causal Inference", "Spark", "SQL"],
            "Ph.D. Statistics", "University of Minnesota", 2019)),

    ("""\
Parse the chef's resume below as JSON.

ANTOINE BOUCHARD
Charleston, SC · (843) 555-0152 · chefantoine.b@gmail.com

KITCHEN EXPERIENCE
Executive Chef | Salt & Ember | Charleston, SC | 2020 - Present
Sous Chef | The Lantern Room | Savannah, GA | 2015 - 2020
Line Cook | Husk & Barrel | Asheville, NC | 2011 - 2015

EDUCATION
A.O.S. Culinary Arts | The Culinary Institute of America | 2011

SKILLS
Menu Development, Food Costing, ServSafe, Team Training, Whole-Animal Butchery

Updated 2024""",
     2024, 2011,
     resume("Antoine Bouchard", "chefantoine.b@gmail.com", "(843) 555-0152", "Charleston, SC",
            "Executive Chef", "Salt & Ember", 2024, 2011,
            ["Menu Development", "Food Costing", "ServSafe", "Team Training",
             "Whole-Animal Butchery"],
            "A.O.S. Culinary Arts", "The Culinary Institute of America", 2011)),

    ("""\
Deshawn Carter
El Paso, TX · deshawn.carter.log@gmail.com · 915-555-0133

EXPERIENCE
Logistics Coordinator, Sun City Freight Brokers - 2019 to Present
Logistics Specialist (92A), U.S. Army - 2012 to 2019

EDUCATION
B.S. Supply Chain Management, University of Texas at El Paso, 2018

SKILLS
SAP, Freight Auditing, Route Planning, Hazmat Compliance, Spanish

Updated 2024

Fill in the candidate record (JSON).""",
     2024, 2012,
     resume("Deshawn Carter", "deshawn.carter.log@gmail.com", "915-555-0133", "El Paso, TX",
            "Logistics Coordinator", "Sun City Freight Brokers", 2024, 2012,
            ["SAP", "Freight Auditing", "Route Planning", "Hazmat Compliance", "Spanish"],
            "B.S. Supply Chain Management", "University of Texas at El Paso", 2018)),

    ("""\
| Section | Details |
|---|---|
| Name | Olivia Marchetti |
| Contact | olivia.marchetti@outlook.com, (401) 555-0128 |
| Location | Providence, RI |
| Current role | Senior Paralegal, Whitford & Hale LLP (2019 - present) |
| Previous | Paralegal, Narragansett Legal Aid (2015 - 2019) |
| Education | B.A. Legal Studies, Roger Williams University, 2015 |
| Skills | Legal Research, Westlaw, E-Discovery, Trial Preparation |
| Updated | 2023 |

Extract the resume fields as JSON.""",
     2023, 2015,
     resume("Olivia Marchetti", "olivia.marchetti@outlook.com", "(401) 555-0128",
            "Providence, RI", "Senior Paralegal", "Whitford & Hale LLP", 2023, 2015,
            ["Legal Research", "Westlaw", "E-Discovery", "Trial Preparation"],
            "B.A. Legal Studies", "Roger Williams University", 2015)),

    ("""\
can u parse this candidate for the req? recruiter pasted it in lowercase sorry

mateo gutierrez - salt lake city, ut - mateo.gtz@gmail.com - 801-555-0112
currently: devops engineer @ canyonlands software (2021-present)
before: systems administrator @ wasatch credit union (2017-2021), it support tech @ ute valley school district (2014-2017)
skills: linux, ansible, aws, bash, jenkins
edu: b.s. information systems, utah state university, 2014
updated 2024""",
     2024, 2014,
     resume("Mateo Gutierrez", "mateo.gtz@gmail.com", "801-555-0112", "Salt Lake City, UT",
            "DevOps Engineer", "Canyonlands Software", 2024, 2014,
            ["Linux", "Ansible", "AWS", "Bash", "Jenkins"],
            "B.S. Information Systems", "Utah State University", 2014)),

    ("""\
NOOR HADDAD
Marketing Manager · Denver, CO 80205 (open to remote) · noor.haddad.mktg@gmail.com · 720.555.0161

WHERE I'VE WORKED
Rocky Ridge Outdoor Co. - Marketing Manager (2021 - Present)
Front Range Credit Union - Digital Marketing Specialist (2018 - 2021)
Mile High Events - Marketing Coordinator (2016 - 2018)

SCHOOL
B.A. Communication, University of Colorado Boulder, 2016

TOOLKIT
HubSpot, Google Analytics, SEO, Paid Social, Copywriting

(2024)

Please parse into JSON for the hiring tracker.""",
     2024, 2016,
     resume("Noor Haddad", "noor.haddad.mktg@gmail.com", "720.555.0161", "Denver, CO",
            "Marketing Manager", "Rocky Ridge Outdoor Co.", 2024, 2016,
            ["HubSpot", "Google Analytics", "SEO", "Paid Social", "Copywriting"],
            "B.A. Communication", "University of Colorado Boulder", 2016)),

    ("""\
Curriculum Vitae - Wei-Ling Chen, PharmD
Chicago, IL | weiling.chen.rx@gmail.com | 312-555-0193

Professional Experience
Clinical Pharmacist, Lakeshore Regional Medical Center, 2017 - present
Staff Pharmacist, Midwest Family Pharmacy, 2013 - 2017

Education
PharmD, University of Illinois Chicago, 2013

Skills
Anticoagulation Management, Antimicrobial Stewardship, Epic Willow, Medication Reconciliation

CV updated 2025

Return name, email, phone, location, current_title, current_employer, years_experience, skills, education as JSON.""",
     2025, 2013,
     resume("Wei-Ling Chen", "weiling.chen.rx@gmail.com", "312-555-0193", "Chicago, IL",
            "Clinical Pharmacist", "Lakeshore Regional Medical Center", 2025, 2013,
            ["Anticoagulation Management", "Antimicrobial Stewardship", "Epic Willow",
             "Medication Reconciliation"],
            "PharmD", "University of Illinois Chicago", 2013)),

    ("""\
Samuel Okonjo, PMP
Raleigh, NC | sam.okonjo@gmail.com | 919-555-0140

EXPERIENCE
Senior Project Manager - Triangle Health IT (Apr 2020 - Present)
Project Manager - Oak City Software (Jan 2016 - Mar 2020)
Business Analyst - Oak City Software (Jun 2013 - Dec 2015)

EDUCATION
B.S. Industrial Engineering, North Carolina State University, 2013

CERTIFICATIONS
PMP, Certified ScrumMaster

SKILLS
Jira, Smartsheet, Risk Management, Stakeholder Communication, Agile

Updated August 2024

Extract the candidate profile as JSON (skills only from the SKILLS section).""",
     2024, 2013,
     resume("Samuel Okonjo", "sam.okonjo@gmail.com", "919-555-0140", "Raleigh, NC",
            "Senior Project Manager", "Triangle Health IT", 2024, 2013,
            ["Jira", "Smartsheet", "Risk Management", "Stakeholder Communication", "Agile"],
            "B.S. Industrial Engineering", "North Carolina State University", 2013)),

    ("""\
Erik Solberg - Journeyman Electrician
Tacoma, WA · 253-555-0171 · erik.solberg.electric@gmail.com

Work
Journeyman Electrician, Puget Sound Electric Co. - 2018 to present
Apprentice Electrician, Puget Sound Electric Co. - 2014 to 2018

Training
Electrical Apprenticeship Certificate, Bates Technical College, 2018

Skills
Commercial Wiring, Conduit Bending, Motor Controls, NEC Code, Blueprint Reading

Resume date: 2024

Please turn this into the ATS JSON.""",
     2024, 2014,
     resume("Erik Solberg", "erik.solberg.electric@gmail.com", "253-555-0171", "Tacoma, WA",
            "Journeyman Electrician", "Puget Sound Electric Co.", 2024, 2014,
            ["Commercial Wiring", "Conduit Bending", "Motor Controls", "NEC Code",
             "Blueprint Reading"],
            "Electrical Apprenticeship Certificate", "Bates Technical College", 2018)),

    ("""\
Parse this resume (JSON).

\"\"\"
Hannah Greenberg
Philadelphia, PA • hannah.greenberg@fastmail.com • 267-555-0198

Experience
Grants Manager, Schuylkill River Conservancy   2022 - Present
Development Associate, Philadelphia Youth Orchestra   2019 - 2022

Education
M.A. Nonprofit Management, Drexel University, 2019

Skills
Grant Writing, Raiser's Edge, Donor Stewardship, Budget Tracking

Updated 2024
\"\"\"""",
     2024, 2019,
     resume("Hannah Greenberg", "hannah.greenberg@fastmail.com", "267-555-0198",
            "Philadelphia, PA", "Grants Manager", "Schuylkill River Conservancy", 2024, 2019,
            ["Grant Writing", "Raiser's Edge", "Donor Stewardship", "Budget Tracking"],
            "M.A. Nonprofit Management", "Drexel University", 2019)),
]


# ---------------------------------------------------------------------------------------------
# meeting_action_items
# ---------------------------------------------------------------------------------------------
def act(owner, task, due):
    return {"owner": owner, "task": task, "due": due}


def vendor(name):
    return "go with %s as the vendor" % name


def launch(date):
    return "move the launch to %s" % date


# (prompt, meeting date, action items, decisions)
MEETINGS = [
    ("""\
Weekly ops sync - Tuesday, March 12, 2024
Priya: Okay, let's start. Two things today: the carrier contract and Q2 hiring.
Derek: We compared three quotes. Ridgeway Freight was cheapest and had the best on-time rate.
Priya: Agreed, let's lock in Ridgeway Freight as our carrier.
Priya: Derek, can you send Ridgeway the signed rate sheet by Thursday?
Derek: Yep, on it.
Mona: I'll draft the Q2 hiring plan by Monday.
Priya: Great. Anything else? No? Thanks all.

List the action items (owner, task, due date) and decisions as JSON.""",
     "2024-03-12",
     [act("Derek", "send Ridgeway the signed rate sheet", next_weekday("2024-03-12", "Thursday")),
      act("Mona", "draft the Q2 hiring plan", next_weekday("2024-03-12", "Monday"))],
     [vendor("Ridgeway Freight")]),

    ("""\
Product standup - Wed 2024-05-15
[09:00] Sam: morning all
[09:01] Sam: Lucia, could you update the release notes by Friday?
[09:01] Lucia: I'm on PTO Thursday and Friday, sorry. Can Raj grab it?
[09:02] Raj: Sure, I'll take it.
[09:03] Raj: Also heads up, QA found a blocker, so we're pushing the launch to June 3, 2024.
[09:04] Sam: ok, noted.

What are the follow-ups and decisions? JSON please.""",
     "2024-05-15",
     [act("Raj", "update the release notes", next_weekday("2024-05-15", "Friday"))],
     [launch("2024-06-03")]),

    ("""\
Board prep call - 2024-09-05 (Thursday)
Attendees: Helen, Marco, Aisha
Helen: We need the audit committee packet out by September 16.
Marco: I'll assemble the audit committee packet by September 16.
Aisha: I can review the CFO letter, no hard deadline on that.
Helen: Thanks both. Nothing to decide today.

Extract action items (owner, task, due as ISO or null) and decisions.""",
     "2024-09-05",
     [act("Marco", "assemble the audit committee packet", "2024-09-16"),
      act("Aisha", "review the CFO letter", None)],
     []),

    ("""\
Brainstorm - Monday, January 8, 2024
Jo: We should probably revisit pricing at some point.
Ken: Yeah, maybe next quarter.
Jo: Someone should look at churn too, but not now.
Ken: Agreed. Let's park both for now.

who agreed to do what, and what got decided? (JSON)""",
     "2024-01-08", [], []),

    ("""\
IT vendor review - Thursday, Feb 22, 2024
Omar: For endpoint security, CrowdStrike or SentinelOne?
Bea: SentinelOne came in 20% cheaper with the same coverage.
Omar: Then we'll go with SentinelOne. Final.
Omar: Bea, can you notify the CrowdStrike rep by Monday?
Bea: Will do.
Luis: I'll schedule the rollout kickoff.

Write up the follow-ups and decisions from this meeting as JSON.""",
     "2024-02-22",
     [act("Bea", "notify the CrowdStrike rep", next_weekday("2024-02-22", "Monday")),
      act("Luis", "schedule the rollout kickoff", None)],
     [vendor("SentinelOne")]),

    ("""\
Launch readiness - Monday, March 25, 2024
Camila: Packaging is delayed two weeks, so we're moving the launch to April 9, 2024.
Theo: OK. I'll tell the retail partners by Wednesday.
Camila: Nadia, could you rework the social calendar by Friday?
Nadia: Yes.

Action items + decisions, JSON.""",
     "2024-03-25",
     [act("Theo", "tell the retail partners", next_weekday("2024-03-25", "Wednesday")),
      act("Nadia", "rework the social calendar", next_weekday("2024-03-25", "Friday"))],
     [launch("2024-04-09")]),

    ("""\
Minutes - Facilities committee, Wednesday, June 12, 2024
Present: R. Gomez (chair), T. Ellis, M. Cho

Decisions:
 - Selected BrightSpark Electric as the vendor for the parking-lot lighting retrofit.
Action items:
 - T. Ellis to get a second quote on the roof repair by Friday.
 - M. Cho to order replacement ceiling tiles (no date set).

Convert these minutes to the action_items / decisions JSON.""",
     "2024-06-12",
     [act("T. Ellis", "get a second quote on the roof repair",
          next_weekday("2024-06-12", "Friday")),
      act("M. Cho", "order replacement ceiling tiles", None)],
     [vendor("BrightSpark Electric")]),

    ("""\
Incident review - Tuesday, October 1, 2024
Ivan: Root cause was the expired TLS cert on the API gateway.
Grace: I'll add cert expiry alerts to the monitoring dashboard by tomorrow.
Ivan: Can you also write the postmortem, Grace?
Grace: Can't this week, I'm on call. Ivan, can you?
Ivan: Fine, I'll write the postmortem by Friday.

Extract who does what by when, plus any decisions.""",
     "2024-10-01",
     [act("Grace", "add cert expiry alerts to the monitoring dashboard",
          plus_days("2024-10-01", 1)),
      act("Ivan", "write the postmortem", next_weekday("2024-10-01", "Friday"))],
     []),

    ("""\
huddle notes thu 11/14/2024
kim: hotel block for the offsite - hyatt or the marriott?
raf: hyatt is cheaper and closer to the venue
kim: ok hyatt it is. i'll book the hotel block by monday
raf: i'll send the agenda draft by friday

pls pull out action items and decisions (json)""",
     "2024-11-14",
     [act("kim", "book the hotel block", next_weekday("2024-11-14", "Monday")),
      act("raf", "send the agenda draft", next_weekday("2024-11-14", "Friday"))],
     [vendor("hyatt")]),

    ("""\
Call with Larchmont Dental - Wednesday, April 17, 2024
Dr. Patel: The new imaging software keeps crashing on the front-desk PC.
Evan: I'll open a ticket with the vendor today.
Dr. Patel: We'd also like training for the front desk.
Evan: Sure. Jia, could you set up a training session by the 30th?
Jia: Yes, I'll set that up.

Return the action items (ISO due dates) and decisions.""",
     "2024-04-17",
     [act("Evan", "open a ticket with the vendor", "2024-04-17"),
      act("Jia", "set up a training session", "2024-04-30")],
     []),

    ("""\
Q3 kickoff - Tue Jul 9, 2024 (auto-generated transcript)
Alicia Gomez: can everyone hear me? great
Alicia Gomez: first item, the customer portal redesign
Ben Cho: design is basically done, dev starts next sprint
Alicia Gomez: Ben, could you write up the acceptance criteria by Friday?
Ben Cho: I'm out Thursday and Friday, sorry - maybe Tasha?
Tasha Reed: no problem, I'll write up the acceptance criteria by Friday
Alicia Gomez: thanks Tasha. second item, the chat widget. we trialed Intercom and Zendesk
Ben Cho: Zendesk already integrates with our ticketing
Alicia Gomez: ok, let's go with Zendesk
Alicia Gomez: I'll loop in procurement myself.

Summarize the action items and decisions as JSON.""",
     "2024-07-09",
     [act("Tasha Reed", "write up the acceptance criteria", next_weekday("2024-07-09", "Friday")),
      act("Alicia Gomez", "loop in procurement", None)],
     [vendor("Zendesk")]),

    ("""\
Month-end close check-in (Thu 8/29/2024)
Farah: Where are we on accruals?
Nate: Almost done. I'll post the accrual entries by Friday.
Farah: Good. Olga, can you reconcile the Amex statement by Tuesday?
Olga: Yes, will do.
Farah: And I'll send the flux analysis to the CFO by Wednesday.
Nate: Nothing else from me.

Follow-ups as JSON (owner, task, due) plus decisions.""",
     "2024-08-29",
     [act("Nate", "post the accrual entries", next_weekday("2024-08-29", "Friday")),
      act("Olga", "reconcile the Amex statement", next_weekday("2024-08-29", "Tuesday")),
      act("Farah", "send the flux analysis to the CFO", next_weekday("2024-08-29", "Wednesday"))],
     []),

    ("""\
Hiring committee - Thursday, May 2, 2024
Rosa: We narrowed the ATS options to Greenhouse and Lever.
Dev: Greenhouse has the structured scorecards we need.
Rosa: Agreed - decision: we go with Greenhouse.
Rosa: Dev, can you ask IT to set up SSO for Greenhouse by next Thursday?
Dev: Sure thing.
Mei: I'll draft the interviewer training doc.

Extract the action items and decisions from the transcript.""",
     "2024-05-02",
     [act("Dev", "ask IT to set up SSO for Greenhouse", next_weekday("2024-05-02", "Thursday")),
      act("Mei", "draft the interviewer training doc", None)],
     [vendor("Greenhouse")]),

    ("""\
Fall campaign meeting - Monday, Sept 23, 2024
Lorraine: The mailing house says the letters won't be ready until the 27th, so the campaign launch moves to October 8, 2024.
Andre: Got it. I'll update the donor landing page by Friday.
Lorraine: Keisha, can you confirm the matching gift with the Hollis Foundation?
Keisha: Yes, I'll confirm it by Wednesday.

What needs doing, by whom and when? And what was decided? JSON.""",
     "2024-09-23",
     [act("Andre", "update the donor landing page", next_weekday("2024-09-23", "Friday")),
      act("Keisha", "confirm the matching gift with the Hollis Foundation",
          next_weekday("2024-09-23", "Wednesday"))],
     [launch("2024-10-08")]),

    ("""\
PTA planning - Thu Oct 10, 2024
Jen: Fall festival is on the 26th and we still need volunteers.
Marcus: I'll make the volunteer sign-up sheet by Monday.
Jen: Tara, could you ask the bakery about donations?
Tara: I can't this week, my kid is sick. Maybe Lily?
Lily: Happy to. I'll ask the bakery about donations.
Jen: Thank you!

pull the to-dos (owner/task/due) and decisions""",
     "2024-10-10",
     [act("Marcus", "make the volunteer sign-up sheet", next_weekday("2024-10-10", "Monday")),
      act("Lily", "ask the bakery about donations", None)],
     []),

    ("""\
1:1 Dana / Chris - Thursday, December 5, 2024
Dana: Can you put together the Q4 win-loss summary by Tuesday?
Chris: Honestly I'm swamped with the renewal push, I can't take it on.
Dana: Fair. I'll do it myself then.
Chris: I'll send over the renewal forecast by Monday, though.

Action items and decisions as JSON.""",
     "2024-12-05",
     [act("Dana", "put together the Q4 win-loss summary", next_weekday("2024-12-05", "Tuesday")),
      act("Chris", "send over the renewal forecast", next_weekday("2024-12-05", "Monday"))],
     []),

    ("""\
Sprint planning - Tuesday, January 14, 2025
Noor: Current launch date is February 3, 2025.
Vik: The payments integration slipped. We need one more week.
Noor: OK - we push the launch back one week.
Vik: I'll fix the webhook retries by Thursday.
Noor: Sara, can you tell support about the new date?
Sara: Yep.

Extract action items and decisions (dates as ISO).""",
     "2025-01-14",
     [act("Vik", "fix the webhook retries", next_weekday("2025-01-14", "Thursday")),
      act("Sara", "tell support about the new date", None)],
     [launch(plus_days("2025-02-03", 7))]),

    ("""\
Go-to-market sync - Wed, Feb 19, 2025
Hugo: Printing quotes are in. Inkwell Press is cheapest and can hit our dates.
Amara: Then let's go with Inkwell Press.
Hugo: Also, retail wants more lead time, so the launch moves to April 1, 2025.
Amara: Fine by me. Hugo, can you send Inkwell the final artwork by Friday?
Hugo: Will do.
Amara: I'll brief the retail team on Monday.

JSON with the action items and decisions, please.""",
     "2025-02-19",
     [act("Hugo", "send Inkwell the final artwork", next_weekday("2025-02-19", "Friday")),
      act("Amara", "brief the retail team", next_weekday("2025-02-19", "Monday"))],
     [vendor("Inkwell Press"), launch("2025-04-01")]),

    ("""\
Site meeting #14 - Thursday 3/6/2025
Present: Gary (super), Anita (architect), Paul (owner's rep)
Anita: I'll issue the revised window schedule by Monday.
Gary: Paul, could you get the owner's sign-off on the tile change by Wednesday?
Paul: Yes.
Gary: I'll order the rooftop unit curbs.
Paul: Next meeting same time next week.

Log the action items and decisions from these site meeting notes.""",
     "2025-03-06",
     [act("Anita", "issue the revised window schedule", next_weekday("2025-03-06", "Monday")),
      act("Paul", "get the owner's sign-off on the tile change",
          next_weekday("2025-03-06", "Wednesday")),
      act("Gary", "order the rooftop unit curbs", None)],
     []),

    ("""\
Sales ops - Thursday, April 3, 2025
Rita: Pilot results are in for call recording: Gong vs Chorus.
Sean: The reps liked Gong a lot more.
Rita: OK, we're going with Gong. Procurement already has the paperwork, nothing else needed from us.
Sean: Great.

Extract action items and decisions as JSON (empty lists if none).""",
     "2025-04-03", [], [vendor("Gong")]),
]


# ---------------------------------------------------------------------------------------------
# checks and writing
# ---------------------------------------------------------------------------------------------
def is_iso(s):
    try:
        return d(s).isoformat() == s
    except (TypeError, ValueError):
        return False


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def date_forms(iso_date):
    """Ways a date may be printed (lower case): ISO, US numeric, dotted day-first, month names."""
    x = d(iso_date)
    y, m, dd = x.year, x.month, x.day
    forms = {iso_date, "%02d/%02d/%d" % (m, dd, y), "%d/%d/%d" % (m, dd, y),
             "%d/%d/%02d" % (m, dd, y % 100), "%02d/%02d/%02d" % (m, dd, y % 100),
             "%02d-%02d-%d" % (m, dd, y), "%02d.%02d.%d" % (dd, m, y)}
    full = MONTHS[m - 1]
    for mon in {full, full[:3], full[:3] + ".", full[:4], full[:4] + "."}:
        for day in {str(dd), "%02d" % dd}:
            forms |= {"%s %s, %d" % (mon, day, y), "%s %s %d" % (mon, day, y),
                      "%s %s %d" % (day, mon, y), "%s-%s-%d" % (day, mon, y)}
    forms.add("%d%s day of %s, %d" % (dd, "st" if dd == 1 else "th", full, y))
    if dd == 1:
        forms.add("first day of %s, %d" % (full, y))
    return {f.lower() for f in forms}


def has_date(prompt, iso_date):
    low = " ".join(prompt.lower().split())
    return any(f in low for f in date_forms(iso_date))


def contains(prompt, s):
    """Case- and whitespace-insensitive substring test."""
    squeeze = lambda x: " ".join(x.lower().split())
    return squeeze(s) in squeeze(prompt)


def check_money_in(name, i, prompt, label, x):
    if not in_prompt(prompt, x):
        fail(name, i, "%s %s is not printed in the prompt" % (label, x))


def build():
    out = {}

    recs = []
    for i, (prompt, a) in enumerate(INVOICES):
        n = "invoice_processing"
        if not is_iso(a["invoice_date"]) or not is_iso(a["due_date"]):
            fail(n, i, "dates")
        if d(a["due_date"]) < d(a["invoice_date"]):
            fail(n, i, "due before issue")
        if not has_date(prompt, a["invoice_date"]):
            fail(n, i, "invoice date not printed")
        if a["currency"] not in ("USD", "EUR", "GBP", "CAD"):
            fail(n, i, "currency")
        if a["invoice_number"] not in prompt or not contains(prompt, a["vendor"]):
            fail(n, i, "number or vendor not in prompt")
        total_lines = Decimal(0)
        for li in a["line_items"]:
            if not contains(prompt, li["description"]):
                fail(n, i, "description not in prompt: " + li["description"])
            if cents(Decimal(str(li["quantity"])) * li["unit_price"]) != li["amount"]:
                fail(n, i, "line amount")
            check_money_in(n, i, prompt, "unit price", li["unit_price"])
            check_money_in(n, i, prompt, "line amount", li["amount"])
            total_lines += li["amount"]
        if total_lines != a["subtotal"] or a["subtotal"] + a["tax"] != a["total"]:
            fail(n, i, "totals")
        for k in ("subtotal", "total"):  # tax may be split (GST + PST): total - subtotal
            check_money_in(n, i, prompt, k, a[k])
        recs.append((prompt, a))
    out["invoice_processing"] = recs

    recs = []
    for i, (prompt, a) in enumerate(RECEIPTS):
        n = "receipt_parsing"
        if not is_iso(a["date"]) or not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", a["time"]):
            fail(n, i, "date/time")
        if not has_date(prompt, a["date"]):
            fail(n, i, "date not printed")
        if a["payment_method"] not in PAYMENTS or not contains(prompt, a["merchant"]):
            fail(n, i, "payment or merchant")
        s = Decimal(0)
        for it in a["items"]:
            if not contains(prompt, it["name"]):
                fail(n, i, "item not in prompt: " + it["name"])
            check_money_in(n, i, prompt, "item price", it["price"])
            s += it["price"]
        if s != a["subtotal"] or a["subtotal"] + a["tax"] + a["tip"] != a["total"]:
            fail(n, i, "totals")
        for k in ("subtotal", "total"):  # tax may be split (state + local); no tip line = 0
            check_money_in(n, i, prompt, k, a[k])
        if a["tip"] and not re.search(r"tip|gratuity", prompt, re.I):
            fail(n, i, "tip without a tip line")
        if a["tip"]:
            check_money_in(n, i, prompt, "tip", a["tip"])
        recs.append((prompt, a))
    out["receipt_parsing"] = recs

    recs = []
    for i, (prompt, a) in enumerate(DOCUMENTS):
        n = "document_extraction"
        if a["document_type"] not in DOC_TYPES:
            fail(n, i, "document_type")
        if a["date_of_birth"] is not None and not has_date(prompt, a["date_of_birth"]):
            fail(n, i, "dob")
        for k in ("email", "phone", "reference_number"):
            if a[k] is not None and a[k] not in prompt:
                fail(n, i, k + " not copied exactly")
        for k in ("name", "organization"):
            for part in a[k].replace(",", " ").split():
                if not contains(prompt, part):
                    fail(n, i, k + " part not in prompt: " + part)
        if a["address"] is not None:
            for part in a["address"].split(", "):
                if not contains(prompt, part):
                    fail(n, i, "address part not in prompt: " + part)
        recs.append((prompt, a))
    out["document_extraction"] = recs

    recs = []
    for i, (prompt, a) in enumerate(CONTRACTS):
        n = "contract_analysis"
        if a["contract_type"] not in CONTRACT_TYPES or a["payment_frequency"] not in FREQUENCIES:
            fail(n, i, "closed labels")
        for k in ("party_a", "party_b", "governing_law"):
            if not contains(prompt, a[k]):
                fail(n, i, k + " not in prompt")
        if not has_date(prompt, a["effective_date"]):
            fail(n, i, "effective date not printed")
        if a["end_date"] != add_months_minus_day(a["effective_date"], a["term_months"]):
            fail(n, i, "end date")
        check_money_in(n, i, prompt, "payment", a["payment_amount"])
        if str(a["notice_period_days"]) not in prompt:
            fail(n, i, "notice days not in prompt")
        recs.append((prompt, a))
    out["contract_analysis"] = recs

    recs = []
    for i, (prompt, sent, urgent, a) in enumerate(EMAILS):
        n = "email_triage"
        if a["category"] not in CATEGORIES or a["sender"] not in prompt:
            fail(n, i, "category or sender")
        if a["deadline"] is not None and d(a["deadline"]) < d(sent):
            fail(n, i, "deadline before sent date")
        if not has_date(prompt, sent):
            fail(n, i, "sent date not printed")
        wd = WEEKDAYS[d(sent).weekday()]
        head = prompt.lower()
        if any(w.lower()[:3] + "," in head for w in WEEKDAYS if w != wd):
            fail(n, i, "a weekday in the header does not match the sent date")
        if urgent != bool(re.search(r"(?<!how )urgent|asap|time-sensitive", prompt, re.I)):
            fail(n, i, "urgent flag vs cue words")
        recs.append((prompt, a))
    out["email_triage"] = recs

    recs = []
    for i, (prompt, a) in enumerate(ENTITIES):
        n = "entity_extraction"
        for k in ("people", "organizations", "locations"):
            for v in a[k]:
                if not contains(prompt, v):
                    fail(n, i, "%s not in prompt: %s" % (k, v))
            if len(set(a[k])) != len(a[k]):
                fail(n, i, "duplicate " + k)
        if not all(is_iso(x) for x in a["dates"]):
            fail(n, i, "dates")
        for x in a["dates"]:
            if not has_date(prompt, x):
                fail(n, i, "date not printed: " + x)
        recs.append((prompt, a))
    out["entity_extraction"] = recs

    recs = []
    for i, (template, doc, items) in enumerate(PII):
        n = "pii_redaction"
        if template.count("{DOC}") != 1:
            fail(n, i, "template")
        redacted, pos = "", 0
        for t, v in items:
            if t not in PII_TYPES:
                fail(n, i, "pii type " + t)
            j = doc.find(v, pos)
            if j < 0:
                fail(n, i, "pii value not found in order: " + v)
            redacted += doc[pos:j] + "[" + t.upper() + "]"
            pos = j + len(v)
        redacted += doc[pos:]
        prompt = template.replace("{DOC}", doc)
        recs.append((prompt, {"redacted_text": redacted,
                              "pii": [{"type": t, "value": v} for t, v in items]}))
    out["pii_redaction"] = recs

    recs = []
    for i, (prompt, year, first, a) in enumerate(RESUMES):
        n = "resume_parsing"
        if str(year) not in prompt or str(first) not in prompt:
            fail(n, i, "years not in prompt")
        if a["years_experience"] != year - first:
            fail(n, i, "years_experience")
        for k in ("email", "phone"):
            if not contains(prompt, a[k]):
                fail(n, i, k + " not in prompt")
        for k in ("location", "current_title", "current_employer"):
            if not contains(prompt, a[k]):
                fail(n, i, k + " not in prompt: " + a[k])
        for s in a["skills"]:
            if not contains(prompt, s):
                fail(n, i, "skill not in prompt: " + s)
        e = a["education"]
        if not contains(prompt, e["degree"]) or not contains(prompt, e["school"]) or \
                str(e["year"]) not in prompt:
            fail(n, i, "education")
        if not re.fullmatch(r"[A-Za-z .'-]+, [A-Z]{2}", a["location"]):
            fail(n, i, "location is not 'City, ST'")
        recs.append((prompt, a))
    out["resume_parsing"] = recs

    recs = []
    for i, (prompt, date, items, decisions) in enumerate(MEETINGS):
        n = "meeting_action_items"
        if WEEKDAYS[d(date).weekday()].lower()[:3] not in prompt.lower().split("\n")[0]:
            fail(n, i, "meeting weekday")
        if not has_date(prompt, date):
            fail(n, i, "meeting date not printed")
        for it in items:
            if not contains(prompt, it["owner"]) or not contains(prompt, it["task"]):
                fail(n, i, "owner/task not in prompt: %s / %s" % (it["owner"], it["task"]))
            if it["due"] is not None and (not is_iso(it["due"]) or d(it["due"]) < d(date)):
                fail(n, i, "due")
        for x in decisions:
            m = re.fullmatch(r"go with (.+) as the vendor|move the launch to (\d{4}-\d\d-\d\d)", x)
            if not m or (m.group(1) and not contains(prompt, m.group(1))):
                fail(n, i, "decision form: " + x)
        recs.append((prompt, {"action_items": items, "decisions": decisions}))
    out["meeting_action_items"] = recs
    return out


def nested_keys_ok(name, answer):
    for (spec, field), keys in NESTED.items():
        if spec != name:
            continue
        v = answer[field]
        objs = v if isinstance(v, list) else [v]
        for o in objs:
            if list(o) != keys:
                return "%s keys %s, expected %s" % (field, list(o), keys)
    return ""


def check_against_generator():
    """Field order (datagen --list) and nested keys (one generated record) vs FIELDS/NESTED.

    Skipped when the binary is not built; the written files never depend on it."""
    if not os.path.exists(ANVIL):
        print("note: %s not built; generator schema comparison skipped" % ANVIL)
        return
    listing = subprocess.run([ANVIL, "datagen", "--list"], capture_output=True, text=True).stdout
    for name, fields in FIELDS.items():
        m = re.search(r"^  %s .*\n\s+fields: (.*)$" % name, listing, re.M)
        if not m:
            sys.exit("%s: not found in `anvil datagen --list`" % name)
        listed = [f.split("(")[0] for f in m.group(1).split()]
        if listed != fields:
            sys.exit("%s: fields %s, generator lists %s" % (name, fields, listed))
        tmp = "/tmp/make_documents_%s_%d.jsonl" % (name, os.getpid())
        subprocess.run([ANVIL, "datagen", "--specialist", name, "-n", "3", "--seed", "11",
                        "-o", tmp], capture_output=True, check=True)
        with open(tmp, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                resp = json.loads(rec["response"])
                if list(resp) != fields:
                    sys.exit("%s: generated keys %s" % (name, list(resp)))
                if not rec["text"].endswith(rec["response"] + "\n[confidence: 1.00]"):
                    sys.exit("%s: generated text does not end with the confidence line" % name)
                why = nested_keys_ok(name, resp)
                if why:
                    sys.exit("%s: generated record: %s" % (name, why))
        os.remove(tmp)
    print("schema matches the generators (field order, nested keys, confidence line)")


def main():
    for name, recs in build().items():
        prompts = [p for p, _ in recs]
        if len(set(prompts)) != len(prompts):
            sys.exit(name + ": duplicate prompt")
        if len(recs) < 20:
            sys.exit(name + ": fewer than 20 records")
        lines = []
        for i, (prompt, answer) in enumerate(recs):
            if list(answer) != FIELDS[name]:
                sys.exit("%s record %d: fields %s" % (name, i, list(answer)))
            why = nested_keys_ok(name, answer)
            if why:
                sys.exit("%s record %d: %s" % (name, i, why))
            if "\n\nAssistant: " in prompt:
                sys.exit("%s record %d: prompt contains the assistant marker" % (name, i))
            response = dump(answer)
            if json.loads(response) is None:
                sys.exit("%s record %d: response" % (name, i))
            text = prompt + "\n\nAssistant: " + response + "\n[confidence: 1.00]"
            if len(prompt) + len(response) > MAX_TEXT:
                sys.exit("%s record %d: %d characters, over %d" %
                         (name, i, len(prompt) + len(response), MAX_TEXT))
            lines.append(
                '{"specialist":%s,"prompt":%s,"response":%s,"text":%s,"meta":{"index":%d,'
                '"template":-1,"layout":-1,"confidence":1.00,"source":"handwritten"}}'
                % (dump(name), dump(prompt), dump(response), dump(text), i))
        path = os.path.join(HERE, name + ".jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        print("%-22s %3d records -> %s" % (name, len(lines), path))
    check_against_generator()


if __name__ == "__main__":
    main()
