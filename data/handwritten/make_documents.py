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
Then: anvil datagen --validate data/handwritten/<name>.jsonl

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
72 Main St, Ipswich MA
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
State Tax 6.000%                9.24
Local Tax 1.500%                2.31
Tip                            30.00
Grand Total                   195.55

VISA ending 7702

Give me the receipt as JSON; tax is all taxes combined.""",
     receipt("Bramble & Bone Steakhouse", "2024-09-27", "19:36",
             [("Ribeye 16oz", 1, "58.00"), ("Filet 8oz", 1, "52.00"),
              ("Creamed Spinach", 1, "12.00"), ("Old Fashioned", 2, "16.00")],
             "11.55", "30.00", "visa")),

    ("""\
From: Spoke & Sprocket Cycles <receipts@spokesprocket.com>
Subject: Receipt for your purchase

Order #1042 · April 27, 2024, 10:05 AM

Continental GP5000 700x28 tire   Qty 2   $129.98
Presta tube 700x25-32            Qty 2    $17.98
Labor - tire install             Qty 1    $15.00

Subtotal        $162.96
Tax (7.25%)      $11.81
Total           $174.77

Paid with Visa ending in 0042

Spoke & Sprocket Cycles · 2218 Shattuck Ave, Berkeley, CA

please parse this receipt""",
     receipt("Spoke & Sprocket Cycles", "2024-04-27", "10:05",
             [("Continental GP5000 700x28 tire", 2, "64.99"),
              ("Presta tube 700x25-32", 2, "8.99"), ("Labor - tire install", 1, "15.00")],
             "11.81", "0.00", "visa")),

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
Tax                         1.04
Total                      13.99
Visa ***5561               13.99

Thank you for visiting!

Record this purchase as JSON (merchant, date, time, items, subtotal, tax, tip, total, payment_method).""",
     receipt("Starbucks", "2024-05-20", "07:51",
             [("Grande Pike Place", 1, "3.25"), ("Venti Iced Shaken Espresso", 1, "5.95"),
              ("Butter Croissant", 1, "3.75")], "1.04", "0.00", "visa")),

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
