#!/usr/bin/env python3
"""Hand-written evaluation sets for the "business" specialists (source of truth for
data/handwritten/<name>.jsonl of the nine specialists below).

Every prompt below was written by hand, NOT produced by `anvil datagen`: real-world document
layouts (ERP printouts, markdown and CSV exports, e-mails, chat), real merchant / vendor / SKU
shapes, other orderings, chatter, messy text and hard cases. The answers follow the generators'
answer schema exactly (same keys in the same order, the same closed label sets and canonical value
formats), so the same validators (src/datagen/specialist_validator.cpp) score them. Numbers the
answers depend on (totals, balances, the earliest free slot, revised belief sets, confidences) are
recomputed here from the structured data written next to each prompt, and the script stops if a
hand-written expectation disagrees. Never train on these files; they measure generalisation.

Run:  python3 data/handwritten/make_business.py      (stdlib only; rewrites the nine .jsonl files)
Then: anvil datagen --validate data/handwritten/<name>.jsonl

Conventions that follow the generators:
  purchase_order_matching  discrepancies per SKU: quantity_mismatch, price_mismatch,
                  missing_on_invoice (on the PO, not invoiced), not_on_po (invoiced, not ordered;
                  freight and free samples included); totals = sum of qty x unit price per document
                  (no tax in any of these documents); po_number as the PO prints it.
  expense_categorization  merchant = the description exactly as printed (store numbers and
                  locations kept); categories travel (air fares and airline fees), lodging, meals
                  (incl. food delivery), transportation (ground: rideshare, taxi, fuel, parking,
                  tolls, transit), software (SaaS / cloud), office_supplies, utilities (phone,
                  internet, power, water); totals only for categories present, in that order;
                  refunds are negative amounts.
  bank_reconciliation  entries match one to one when the same transaction (same amount) appears
                  on both sides; a mis-keyed amount leaves both sides unmatched; balances =
                  opening + the entries of each side; difference = bank - ledger.
  intent_classification  the generator's 8 intents and slot keys; ISO dates, 24-hour HH:MM times,
                  money as a number; account in {checking, savings, credit card, money market};
                  device in {laptop, monitor, printer, VPN, email}.
  calendar_scheduling  earliest start on a 15-minute grid from the start of working hours at
                  which everybody is free for the whole meeting, ending by the end of working hours.
  question_answering  the shortest span of the context that answers (a city without its state, a
                  year without month, revenue as "$N million"), else answer null/answerable false.
  fact_verification  beliefs in the generator's canonical sentences; official or first-hand
                  evidence replaces a contradicted value (id retracted) or adds a new fact; hearsay
                  and confirmations change nothing.
  context_protocol  latest value of each fact in the conversation; total = quantity x unit price.
  confidence_calibration  answered 0.97; ambiguous (several entries match the name asked) ->
                  candidates, 1/k rounded to 2 decimals; unanswerable (not listed / no value) 0.05.
                  That confidence is also the record's "[confidence: X]" line and meta.confidence.
"""

import datetime
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ANVIL = os.path.join(HERE, "..", "..", "build", "bin", "anvil")

FIELDS = {
    "purchase_order_matching": ["po_number", "status", "discrepancies", "po_total",
                                "invoice_total"],
    "expense_categorization": ["items", "totals", "total"],
    "bank_reconciliation": ["matched", "unmatched_ledger", "unmatched_bank", "ledger_balance",
                            "bank_balance", "difference"],
    "intent_classification": ["intent", "slots"],
    "calendar_scheduling": ["feasible", "date", "start", "end"],
    "question_answering": ["answer", "answerable"],
    "fact_verification": ["revised_beliefs", "retracted", "added"],
    "context_protocol": ["customer", "item", "quantity", "unit_price", "ship_to", "reference",
                         "total"],
    "confidence_calibration": ["status", "answer", "candidates", "confidence"],
}


class Money(int):
    """An amount in cents, written like JsonBuilder::money ("-12.50")."""


class Conf(float):
    """A confidence, written like JsonBuilder::number(v, 2) ("0.5", "0.97", "0.33")."""


def cents(s):
    """"$1,234.50" / "(1,234.50)" / "-12" -> integer cents."""
    t = s.replace("$", "").replace(",", "").replace("USD", "").strip()
    neg = t.startswith("(") and t.endswith(")") or t.startswith("-")
    t = t.strip("()-")
    whole, _, frac = t.partition(".")
    v = int(whole) * 100 + int((frac + "00")[:2])
    if len(frac) > 2:
        raise ValueError("sub-cent amount " + s)
    return -v if neg else v


def money_str(c):
    return "%s%d.%02d" % ("-" if c < 0 else "", abs(c) // 100, abs(c) % 100)


def commas(c):
    return "{:,}.{:02d}".format(abs(c) // 100, abs(c) % 100)


def conf_str(v):
    s = "%.2f" % round(v, 2)
    s = s.rstrip("0").rstrip(".")
    return s


def dump(v):
    """Compact JSON the way the generators' JsonBuilder writes it."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Money):
        return money_str(int(v))
    if isinstance(v, Conf):
        return conf_str(float(v))
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        raise TypeError("plain float in an answer: use Money or Conf")
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ",".join(dump(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join(dump(k) + ":" + dump(x) for k, x in v.items()) + "}"
    raise TypeError(type(v))


def fail(name, i, msg):
    sys.exit("%s record %d: %s" % (name, i, msg))


def norm(s):
    return " ".join(s.lower().split())


def in_prompt(prompt, s):
    return norm(s) in norm(prompt)


def amount_forms(c):
    """Ways an amount in cents may be printed."""
    a = abs(c)
    forms = {money_str(a), commas(a)}
    if a % 100 == 0:
        forms |= {str(a // 100), "{:,}".format(a // 100)}
    return forms


def has_amount(text, c):
    """True if `text` shows the amount `c` (sign not checked) as a whole number token."""
    for f in amount_forms(c):
        if re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d]|\.\d|,\d)", text):
            return True
    return False


def fill(prompt, values):
    """Replaces [[NAME]] by values[NAME]; every placeholder must be known."""
    out = re.sub(r"\[\[([A-Z_]+)\]\]", lambda m: values[m.group(1)], prompt)
    return out


# ---------------------------------------------------------------------------------------------
# purchase_order_matching
#   prompt (with optional [[PO_TOTAL]] / [[INV_TOTAL]] placeholders, filled as 1,234.56), the PO
#   number, PO lines and invoice lines as (sku, qty, unit price) and the hand-written expected
#   discrepancies (recomputed and compared).
# ---------------------------------------------------------------------------------------------
Q, P, MISS, EXTRA = "quantity_mismatch", "price_mismatch", "missing_on_invoice", "not_on_po"

PO_MATCHING = [
    dict(prompt=(
        "Hi AP team - can you check Grainger's invoice against our PO before I approve it? Need "
        "to know if anything's off.\n\n"
        "Purchase Order 4500018832 | Vendor: W.W. Grainger | Ship-to: Plant 3, Toledo OH\n"
        "Item  Material  Description                        Qty  UoM  Net Price\n"
        "10    5LW55     Safety glasses, clear, anti-fog    48   EA   6.85\n"
        "20    3NKA7     Nitrile gloves, L, box of 100      20   BX   14.20\n"
        "30    1FYX4     Hi-vis vest, class 2, XL           12   EA   11.49\n"
        "PO value: USD [[PO_TOTAL]]\n\n"
        "Grainger invoice 9871245530, ref PO 4500018832\n"
        "5LW55   SAFETY GLASSES CLR ANTIFOG   48 EA  @ 6.85\n"
        "3NKA7   GLOVES NITRILE L 100/BX      20 BX  @ 14.20\n"
        "1FYX4   VEST HI-VIS CL2 XL           12 EA  @ 11.49\n"
        "Invoice amount: USD [[INV_TOTAL]]"),
        po="4500018832",
        po_lines=[("5LW55", 48, "6.85"), ("3NKA7", 20, "14.20"), ("1FYX4", 12, "11.49")],
        inv_lines=[("5LW55", 48, "6.85"), ("3NKA7", 20, "14.20"), ("1FYX4", 12, "11.49")],
        issues=[]),
    dict(prompt=(
        "Three-way match is failing on this one, what's different?\n\n"
        "**PO-2024-0117** (Bayside Dental Supply -> Northshore Family Dentistry)\n\n"
        "| SKU | Item | Qty | Unit $ |\n|---|---|---|---|\n"
        "| HS-1011 | Prophy paste, mint, 200 cups | 4 | 38.50 |\n"
        "| HS-2250 | Saliva ejectors, 100/bag | 10 | 7.95 |\n"
        "| HS-3307 | Exam gloves, nitrile, M | 15 | 11.40 |\n"
        "| HS-4120 | Bib clips, autoclavable | 6 | 9.99 |\n\n"
        "Total: $[[PO_TOTAL]]\n\n"
        "**Invoice BDS-55821** (for PO-2024-0117)\n\n"
        "| SKU | Item | Qty | Unit $ |\n|---|---|---|---|\n"
        "| HS-1011 | Prophy paste, mint, 200 cups | 4 | 38.50 |\n"
        "| HS-2250 | Saliva ejectors, 100/bag | 10 | 7.95 |\n"
        "| HS-3307 | Exam gloves, nitrile, M | 9 | 11.40 |\n"
        "| HS-4120 | Bib clips, autoclavable | 6 | 9.99 |\n\n"
        "Amount due: $[[INV_TOTAL]]"),
        po="PO-2024-0117",
        po_lines=[("HS-1011", 4, "38.50"), ("HS-2250", 10, "7.95"), ("HS-3307", 15, "11.40"),
                  ("HS-4120", 6, "9.99")],
        inv_lines=[("HS-1011", 4, "38.50"), ("HS-2250", 10, "7.95"), ("HS-3307", 9, "11.40"),
                   ("HS-4120", 6, "9.99")],
        issues=[("HS-3307", Q)]),
    dict(prompt=(
        "po_number,line,sku,description,qty,unit_price\n"
        "PO-77310,1,CBL-C6-25,Cat6 patch cable 25ft blue,40,6.79\n"
        "PO-77310,2,SW-24G-POE,24-port gigabit PoE switch,2,389.00\n"
        "PO-77310,3,RJ45-100,RJ45 connectors (100 pk),5,12.50\n"
        "PO-77310,4,KS-C6-BLU,Cat6 keystone jack blue,60,2.35\n\n"
        "invoice_no,po_ref,sku,qty,unit_price\n"
        "INV-30418,PO-77310,SW-24G-POE,2,412.00\n"
        "INV-30418,PO-77310,CBL-C6-25,40,6.79\n"
        "INV-30418,PO-77310,KS-C6-BLU,60,2.35\n"
        "INV-30418,PO-77310,RJ45-100,5,12.50\n\n"
        "Compare the supplier invoice to our PO export above and flag any differences."),
        po="PO-77310",
        po_lines=[("CBL-C6-25", 40, "6.79"), ("SW-24G-POE", 2, "389.00"), ("RJ45-100", 5, "12.50"),
                  ("KS-C6-BLU", 60, "2.35")],
        inv_lines=[("SW-24G-POE", 2, "412.00"), ("CBL-C6-25", 40, "6.79"),
                   ("KS-C6-BLU", 60, "2.35"), ("RJ45-100", 5, "12.50")],
        issues=[("SW-24G-POE", P)]),
    dict(prompt=(
        "From: orders@harborlinenco.com\nSubject: Invoice 2024-1183 for your PO HL-5521\n\n"
        "Hi Marisol, please find our invoice below. The 54x54 tablecloths are backordered, so we "
        "shipped the 60x60 instead at the same price as a courtesy.\n\n"
        "Invoice 2024-1183 - PO HL-5521\n"
        "- NAP-2020-WHT  Napkins 20x20 white, dozen   x 25   $18.00\n"
        "- TC-6060-WHT   Tablecloth 60x60 white        x 30   $9.75\n"
        "- RUN-1472-BLK  Table runner 14x72 black      x 12   $6.40\n"
        "Total $[[INV_TOTAL]]\n\n"
        "Our PO HL-5521 (sent 3/4):\n"
        "NAP-2020-WHT  Napkins 20x20 white, dozen   25 @ 18.00\n"
        "TC-5454-WHT   Tablecloth 54x54 white       30 @ 9.75\n"
        "RUN-1472-BLK  Table runner 14x72 black     12 @ 6.40\n"
        "PO total $[[PO_TOTAL]]\n\n"
        "Does the invoice match the PO? List discrepancies by SKU."),
        po="HL-5521",
        po_lines=[("NAP-2020-WHT", 25, "18.00"), ("TC-5454-WHT", 30, "9.75"),
                  ("RUN-1472-BLK", 12, "6.40")],
        inv_lines=[("NAP-2020-WHT", 25, "18.00"), ("TC-6060-WHT", 30, "9.75"),
                   ("RUN-1472-BLK", 12, "6.40")],
        issues=[("TC-5454-WHT", MISS), ("TC-6060-WHT", EXTRA)]),
    dict(prompt=(
        "PURCHASE ORDER                                   NO. 24-00931\n"
        "Bill to: Cedar Ridge Middle School, Attn: Front Office\n"
        "Vendor: School Specialty\n"
        "------------------------------------------------------------------\n"
        "LN  ITEM #     DESCRIPTION                        QTY   UNIT PRICE\n"
        " 1  088412     Composition books, wide rule       200         1.29\n"
        " 2  1592203    #2 pencils, 12 ct                  150         2.19\n"
        " 3  2061918    Glue sticks, 0.28 oz, 30 pk         24        11.59\n"
        "                                       ORDER TOTAL     [[PO_TOTAL]]\n\n"
        "INVOICE 6620194-00     Customer PO: 24-00931     Terms: Net 30\n"
        " 088412   COMPOSITION BOOK WIDE RULE    200 EA     1.29\n"
        " 1592203  PENCIL #2 12CT                150 PK     2.19\n"
        " 2061918  GLUE STICK .28OZ 30PK          24 PK    11.59\n"
        " FRT100   FREIGHT - GROUND                1 EA    48.75\n"
        "                                  INVOICE TOTAL   [[INV_TOTAL]]\n\n"
        "po vs invoice - any problems?"),
        po="24-00931",
        po_lines=[("088412", 200, "1.29"), ("1592203", 150, "2.19"), ("2061918", 24, "11.59")],
        inv_lines=[("088412", 200, "1.29"), ("1592203", 150, "2.19"), ("2061918", 24, "11.59"),
                   ("FRT100", 1, "48.75")],
        issues=[("FRT100", EXTRA)]),
    dict(prompt=(
        "Can you match Sysco's invoice to PO #RS-3390 for the Elm Street kitchen? Want to know "
        "before the weekly cutoff.\n\n"
        "PO #RS-3390 - Elm Street Bistro\n"
        "* 4417392  Olive oil, extra virgin, 3L tin - 6 @ $34.20\n"
        "* 5120087  Kosher salt, 3 lb box - 12 @ $4.15\n"
        "* 7034011  San Marzano tomatoes, #10 can - 18 @ $9.80\n"
        "* 1180456  Parchment sheets, half-sheet, 1000 ct - 2 @ $41.00\n\n"
        "Sysco invoice 883104572 (cust PO RS-3390)\n"
        "4417392  OIL OLIVE XVRGN 3L        6   34.20\n"
        "5120087  SALT KOSHER 3LB          12    4.15\n"
        "7034011  TOMATO SAN MARZANO #10   24    9.80\n"
        "1180456  PAPER PARCHMENT HALF      2   38.50"),
        po="RS-3390",
        po_lines=[("4417392", 6, "34.20"), ("5120087", 12, "4.15"), ("7034011", 18, "9.80"),
                  ("1180456", 2, "41.00")],
        inv_lines=[("4417392", 6, "34.20"), ("5120087", 12, "4.15"), ("7034011", 24, "9.80"),
                   ("1180456", 2, "38.50")],
        issues=[("7034011", Q), ("1180456", P)]),
    dict(prompt=(
        "PO 3301-FY25 went to Kestrel Print Co. on Feb 3: 500 tri-fold brochures (item KP-TRI-85, "
        "$0.62 each), 1,000 postcards (KP-PC-4X6, $0.38 each) and 4 retractable banners "
        "(KP-RB-33, $129.00 each).\n\n"
        "Their invoice KPC-20931 just came in:\n\n"
        "| Item | Qty | Price | Amount |\n|---|---|---|---|\n"
        "| KP-TRI-85 | 500 | 0.62 | 310.00 |\n"
        "| KP-PC-4X6 | 1,000 | 0.38 | 380.00 |\n"
        "| KP-RB-33 | 4 | 129.00 | 516.00 |\n"
        "| | | Total | [[INV_TOTAL]] |\n\n"
        "Is it OK to pay? Check it against the PO."),
        po="3301-FY25",
        po_lines=[("KP-TRI-85", 500, "0.62"), ("KP-PC-4X6", 1000, "0.38"), ("KP-RB-33", 4, "129.00")],
        inv_lines=[("KP-TRI-85", 500, "0.62"), ("KP-PC-4X6", 1000, "0.38"),
                   ("KP-RB-33", 4, "129.00")],
        issues=[]),
    dict(prompt=(
        "PO: PO-LAB-00462   Supplier: Fisher Scientific   Buyer: Halvorsen Biotech, Cambridge MA\n"
        "1. 02-681-339   Microcentrifuge tubes 1.5 mL, 500/pk   qty 10  $42.75\n"
        "2. 21-375D      Serological pipets 10 mL, 200/cs       qty 4   $96.10\n"
        "3. 14-222-166   Petri dishes 100x15 mm, 500/cs         qty 3   $118.40\n"
        "4. 50-213-419   Parafilm M 4 in x 125 ft               qty 2   $61.30\n"
        "5. 08-757-100D  Nitrile gloves M, 10x100               qty 6   $112.00\n"
        "6. 13-698-793   Cryovials 2 mL, 500/pk                 qty 1   $187.25\n\n"
        "Fisher invoice 3497721, customer PO PO-LAB-00462. Note: 14-222-166 on backorder, will "
        "invoice on shipment.\n"
        "02-681-339    10 PK   42.75\n"
        "21-375D        4 CS   96.10\n"
        "50-213-419     2 EA   61.30\n"
        "08-757-100D    5 CS  112.00\n"
        "13-698-793     1 PK  187.25\n\n"
        "Check the invoice vs the PO."),
        po="PO-LAB-00462",
        po_lines=[("02-681-339", 10, "42.75"), ("21-375D", 4, "96.10"), ("14-222-166", 3, "118.40"),
                  ("50-213-419", 2, "61.30"), ("08-757-100D", 6, "112.00"),
                  ("13-698-793", 1, "187.25")],
        inv_lines=[("02-681-339", 10, "42.75"), ("21-375D", 4, "96.10"), ("50-213-419", 2, "61.30"),
                   ("08-757-100D", 5, "112.00"), ("13-698-793", 1, "187.25")],
        issues=[("14-222-166", MISS), ("08-757-100D", Q)]),
    dict(prompt=(
        "Vendor portal export for our order:\n"
        "{\"po\": \"PO-88213\", \"vendor\": \"Ace Business Supply\", \"lines\": [{\"sku\": "
        "\"BRK-TN760\", \"qty\": 6, \"unit_price\": 71.99}, {\"sku\": \"HP-CF258X\", \"qty\": 3, "
        "\"unit_price\": 189.50}]}\n\n"
        "Invoice AZB-118-5521 from Ace Business Supply references PO-88213:\n"
        "BRK-TN760   Brother TN-760 toner, black   6 x 71.99\n"
        "HP-CF258X   HP 58X toner, high yield      3 x 189.50\n"
        "Total due: [[INV_TOTAL]]\n\n"
        "Run the PO/invoice match and give me status, discrepancies and both totals."),
        po="PO-88213",
        po_lines=[("BRK-TN760", 6, "71.99"), ("HP-CF258X", 3, "189.50")],
        inv_lines=[("BRK-TN760", 6, "71.99"), ("HP-CF258X", 3, "189.50")],
        issues=[]),
    dict(prompt=(
        "Note from the supplier rep: \"Effective March 1 our prices on corrugated went up 6%.\" "
        "We placed this PO on Feb 20 at the old prices. Match the invoice to the PO.\n\n"
        "PO 10442 (Uline)\n"
        "S-4122   12x12x12 corrugated box, bundle of 25   8  @ 31.00\n"
        "S-4124   16x12x8 corrugated box, bundle of 25    6  @ 29.00\n"
        "S-3411   Packing tape 2in x 110yd, case of 36    2  @ 78.00\n\n"
        "Invoice 188293041 / PO 10442\n"
        "S-4122    8  @ 32.86\n"
        "S-4124    6  @ 30.74\n"
        "S-3411    2  @ 78.00"),
        po="10442",
        po_lines=[("S-4122", 8, "31.00"), ("S-4124", 6, "29.00"), ("S-3411", 2, "78.00")],
        inv_lines=[("S-4122", 8, "32.86"), ("S-4124", 6, "30.74"), ("S-3411", 2, "78.00")],
        issues=[("S-4122", P), ("S-4124", P)]),
    dict(prompt=(
        "INVOICE # 00-71834\nP.O. # BW-1207\nBill to: Bean & Whistle Cafe, 14 Main St\n"
        "QTY DESCRIPTION ITEM UNIT PRICE\n"
        "12 Espresso beans 5lb bag BEAN-ESP-5 54.00\n"
        "8 Decaf beans 5lb bag BEAN-DEC-5 57.50\n"
        "3 Chai concentrate 32oz CHAI-32 11.25\n"
        "1 Sample: cold brew concentrate COLD-SMPL 0.00\n\n"
        "PURCHASE ORDER BW-1207 (Bean & Whistle Cafe)\n"
        "BEAN-ESP-5 x 12 @ 54.00\n"
        "BEAN-DEC-5 x 10 @ 57.50\n"
        "CHAI-32 x 3 @ 11.25\n\n"
        "pdf text got mangled, sorry. does this invoice agree with the PO?"),
        po="BW-1207",
        po_lines=[("BEAN-ESP-5", 12, "54.00"), ("BEAN-DEC-5", 10, "57.50"), ("CHAI-32", 3, "11.25")],
        inv_lines=[("BEAN-ESP-5", 12, "54.00"), ("BEAN-DEC-5", 8, "57.50"), ("CHAI-32", 3, "11.25"),
                   ("COLD-SMPL", 1, "0.00")],
        issues=[("BEAN-DEC-5", Q), ("COLD-SMPL", EXTRA)]),
    dict(prompt=(
        "Please confirm the CDW invoice matches PO 2024-IT-0338 before we release payment.\n\n"
        "PO 2024-IT-0338\n"
        "Dell Latitude 5440 laptop (CDW# 7412259) - 15 @ $1,149.00\n"
        "Dell 27in monitor P2723DE (CDW# 7003384) - 15 @ $329.99\n"
        "Dell WD19S dock (CDW# 6341277) - 15 @ $219.00\n"
        "Total $[[PO_TOTAL]]\n\n"
        "Invoice KQW8830 (PO 2024-IT-0338)\n"
        "7412259  LATITUDE 5440 I5 16GB   15   1,149.00   17,235.00\n"
        "7003384  P2723DE 27 QHD          15     329.99    4,949.85\n"
        "6341277  WD19S 130W DOCK         15     219.00    3,285.00\n"
        "Invoice total $[[INV_TOTAL]]"),
        po="2024-IT-0338",
        po_lines=[("7412259", 15, "1149.00"), ("7003384", 15, "329.99"), ("6341277", 15, "219.00")],
        inv_lines=[("7412259", 15, "1149.00"), ("7003384", 15, "329.99"),
                   ("6341277", 15, "219.00")],
        issues=[]),
    dict(prompt=(
        "ok so PO-5510 was 3x ergonomic chair (ERG-200) at 289 and 3x chair mat (MAT-4860) at "
        "54.99. invoice 1120 from OfficeWorks charged 3 chairs (ERG-200) at 289 and 2 mats "
        "(MAT-4860) at 54.99. does it match? json pls"),
        po="PO-5510",
        po_lines=[("ERG-200", 3, "289.00"), ("MAT-4860", 3, "54.99")],
        inv_lines=[("ERG-200", 3, "289.00"), ("MAT-4860", 2, "54.99")],
        issues=[("MAT-4860", Q)]),
    dict(prompt=(
        "Two-way match: PO against supplier invoice. Tab-separated, copied from NetSuite.\n\n"
        "PURCHASE ORDER #PO1893\tVendor: Pacific Fastener Supply\n"
        "Item\tQty\tRate\n"
        "HB-M10-50\t400\t0.42\n"
        "NUT-M10-NY\t400\t0.11\n"
        "WSH-M10-FL\t800\t0.05\n"
        "THR-ROD-M10\t25\t6.80\n"
        "ANC-WDG-12\t150\t1.95\n\n"
        "BILL #PFS-77102\tMemo: PO1893\n"
        "Item\tQty\tRate\n"
        "ANC-WDG-12\t150\t1.95\n"
        "THR-ROD-M10\t25\t6.80\n"
        "WSH-M10-FL\t800\t0.05\n"
        "NUT-M10-NY\t400\t0.11\n"
        "HB-M10-50\t400\t0.42"),
        po="PO1893",
        po_lines=[("HB-M10-50", 400, "0.42"), ("NUT-M10-NY", 400, "0.11"), ("WSH-M10-FL", 800, "0.05"),
                  ("THR-ROD-M10", 25, "6.80"), ("ANC-WDG-12", 150, "1.95")],
        inv_lines=[("ANC-WDG-12", 150, "1.95"), ("THR-ROD-M10", 25, "6.80"),
                   ("WSH-M10-FL", 800, "0.05"), ("NUT-M10-NY", 400, "0.11"),
                   ("HB-M10-50", 400, "0.42")],
        issues=[]),
    dict(prompt=(
        "Partial invoice (shipment 1 of 2) from Midwest Lumber for PO ML-2207. The rest ships "
        "next week. Compare to the PO and list what doesn't line up.\n\n"
        "PO ML-2207, Hollis Custom Homes, Lot 14\n"
        "  2X4-8-SPF     2x4x8 SPF stud             320  @  4.18\n"
        "  2X6-12-SYP    2x6x12 SYP #2              90   @  11.47\n"
        "  OSB-716       OSB 7/16 4x8 sheathing     64   @  16.85\n"
        "  LVL-1175-20   LVL 1-3/4 x 11-7/8 x 20ft  4    @  142.00\n"
        "  JH-210        Joist hanger 2x10          60   @  1.89\n\n"
        "Invoice 550918 (PO ML-2207), shipment 1\n"
        "  2X4-8-SPF     320  @  4.18\n"
        "  OSB-716       64   @  16.85\n"
        "  JH-210        60   @  1.89"),
        po="ML-2207",
        po_lines=[("2X4-8-SPF", 320, "4.18"), ("2X6-12-SYP", 90, "11.47"), ("OSB-716", 64, "16.85"),
                  ("LVL-1175-20", 4, "142.00"), ("JH-210", 60, "1.89")],
        inv_lines=[("2X4-8-SPF", 320, "4.18"), ("OSB-716", 64, "16.85"), ("JH-210", 60, "1.89")],
        issues=[("2X6-12-SYP", MISS), ("LVL-1175-20", MISS)]),
    dict(prompt=(
        "Invoice from Bright Horizons Floral (INV 4471) for the gala, our PO GALA-24-07:\n"
        "  CTR-PEONY   Peony centerpiece       x 20   $65.00   $1,300.00\n"
        "  BUD-ROSE    Bud vase, garden rose   x 40   $18.00   $720.00\n"
        "  ARCH-FULL   Ceremony arch florals   x 1    $950.00  $950.00\n"
        "  DLV-SETUP   Delivery and setup      x 1    $150.00  $150.00\n"
        "  Total                                                $[[INV_TOTAL]]\n\n"
        "What we ordered (PO GALA-24-07): 20 peony centerpieces CTR-PEONY at $65 each, 40 rose "
        "bud vases BUD-ROSE at $16 each, one full ceremony arch ARCH-FULL at $950. Delivery was "
        "supposed to be included.\n\nMatch them up."),
        po="GALA-24-07",
        po_lines=[("CTR-PEONY", 20, "65.00"), ("BUD-ROSE", 40, "16.00"), ("ARCH-FULL", 1, "950.00")],
        inv_lines=[("CTR-PEONY", 20, "65.00"), ("BUD-ROSE", 40, "18.00"),
                   ("ARCH-FULL", 1, "950.00"), ("DLV-SETUP", 1, "150.00")],
        issues=[("BUD-ROSE", P), ("DLV-SETUP", EXTRA)]),
    dict(prompt=(
        "Reviewing AP exceptions. PO 7719 (McMaster-Carr) vs their invoice 60931852.\n\n"
        "PO 7719:\n"
        "  91251A540  Socket head screw 1/4-20 x 1\", pk 50   qty 4   ea 12.64\n"
        "  6655K14    Ball bearing, 5/8\" shaft               qty 10  ea 9.21\n"
        "  1346K17    Linear shaft 5/8\" x 24\"                qty 2   ea 48.37\n\n"
        "Invoice 60931852:\n"
        "  91251A540  4   12.64\n"
        "  6655K14    12  9.21\n"
        "  1346K17    2   47.73\n\n"
        "List the discrepancies and totals as JSON."),
        po="7719",
        po_lines=[("91251A540", 4, "12.64"), ("6655K14", 10, "9.21"), ("1346K17", 2, "48.37")],
        inv_lines=[("91251A540", 4, "12.64"), ("6655K14", 12, "9.21"), ("1346K17", 2, "47.73")],
        issues=[("6655K14", Q), ("1346K17", P)]),
    dict(prompt=(
        "Hey, quick one. Janitorial order PO-JAN-0412 from CleanPro:\n"
        "- CP-TT-1000 jumbo toilet tissue, case: 10 cases at 52.40\n"
        "- CP-HT-800 hand towel roll, case: 8 cases at 47.15\n"
        "- CP-LN-4045 can liners 40-45 gal, case: 6 cases at 38.90\n\n"
        "Their bill (#CP-90217, ref PO-JAN-0412) says:\n"
        "- CP-TT-1000: 10 cs @ 52.40\n"
        "- CP-HT-800: 8 cs @ 47.15\n"
        "- CP-LN-4045: 6 cs @ 38.90\n"
        "- CP-FUEL: fuel surcharge 1 @ 12.50\n\n"
        "Anything wrong?"),
        po="PO-JAN-0412",
        po_lines=[("CP-TT-1000", 10, "52.40"), ("CP-HT-800", 8, "47.15"), ("CP-LN-4045", 6, "38.90")],
        inv_lines=[("CP-TT-1000", 10, "52.40"), ("CP-HT-800", 8, "47.15"),
                   ("CP-LN-4045", 6, "38.90"), ("CP-FUEL", 1, "12.50")],
        issues=[("CP-FUEL", EXTRA)]),
    dict(prompt=(
        "Match check for accounts payable.\n\n"
        "=== PURCHASE ORDER ===\nNumber: PO/2025/0093\nSupplier: Northwind Coffee Roasters\n"
        "Lines:\n"
        "  NW-HOUSE-2LB   House blend, 2 lb     qty 24   unit 21.50\n"
        "  NW-COLD-1GAL   Cold brew, 1 gal      qty 6    unit 18.75\n"
        "  NW-OAT-HALF    Oat milk, half gal    qty 36   unit 3.89\n"
        "Order total: [[PO_TOTAL]]\n\n"
        "=== SUPPLIER INVOICE ===\nNumber: NCR-11820   Your PO: PO/2025/0093\n"
        "  NW-HOUSE-2LB   qty 24   unit 21.50\n"
        "  NW-COLD-1GAL   qty 6    unit 18.75\n"
        "  NW-OAT-HALF    qty 36   unit 3.98\n"
        "Invoice total: [[INV_TOTAL]]"),
        po="PO/2025/0093",
        po_lines=[("NW-HOUSE-2LB", 24, "21.50"), ("NW-COLD-1GAL", 6, "18.75"),
                  ("NW-OAT-HALF", 36, "3.89")],
        inv_lines=[("NW-HOUSE-2LB", 24, "21.50"), ("NW-COLD-1GAL", 6, "18.75"),
                   ("NW-OAT-HALF", 36, "3.98")],
        issues=[("NW-OAT-HALF", P)]),
    dict(prompt=(
        "The vet clinic's PO VC-3318 to Covetrus:\n"
        "  CV-04021  Syringes 3 mL luer lock, 100/bx   5 bx   @ 14.60\n"
        "  CV-11873  Exam table paper 18in             4 rl   @ 22.35\n"
        "  CV-30055  Surgical masks, 50/bx             10 bx  @ 6.99\n"
        "  CV-50210  Chlorhexidine scrub 1 gal         2 ea   @ 39.80\n\n"
        "Covetrus invoice 7005521348 lists CV-04021 5 @ 14.60, CV-11873 4 @ 22.35, CV-30055 "
        "15 @ 6.99 and CV-50210 2 @ 39.80, plus CV-90001 hazmat fee 1 @ 8.00.\n\n"
        "Does this invoice agree with the PO? Give po_number, status, discrepancies, po_total, "
        "invoice_total."),
        po="VC-3318",
        po_lines=[("CV-04021", 5, "14.60"), ("CV-11873", 4, "22.35"), ("CV-30055", 10, "6.99"),
                  ("CV-50210", 2, "39.80")],
        inv_lines=[("CV-04021", 5, "14.60"), ("CV-11873", 4, "22.35"), ("CV-30055", 15, "6.99"),
                   ("CV-50210", 2, "39.80"), ("CV-90001", 1, "8.00")],
        issues=[("CV-30055", Q), ("CV-90001", EXTRA)]),
    dict(prompt=(
        "Before I sign off: PO 88-4410 vs invoice SB-2291 from Summit Brewing Supply.\n\n"
        "PO 88-4410\nItem code | Description | Qty | Unit price\n"
        "MALT-2ROW-50 | 2-row pale malt, 50 lb | 30 | 44.00\n"
        "HOP-CASC-1 | Cascade pellets, 1 lb | 12 | 13.25\n"
        "YST-US05-500 | Dry ale yeast, 500 g | 4 | 86.50\n\n"
        "Invoice SB-2291 (PO 88-4410)\nItem code | Qty | Unit price\n"
        "MALT-2ROW-50 | 30 | 44.00\n"
        "HOP-CASC-1 | 12 | 13.25\n"
        "YST-US05-500 | 4 | 86.50\n"
        "Balance due: [[INV_TOTAL]]"),
        po="88-4410",
        po_lines=[("MALT-2ROW-50", 30, "44.00"), ("HOP-CASC-1", 12, "13.25"),
                  ("YST-US05-500", 4, "86.50")],
        inv_lines=[("MALT-2ROW-50", 30, "44.00"), ("HOP-CASC-1", 12, "13.25"),
                   ("YST-US05-500", 4, "86.50")],
        issues=[]),
    dict(prompt=(
        "PO #: 4500021977\nVendor: Applied Industrial Technologies\n"
        "Ln 10  6205-2RS bearing          SKU AIT-6205RS   Qty 40   Price 7.15\n"
        "Ln 20  V-belt B52                SKU AIT-B52      Qty 12   Price 18.60\n"
        "Ln 30  Grease cartridge 14 oz    SKU AIT-GR14     Qty 24   Price 5.45\n"
        "Ln 40  Shaft collar 1in          SKU AIT-SC100    Qty 16   Price 4.90\n\n"
        "Invoice 7731-0045 (PO 4500021977)\n"
        "AIT-6205RS   Qty 40   Price 7.15\n"
        "AIT-B52      Qty 10   Price 18.60\n"
        "AIT-GR14     Qty 24   Price 5.95\n"
        "AIT-SC100    Qty 16   Price 4.90\n\n"
        "Flag every line where the invoice differs from the PO."),
        po="4500021977",
        po_lines=[("AIT-6205RS", 40, "7.15"), ("AIT-B52", 12, "18.60"), ("AIT-GR14", 24, "5.45"),
                  ("AIT-SC100", 16, "4.90")],
        inv_lines=[("AIT-6205RS", 40, "7.15"), ("AIT-B52", 10, "18.60"), ("AIT-GR14", 24, "5.95"),
                   ("AIT-SC100", 16, "4.90")],
        issues=[("AIT-B52", Q), ("AIT-GR14", P)]),
    dict(prompt=(
        "Our PO PRJ-118 to Lumen AV Rentals listed two items: PTZ camera rental (SKU AV-PTZ-DAY) x 3 "
        "days at $175.00/day, and a wireless lav kit (SKU AV-LAV-4) x 3 days at $95.00/day.\n\n"
        "Invoice LAV-6023 for PRJ-118:\n"
        "AV-PTZ-DAY   3   175.00   525.00\n"
        "AV-LAV-4     3    95.00   285.00\n"
        "TOTAL                     810.00\n\n"
        "Check whether the invoice and PO agree."),
        po="PRJ-118",
        po_lines=[("AV-PTZ-DAY", 3, "175.00"), ("AV-LAV-4", 3, "95.00")],
        inv_lines=[("AV-PTZ-DAY", 3, "175.00"), ("AV-LAV-4", 3, "95.00")],
        issues=[]),
]


# ---------------------------------------------------------------------------------------------
# expense_categorization: (prompt, [(merchant as printed, category, amount)])
# ---------------------------------------------------------------------------------------------
EXPENSE_CATEGORIES = ["travel", "lodging", "meals", "transportation", "software",
                      "office_supplies", "utilities"]
TRV, LDG, MEL, TRN, SW, OFC, UTL = EXPENSE_CATEGORIES

EXPENSES = [
    ("Can you code these for my expense report? Categories: travel, lodging, meals, "
     "transportation, software, office_supplies, utilities.\n\n"
     "Trans Date  Description                              Amount\n"
     "03/04       SOUTHWEST AIR 5262188840113 DALLAS TX    $348.96\n"
     "03/06       HYATT REGENCY AUSTIN AUSTIN TX           $612.40\n"
     "03/06       TST* TORCHYS TACOS AUSTIN TX             $18.72\n"
     "03/07       CHEVRON 0207341 AUSTIN TX                $41.15\n"
     "03/07       CURB SVC NYC TAXI LONG ISLAND CI NY      $23.61",
     [("SOUTHWEST AIR 5262188840113 DALLAS TX", TRV, "348.96"),
      ("HYATT REGENCY AUSTIN AUSTIN TX", LDG, "612.40"),
      ("TST* TORCHYS TACOS AUSTIN TX", MEL, "18.72"),
      ("CHEVRON 0207341 AUSTIN TX", TRN, "41.15"),
      ("CURB SVC NYC TAXI LONG ISLAND CI NY", TRN, "23.61")]),
    ("Expense report - Priya Venkataraman, client visit Denver, Oct 14-16\n\n"
     "1. Oct 14  UNITED 0162339481200 - $412.30 (SFO-DEN)\n"
     "2. Oct 14  SQ *ULTREIA DENVER CO - $64.80 (dinner w/ client)\n"
     "3. Oct 14  THE CRAWFORD HOTEL DENVER CO - $689.25 (2 nights)\n"
     "4. Oct 15  UBER *TRIP HELP.UBER.COM - $19.44\n"
     "5. Oct 16  UBER *EATS HELP.UBER.COM - $27.90\n"
     "6. Oct 16  DENVER AIRPORT PARKING - $54.00\n\n"
     "Please assign each line a category and give me totals by category.",
     [("UNITED 0162339481200", TRV, "412.30"),
      ("SQ *ULTREIA DENVER CO", MEL, "64.80"),
      ("THE CRAWFORD HOTEL DENVER CO", LDG, "689.25"),
      ("UBER *TRIP HELP.UBER.COM", TRN, "19.44"),
      ("UBER *EATS HELP.UBER.COM", MEL, "27.90"),
      ("DENVER AIRPORT PARKING", TRN, "54.00")]),
    ("Date,Merchant,Amount,Card,Memo\n"
     "2024-05-01,Slack Technologies,87.50,*4471,team plan\n"
     "2024-05-01,Atlassian,210.00,*4471,Jira + Confluence\n"
     "2024-05-02,Figma,45.00,*4471,\n"
     "2024-05-03,1Password,39.95,*4471,business vault\n"
     "2024-05-06,AT&T Business,164.22,*4471,office internet\n"
     "2024-05-09,W.B. Mason,73.18,*4471,printer paper + pens\n\n"
     "Categorize each card transaction and total by category.",
     [("Slack Technologies", SW, "87.50"), ("Atlassian", SW, "210.00"), ("Figma", SW, "45.00"),
      ("1Password", SW, "39.95"), ("AT&T Business", UTL, "164.22"),
      ("W.B. Mason", OFC, "73.18")]),
    ("Here's what hit the company Amex this week, need the GL coding:\n\n"
     "Merchant / Location                     Date      Amount\n"
     "PG&E WEB ONLINE / SAN FRANCISCO CA      06/03     $1,284.67\n"
     "SPECTRUM BUSINESS / 855-707-7328 MO     06/04     $149.99\n"
     "T-MOBILE *POSTPAID / 800-937-8997 WA    06/05     $262.40\n"
     "ULINE *SHIP SUPPLIES / 800-295-5510 WI  06/05     $318.55\n"
     "SWEETGREEN MISSION / SAN FRANCISCO CA   06/06     $42.17",
     [("PG&E WEB ONLINE / SAN FRANCISCO CA", UTL, "1284.67"),
      ("SPECTRUM BUSINESS / 855-707-7328 MO", UTL, "149.99"),
      ("T-MOBILE *POSTPAID / 800-937-8997 WA", UTL, "262.40"),
      ("ULINE *SHIP SUPPLIES / 800-295-5510 WI", OFC, "318.55"),
      ("SWEETGREEN MISSION / SAN FRANCISCO CA", MEL, "42.17")]),
    ("receipts from the offsite, can u sort them into categories + totals\n"
     "- Blue Bottle Coffee Oakland $31.50\n"
     "- Panera Bread #601188 $146.32 (team lunch)\n"
     "- Quill.com $58.49 (sticky notes, markers)\n"
     "- Grubhub*TheHalalGuys $88.10\n"
     "- Exxon Mobil 4471 $36.02",
     [("Blue Bottle Coffee Oakland", MEL, "31.50"), ("Panera Bread #601188", MEL, "146.32"),
      ("Quill.com", OFC, "58.49"), ("Grubhub*TheHalalGuys", MEL, "88.10"),
      ("Exxon Mobil 4471", TRN, "36.02")]),
    ("Bookkeeping for March (Northbeam Studio LLC):\n\n"
     "03/01  AMAZON WEB SERVICES AWS.AMAZON.CO WA      412.88\n"
     "03/01  DROPBOX*BUSINESS DROPBOX.COM CA            75.00\n"
     "03/02  GOOGLE *WORKSPACE_northbeam                86.40\n"
     "03/05  MICROSOFT*365 BUSINESS MSBILL.INFO WA      66.00\n"
     "03/11  CON EDISON BILL PAYMENT NEW YORK NY       203.77\n"
     "03/14  VERIZON FIOS BUSINESS 800-837-4966 NY     109.99\n"
     "03/20  JETBRAINS S.R.O. PRAHA                    289.00\n\n"
     "Categorize and sum by category.",
     [("AMAZON WEB SERVICES AWS.AMAZON.CO WA", SW, "412.88"),
      ("DROPBOX*BUSINESS DROPBOX.COM CA", SW, "75.00"),
      ("GOOGLE *WORKSPACE_northbeam", SW, "86.40"),
      ("MICROSOFT*365 BUSINESS MSBILL.INFO WA", SW, "66.00"),
      ("CON EDISON BILL PAYMENT NEW YORK NY", UTL, "203.77"),
      ("VERIZON FIOS BUSINESS 800-837-4966 NY", UTL, "109.99"),
      ("JETBRAINS S.R.O. PRAHA", SW, "289.00")]),
    ("Travel card statement, trip to Seattle. Note the JetBlue line is a refund for the seat "
     "upgrade we didn't get.\n\n"
     "Posted     Description                          Amount\n"
     "Aug 02     JETBLUE AIRWAYS 2792156684019        $387.20\n"
     "Aug 04     JETBLUE AIRWAYS 2792156684020        -$59.00\n"
     "Aug 04     KIMPTON HOTEL MONACO SEATTLE          $498.63\n"
     "Aug 04     SOUND TRANSIT LINK SEATTLE WA        $3.00\n"
     "Aug 05     PIKE PLACE CHOWDER SEATTLE           $24.85\n\n"
     "Code each line (travel/lodging/meals/transportation/software/office_supplies/utilities) "
     "and total per category.",
     [("JETBLUE AIRWAYS 2792156684019", TRV, "387.20"),
      ("JETBLUE AIRWAYS 2792156684020", TRV, "-59.00"),
      ("KIMPTON HOTEL MONACO SEATTLE", LDG, "498.63"),
      ("SOUND TRANSIT LINK SEATTLE WA", TRN, "3.00"),
      ("PIKE PLACE CHOWDER SEATTLE", MEL, "24.85")]),
    ("Amounts in USD.\n"
     "2024-09-10 | ALASKA AIR 0272180119932 | USD 256.40\n"
     "2024-09-10 | HAMPTON INN PORTLAND DWTN | USD 371.12\n"
     "2024-09-11 | PDX PARKING GARAGE | USD 48.00\n"
     "2024-09-11 | VOODOO DOUGHNUT OLD TOWN | USD 14.25\n"
     "2024-09-12 | ARCO #82291 TIGARD OR | USD 52.60\n\n"
     "Assign expense categories and totals, JSON please.",
     [("ALASKA AIR 0272180119932", TRV, "256.40"), ("HAMPTON INN PORTLAND DWTN", LDG, "371.12"),
      ("PDX PARKING GARAGE", TRN, "48.00"), ("VOODOO DOUGHNUT OLD TOWN", MEL, "14.25"),
      ("ARCO #82291 TIGARD OR", TRN, "52.60")]),
    ("Which category does each of these go under, and what are the totals?\n\n"
     "  Jan 3   OFFICEMAX/DEPOT 6153 ROCKVILLE MD   $129.34\n"
     "  Jan 3   PAPER SOURCE #112 BETHESDA MD       $22.48\n"
     "  Jan 8   WSSC WATER ONLINE PMT               $96.31\n"
     "  Jan 9   PEPCO BILL PAY                      $341.70\n"
     "  Jan 15  CANVA* I04127-9983                  $119.99",
     [("OFFICEMAX/DEPOT 6153 ROCKVILLE MD", OFC, "129.34"),
      ("PAPER SOURCE #112 BETHESDA MD", OFC, "22.48"),
      ("WSSC WATER ONLINE PMT", UTL, "96.31"), ("PEPCO BILL PAY", UTL, "341.70"),
      ("CANVA* I04127-9983", SW, "119.99")]),
    ("Marcus's receipts from the Chicago trade show (he texted them, sorry for the format):\n"
     "american airlines 0012183399201 - 318.40\n"
     "palmer house hilton chicago - 1,046.88\n"
     "portillos hot dogs chicago - 23.17\n"
     "divvy bikes chicago - 15.00\n"
     "lou malnatis pizzeria - 71.35\n"
     "chicago taxi cab 4412 - 32.00\n"
     "fedex office 1402 print job - 86.21\n\n"
     "Code them + category totals.",
     [("american airlines 0012183399201", TRV, "318.40"),
      ("palmer house hilton chicago", LDG, "1046.88"),
      ("portillos hot dogs chicago", MEL, "23.17"), ("divvy bikes chicago", TRN, "15.00"),
      ("lou malnatis pizzeria", MEL, "71.35"), ("chicago taxi cab 4412", TRN, "32.00"),
      ("fedex office 1402 print job", OFC, "86.21")]),
    ("Only three charges this month:\n"
     "NOTION LABS, INC. 415-800-4141 CA  $96.00\n"
     "ZENDESK INC SAN FRANCISCO CA  $345.00\n"
     "INTUIT *QBOOKS ONLINE CL.INTUIT.COM CA  $90.00\n\n"
     "Categorize + total.",
     [("NOTION LABS, INC. 415-800-4141 CA", SW, "96.00"),
      ("ZENDESK INC SAN FRANCISCO CA", SW, "345.00"),
      ("INTUIT *QBOOKS ONLINE CL.INTUIT.COM CA", SW, "90.00")]),
    ("Corporate card - Dana Whitfield - statement period 11/01-11/30\n"
     "Ref      Date   Merchant                               Amount\n"
     "00418    11/02  FRONTIER AIRLINES DENVER CO             $142.98\n"
     "00419    11/02  FRONTIER AIRLINES DENVER CO             $55.00\n"
     "00431    11/05  EXTENDED STAY AMERICA 9124 PHOENIX AZ   $304.50\n"
     "00433    11/05  IN-N-OUT BURGER #221 PHOENIX AZ         $11.87\n"
     "00440    11/06  CIRCLE K 2741932 TEMPE AZ               $38.44\n"
     "00447    11/07  LOOP PARKING PHX SKY HARBOR             $36.00\n"
     "00452    11/07  COX COMMUNICATIONS BUSINESS             $189.00\n\n"
     "Categorize each transaction and sum by category. (The second Frontier charge is the bag fee.)",
     [("FRONTIER AIRLINES DENVER CO", TRV, "142.98"), ("FRONTIER AIRLINES DENVER CO", TRV, "55.00"),
      ("EXTENDED STAY AMERICA 9124 PHOENIX AZ", LDG, "304.50"),
      ("IN-N-OUT BURGER #221 PHOENIX AZ", MEL, "11.87"), ("CIRCLE K 2741932 TEMPE AZ", TRN, "38.44"),
      ("LOOP PARKING PHX SKY HARBOR", TRN, "36.00"),
      ("COX COMMUNICATIONS BUSINESS", UTL, "189.00")]),
    ("{\"transactions\": [\n"
     "  {\"date\": \"2025-02-03\", \"merchant\": \"E-ZPASS NY REBILL\", \"amount\": 50.00},\n"
     "  {\"date\": \"2025-02-03\", \"merchant\": \"SHAKE SHACK GRAND CENTRAL\", \"amount\": 21.46},\n"
     "  {\"date\": \"2025-02-04\", \"merchant\": \"MTA*NYCT PAYGO\", \"amount\": 2.90},\n"
     "  {\"date\": \"2025-02-04\", \"merchant\": \"CITIZENM NEW YORK TIMES SQ\", \"amount\": 279.00}\n"
     "]}\n\nExpense-code the transactions above, with totals by category.",
     [("E-ZPASS NY REBILL", TRN, "50.00"), ("SHAKE SHACK GRAND CENTRAL", MEL, "21.46"),
      ("MTA*NYCT PAYGO", TRN, "2.90"), ("CITIZENM NEW YORK TIMES SQ", LDG, "279.00")]),
    ("Need this coded for the books by Friday:\n\n"
     "DATE        DESCRIPTION                      DEBIT\n"
     "07/15/2024  XFINITY MOBILE 888-936-4968      $120.00\n"
     "07/15/2024  DUKE ENERGY PROGRESS CHARLOTTE   $412.06\n"
     "07/16/2024  HARRIS TEETER #0142 DELI         $15.38\n"
     "07/18/2024  STAPLES PRINT & MARKETING        $64.70\n"
     "07/19/2024  HUBSPOT INC CAMBRIDGE MA         $890.00\n"
     "07/22/2024  WENDY'S #5521 RALEIGH NC         $9.63\n"
     "07/23/2024  BP#9514331 CARY NC               $47.29\n"
     "07/25/2024  HOLIDAY INN EXP ASHEVILLE        $189.36\n"
     "07/29/2024  SPIRIT AIRL 4870221334415        $126.48",
     [("XFINITY MOBILE 888-936-4968", UTL, "120.00"),
      ("DUKE ENERGY PROGRESS CHARLOTTE", UTL, "412.06"),
      ("HARRIS TEETER #0142 DELI", MEL, "15.38"), ("STAPLES PRINT & MARKETING", OFC, "64.70"),
      ("HUBSPOT INC CAMBRIDGE MA", SW, "890.00"), ("WENDY'S #5521 RALEIGH NC", MEL, "9.63"),
      ("BP#9514331 CARY NC", TRN, "47.29"), ("HOLIDAY INN EXP ASHEVILLE", LDG, "189.36"),
      ("SPIRIT AIRL 4870221334415", TRV, "126.48")]),
    ("Two lines from Sam's reimbursement request - categorize and total:\n"
     "VRBO 3 NIGHTS LAKE TAHOE  $1,212.00\n"
     "SAFEWAY FUEL #1827 TRUCKEE  $61.19",
     [("VRBO 3 NIGHTS LAKE TAHOE", LDG, "1212.00"),
      ("SAFEWAY FUEL #1827 TRUCKEE", TRN, "61.19")]),
    ("Expense lines pulled from Expensify:\n\n"
     "Merchant: Hertz Fuel Replacement | Amount: $74.12 | Date: 4/18\n"
     "Merchant: Courtyard by Marriott Boise | Amount: $233.40 | Date: 4/18\n"
     "Merchant: Boise Fry Company | Amount: $16.25 | Date: 4/18\n"
     "Merchant: Calendly | Amount: $16.00 | Date: 4/19\n"
     "Merchant: Southwest Airlines EarlyBird | Amount: $25.00 | Date: 4/16\n\n"
     "Categorize (travel, lodging, meals, transportation, software, office_supplies, utilities) "
     "and total.",
     [("Hertz Fuel Replacement", TRN, "74.12"), ("Courtyard by Marriott Boise", LDG, "233.40"),
      ("Boise Fry Company", MEL, "16.25"), ("Calendly", SW, "16.00"),
      ("Southwest Airlines EarlyBird", TRV, "25.00")]),
    ("Statement excerpt:\n"
     "05/02  LA COLOMBE COFFEE PHILADELPHIA PA  5.75\n"
     "05/02  LA COLOMBE COFFEE PHILADELPHIA PA  5.75\n"
     "05/03  SEPTA KEY TICKET PHILADELPHIA      2.50\n"
     "05/03  REDDING TERMINAL MKT DINIC'S       14.50\n"
     "05/06  PECO ENERGY ONLINE                 156.91\n"
     "(yes the coffee was charged twice - two of us)\n\n"
     "Code each line and sum by category.",
     [("LA COLOMBE COFFEE PHILADELPHIA PA", MEL, "5.75"),
      ("LA COLOMBE COFFEE PHILADELPHIA PA", MEL, "5.75"),
      ("SEPTA KEY TICKET PHILADELPHIA", TRN, "2.50"),
      ("REDDING TERMINAL MKT DINIC'S", MEL, "14.50"), ("PECO ENERGY ONLINE", UTL, "156.91")]),
    ("Hi! I'm new to the bookkeeping side - can you tell me which expense category each of "
     "these is, and the total for each category?\n\n"
     "* Mailchimp monthly - $299.00\n"
     "* Squarespace annual renewal - $276.00\n"
     "* Vistaprint business cards (office) - $39.98\n"
     "* Lowe's Home Centers - extension cords for the office - $27.94\n"
     "* Spotify for Business - $26.99",
     [("Mailchimp monthly", SW, "299.00"), ("Squarespace annual renewal", SW, "276.00"),
      ("Vistaprint business cards (office)", OFC, "39.98"),
      ("Lowe's Home Centers - extension cords for the office", OFC, "27.94"),
      ("Spotify for Business", SW, "26.99")]),
    ("p-card log, facilities dept\n"
     "10/01 GEORGIA POWER ATLANTA 2,218.45\n"
     "10/01 ATLANTA WATERSHED MGMT 612.30\n"
     "10/02 COMCAST CABLE ATL 389.00\n"
     "10/03 MARTA BREEZE CARD 45.00\n"
     "10/07 CHICK-FIL-A #01732 28.64\n"
     "10/09 QUIKTRIP #756 ATLANTA 61.03\n\n"
     "categorize & total",
     [("GEORGIA POWER ATLANTA", UTL, "2218.45"), ("ATLANTA WATERSHED MGMT", UTL, "612.30"),
      ("COMCAST CABLE ATL", UTL, "389.00"), ("MARTA BREEZE CARD", TRN, "45.00"),
      ("CHICK-FIL-A #01732", MEL, "28.64"), ("QUIKTRIP #756 ATLANTA", TRN, "61.03")]),
    ("Reimbursement request #RR-2291 (Jonah Feld, sales conference, Las Vegas)\n\n"
     "Item  Date        Vendor                          Amt\n"
     "1     2025-01-21  SPIRIT AIRLINES 4871192240183   $198.60\n"
     "2     2025-01-21  LAS VEGAS YELLOW CAB            $29.50\n"
     "3     2025-01-21  CAESARS PALACE HOTEL            $842.17\n"
     "4     2025-01-22  EGGSLUT COSMOPOLITAN            $19.95\n"
     "5     2025-01-22  CAESARS PALACE RESORT FEE       $150.00\n"
     "6     2025-01-23  LAS VEGAS MONORAIL              $15.00\n"
     "7     2025-01-23  GORDON RAMSAY HELLS KITCHEN     $212.40\n"
     "8     2025-01-24  LAS VEGAS YELLOW CAB            $31.25",
     [("SPIRIT AIRLINES 4871192240183", TRV, "198.60"), ("LAS VEGAS YELLOW CAB", TRN, "29.50"),
      ("CAESARS PALACE HOTEL", LDG, "842.17"), ("EGGSLUT COSMOPOLITAN", MEL, "19.95"),
      ("CAESARS PALACE RESORT FEE", LDG, "150.00"), ("LAS VEGAS MONORAIL", TRN, "15.00"),
      ("GORDON RAMSAY HELLS KITCHEN", MEL, "212.40"), ("LAS VEGAS YELLOW CAB", TRN, "31.25")]),
    ("Code these:\n"
     "PAYPAL *DIGITALOCEAN  $48.00\n"
     "SQ *DOWNTOWN DELI  $12.40\n"
     "GUSTO PAYROLL SOFTWARE  $80.00",
     [("PAYPAL *DIGITALOCEAN", SW, "48.00"), ("SQ *DOWNTOWN DELI", MEL, "12.40"),
      ("GUSTO PAYROLL SOFTWARE", SW, "80.00")]),
    ("Posted transactions - business checking debit card\n"
     "POS PURCHASE 02/11 BRITISH AIRWAYS 12555877410 NEW YORK NY ......... 1,126.30\n"
     "POS PURCHASE 02/12 PREMIER INN LONDON COUNTY HALL .................. 214.88\n"
     "POS PURCHASE 02/12 TFL TRAVEL CH TFL.GOV.UK/CP ..................... 11.60\n"
     "POS PURCHASE 02/13 PRET A MANGER WATERLOO .......................... 9.42\n"
     "POS PURCHASE 02/14 HEATHROW EXPRESS PADDINGTON ..................... 31.95\n\n"
     "(already converted to USD by the bank.) Categorize them and total by category.",
     [("BRITISH AIRWAYS 12555877410 NEW YORK NY", TRV, "1126.30"),
      ("PREMIER INN LONDON COUNTY HALL", LDG, "214.88"),
      ("TFL TRAVEL CH TFL.GOV.UK/CP", TRN, "11.60"), ("PRET A MANGER WATERLOO", MEL, "9.42"),
      ("HEATHROW EXPRESS PADDINGTON", TRN, "31.95")]),
]


# ---------------------------------------------------------------------------------------------
# bank_reconciliation
#   prompt (placeholders [[LEDGER_END]] / [[BANK_END]] filled as 1,234.56), the opening balance,
#   ledger and bank entries as (id, signed amount) and the matched (ledger id, bank id) pairs.
# ---------------------------------------------------------------------------------------------
BANK_REC = [
    dict(prompt=(
        "Reconcile June for us - our books vs the bank statement. Same starting balance on both: "
        "$18,420.55.\n\n"
        "OUR BOOKS (QuickBooks register)\n"
        "L1  06/02  Deposit - Inv 1041 Harmon & Sons         4,250.00\n"
        "L2  06/03  Chk 2218 Pacific Gas & Electric          -612.48\n"
        "L3  06/09  Chk 2219 Ridgeway Properties (rent)      -3,800.00\n"
        "L4  06/12  Deposit - Inv 1043 Castillo Design       1,975.00\n"
        "L5  06/20  Chk 2220 Brightline Staffing             -2,140.36\n"
        "L6  06/28  Deposit - Inv 1047 Oakmont Dental        3,120.00\n"
        "L7  06/29  Chk 2221 Summit Office Furniture         -1,488.90\n\n"
        "FIRST NATIONAL BANK - STATEMENT\n"
        "B1  06/03  DEPOSIT                                  4,250.00\n"
        "B2  06/06  CHECK 2218                               -612.48\n"
        "B3  06/10  CHECK 2219                               -3,800.00\n"
        "B4  06/13  DEPOSIT                                  1,975.00\n"
        "B5  06/16  RETURNED ITEM - NSF CASTILLO DESIGN      -1,975.00\n"
        "B6  06/16  RETURNED ITEM FEE                        -15.00\n"
        "B7  06/24  CHECK 2220                               -2,140.36\n"
        "B8  06/30  SERVICE CHARGE                           -25.00"),
        opening="18420.55",
        ledger=[("L1", "4250.00"), ("L2", "-612.48"), ("L3", "-3800.00"), ("L4", "1975.00"),
                ("L5", "-2140.36"), ("L6", "3120.00"), ("L7", "-1488.90")],
        bank=[("B1", "4250.00"), ("B2", "-612.48"), ("B3", "-3800.00"), ("B4", "1975.00"),
              ("B5", "-1975.00"), ("B6", "-15.00"), ("B7", "-2140.36"), ("B8", "-25.00")],
        pairs=[("L1", "B1"), ("L2", "B2"), ("L3", "B3"), ("L4", "B4"), ("L5", "B7")]),
    dict(prompt=(
        "Month-end rec, please. Opening balance per books and per bank: $6,210.00\n\n"
        "Cash ledger\n"
        "GL-01  2024-03-01  Check 1185 - City of Fresno (business license)   -220.00\n"
        "GL-02  2024-03-04  Deposit - cash sales                            1,345.60\n"
        "GL-03  2024-03-08  Check 1186 - Valley Produce                      -918.35\n"
        "GL-04  2024-03-15  Check 1187 - Romero Plumbing                     -452.00\n"
        "GL-05  2024-03-22  Deposit - catering, Fresno Rotary                2,400.00\n\n"
        "Bank statement (Central Valley Community Bank)\n"
        "BK-01  03/02/2024  CHECK #1185                -220.00\n"
        "BK-02  03/04/2024  BRANCH DEPOSIT             1,345.60\n"
        "BK-03  03/11/2024  CHECK #1186                -918.35\n"
        "BK-04  03/19/2024  CHECK #1187                -425.00\n"
        "BK-05  03/22/2024  MOBILE DEPOSIT             2,400.00\n"
        "BK-06  03/31/2024  MAINTENANCE FEE            -12.00\n\n"
        "(Romero's check: our clerk may have keyed it wrong, treat it as not matching.)"),
        opening="6210.00",
        ledger=[("GL-01", "-220.00"), ("GL-02", "1345.60"), ("GL-03", "-918.35"),
                ("GL-04", "-452.00"), ("GL-05", "2400.00")],
        bank=[("BK-01", "-220.00"), ("BK-02", "1345.60"), ("BK-03", "-918.35"),
              ("BK-04", "-425.00"), ("BK-05", "2400.00"), ("BK-06", "-12.00")],
        pairs=[("GL-01", "BK-01"), ("GL-02", "BK-02"), ("GL-03", "BK-03"), ("GL-05", "BK-05")]),
    dict(prompt=(
        "Opening balance (books = bank): 41,870.12\n\n"
        "ledger.csv\nid,date,memo,amount\n"
        "L1,2024-10-01,ADP payroll 10/01,-12480.55\n"
        "L2,2024-10-03,Deposit Northgate Clinic inv 3307,5600.00\n"
        "L3,2024-10-07,Check 5102 Hudson Valley Insurance,-1932.00\n"
        "L4,2024-10-15,ADP payroll 10/15,-12480.55\n"
        "L5,2024-10-30,Deposit Lakeside PT inv 3311,3275.00\n\n"
        "bank.csv\nid,date,description,amount\n"
        "B1,2024-10-01,ADP PAYROLL FEES ADP - TAX,-12480.55\n"
        "B2,2024-10-03,DEPOSIT,5600.00\n"
        "B3,2024-10-09,ACH CREDIT MERIDIAN HEALTH PLAN REMIT,4418.90\n"
        "B4,2024-10-11,CHECK 5102,-1932.00\n"
        "B5,2024-10-15,ADP PAYROLL FEES ADP - TAX,-12480.55\n"
        "B6,2024-10-31,INTEREST PAYMENT,6.84\n\n"
        "Which entries are unmatched on each side, and what are the two closing balances and the "
        "difference (bank minus books)?"),
        opening="41870.12",
        ledger=[("L1", "-12480.55"), ("L2", "5600.00"), ("L3", "-1932.00"), ("L4", "-12480.55"),
                ("L5", "3275.00")],
        bank=[("B1", "-12480.55"), ("B2", "5600.00"), ("B3", "4418.90"), ("B4", "-1932.00"),
              ("B5", "-12480.55"), ("B6", "6.84")],
        pairs=[("L1", "B1"), ("L2", "B2"), ("L3", "B4"), ("L4", "B5")]),
    dict(prompt=(
        "Starting cash, both sides: $3,000.00\n\n"
        "Our checkbook:\n"
        "  L1  Check 3301 - Maple Grove HOA dues        -250.00\n"
        "  L2  Check 3302 - Maple Grove HOA dues (lot 2) -250.00\n"
        "  L3  Deposit - tenant rent, Unit A           1,450.00\n"
        "  L4  Check 3303 - Ace Hardware               -86.17\n\n"
        "Statement from Wells Fargo:\n"
        "  B1  CHECK 3302       -250.00\n"
        "  B2  DEPOSIT          1,450.00\n"
        "  B3  CHECK 3303       -86.17\n\n"
        "Do the bank reconciliation - careful, two checks have the same amount."),
        opening="3000.00",
        ledger=[("L1", "-250.00"), ("L2", "-250.00"), ("L3", "1450.00"), ("L4", "-86.17")],
        bank=[("B1", "-250.00"), ("B2", "1450.00"), ("B3", "-86.17")],
        pairs=[("L2", "B1"), ("L3", "B2"), ("L4", "B3")]),
    dict(prompt=(
        "Books and bank both opened the month at $127,500.00.\n\n"
        "GENERAL LEDGER - CASH (1010)\n"
        "L1  09/03  Wire in - Halcyon Partners retainer       25,000.00\n"
        "L2  09/05  Check 7741 - Greenberg Traurig LLP        (8,750.00)\n"
        "L3  09/12  Check 7742 - WeWork membership            (3,600.00)\n"
        "L4  09/19  Deposit - Castell Foods settlement        14,250.00\n"
        "L5  09/26  Check 7743 - Iron Mountain                (412.80)\n\n"
        "BANK STATEMENT - JPMORGAN CHASE\n"
        "B1  09/03  INCOMING WIRE HALCYON PARTNERS LP         25,000.00\n"
        "B2  09/03  WIRE FEE                                  (15.00)\n"
        "B3  09/09  CHECK 7741                                (8,750.00)\n"
        "B4  09/15  CHECK 7742                                (3,600.00)\n"
        "B5  09/22  DEPOSIT                                   14,250.00\n"
        "B6  09/30  ACCOUNT ANALYSIS FEE                      (38.50)\n\n"
        "Reconcile. Return matched, unmatched ids for each side, both balances and "
        "the difference."),
        opening="127500.00",
        ledger=[("L1", "25000.00"), ("L2", "-8750.00"), ("L3", "-3600.00"), ("L4", "14250.00"),
                ("L5", "-412.80")],
        bank=[("B1", "25000.00"), ("B2", "-15.00"), ("B3", "-8750.00"), ("B4", "-3600.00"),
              ("B5", "14250.00"), ("B6", "-38.50")],
        pairs=[("L1", "B1"), ("L2", "B3"), ("L3", "B4"), ("L4", "B5")]),
    dict(prompt=(
        "Everything should tie out this month, can you confirm?\n\n"
        "Opening balance: $9,845.30 (same on books and statement)\n\n"
        "Books\n"
        "A1  Apr 2   Deposit - Square payout        2,118.44\n"
        "A2  Apr 5   Check 6610 - Costco Business   -734.19\n"
        "A3  Apr 9   Deposit - Square payout        1,906.02\n"
        "A4  Apr 16  Check 6611 - Sysco             -1,215.67\n\n"
        "Bank\n"
        "S1  Apr 3   SQUARE INC DES:SQ240402 CREDIT   2,118.44\n"
        "S2  Apr 8   CHECK 6610                       -734.19\n"
        "S3  Apr 10  SQUARE INC DES:SQ240409 CREDIT   1,906.02\n"
        "S4  Apr 18  CHECK 6611                       -1,215.67"),
        opening="9845.30",
        ledger=[("A1", "2118.44"), ("A2", "-734.19"), ("A3", "1906.02"), ("A4", "-1215.67")],
        bank=[("S1", "2118.44"), ("S2", "-734.19"), ("S3", "1906.02"), ("S4", "-1215.67")],
        pairs=[("A1", "S1"), ("A2", "S2"), ("A3", "S3"), ("A4", "S4")]),
    dict(prompt=(
        "Bank statement, Mountain West Credit Union, acct ending 0931\n"
        "Beginning balance 12/01  $22,064.75\n"
        "ID   Date   Description                    Withdrawals   Deposits\n"
        "B1   12/02  CHECK 4410                        1,100.00\n"
        "B2   12/04  DEPOSIT                                       3,480.00\n"
        "B3   12/09  ACH DEBIT XCEL ENERGY               287.42\n"
        "B4   12/15  CHECK 4411                          640.00\n"
        "B5   12/31  DIVIDEND                                         9.17\n"
        "Ending balance 12/31  $[[BANK_END]]\n\n"
        "Our ledger (opening $22,064.75)\n"
        "L1   12/01  Check 4410 - Granite Peak Landscaping        -1,100.00\n"
        "L2   12/03  Deposit - Aspen Ridge HOA                     3,480.00\n"
        "L3   12/08  Autopay - Xcel Energy                          -287.42\n"
        "L4   12/12  Check 4411 - Front Range Snow Removal           -640.00\n"
        "L5   12/29  Check 4412 - Boulder County Treasurer         -2,915.60\n"
        "L6   12/30  Deposit - Aspen Ridge HOA                     1,760.00\n\n"
        "Reconcile the two."),
        opening="22064.75",
        ledger=[("L1", "-1100.00"), ("L2", "3480.00"), ("L3", "-287.42"), ("L4", "-640.00"),
                ("L5", "-2915.60"), ("L6", "1760.00")],
        bank=[("B1", "-1100.00"), ("B2", "3480.00"), ("B3", "-287.42"), ("B4", "-640.00"),
              ("B5", "9.17")],
        pairs=[("L1", "B1"), ("L2", "B2"), ("L3", "B3"), ("L4", "B4")]),
    dict(prompt=(
        "hey can you do the bank rec for the food truck account? opening was 2,480.00 on both.\n\n"
        "what I have in my spreadsheet:\n"
        "L1 - bought propane, check 118, 64.50 out\n"
        "L2 - deposited cash from the farmers market, 1,215.00\n"
        "L3 - check 119 to Sal's Meats, 842.30 out\n"
        "L4 - check 120 to county health dept permit, 310.00 out\n\n"
        "what the bank app shows:\n"
        "B1 - CHECK 118, -64.50\n"
        "B2 - DEPOSIT, +1,215.00\n"
        "B3 - CHECK 119, -842.30\n"
        "B4 - TOAST PAYOUT, +1,906.75\n"
        "B5 - MONTHLY FEE, -10.00"),
        opening="2480.00",
        ledger=[("L1", "-64.50"), ("L2", "1215.00"), ("L3", "-842.30"), ("L4", "-310.00")],
        bank=[("B1", "-64.50"), ("B2", "1215.00"), ("B3", "-842.30"), ("B4", "1906.75"),
              ("B5", "-10.00")],
        pairs=[("L1", "B1"), ("L2", "B2"), ("L3", "B3")]),
    dict(prompt=(
        "Which transactions don't match between our books and the bank? Also give both closing "
        "balances.\n\n"
        "\"\"\"\nOpening balance (both): $58,300.00\n\n"
        "BOOKS\n"
        "L1  2025-01-02  Deposit - Stripe payout               7,842.19\n"
        "L2  2025-01-06  Check 9021 - Lamar Advertising       -4,500.00\n"
        "L3  2025-01-10  Deposit - Stripe payout               6,115.73\n"
        "L4  2025-01-14  ACH - Gusto payroll                 -21,384.02\n"
        "L5  2025-01-21  Check 9022 - Kessler CPA              -1,750.00\n"
        "L6  2025-01-31  Deposit - Stripe payout               5,968.40\n\n"
        "BANK\n"
        "B1  01/03/2025  STRIPE TRANSFER ST-K2P9W              7,842.19\n"
        "B2  01/09/2025  CHECK 9021                           -4,500.00\n"
        "B3  01/13/2025  STRIPE TRANSFER ST-R7D2L              6,115.73\n"
        "B4  01/14/2025  GUSTO NET PAY 250114                -21,384.02\n"
        "B5  01/24/2025  CHECK 9022                           -1,705.00\n"
        "B6  01/31/2025  SERVICE FEE                              -30.00\n\"\"\""),
        opening="58300.00",
        ledger=[("L1", "7842.19"), ("L2", "-4500.00"), ("L3", "6115.73"), ("L4", "-21384.02"),
                ("L5", "-1750.00"), ("L6", "5968.40")],
        bank=[("B1", "7842.19"), ("B2", "-4500.00"), ("B3", "6115.73"), ("B4", "-21384.02"),
              ("B5", "-1705.00"), ("B6", "-30.00")],
        pairs=[("L1", "B1"), ("L2", "B2"), ("L3", "B3"), ("L4", "B4")]),
    dict(prompt=(
        "Church treasurer here. Our register and the bank both started August at $14,012.66.\n\n"
        "Register:\n"
        "L1  Aug 4   Sunday offering deposit          3,212.00\n"
        "L2  Aug 6   Check 2051 - Duke Energy           -418.27\n"
        "L3  Aug 11  Sunday offering deposit          2,874.50\n"
        "L4  Aug 14  Check 2052 - Pastor housing      -1,800.00\n"
        "L5  Aug 18  Sunday offering deposit          3,006.25\n"
        "L6  Aug 25  Sunday offering deposit          2,951.00\n"
        "L7  Aug 28  Check 2053 - Youth camp deposit    -650.00\n\n"
        "Bank:\n"
        "B1  Aug 5   DEPOSIT                          3,212.00\n"
        "B2  Aug 9   CHECK 2051                         -418.27\n"
        "B3  Aug 12  DEPOSIT                          2,874.50\n"
        "B4  Aug 15  CHECK 2052                       -1,800.00\n"
        "B5  Aug 19  DEPOSIT                          3,006.25\n"
        "B6  Aug 20  TITHE.LY ONLINE GIVING             1,145.80\n"
        "B7  Aug 26  DEPOSIT                          2,951.00\n\n"
        "Please reconcile."),
        opening="14012.66",
        ledger=[("L1", "3212.00"), ("L2", "-418.27"), ("L3", "2874.50"), ("L4", "-1800.00"),
                ("L5", "3006.25"), ("L6", "2951.00"), ("L7", "-650.00")],
        bank=[("B1", "3212.00"), ("B2", "-418.27"), ("B3", "2874.50"), ("B4", "-1800.00"),
              ("B5", "3006.25"), ("B6", "1145.80"), ("B7", "2951.00")],
        pairs=[("L1", "B1"), ("L2", "B2"), ("L3", "B3"), ("L4", "B4"), ("L5", "B5"),
               ("L6", "B7")]),
    dict(prompt=(
        "Bank rec for the escrow sub-account. Opening: $250,000.00 (books and bank agree).\n"
        "Books: L1 wire out to Title One Escrow -185,000.00; L2 wire in from Brennan buyer deposit "
        "40,000.00; L3 check 1009 to Kingsley Appraisal -650.00.\n"
        "Bank: B1 OUTGOING WIRE TITLE ONE ESCROW -185,000.00; B2 WIRE FEE -30.00; B3 INCOMING "
        "WIRE BRENNAN 40,000.00; B4 WIRE FEE -15.00.\n"
        "Give matched count, unmatched ledger and bank ids, closing balances and the difference."),
        opening="250000.00",
        ledger=[("L1", "-185000.00"), ("L2", "40000.00"), ("L3", "-650.00")],
        bank=[("B1", "-185000.00"), ("B2", "-30.00"), ("B3", "40000.00"), ("B4", "-15.00")],
        pairs=[("L1", "B1"), ("L2", "B3")]),
    dict(prompt=(
        "| ID | Date | Books | Amount |\n|---|---|---|---|\n"
        "| L1 | 05/01 | Rent - Parkview Plaza (ACH) | -5,200.00 |\n"
        "| L2 | 05/03 | Deposit - Amazon seller disbursement | 8,946.31 |\n"
        "| L3 | 05/10 | Check 1432 - ShipBob | -2,318.77 |\n"
        "| L4 | 05/17 | Deposit - Amazon seller disbursement | 7,502.88 |\n"
        "| L5 | 05/24 | Check 1433 - Packlane boxes | -964.00 |\n"
        "| L6 | 05/31 | Deposit - Amazon seller disbursement | 6,410.05 |\n\n"
        "| ID | Date | Bank | Amount |\n|---|---|---|---|\n"
        "| B1 | 05/01 | ACH PARKVIEW PLAZA LLC | -5,200.00 |\n"
        "| B2 | 05/04 | AMAZON.COM SERVICES DISB | 8,946.31 |\n"
        "| B3 | 05/14 | CHECK 1432 | -2,318.77 |\n"
        "| B4 | 05/18 | AMAZON.COM SERVICES DISB | 7,502.88 |\n"
        "| B5 | 05/20 | SHOPIFY PAYMENTS PAYOUT | 1,284.16 |\n"
        "| B6 | 05/31 | MONTHLY MAINTENANCE FEE | -25.00 |\n\n"
        "Opening balance for both was $31,077.42. Reconcile and give balances + difference."),
        opening="31077.42",
        ledger=[("L1", "-5200.00"), ("L2", "8946.31"), ("L3", "-2318.77"), ("L4", "7502.88"),
                ("L5", "-964.00"), ("L6", "6410.05")],
        bank=[("B1", "-5200.00"), ("B2", "8946.31"), ("B3", "-2318.77"), ("B4", "7502.88"),
              ("B5", "1284.16"), ("B6", "-25.00")],
        pairs=[("L1", "B1"), ("L2", "B2"), ("L3", "B3"), ("L4", "B4")]),
    dict(prompt=(
        "Please do the reconciliation. Opening balance $4,715.90 per both.\n\n"
        "Ledger entries:\n"
        "L1 02/02 Check 801 - Dr. Amy Choi (locum) -2,600.00\n"
        "L2 02/05 Deposit - patient payments 1,480.25\n"
        "L3 02/12 Deposit - Aetna remittance 3,912.40\n"
        "L4 02/19 Check 802 - Henry Schein -1,176.55\n"
        "L5 02/26 Deposit - patient payments 1,022.00\n\n"
        "Statement:\n"
        "B1 02/05 DEPOSIT 1,480.25\n"
        "B2 02/06 CHECK 801 -2,600.00\n"
        "B3 02/12 AETNA HEALTH EFT 3,912.40\n"
        "B4 02/13 CHARGEBACK - PATIENT CARD DISPUTE -185.00\n"
        "B5 02/23 CHECK 802 -1,176.55\n"
        "B6 02/26 DEPOSIT 1,022.00\n"
        "B7 02/28 MERCHANT SVCS FEE -64.12"),
        opening="4715.90",
        ledger=[("L1", "-2600.00"), ("L2", "1480.25"), ("L3", "3912.40"), ("L4", "-1176.55"),
                ("L5", "1022.00")],
        bank=[("B1", "1480.25"), ("B2", "-2600.00"), ("B3", "3912.40"), ("B4", "-185.00"),
              ("B5", "-1176.55"), ("B6", "1022.00"), ("B7", "-64.12")],
        pairs=[("L1", "B2"), ("L2", "B1"), ("L3", "B3"), ("L4", "B5"), ("L5", "B6")]),
    dict(prompt=(
        "BANK STATEMENT (entries B1-B4)\n"
        "B1  10/04/2023  CHECK 2290                  -$1,349.00\n"
        "B2  10/11/2023  DEPOSIT                      $6,000.00\n"
        "B3  10/18/2023  CHECK 2292                  -$318.40\n"
        "B4  10/31/2023  INTEREST                     $2.17\n\n"
        "COMPANY LEDGER (entries L1-L5)\n"
        "L1  2023-10-02  Check 2290 - Apex Roofing            -$1,349.00\n"
        "L2  2023-10-09  Check 2291 - Tri-County Electric     -$2,205.00\n"
        "L3  2023-10-11  Deposit - Weller job, progress bill   $6,000.00\n"
        "L4  2023-10-16  Check 2292 - Sherwin-Williams         -$318.40\n"
        "L5  2023-10-30  Deposit - Ortiz job, final bill       $4,420.00\n\n"
        "Opening balance was $10,550.00 for both. Reconcile, bank listed first this time."),
        opening="10550.00",
        ledger=[("L1", "-1349.00"), ("L2", "-2205.00"), ("L3", "6000.00"), ("L4", "-318.40"),
                ("L5", "4420.00")],
        bank=[("B1", "-1349.00"), ("B2", "6000.00"), ("B3", "-318.40"), ("B4", "2.17")],
        pairs=[("L1", "B1"), ("L3", "B2"), ("L4", "B3")]),
    dict(prompt=(
        "Nonprofit operating account, November. Opening balance $88,904.10 (books and bank).\n\n"
        "Books:\n"
        "L1  11/01  Grant receipt - Kresge Foundation          50,000.00\n"
        "L2  11/04  Payroll - Paychex                         -18,220.64\n"
        "L3  11/12  Check 3390 - Harbor Print Shop               -742.18\n"
        "L4  11/18  Payroll - Paychex                         -18,220.64\n"
        "L5  11/25  Donation deposit - Giving Tuesday          12,415.00\n\n"
        "Bank:\n"
        "B1  11/01  ACH CREDIT KRESGE FOUNDATION               50,000.00\n"
        "B2  11/04  PAYCHEX-PAYROLL                           -18,220.64\n"
        "B3  11/07  PAYCHEX-FEES                                 -96.50\n"
        "B4  11/18  PAYCHEX-PAYROLL                           -18,220.64\n"
        "B5  11/21  PAYCHEX-FEES                                 -96.50\n"
        "B6  11/26  DEPOSIT                                    12,415.00\n\n"
        "Match them up and give the reconciliation as JSON."),
        opening="88904.10",
        ledger=[("L1", "50000.00"), ("L2", "-18220.64"), ("L3", "-742.18"), ("L4", "-18220.64"),
                ("L5", "12415.00")],
        bank=[("B1", "50000.00"), ("B2", "-18220.64"), ("B3", "-96.50"), ("B4", "-18220.64"),
              ("B5", "-96.50"), ("B6", "12415.00")],
        pairs=[("L1", "B1"), ("L2", "B2"), ("L4", "B4"), ("L5", "B6")]),
    dict(prompt=(
        "Opening balance (both): $1,204.33\n\n"
        "LEDGER\nL1  Deposit - Etsy payout        486.20\nL2  Check 1050 - USPS            -73.45\n"
        "L3  Deposit - Etsy payout        391.75\n\n"
        "BANK\nB1  ETSY INC PAYOUT             486.20\nB2  CHECK 1050                   -73.45\n"
        "B3  ETSY INC PAYOUT             391.75\nB4  ETSY INC SHIPPING LABELS    -18.90\n\n"
        "reconcile pls (etsy takes the label cost straight from the bank, I never enter those)"),
        opening="1204.33",
        ledger=[("L1", "486.20"), ("L2", "-73.45"), ("L3", "391.75")],
        bank=[("B1", "486.20"), ("B2", "-73.45"), ("B3", "391.75"), ("B4", "-18.90")],
        pairs=[("L1", "B1"), ("L2", "B2"), ("L3", "B3")]),
    dict(prompt=(
        "Law firm operating account - July. Both the books and the statement open at "
        "$35,640.00.\n\n"
        "Books\n"
        "L1  07/01  Check 6120 - Westlaw (Thomson Reuters)      -1,289.00\n"
        "L2  07/08  Deposit - Fee, Matter 2024-117             12,500.00\n"
        "L3  07/15  Check 6121 - Court reporter, Esquire        -846.75\n"
        "L4  07/22  Check 6122 - Clio subscription              -395.00\n"
        "L5  07/29  Deposit - Fee, Matter 2024-131              8,300.00\n"
        "L6  07/31  Check 6123 - Office rent August            -6,500.00\n\n"
        "Bank\n"
        "B1  07/05  CHECK 6120                                 -1,289.00\n"
        "B2  07/08  DEPOSIT                                    12,500.00\n"
        "B3  07/19  CHECK 6121                                   -846.75\n"
        "B4  07/24  CHECK 6122                                   -395.00\n"
        "B5  07/31  POSITIVE PAY SERVICE FEE                      -45.00\n\n"
        "Ending balance per bank: $[[BANK_END]]. Reconcile."),
        opening="35640.00",
        ledger=[("L1", "-1289.00"), ("L2", "12500.00"), ("L3", "-846.75"), ("L4", "-395.00"),
                ("L5", "8300.00"), ("L6", "-6500.00")],
        bank=[("B1", "-1289.00"), ("B2", "12500.00"), ("B3", "-846.75"), ("B4", "-395.00"),
              ("B5", "-45.00")],
        pairs=[("L1", "B1"), ("L2", "B2"), ("L3", "B3"), ("L4", "B4")]),
    dict(prompt=(
        "Reconcile the checking account.\n\nOpening balance on both sides: $7,777.00\n\n"
        "Ledger\n"
        "L1  Mar 03  Deposit - Greene Wedding (photo package)      2,950.00\n"
        "L2  Mar 07  Check 402 - B&H Photo                        -1,618.99\n"
        "L3  Mar 14  Check 403 - Adobe (annual)                     -659.88\n"
        "L4  Mar 21  Deposit - Patel Engagement shoot               650.00\n\n"
        "Statement\n"
        "B1  Mar 03  MOBILE DEPOSIT                               2,950.00\n"
        "B2  Mar 10  CHECK 402                                   -1,618.99\n"
        "B3  Mar 17  CHECK 403                                     -695.88\n"
        "B4  Mar 21  MOBILE DEPOSIT                                 650.00\n"
        "B5  Mar 25  ZELLE FROM KIM A                               300.00"),
        opening="7777.00",
        ledger=[("L1", "2950.00"), ("L2", "-1618.99"), ("L3", "-659.88"), ("L4", "650.00")],
        bank=[("B1", "2950.00"), ("B2", "-1618.99"), ("B3", "-695.88"), ("B4", "650.00"),
              ("B5", "300.00")],
        pairs=[("L1", "B1"), ("L2", "B2"), ("L4", "B4")]),
    dict(prompt=(
        "We run a small HVAC company. Opening balance was $19,260.48 in QuickBooks and at the "
        "bank.\n\n"
        "QuickBooks:\n"
        "L1  01/05  Deposit - Ridgeview Apartments, inv 884     4,875.00\n"
        "L2  01/09  Check 1311 - Ferguson HVAC supply          -3,420.19\n"
        "L3  01/16  Check 1312 - Enterprise truck lease          -912.00\n"
        "L4  01/23  Deposit - Lindqvist residence, inv 889      1,340.00\n"
        "L5  01/30  Check 1313 - State Farm                      -628.50\n\n"
        "Bank statement:\n"
        "B1  01/06  DEPOSIT                                    4,875.00\n"
        "B2  01/12  CHECK 1311                                -3,420.19\n"
        "B3  01/19  CHECK 1312                                  -912.00\n"
        "B4  01/23  DEPOSIT                                    1,340.00\n"
        "B5  01/31  INTEREST EARNED                               1.06\n"
        "B6  01/31  MONTHLY SERVICE FEE                          -18.00\n\n"
        "What matched, what didn't, closing balances and difference?"),
        opening="19260.48",
        ledger=[("L1", "4875.00"), ("L2", "-3420.19"), ("L3", "-912.00"), ("L4", "1340.00"),
                ("L5", "-628.50")],
        bank=[("B1", "4875.00"), ("B2", "-3420.19"), ("B3", "-912.00"), ("B4", "1340.00"),
              ("B5", "1.06"), ("B6", "-18.00")],
        pairs=[("L1", "B1"), ("L2", "B2"), ("L3", "B3"), ("L4", "B4")]),
    dict(prompt=(
        "Opening balance (books and bank): $500.00\n\n"
        "Petty cash replenishment account.\n"
        "Books: L1 Check 77 - petty cash replenish -180.00 | L2 Transfer in from operating "
        "+400.00 | L3 Check 78 - petty cash replenish -175.50\n"
        "Bank: B1 CHECK 77 -180.00 | B2 ONLINE TRANSFER FROM CHK 4471 +400.00 | B3 CHECK 78 "
        "-175.50 | B4 PAPER STATEMENT FEE -3.00 | B5 CHECK 76 -92.40\n\n"
        "(Check 76 was written last month and never recorded, oops.) Reconcile."),
        opening="500.00",
        ledger=[("L1", "-180.00"), ("L2", "400.00"), ("L3", "-175.50")],
        bank=[("B1", "-180.00"), ("B2", "400.00"), ("B3", "-175.50"), ("B4", "-3.00"),
              ("B5", "-92.40")],
        pairs=[("L1", "B1"), ("L2", "B2"), ("L3", "B3")]),
    dict(prompt=(
        "Month-end bank reconciliation for Tidewater Marine Services, April.\n"
        "Opening balance, both: $63,118.90\n\n"
        "Ledger\n"
        "L1  2024-04-01  Deposit - Chesapeake Yacht Club, inv 5531     9,860.00\n"
        "L2  2024-04-03  Check 8804 - West Marine                     -2,744.31\n"
        "L3  2024-04-08  Check 8805 - Virginia Natural Gas              -311.62\n"
        "L4  2024-04-12  Deposit - US Coast Guard Aux. contract       15,200.00\n"
        "L5  2024-04-17  Check 8806 - Norfolk Boat Storage            -3,150.00\n"
        "L6  2024-04-22  Deposit - Bayside Charters, inv 5540          4,185.50\n"
        "L7  2024-04-26  Check 8807 - Yanmar parts                    -6,932.77\n"
        "L8  2024-04-30  Check 8808 - Dominion Energy                   -864.09\n\n"
        "Bank\n"
        "B1  04/02/2024  DEPOSIT                                       9,860.00\n"
        "B2  04/05/2024  CHECK 8804                                   -2,744.31\n"
        "B3  04/10/2024  CHECK 8805                                     -311.62\n"
        "B4  04/12/2024  TREAS 310 VENDOR PAY                         15,200.00\n"
        "B5  04/19/2024  CHECK 8806                                   -3,150.00\n"
        "B6  04/23/2024  DEPOSIT                                       4,185.50\n"
        "B7  04/30/2024  SERVICE CHARGE                                  -20.00"),
        opening="63118.90",
        ledger=[("L1", "9860.00"), ("L2", "-2744.31"), ("L3", "-311.62"), ("L4", "15200.00"),
                ("L5", "-3150.00"), ("L6", "4185.50"), ("L7", "-6932.77"), ("L8", "-864.09")],
        bank=[("B1", "9860.00"), ("B2", "-2744.31"), ("B3", "-311.62"), ("B4", "15200.00"),
              ("B5", "-3150.00"), ("B6", "4185.50"), ("B7", "-20.00")],
        pairs=[("L1", "B1"), ("L2", "B2"), ("L3", "B3"), ("L4", "B4"), ("L5", "B5"),
               ("L6", "B6")]),
    dict(prompt=(
        "Quick rec - opening $2,000.00 on both.\n"
        "Ledger: L1 deposit 1,250.00; L2 check 5501 -310.00; L3 check 5502 -89.99.\n"
        "Bank: B1 deposit 1,250.00; B2 check 5501 -310.00; B3 check 5502 -89.99; "
        "B4 deposited item returned -1,250.00; B5 returned item fee -12.00."),
        opening="2000.00",
        ledger=[("L1", "1250.00"), ("L2", "-310.00"), ("L3", "-89.99")],
        bank=[("B1", "1250.00"), ("B2", "-310.00"), ("B3", "-89.99"), ("B4", "-1250.00"),
              ("B5", "-12.00")],
        pairs=[("L1", "B1"), ("L2", "B2"), ("L3", "B3")]),
]
