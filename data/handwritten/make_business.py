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
        if re.search(r"(?<![\d.])" + re.escape(f) + r"(?!\d|\.\d|,\d{3}(?!\d))", text):
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


# ---------------------------------------------------------------------------------------------
# intent_classification: (prompt, intent, slots) -- slot keys and their order per intent follow
# the generator; a weekday in the utterance is checked against the ISO date.
# ---------------------------------------------------------------------------------------------
INTENT_SLOTS = {
    "book_flight": ["origin", "destination", "date"],
    "cancel_order": ["order_id"],
    "check_balance": ["account", "last4"],
    "track_package": ["tracking_number"],
    "reset_password": ["account"],
    "schedule_appointment": ["service", "date", "time"],
    "transfer_money": ["amount", "recipient"],
    "it_support": ["device"],
}
ACCOUNTS = {"checking", "savings", "credit card", "money market"}
DEVICES = {"laptop", "monitor", "printer", "VPN", "email"}

INTENTS = [
    ("Classify this chat message (intent + slots):\n\nUser: hiya, need to get from Boston to "
     "Chicago on March 14th 2025 - morning flight if possible",
     "book_flight", {"origin": "Boston", "destination": "Chicago", "date": "2025-03-14"}),
    ("NLU parse:\n\n\"can u cancel order 112-4432190-7765521? bought it twice by accident\"",
     "cancel_order", {"order_id": "112-4432190-7765521"}),
    ("What does the customer want? Intent and slots as JSON.\n\nCustomer: how much do i have in "
     "savings? the account ending 0042",
     "check_balance", {"account": "savings", "last4": "0042"}),
    ("User: my UPS package 1Z999AA10123456784 says out for delivery since yesterday??\n\n"
     "Give the intent label and slot values.",
     "track_package", {"tracking_number": "1Z999AA10123456784"}),
    ("Intent + slots:\n\nUser: locked out of my account again... username is k.nakamura_88, "
     "can you reset the password",
     "reset_password", {"account": "k.nakamura_88"}),
    ("[web chat, 09:14] Visitor: Hi, I'd like to come in for a tire rotation on Saturday, "
     "May 3, 2025 at 10:30 in the morning if you have room.\n\nExtract the intent and slots.",
     "schedule_appointment", {"service": "tire rotation", "date": "2025-05-03", "time": "10:30"}),
    ("User: please send 250 bucks to Marcus Oyelaran from my checking, it's for the concert "
     "tickets\n\nWhat's the intent? Include slots.",
     "transfer_money", {"amount": Money(25000), "recipient": "Marcus Oyelaran"}),
    ("Helpdesk ticket text: \"Outlook keeps asking for my password and won't sync new mail "
     "since the update this morning.\"\n\nClassify the intent and extract slots.",
     "it_support", {"device": "email"}),
    ("User: GlobalProtect VPN says 'gateway unreachable' every time I try to connect from "
     "home\n\nNLU: intent + slots please.",
     "it_support", {"device": "VPN"}),
    ("the HP printer on the 3rd floor is jammed AGAIN and now it shows error 13.20. can "
     "someone come look\n\n-- classify intent, extract slots",
     "it_support", {"device": "printer"}),
    ("User: my second screen stays black when I plug into the dock. the laptop's own screen "
     "works fine, it's just the external monitor\n\nIntent and slots?",
     "it_support", {"device": "monitor"}),
    ("User: I need a one-way flight out of SFO, no wait, out of Oakland, to Seattle on "
     "06/21/2025. economy is fine\n\nParse into intent and slots.",
     "book_flight", {"origin": "Oakland", "destination": "Seattle", "date": "2025-06-21"}),
    ("Book me on something to Austin from Denver, Friday the 11th of July, 2025. Aisle seat "
     "if you can.\n\nWhat is the user asking for? JSON with intent and slots.",
     "book_flight", {"origin": "Denver", "destination": "Austin", "date": "2025-07-11"}),
    ("User: Order #W1180239744 - please cancel it, the delivery date got pushed past my "
     "event.\n\nIntent classification with slots.",
     "cancel_order", {"order_id": "W1180239744"}),
    ("Customer: What's the current balance on my Visa credit card ending in 7731?\n\n"
     "Return the intent and its slots.",
     "check_balance", {"account": "credit card", "last4": "7731"}),
    ("money market acct x2290 balance?\n\n^ user message. intent + slots",
     "check_balance", {"account": "money market", "last4": "2290"}),
    ("User: where's my fedex? tracking # 394857201836, it was supposed to arrive tuesday\n\n"
     "Classify and extract.",
     "track_package", {"tracking_number": "394857201836"}),
    ("User: Hello, I can't remember the password for maria.delgado@outlook.com and the reset "
     "link never arrives. Could you help?\n\nIntent and slots, JSON.",
     "reset_password", {"account": "maria.delgado@outlook.com"}),
    ("Patient portal message: \"Can I get a teeth cleaning with Dr. Patel on Jan 9, 2026 at "
     "4:15pm? That's the only afternoon I'm off.\"\n\nWhat's the intent? Slots too.",
     "schedule_appointment", {"service": "teeth cleaning", "date": "2026-01-09",
                              "time": "16:15"}),
    ("User: book a deep tissue massage for 2025-08-22, 1 pm please\n\nNLU parse this "
     "utterance.",
     "schedule_appointment", {"service": "deep tissue massage", "date": "2025-08-22",
                              "time": "13:00"}),
    ("User: zelle Priya Raman $1,200.00 for the march rent\n\nClassify intent, extract slots.",
     "transfer_money", {"amount": Money(120000), "recipient": "Priya Raman"}),
    ("hii can yu trnasfer $40 to Ana Souza pls, i owe her for luch\n\nIntent + slot values "
     "as JSON.",
     "transfer_money", {"amount": Money(4000), "recipient": "Ana Souza"}),
    ("User: so I switched phones and lost my authenticator app, now I can't log in as "
     "dwhitfield. Can you reset my password?\n\nWhat does the user want?",
     "reset_password", {"account": "dwhitfield"}),
    ("Hi, I placed order 88-41920-77 this morning by mistake, please cancel it before it "
     "ships. Thanks, Greg\n\nClassify this message: intent and slots.",
     "cancel_order", {"order_id": "88-41920-77"}),
    ("User: my laptop fan sounds like a jet engine and then the whole thing shuts itself "
     "off mid-meeting\n\nIntent and slots?",
     "it_support", {"device": "laptop"}),
    ("Can you tell me if 1Z4F83W20399127745 got delivered? It says delivered but it's not on my "
     "porch.\n\n(classify the intent of this message, with slots)",
     "track_package", {"tracking_number": "1Z4F83W20399127745"}),
    ("User: Good afternoon! Could I book a haircut and beard trim for December 12, 2025 "
     "around noon?\n\nReturn intent + slots.",
     "schedule_appointment", {"service": "haircut and beard trim", "date": "2025-12-12",
                              "time": "12:00"}),
]


# ---------------------------------------------------------------------------------------------
# calendar_scheduling
#   prompt, ISO date, the weekday the prompt names (checked), working hours, meeting length,
#   each person's busy blocks (24-hour) and the hand-derived earliest start (None: infeasible),
#   recomputed by the same rule as the generator.
# ---------------------------------------------------------------------------------------------
CALENDAR = [
    dict(prompt=(
        "Hi all - trying to find 45 min on Tue Jan 14, 2025 for the Q1 kickoff. Office hours are "
        "9 to 5.\n\nAna: I have standup 9-9:30 and a client call 11-12.\n"
        "Ben: booked 10 to 11:30 and again 1-2pm.\n"
        "Chloe: I'm out until 10, free after that.\n\n"
        "What's the earliest slot that works for everyone?"),
        date="2025-01-14", weekday="Tuesday", hours=("09:00", "17:00"), dur=45,
        busy={"Ana": [("09:00", "09:30"), ("11:00", "12:00")],
              "Ben": [("10:00", "11:30"), ("13:00", "14:00")],
              "Chloe": [("09:00", "10:00")]},
        want="12:00"),
    dict(prompt=(
        "Scheduling Assistant - Thursday, March 6, 2025 (working hours 8:30 AM - 5:30 PM)\n"
        "Meeting duration: 1 hour\n\n"
        "Attendee            Busy\n"
        "Rachel Kim          8:30 AM - 10:00 AM, 11:00 AM - 12:30 PM\n"
        "Omar Haddad         9:00 AM - 9:30 AM, 12:30 PM - 1:30 PM\n"
        "Lena Fischer        10:00 AM - 10:30 AM, 2:00 PM - 3:00 PM\n\n"
        "Find the first 1-hour slot where all three are free."),
        date="2025-03-06", weekday="Thursday", hours=("08:30", "17:30"), dur=60,
        busy={"Rachel": [("08:30", "10:00"), ("11:00", "12:30")],
              "Omar": [("09:00", "09:30"), ("12:30", "13:30")],
              "Lena": [("10:00", "10:30"), ("14:00", "15:00")]},
        want="15:00"),
    dict(prompt=(
        "#eng-leads channel, Monday\n"
        "priya: need 30 min with tom + jules on wed 2/19/2025 to go over the incident "
        "postmortem\n"
        "tom: I'm in interviews 9:00-11:45, then free\n"
        "jules: lunch 12-1 and a vendor demo 1:30-2:15\n"
        "priya: I've got 1:1s from 11:30 to 12:30\n"
        "priya: our core hours are 9-6\n\n"
        "Earliest 30-minute slot for priya, tom and jules on that day?"),
        date="2025-02-19", weekday=None, hours=("09:00", "18:00"), dur=30,
        busy={"Tom": [("09:00", "11:45")], "Jules": [("12:00", "13:00"), ("13:30", "14:15")],
              "Priya": [("11:30", "12:30")]},
        want="13:00"),
    dict(prompt=(
        "Free/busy export for Friday, 2024-11-08. Working hours 09:00-17:00. Need a 90 minute "
        "slot.\n\n"
        "BEGIN:VFREEBUSY\nATTENDEE:mailto:j.okafor@northwind.example\n"
        "FREEBUSY:20241108T090000/20241108T100000\nFREEBUSY:20241108T133000/20241108T150000\n"
        "END:VFREEBUSY\n"
        "BEGIN:VFREEBUSY\nATTENDEE:mailto:s.lindqvist@northwind.example\n"
        "FREEBUSY:20241108T100000/20241108T113000\n"
        "END:VFREEBUSY\n\n"
        "When is the earliest both are free?"),
        date="2024-11-08", weekday="Friday", hours=("09:00", "17:00"), dur=90,
        busy={"Okafor": [("09:00", "10:00"), ("13:30", "15:00")],
              "Lindqvist": [("10:00", "11:30")]},
        want="11:30"),
    dict(prompt=(
        "Need to book a 2-hour design review on Wednesday, April 16, 2025. Working day is "
        "9am-5pm.\n"
        "- Marco: busy 9:30-10:30, 12:00-13:00, 15:00-16:00\n"
        "- Aiko: busy 11:00-12:00, 14:00-14:30\n"
        "- Deshawn: busy 13:00-13:30\n"
        "Is there any 2-hour window where everyone is free? If so, the earliest one."),
        date="2025-04-16", weekday="Wednesday", hours=("09:00", "17:00"), dur=120,
        busy={"Marco": [("09:30", "10:30"), ("12:00", "13:00"), ("15:00", "16:00")],
              "Aiko": [("11:00", "12:00"), ("14:00", "14:30")],
              "Deshawn": [("13:00", "13:30")]},
        want=None),
    dict(prompt=(
        "{\"timeMin\": \"2025-05-20T08:00:00-05:00\", \"timeMax\": \"2025-05-20T16:00:00-05:00\",\n"
        " \"calendars\": {\n"
        "  \"maria@acme.example\": {\"busy\": [{\"start\": \"2025-05-20T08:00:00-05:00\", "
        "\"end\": \"2025-05-20T08:45:00-05:00\"}, {\"start\": \"2025-05-20T10:00:00-05:00\", "
        "\"end\": \"2025-05-20T11:00:00-05:00\"}]},\n"
        "  \"kwame@acme.example\": {\"busy\": [{\"start\": \"2025-05-20T09:00:00-05:00\", "
        "\"end\": \"2025-05-20T09:30:00-05:00\"}]}\n }}\n\n"
        "That's the freebusy response for Tuesday (the window is our working hours). Find the "
        "earliest 45-minute meeting for both."),
        date="2025-05-20", weekday="Tuesday", hours=("08:00", "16:00"), dur=45,
        busy={"Maria": [("08:00", "08:45"), ("10:00", "11:00")], "Kwame": [("09:00", "09:30")]},
        want="11:00"),
    dict(prompt=(
        "Can you find 30 minutes for me, Gabe and Noor on Monday Sept 8 2025? We work 8 to 4.\n"
        "Me: dentist 8-9:15, then free.\nGabe: free all day except 10:10-10:50.\n"
        "Noor: training 9:15-10:00."),
        date="2025-09-08", weekday="Monday", hours=("08:00", "16:00"), dur=30,
        busy={"Me": [("08:00", "09:15")], "Gabe": [("10:10", "10:50")],
              "Noor": [("09:15", "10:00")]},
        want="11:00"),
    dict(prompt=(
        "Date: 2025-06-12 (Thursday)\nHours: 10:00-18:00\nLength: 60 min\n\n"
        "Availability (when people are FREE, not busy):\n"
        "Hannah - free 10:00-12:00 and 15:00-18:00\n"
        "Victor - free 11:00-13:00 and 16:00-18:00\n\n"
        "Earliest hour both are free?"),
        date="2025-06-12", weekday="Thursday", hours=("10:00", "18:00"), dur=60,
        busy={"Hannah": [("12:00", "15:00")], "Victor": [("10:00", "11:00"), ("13:00", "16:00")]},
        want="11:00"),
    dict(prompt=(
        "When can the four of us meet for 45 minutes on Friday, October 3, 2025? Working hours "
        "are 9:00 to 17:00.\n\n"
        "| Person | Busy |\n|---|---|\n"
        "| Ines | 9:00-10:30, 13:00-14:00 |\n"
        "| Kofi | 10:00-11:00, 16:00-17:00 |\n"
        "| Mei | 11:00-11:30, 14:30-15:15 |\n"
        "| Raul | 9:30-10:00, 11:45-12:30 |"),
        date="2025-10-03", weekday="Friday", hours=("09:00", "17:00"), dur=45,
        busy={"Ines": [("09:00", "10:30"), ("13:00", "14:00")],
              "Kofi": [("10:00", "11:00"), ("16:00", "17:00")],
              "Mei": [("11:00", "11:30"), ("14:30", "15:15")],
              "Raul": [("09:30", "10:00"), ("11:45", "12:30")]},
        want="15:15"),
    dict(prompt=(
        "Find a 30 minute slot on Tuesday, July 1, 2025 (hours 9-5) for Sam and Ruth. Sam is "
        "booked solid 9 to 12:30 and 1 to 5. Ruth only has a 12:30-1:00 call."),
        date="2025-07-01", weekday="Tuesday", hours=("09:00", "17:00"), dur=30,
        busy={"Sam": [("09:00", "12:30"), ("13:00", "17:00")], "Ruth": [("12:30", "13:00")]},
        want=None),
    dict(prompt=(
        "Earliest common slot, please.\n\nMeeting: budget sync, 30 minutes\n"
        "Day: Wednesday 12/3/2025, working hours 8:00-17:00\n\n"
        "Calendars:\n"
        "  Yusuf    08:00-08:30 Standup | 09:00-10:00 Focus time | 10:30-11:00 1:1\n"
        "  Brianna  08:30-09:00 Standup | 10:00-10:30 Vendor call\n"
        "  Olga     08:00-09:00 Commute (marked busy)"),
        date="2025-12-03", weekday="Wednesday", hours=("08:00", "17:00"), dur=30,
        busy={"Yusuf": [("08:00", "08:30"), ("09:00", "10:00"), ("10:30", "11:00")],
              "Brianna": [("08:30", "09:00"), ("10:00", "10:30")],
              "Olga": [("08:00", "09:00")]},
        want="11:00"),
    dict(prompt=(
        "I need an hour with the auditors on Monday, February 2, 2026. Our office is open "
        "8:30-16:30.\n\n"
        "Auditors (Grant Thornton team): on site from 10:00, so treat 8:30-10:00 as busy; "
        "lunch 12:00-13:00.\n"
        "Controller (Li Wei): close meeting 10:00-11:15.\n"
        "Me: free all day.\n\n"
        "Earliest hour that works?"),
        date="2026-02-02", weekday="Monday", hours=("08:30", "16:30"), dur=60,
        busy={"Auditors": [("08:30", "10:00"), ("12:00", "13:00")],
              "Li Wei": [("10:00", "11:15")], "Me": []},
        want="13:00"),
    dict(prompt=(
        "Board prep, 90 min, Thursday Aug 14 2025, 9:00-18:00 working hours.\n"
        "CEO busy 9-11, 14-15:30\nCFO busy 11-12, 16-17\nGC busy 12:30-13:30\n"
        "First slot for all three?"),
        date="2025-08-14", weekday="Thursday", hours=("09:00", "18:00"), dur=90,
        busy={"CEO": [("09:00", "11:00"), ("14:00", "15:30")],
              "CFO": [("11:00", "12:00"), ("16:00", "17:00")],
              "GC": [("12:30", "13:30")]},
        want=None),
    dict(prompt=(
        "Hey! Could you grab 30 min for me and Felipe on Friday 21 Nov 2025? Hours 9-5.\n"
        "My morning: 9:00 standup (15 min), 9:15-11:00 workshop.\nFelipe: out until 11:20 "
        "(school run + doctor)."),
        date="2025-11-21", weekday="Friday", hours=("09:00", "17:00"), dur=30,
        busy={"Me": [("09:00", "09:15"), ("09:15", "11:00")], "Felipe": [("09:00", "11:20")]},
        want="11:30"),
    dict(prompt=(
        "Room 4B is booked 9:00-10:00 and 13:00-14:30 on Wednesday, January 21, 2026. Dana is in "
        "meetings 10:00-11:00, Ravi 11:30-12:00. We need the room plus both of them for 45 "
        "minutes. Working hours 9-5. What's the earliest slot?"),
        date="2026-01-21", weekday="Wednesday", hours=("09:00", "17:00"), dur=45,
        busy={"Room 4B": [("09:00", "10:00"), ("13:00", "14:30")],
              "Dana": [("10:00", "11:00")], "Ravi": [("11:30", "12:00")]},
        want="12:00"),
    dict(prompt=(
        "Tuesday, September 30, 2025 - working hours 09:00-17:00 - need 60 minutes.\n\n"
        "Keisha has meetings from 9:00 AM to 9:30 AM, from 10:00 AM to 11:00 AM and from "
        "3:00 PM to 4:00 PM.\n"
        "Tobias's calendar is blocked 9:30-10:00 and noon-1:00.\n"
        "Wen is out of office after 4 PM.\n\n"
        "Book the first hour all three can make."),
        date="2025-09-30", weekday="Tuesday", hours=("09:00", "17:00"), dur=60,
        busy={"Keisha": [("09:00", "09:30"), ("10:00", "11:00"), ("15:00", "16:00")],
              "Tobias": [("09:30", "10:00"), ("12:00", "13:00")],
              "Wen": [("16:00", "17:00")]},
        want="11:00"),
    dict(prompt=(
        "Interview loop: candidate is available Monday, March 9, 2026 from 1 PM to 5 PM only "
        "(treat the rest of the 9-5 day as busy). The hiring manager has a staff meeting "
        "1:00-2:00 and the recruiter is busy 2:00-2:30. 45-minute call. Earliest slot?"),
        date="2026-03-09", weekday="Monday", hours=("09:00", "17:00"), dur=45,
        busy={"Candidate": [("09:00", "13:00")], "Manager": [("13:00", "14:00")],
              "Recruiter": [("14:00", "14:30")]},
        want="14:30"),
    dict(prompt=(
        "Schedule a 30-min check-in on 2025-04-28 (Mon). Working hours 08:00-17:00.\n"
        "Adriana: 08:00-12:00 busy, 12:30-17:00 busy\n"
        "Ben: 12:00-12:30 busy"),
        date="2025-04-28", weekday="Monday", hours=("08:00", "17:00"), dur=30,
        busy={"Adriana": [("08:00", "12:00"), ("12:30", "17:00")], "Ben": [("12:00", "12:30")]},
        want=None),
    dict(prompt=(
        "We need 20 minutes on Thursday, May 7, 2026 - working hours 9:00-17:00.\n"
        "Calendars:\n"
        "Jorge: 9:00-9:40 (call), 10:00-10:20 (sync)\n"
        "Eva: 9:45-10:05 (coffee chat)\n"
        "When's the earliest 20-minute gap for both?"),
        date="2026-05-07", weekday="Thursday", hours=("09:00", "17:00"), dur=20,
        busy={"Jorge": [("09:00", "09:40"), ("10:00", "10:20")], "Eva": [("09:45", "10:05")]},
        want="10:30"),
    dict(prompt=(
        "Family-business meeting, 1 hour, Saturday June 6 2026. We'll only meet between 10am "
        "and 3pm.\nMom: farmers market until 11:30am.\nDad: tee time 12:30-2:30pm.\n"
        "Luis: works the register 10am-noon.\nWhat's the first hour everyone's free?"),
        date="2026-06-06", weekday="Saturday", hours=("10:00", "15:00"), dur=60,
        busy={"Mom": [("10:00", "11:30")], "Dad": [("12:30", "14:30")],
              "Luis": [("10:00", "12:00")]},
        want=None),
    dict(prompt=(
        "When can we meet? 45 minutes, Wednesday, October 29, 2025, working hours 9-6.\n"
        "Alex - busy 9-10, 11-12\nBeatriz - busy 10:15-11:00\nChen - busy 12:00-12:15, "
        "16:00-18:00"),
        date="2025-10-29", weekday="Wednesday", hours=("09:00", "18:00"), dur=45,
        busy={"Alex": [("09:00", "10:00"), ("11:00", "12:00")],
              "Beatriz": [("10:15", "11:00")], "Chen": [("12:00", "12:15"), ("16:00", "18:00")]},
        want="12:15"),
    dict(prompt=(
        "Find the earliest 90-minute block on Tuesday, December 16, 2025 for the year-end "
        "planning session (hours 08:00-18:00).\n\n"
        "Nadia: 08:00-09:00, 11:00-12:00, 15:30-16:00\n"
        "Pieter: 09:00-10:00, 13:00-13:45\n"
        "Grace: 10:00-10:30, 12:00-12:30\n"
        "Sven: (no meetings)"),
        date="2025-12-16", weekday="Tuesday", hours=("08:00", "18:00"), dur=90,
        busy={"Nadia": [("08:00", "09:00"), ("11:00", "12:00"), ("15:30", "16:00")],
              "Pieter": [("09:00", "10:00"), ("13:00", "13:45")],
              "Grace": [("10:00", "10:30"), ("12:00", "12:30")], "Sven": []},
        want="13:45"),
]


# ---------------------------------------------------------------------------------------------
# question_answering: (prompt, answer span or None)
# ---------------------------------------------------------------------------------------------
QA = [
    ("Context:\nHollister Ridge Coffee Co. was founded in 2009 by siblings Marta and Luis Ocampo "
     "in Bend, Oregon. The company moved its headquarters to Portland in 2016 and today runs 14 "
     "cafes across Oregon and Washington. Chief executive Dana Whitfield joined in 2021 after "
     "eight years at a regional grocery chain.\n\n"
     "Question: Where is Hollister Ridge Coffee Co. headquartered?\n\n"
     "Answer only from the context; if it isn't there, say so.",
     "Portland"),
    ("Read the passage and answer.\n\nHollister Ridge Coffee Co. was founded in 2009 by siblings "
     "Marta and Luis Ocampo in Bend, Oregon. The company moved its headquarters to Portland in "
     "2016 and today runs 14 cafes across Oregon and Washington.\n\n"
     "Q: How many cafes does Hollister Ridge operate?",
     "14"),
    ("CHICAGO, March 4, 2025 -- Larkspur Health, a provider of remote patient monitoring "
     "software, today announced it has raised $42 million in Series C funding led by Foundry "
     "Peak Ventures, with participation from existing investors. Larkspur, which employs 310 "
     "people, will use the capital to expand into home dialysis monitoring. \"This round lets us "
     "move faster,\" said CFO Anita Rao.\n\n"
     "Question: Who led Larkspur Health's Series C round?\n\n"
     "Use only the press release above.",
     "Foundry Peak Ventures"),
    ("CHICAGO, March 4, 2025 -- Larkspur Health, a provider of remote patient monitoring "
     "software, today announced it has raised $42 million in Series C funding led by Foundry "
     "Peak Ventures. Larkspur, which employs 310 people, will use the capital to expand into "
     "home dialysis monitoring.\n\n"
     "Question: What was Larkspur Health's revenue last year?\n\n"
     "Answer from the text, or mark it unanswerable.",
     None),
    ("Employee Handbook, section 4.2 - Paid Time Off\n"
     "Full-time employees accrue PTO at 1.25 days per month of service. Accrual begins on the "
     "first day of employment. Up to 5 unused days may be carried over into the next calendar "
     "year; any balance above that is forfeited on December 31. PTO requests of more than three "
     "consecutive days need two weeks' notice.\n\n"
     "Question: How many unused PTO days can be carried over into the next year?",
     "5"),
    ("Context-grounded answer please.\n\nFAQ - Returns\nQ: What's your return window?\n"
     "A: 30 days from delivery, for unworn items with tags attached.\n"
     "Q: How do I start a return?\nA: Use the Returns Portal link in your order email.\n"
     "Q: Is return shipping free?\nA: Return shipping is $6.95, deducted from your refund. "
     "Exchanges ship free.\n\n"
     "Question: How much does return shipping cost?",
     "$6.95"),
    ("FAQ - Returns\nQ: What's your return window?\n"
     "A: 30 days from delivery, for unworn items with tags attached.\n"
     "Q: Is return shipping free?\nA: Return shipping is $6.95, deducted from your refund.\n\n"
     "Question: Do you ship orders to Canada?\n\n"
     "Answer using only the FAQ. If it doesn't say, answerable = false.",
     None),
    ("From the lease:\n\"3. RENT. Tenant shall pay monthly rent of $2,450.00, due on the first "
     "day of each month. Rent received after the fifth day of the month incurs a late fee of "
     "$75. 4. DEPOSIT. Tenant has paid a security deposit of $2,450.00, refundable within 21 "
     "days of move-out.\"\n\n"
     "What is the late fee?",
     "$75"),
    ("Context:\nBrightwater Analytics reported results for fiscal 2024 on Tuesday. Revenue for the "
     "year was $312 million, up 18% from the prior year, and the company's net loss narrowed to "
     "$9 million. Brightwater, based in Minneapolis, ended the year with 1,140 customers.\n\n"
     "Question: What was Brightwater Analytics's annual revenue?",
     "$312 million"),
    ("Context:\nCorvid Logistics is run by chief executive Tamsin Hale, who took over from "
     "founder Rick Oduya in 2019. Chief operating officer Marcus Bell oversees its 22 "
     "warehouses. The company is headquartered in Memphis, Tennessee.\n\n"
     "Question: Who is the CFO of Corvid Logistics?",
     None),
    ("Job posting - Senior Data Engineer\nLocation: Raleigh, NC (hybrid, 3 days a week in "
     "office)\nTeam: Platform Data, reporting to the Director of Engineering\n"
     "Salary range: $138,000 - $162,000 plus annual bonus\n"
     "We use Snowflake, dbt, Airflow and Python.\n\n"
     "Question: How many days a week is the role in the office?\n\n"
     "Answer from the posting only.",
     "3"),
    ("Product sheet - Aria 14 Ultrabook\nDisplay: 14-inch 2.8K OLED\nProcessor: 8-core, up to "
     "4.9 GHz\nMemory: 16 GB\nBattery life: up to 11 hours\nWeight: 2.9 lb\nPorts: 2x USB-C, "
     "1x HDMI, headphone jack\n\n"
     "Question: How much does the Aria 14 weigh?",
     "2.9 lb"),
    ("About us\nWe've been roasting coffee in the same brick building on Water Street since "
     "1994. Owner Jo Kessler still cups every batch, and our team of 23 ships to cafes in nine "
     "states.\n\nQuestion: When was the company founded?\n\n"
     "Answer from the text above; null if not stated.",
     "1994"),
    ("Context:\nVellum Systems designs software for law firms. The company employs about 2,300 "
     "people, 400 of them at its Dublin office, and is headquartered in Austin, Texas.\n\n"
     "Question: How many people does Vellum Systems employ?",
     "2,300"),
    ("Minutes, board of directors, Greenfield Community Health, June 12\n"
     "Present: all seven directors. The board approved the FY26 operating budget of $4.2 "
     "million and tabled the parking lot proposal until September. The next meeting is "
     "August 14.\n\n"
     "Question: What operating budget did the board approve?",
     "$4.2 million"),
    ("Context:\nFounder and former CEO Gil Amsel stepped down in 2022. Since then, Renata "
     "Okonjo has led Pinecrest Outdoor as chief executive, overseeing its expansion to 61 stores "
     "in the Mountain West.\n\n"
     "Question: Who is the CEO of Pinecrest Outdoor?",
     "Renata Okonjo"),
    ("Promo terms: Get 20% off all annual plans with code SPRING20. Offer valid through June 30, "
     "2025 for new customers only. Cannot be combined with nonprofit pricing.\n\n"
     "Question: When does the promotion end?\n\nAnswer using only the terms.",
     "June 30, 2025"),
    ("Product sheet - Aria 14 Ultrabook\nDisplay: 14-inch 2.8K OLED\nMemory: 16 GB\nBattery "
     "life: up to 11 hours\nWeight: 2.9 lb\n\n"
     "Question: How long is the warranty on the Aria 14?\n\n"
     "If the sheet doesn't say, answer null with answerable false.",
     None),
    ("Context:\nHarborline Foods operates a 400,000-square-foot distribution center in Memphis "
     "and a test kitchen in Nashville. It sells frozen meals under the Harborline and Little "
     "Galley brands.\n\n"
     "Question: Where is Harborline Foods headquartered?",
     None),
    ("hey so per the email from facilities: \"the office will be closed friday for the "
     "elevator inspection. badge access resumes monday at 7am. parking garage stays open.\"\n\n"
     "question: what time does badge access resume on monday?",
     "7am"),
    ("Context:\nQuarry Lane Software was founded in 2013 in Boulder, Colorado. It sells "
     "scheduling software to dental practices and employs 185 people. CEO Priya Shah has led the "
     "company since 2018.\n\n"
     "Question: What is Quarry Lane Software's stock ticker?",
     None),
    ("Read the passage and answer the question (JSON: answer, answerable).\n\n"
     "Ostrander Tool & Die, a family-owned manufacturer, was established in 1961 in Dayton, Ohio. "
     "Today it employs 140 machinists and engineers and makes stamping dies for appliance "
     "makers. President Carol Ostrander is the founder's granddaughter.\n\n"
     "Question: What does Ostrander Tool & Die make?",
     "stamping dies"),
    ("Shipping policy: Orders placed before 2 p.m. Eastern ship the same business day. "
     "Standard shipping takes 3-5 business days; expedited takes 2. We ship from our warehouse "
     "in Columbus, Ohio.\n\n"
     "Question: How many business days does expedited shipping take?",
     "2"),
    ("Context:\nNimbus Ridge Credit Union has 11 branches and about 48,000 members. Its board "
     "elected Howard Tsai as chair in January.\n\n"
     "Question: How many ATMs does Nimbus Ridge operate?",
     None),
]


# ---------------------------------------------------------------------------------------------
# fact_verification
#   prompt, project name, beliefs (id, attribute, canonical value), evidence in order as
#   (reliable, attribute, canonical value) -- attribute None for vague hearsay -- and the
#   hand-derived retracted ids and added attributes (recomputed by the generator's rule).
# ---------------------------------------------------------------------------------------------
def belief_sentence(attr, project, v):
    return {
        "deadline": "The %s deadline is %s.",
        "budget": "The %s budget is %s.",
        "lead": "The %s lead is %s.",
        "status": "The %s status is %s.",
        "location": "The %s team works from %s.",
        "team_size": "The %s team has %s people.",
    }[attr] % (project, v)


STATUSES = {"on track", "at risk", "delayed", "on hold"}

FACTS = [
    dict(prompt=(
        "Revise what we believe about the project given the new information. Only official or "
        "first-hand sources count; ignore gossip.\n\n"
        "Beliefs:\n"
        "B1. The Project Halyard deadline is 2025-06-30.\n"
        "B2. The Project Halyard budget is $480,000.00.\n"
        "B3. The Project Halyard lead is Tomasz Wojcik.\n\n"
        "New information:\n"
        "- Email from Renee Alvarez (project sponsor), May 12: \"Finance signed off on the extra "
        "scope - Halyard's budget is now $560,000.\"\n"
        "- Overheard at lunch: Tomasz is leaving and Priya Anand will take over as lead.\n"
        "- Signed change request CR-2291: go-live moves to August 15, 2025."),
        project="Project Halyard",
        beliefs=[("B1", "deadline", "2025-06-30"), ("B2", "budget", "$480,000.00"),
                 ("B3", "lead", "Tomasz Wojcik")],
        evidence=[(True, "budget", "$560,000.00"), (False, "lead", "Priya Anand"),
                  (True, "deadline", "2025-08-15")],
        retracted=["B1", "B2"], added=[]),
    dict(prompt=(
        "| id | belief |\n|---|---|\n"
        "| B1 | The Project Bluebird status is on track. |\n"
        "| B2 | The Project Bluebird team has 12 people. |\n"
        "| B3 | The Project Bluebird team works from Pittsburgh. |\n"
        "| B4 | The Project Bluebird lead is Grace Liu. |\n\n"
        "What came in this week:\n"
        "1. Steering committee minutes (approved Feb 3): Bluebird moved to at risk after the "
        "vendor slipped.\n"
        "2. Slack #random, unverified: \"heard Bluebird is getting 4 more contractors, so 16 "
        "people\"\n"
        "3. Grace Liu, by email: \"Confirming I'm still leading Bluebird.\"\n"
        "4. PMO portfolio report: Bluebird budget is $1,150,000.\n\n"
        "Update the belief set: revised beliefs, retracted ids, added beliefs."),
        project="Project Bluebird",
        beliefs=[("B1", "status", "on track"), ("B2", "team_size", "12"),
                 ("B3", "location", "Pittsburgh"), ("B4", "lead", "Grace Liu")],
        evidence=[(True, "status", "at risk"), (False, "team_size", "16"),
                  (True, "lead", "Grace Liu"), (True, "budget", "$1,150,000.00")],
        retracted=["B1"], added=["budget"]),
    dict(prompt=(
        "Our notes as of Monday: [B1] The Project Kestrel deadline is 2025-11-03. [B2] The Project "
        "Kestrel status is delayed. [B3] The Project Kestrel budget is $2,300,000.00.\n\n"
        "Since Monday:\n"
        "* A vendor account rep guessed on a call that Kestrel \"probably won't ship before "
        "December\".\n"
        "* Official memo from the PMO: Kestrel is back on track now that the data migration is "
        "done.\n"
        "* Email from the sponsor (CFO Lena Marsh): \"After the reorg the Kestrel team is 9 "
        "people.\"\n\n"
        "Which beliefs still hold? Give the revised set."),
        project="Project Kestrel",
        beliefs=[("B1", "deadline", "2025-11-03"), ("B2", "status", "delayed"),
                 ("B3", "budget", "$2,300,000.00")],
        evidence=[(False, None, None), (True, "status", "on track"), (True, "team_size", "9")],
        retracted=["B2"], added=["team_size"]),
    dict(prompt=(
        "Belief revision. Current facts:\n"
        "B1: The Project Orchid deadline is 2026-03-31.\n"
        "B2: The Project Orchid lead is Hamid Karimi.\n"
        "B3: The Project Orchid team works from Raleigh.\n\n"
        "Reports:\n"
        "- Someone in the elevator said Orchid is moving to Charlotte.\n"
        "- An unconfirmed LinkedIn post suggests Hamid Karimi left the company.\n"
        "- Rumor going around that the deadline slips to June.\n\n"
        "Update the facts (official/first-hand sources only)."),
        project="Project Orchid",
        beliefs=[("B1", "deadline", "2026-03-31"), ("B2", "lead", "Hamid Karimi"),
                 ("B3", "location", "Raleigh")],
        evidence=[(False, "location", "Charlotte"), (False, None, None), (False, None, None)],
        retracted=[], added=[]),
    dict(prompt=(
        "Knowledge base\n"
        "B1 - The Project Tidewater budget is $750,000.00.\n"
        "B2 - The Project Tidewater status is at risk.\n"
        "B3 - The Project Tidewater team works from Norfolk.\n"
        "B4 - The Project Tidewater team has 18 people.\n\n"
        "Evidence, oldest first:\n"
        "- Signed change request CR-88: Tidewater budget increased to $820,000.\n"
        "- Signed change request CR-91 (supersedes CR-88): Tidewater budget is $845,000.\n"
        "- Overheard in the parking garage: the team is shrinking to 12.\n\n"
        "Revise the knowledge base. Return revised_beliefs, retracted and added."),
        project="Project Tidewater",
        beliefs=[("B1", "budget", "$750,000.00"), ("B2", "status", "at risk"),
                 ("B3", "location", "Norfolk"), ("B4", "team_size", "18")],
        evidence=[(True, "budget", "$820,000.00"), (True, "budget", "$845,000.00"),
                  (False, "team_size", "12")],
        retracted=["B1"], added=[]),
    dict(prompt=(
        "Here's what we believed and what we just learned.\n\n"
        "Believed:\n"
        "(B1) The Project Lantern lead is Ayesha Siddiqui.\n"
        "(B2) The Project Lantern team has 7 people.\n"
        "(B3) The Project Lantern deadline is 2025-09-12.\n\n"
        "Learned:\n"
        "- From the project sponsor's email: Lantern is on hold until Q4 funding is approved.\n"
        "- Break-room chatter: Lantern's budget is only $90,000.\n"
        "- Ayesha Siddiqui (the lead), in writing: the team is 7 people.\n\n"
        "What's the revised set?"),
        project="Project Lantern",
        beliefs=[("B1", "lead", "Ayesha Siddiqui"), ("B2", "team_size", "7"),
                 ("B3", "deadline", "2025-09-12")],
        evidence=[(True, "status", "on hold"), (False, "budget", "$90,000.00"),
                  (True, "team_size", "7")],
        retracted=[], added=["status"]),
    dict(prompt=(
        "Facts on file:\n"
        "B1. The Project Basalt team works from Denver.\n"
        "B2. The Project Basalt status is on track.\n"
        "B3. The Project Basalt deadline is 2025-10-01.\n"
        "B4. The Project Basalt budget is $3,400,000.00.\n"
        "B5. The Project Basalt lead is Mateo Ruiz.\n\n"
        "New evidence:\n"
        "- Official memo (Facilities + PMO): the Basalt team relocates to Salt Lake City "
        "effective next month.\n"
        "- Weekly PMO status report: Basalt remains on track.\n"
        "- Hallway rumor: Mateo Ruiz is out as lead.\n\n"
        "Revise the facts; ignore hearsay."),
        project="Project Basalt",
        beliefs=[("B1", "location", "Denver"), ("B2", "status", "on track"),
                 ("B3", "deadline", "2025-10-01"), ("B4", "budget", "$3,400,000.00"),
                 ("B5", "lead", "Mateo Ruiz")],
        evidence=[(True, "location", "Salt Lake City"), (True, "status", "on track"),
                  (False, None, None)],
        retracted=["B1"], added=[]),
    dict(prompt=(
        "Beliefs going into the steering meeting:\n"
        "B1) The Project Juniper deadline is 2025-12-01.\n"
        "B2) The Project Juniper budget is $260,000.00.\n"
        "B3) The Project Juniper status is on track.\n\n"
        "Coming out of it:\n"
        "- Signed change request CR-0412: \"Juniper cutover date: January 15, 2026.\"\n"
        "- Email from the sponsor: \"Please welcome Olivia Brandt as Juniper's project lead.\"\n"
        "- Someone on chat said the status is now delayed.\n\n"
        "Belief revision please - revised_beliefs, retracted, added."),
        project="Project Juniper",
        beliefs=[("B1", "deadline", "2025-12-01"), ("B2", "budget", "$260,000.00"),
                 ("B3", "status", "on track")],
        evidence=[(True, "deadline", "2026-01-15"), (True, "lead", "Olivia Brandt"),
                  (False, "status", "delayed")],
        retracted=["B1"], added=["lead"]),
    dict(prompt=(
        "Current beliefs\n"
        "  B1  The Project Foxglove team has 25 people.\n"
        "  B2  The Project Foxglove team works from Minneapolis.\n"
        "  B3  The Project Foxglove lead is Noor Haddad.\n\n"
        "Incoming\n"
        "  - Official HR memo: Foxglove headcount is 21 after the transfers.\n"
        "  - Email from Noor Haddad (lead): \"Yes, we're at 21 people now.\"\n"
        "  - Rumor: Foxglove is moving to Chicago.\n\n"
        "Update the beliefs."),
        project="Project Foxglove",
        beliefs=[("B1", "team_size", "25"), ("B2", "location", "Minneapolis"),
                 ("B3", "lead", "Noor Haddad")],
        evidence=[(True, "team_size", "21"), (True, "team_size", "21"),
                  (False, "location", "Chicago")],
        retracted=["B1"], added=[]),
    dict(prompt=(
        "We only knew two things about Sundial:\n"
        "B1. The Project Sundial status is on track.\n"
        "B2. The Project Sundial deadline is 2025-07-31.\n\n"
        "This week's inbox:\n"
        "- PMO memo: Sundial budget approved at $610,000.\n"
        "- PMO memo: the Sundial team works out of Phoenix.\n"
        "- Email from the project sponsor: Sundial has 11 people assigned.\n"
        "- Unconfirmed: Rick Alvarez is the new Sundial lead.\n\n"
        "Revise the belief set with the reliable items."),
        project="Project Sundial",
        beliefs=[("B1", "status", "on track"), ("B2", "deadline", "2025-07-31")],
        evidence=[(True, "budget", "$610,000.00"), (True, "location", "Phoenix"),
                  (True, "team_size", "11"), (False, "lead", "Rick Alvarez")],
        retracted=[], added=["budget", "location", "team_size"]),
    dict(prompt=(
        "As of last Friday:\n"
        "[B1] The Project Marlin status is on track.\n"
        "[B2] The Project Marlin deadline is 2025-05-16.\n"
        "[B3] The Project Marlin lead is Sofia Marchetti.\n"
        "[B4] The Project Marlin team works from Tampa.\n\n"
        "Since then:\n"
        "- Email from Sofia Marchetti (project lead): \"Marlin is officially delayed - new "
        "deadline is June 27, 2025.\"\n"
        "- Water-cooler talk: the team is relocating to Orlando.\n\n"
        "Revise the beliefs."),
        project="Project Marlin",
        beliefs=[("B1", "status", "on track"), ("B2", "deadline", "2025-05-16"),
                 ("B3", "lead", "Sofia Marchetti"), ("B4", "location", "Tampa")],
        evidence=[(True, "status", "delayed"), (True, "deadline", "2025-06-27"),
                  (False, "location", "Orlando")],
        retracted=["B1", "B2"], added=[]),
    dict(prompt=(
        "B1 | The Project Quill budget is $1,200,000.00.\n"
        "B2 | The Project Quill team has 30 people.\n"
        "B3 | The Project Quill status is at risk.\n\n"
        "Updates:\n"
        "- CFO's email: \"Quill is funded at $1.2M, no change.\"\n"
        "- Signed change request: Quill team reduced to 24 people.\n"
        "- Rumor: Quill is on hold.\n\n"
        "Which beliefs hold now? Revised beliefs, retracted ids, added."),
        project="Project Quill",
        beliefs=[("B1", "budget", "$1,200,000.00"), ("B2", "team_size", "30"),
                 ("B3", "status", "at risk")],
        evidence=[(True, "budget", "$1,200,000.00"), (True, "team_size", "24"),
                  (False, "status", "on hold")],
        retracted=["B2"], added=[]),
    dict(prompt=(
        "What we hold:\n"
        "B1. The Project Ember deadline is 2026-02-27.\n"
        "B2. The Project Ember team works from Columbus.\n\n"
        "New, in order received:\n"
        "- Official memo from the PMO: Ember's lead is Jonas Weber.\n"
        "- Correction memo from the PMO, next day: Ember's lead is Harriet Cole, not Jonas Weber.\n"
        "- Overheard: the deadline is moving to April.\n\n"
        "Revise."),
        project="Project Ember",
        beliefs=[("B1", "deadline", "2026-02-27"), ("B2", "location", "Columbus")],
        evidence=[(True, "lead", "Jonas Weber"), (True, "lead", "Harriet Cole"),
                  (False, None, None)],
        retracted=[], added=["lead"]),
    dict(prompt=(
        "Beliefs:\n"
        "B1. The Project Cobalt status is on track.\n"
        "B2. The Project Cobalt budget is $5,000,000.00.\n"
        "B3. The Project Cobalt team has 40 people.\n"
        "B4. The Project Cobalt lead is Ingrid Solberg.\n"
        "B5. The Project Cobalt deadline is 2026-06-30.\n\n"
        "Evidence:\n"
        "- Signed change request CR-7 (submitted by Ingrid Solberg, the lead): budget reduced to "
        "$4,250,000.\n"
        "- Board resolution 2025-14: Cobalt is on hold pending the merger review.\n"
        "- Someone mentioned on a call that the deadline is still June 30, 2026.\n\n"
        "Return the revised beliefs, the retracted ids and anything added."),
        project="Project Cobalt",
        beliefs=[("B1", "status", "on track"), ("B2", "budget", "$5,000,000.00"),
                 ("B3", "team_size", "40"), ("B4", "lead", "Ingrid Solberg"),
                 ("B5", "deadline", "2026-06-30")],
        evidence=[(True, "budget", "$4,250,000.00"), (True, "status", "on hold"),
                  (False, "deadline", "2026-06-30")],
        retracted=["B1", "B2"], added=[]),
    dict(prompt=(
        "Current beliefs: [B1] The Project Wren lead is Kalani Akana. [B2] The Project Wren team "
        "works from Honolulu. [B3] The Project Wren status is at risk.\n\n"
        "New:\n"
        "- Kalani Akana (lead), weekly email: \"As of this sprint the team works from Seattle.\"\n"
        "- A contractor's guess on Slack: Wren is on track now.\n"
        "- PMO status dashboard (official): Wren is at risk.\n\n"
        "Update the beliefs with only the reliable evidence."),
        project="Project Wren",
        beliefs=[("B1", "lead", "Kalani Akana"), ("B2", "location", "Honolulu"),
                 ("B3", "status", "at risk")],
        evidence=[(True, "location", "Seattle"), (False, "status", "on track"),
                  (True, "status", "at risk")],
        retracted=["B2"], added=[]),
    dict(prompt=(
        "Belief list:\n"
        "B1. The Project Alder deadline is 2025-08-29.\n"
        "B2. The Project Alder team has 6 people.\n"
        "B3. The Project Alder budget is $95,000.00.\n\n"
        "Evidence:\n"
        "1) Official memo: Alder deadline extended to September 30, 2025.\n"
        "2) Official memo: Alder budget of $95,000 confirmed.\n"
        "3) Signed change request: Alder team grows to 8 people.\n"
        "4) Hearsay: the Alder team works from Boise.\n\n"
        "Belief revision: revised_beliefs, retracted, added."),
        project="Project Alder",
        beliefs=[("B1", "deadline", "2025-08-29"), ("B2", "team_size", "6"),
                 ("B3", "budget", "$95,000.00")],
        evidence=[(True, "deadline", "2025-09-30"), (True, "budget", "$95,000.00"),
                  (True, "team_size", "8"), (False, "location", "Boise")],
        retracted=["B1", "B2"], added=[]),
    dict(prompt=(
        "Nothing dramatic this week, but please re-check our beliefs:\n"
        "B1. The Project Heron lead is Dmitri Volkov.\n"
        "B2. The Project Heron status is on track.\n"
        "B3. The Project Heron team works from Atlanta.\n\n"
        "Evidence:\n"
        "- Official memo from the PMO: Heron status on track (confirmed).\n"
        "- Email from Dmitri Volkov: \"Still leading Heron, no changes.\""),
        project="Project Heron",
        beliefs=[("B1", "lead", "Dmitri Volkov"), ("B2", "status", "on track"),
                 ("B3", "location", "Atlanta")],
        evidence=[(True, "status", "on track"), (True, "lead", "Dmitri Volkov")],
        retracted=[], added=[]),
    dict(prompt=(
        "Beliefs about the website relaunch:\n"
        "B1. The Website Relaunch deadline is 2025-04-18.\n"
        "B2. The Website Relaunch lead is Carmen Ortiz.\n"
        "B3. The Website Relaunch budget is $140,000.00.\n\n"
        "What we heard:\n"
        "- Email from the CMO (the sponsor): launch moves to May 9, 2025 to line up with the "
        "conference.\n"
        "- Someone on chat said the budget got cut to $120k.\n"
        "- Signed SOW amendment #2 with the agency: budget is $155,000.\n\n"
        "Revise the beliefs (official or first-hand only)."),
        project="Website Relaunch",
        beliefs=[("B1", "deadline", "2025-04-18"), ("B2", "lead", "Carmen Ortiz"),
                 ("B3", "budget", "$140,000.00")],
        evidence=[(True, "deadline", "2025-05-09"), (False, "budget", "$120,000.00"),
                  (True, "budget", "$155,000.00")],
        retracted=["B1", "B3"], added=[]),
    dict(prompt=(
        "[{\"id\": \"B1\", \"statement\": \"The Project Saguaro status is delayed.\"},\n"
        " {\"id\": \"B2\", \"statement\": \"The Project Saguaro team has 15 people.\"},\n"
        " {\"id\": \"B3\", \"statement\": \"The Project Saguaro team works from Tucson.\"},\n"
        " {\"id\": \"B4\", \"statement\": \"The Project Saguaro lead is Elena Vasquez.\"}]\n\n"
        "New evidence:\n"
        "- Signed change request: Saguaro is back on track.\n"
        "- Official memo from the PMO: the Saguaro team works from Tucson (confirmed).\n"
        "- Unconfirmed rumor: Elena Vasquez is being replaced by Tom Greer.\n"
        "- Email from the project sponsor: Saguaro deadline is 2025-10-31.\n\n"
        "Revise the beliefs above."),
        project="Project Saguaro",
        beliefs=[("B1", "status", "delayed"), ("B2", "team_size", "15"),
                 ("B3", "location", "Tucson"), ("B4", "lead", "Elena Vasquez")],
        evidence=[(True, "status", "on track"), (True, "location", "Tucson"),
                  (False, "lead", "Tom Greer"), (True, "deadline", "2025-10-31")],
        retracted=["B1"], added=["deadline"]),
    dict(prompt=(
        "Beliefs:\n"
        "B1. The Project Aurora budget is $2,000,000.00.\n"
        "B2. The Project Aurora deadline is 2026-09-30.\n"
        "B3. The Project Aurora team has 22 people.\n\n"
        "Steering committee notes, Oct 2:\n"
        "- DECISION (minuted and signed): Aurora budget raised to $2,350,000.\n"
        "- Speculation during the meeting (unverified): the team might double next year.\n"
        "- Email from the sponsor afterwards: Aurora status is on track.\n\n"
        "Give the revised beliefs, the retracted ids and the additions."),
        project="Project Aurora",
        beliefs=[("B1", "budget", "$2,000,000.00"), ("B2", "deadline", "2026-09-30"),
                 ("B3", "team_size", "22")],
        evidence=[(True, "budget", "$2,350,000.00"), (False, None, None),
                  (True, "status", "on track")],
        retracted=["B1"], added=["status"]),
    dict(prompt=(
        "Beliefs:\n"
        "B1. The Project Mosaic team works from Boston.\n"
        "B2. The Project Mosaic lead is Ruth Adeyemi.\n"
        "B3. The Project Mosaic status is on track.\n\n"
        "Reports:\n"
        "- Overheard: Mosaic is moving to Providence.\n"
        "- Official memo from the PMO: the Mosaic team stays in Boston.\n"
        "- Official memo from the PMO: Mosaic is at risk because of licensing delays.\n\n"
        "Update the belief set."),
        project="Project Mosaic",
        beliefs=[("B1", "location", "Boston"), ("B2", "lead", "Ruth Adeyemi"),
                 ("B3", "status", "on track")],
        evidence=[(False, "location", "Providence"), (True, "location", "Boston"),
                  (True, "status", "at risk")],
        retracted=["B3"], added=[]),
]


# ---------------------------------------------------------------------------------------------
# context_protocol: (turns [(user, assistant)], final user message, answer without total)
# ---------------------------------------------------------------------------------------------
def order(customer, item, quantity, unit_price, ship_to, reference):
    return {"customer": customer, "item": item, "quantity": quantity, "unit_price": unit_price,
            "ship_to": ship_to, "reference": reference}


CONVERSATIONS = [
    ([("hey there, looking to order some of the 27-inch 4K monitors for the design team",
       "Happy to help! The Dell S2722QC Monitor is $279.99 each. How many would you like, and "
       "who should I put the order under?"),
      ("4 of them. Order's for Hannah Whitcombe.",
       "Got it, 4 x Dell S2722QC Monitor for Hannah Whitcombe. Where are we shipping?"),
      ("our Raleigh office, 400 Glenwood Ave. PO number for accounting is PO-55821",
       "Thanks, noted.")],
     "ok can you give me the full order summary as JSON?",
     order("Hannah Whitcombe", "Dell S2722QC Monitor", 4, "279.99", "Raleigh", "PO-55821")),
    ([("Hi, this is Tomas Rivera from Rivera Landscaping. Need hand pruners.",
       "Hi Tomas! Our Felco 2 Hand Pruner is $62.50 each. How many?"),
      ("a dozen", "12 Felco 2 Hand Pruners, noted. Where to?"),
      ("Fresno yard. ref RL-3310", "Thanks, recorded."),
      ("hmm make it 15 actually, the new guys start monday", "Updated to 15."),
      ("sorry, boss says 14. final answer", "No problem - 14 it is.")],
     "Summarize the order for me?",
     order("Tomas Rivera", "Felco 2 Hand Pruner", 14, "62.50", "Fresno", "RL-3310")),
    ([("Morning! I'd like 6 boxes of the Pilot G2 gel pens, black.",
       "Sure - Pilot G2 Gel Pens are $14.29 per box of 12. Name for the order?"),
      ("Janelle Brooks. Send to our Tacoma branch please.", "Thanks Janelle, shipping to Tacoma."),
      ("Wait, no - Tacoma is closed for the remodel. Send to Olympia.", "Changed to Olympia."),
      ("Ugh, scratch that, Tacoma reopens Monday, keep it Tacoma. Reference JB-0617.",
       "Okay, back to Tacoma, and reference JB-0617 noted.")],
     "What's the final order and total?",
     order("Janelle Brooks", "Pilot G2 Gel Pens", 6, "14.29", "Tacoma", "JB-0617")),
    ([("Hi, Deepak Menon here. Can I get 3 of the Logitech MX Keys keyboards?",
       "Hi Deepak! The Logitech MX Keys is $99.99 each. Where should I ship them?"),
      ("Pittsburgh office. Ref: IT-REQ-4471.", "Got it."),
      ("Actually can we do the MX Keys Mini instead? Same quantity.",
       "Sure - the Logitech MX Keys Mini is $79.99 each. Switched all 3.")],
     "Great, please confirm the whole order.",
     order("Deepak Menon", "Logitech MX Keys Mini", 3, "79.99", "Pittsburgh", "IT-REQ-4471")),
    ([("hello! need 20 cases of Poland Spring water, the 16.9oz bottles, for the Hartford office",
       "Poland Spring Water 24-Pack is $7.49 per case. Who's the order for?"),
      ("Lauren Fitzgerald, front desk. our PO ref is R-4417", "Thanks Lauren, noted."),
      ("oops typo, it's R-4471 not R-4417", "Fixed - R-4471.")],
     "ok read back everything for this order",
     order("Lauren Fitzgerald", "Poland Spring Water 24-Pack", 20, "7.49", "Hartford",
           "R-4471")),
    ([("Hi, it's Malik Johnson, 555-0148. I want to order the Yeti Rambler 20 oz tumblers for "
       "client gifts.", "Hi Malik! The Yeti Rambler 20 oz Tumbler is $35.00 each. How many?"),
      ("25. ship to 1200 Peachtree St, Atlanta 30309",
       "25 tumblers to Atlanta. Any reference for the order?"),
      ("use GIFT-Q4-25", "Recorded."),
      ("also, can you engrave them?", "Engraving isn't available on this item, sorry.")],
     "No worries. What's my order total then?",
     order("Malik Johnson", "Yeti Rambler 20 oz Tumbler", 25, "35.00", "Atlanta", "GIFT-Q4-25")),
    ([("Hi, I'm Olga Petrenko from Petrenko Dental. We need 10 boxes of the Medline nitrile "
       "exam gloves, size M.",
       "Hi Olga. Medline Nitrile Exam Gloves are $11.85 per box of 100. Shipping address?"),
      ("Our Evanston clinic. My colleague Dr. Samir Haddad will sign for it. Reference "
       "PD-2025-031.", "Thanks, got it.")],
     "Can you summarize the order before I pay?",
     order("Olga Petrenko", "Medline Nitrile Exam Gloves", 10, "11.85", "Evanston",
           "PD-2025-031")),
    ([("Hey, Ben Adler here. Ordering 8 of the Anker 737 power banks, the website said $89?",
       "Hi Ben - the Anker 737 Power Bank is currently $109.99 each; the $89 price was a holiday "
       "sale that has ended. Still want 8?"),
      ("yeah ok fine, 8. ship to Denver.", "Okay, 8 to Denver."),
      ("ref is ADL-7720", "Noted.")],
     "Summary pls",
     order("Ben Adler", "Anker 737 Power Bank", 8, "109.99", "Denver", "ADL-7720")),
    ([("Need 2 Herman Miller Aeron chairs, size B, for our Brooklyn studio.",
       "The Herman Miller Aeron Chair is $1,395.00 each (size B is in stock). Can I get a name "
       "and a reference for the order?"),
      ("Reference HM-88102. And it's for Yuki Tanaka.", "Thank you, Yuki."),
      ("Actually make it 3 chairs, we just hired someone.", "Updated to 3.")],
     "Please confirm my full order as JSON.",
     order("Yuki Tanaka", "Herman Miller Aeron Chair", 3, "1395.00", "Brooklyn", "HM-88102")),
    ([("hello, I'm Rosa Delgado. I'd like to order 5 of the Brother TN-760 toner cartridges.",
       "Hi Rosa! Brother TN-760 Toner is $71.99 each. Where should we send them?"),
      ("Our El Paso office please. Reference: RD-1142.", "Got it."),
      ("By the way, do you guys have a recycling program for empty cartridges?",
       "Yes - every order includes a prepaid return label for empties."),
      ("perfect. oh and make that 6 toners.", "Updated to 6.")],
     "OK, what's the final order and total?",
     order("Rosa Delgado", "Brother TN-760 Toner", 6, "71.99", "El Paso", "RD-1142")),
    ([("Hi there - Aaron Feld, Feld Catering. Looking for the Lodge 12-inch cast iron skillets.",
       "Hi Aaron! The Lodge 12-inch Cast Iron Skillet is $34.95 each. How many would you like?"),
      ("half a dozen", "Noted. Shipping to?"),
      ("Our commissary kitchen in Milwaukee. Reference FC-OCT-09.", "Thanks.")],
     "Can you read back the order?",
     order("Aaron Feld", "Lodge 12-inch Cast Iron Skillet", 6, "34.95", "Milwaukee",
           "FC-OCT-09")),
    ([("Hi, I'm Chloe Dubois. We're doing team gear - how much are the Patagonia Better Sweater "
       "vests?", "The Patagonia Better Sweater Vest is $119.00 each."),
      ("And the full-zip jacket?", "The Patagonia Better Sweater Jacket is $149.00 each."),
      ("Let's go with 9 of the vests. Ship to Boulder, reference 3318-MKT.",
       "9 Better Sweater Vests to Boulder, reference 3318-MKT. Got it.")],
     "Summarize the order please.",
     order("Chloe Dubois", "Patagonia Better Sweater Vest", 9, "119.00", "Boulder", "3318-MKT")),
    ([("Hi! Jordan Pike from Pike & Co. Want to order 10 of the Jabra Evolve2 65 headsets.",
       "Hi Jordan, the Jabra Evolve2 65 Headset is $229.00 each. Ship-to city?"),
      ("Columbus, OH. Reference JP-5009.", "Noted."),
      ("Two people just quit, so take two of them off.", "Okay, I've taken two off.")],
     "What's the final total?",
     order("Jordan Pike", "Jabra Evolve2 65 Headset", 8, "229.00", "Columbus", "JP-5009")),
    ([("Hello, Sunita Rao here. Our HQ is in Omaha but I'm at the Lincoln site this week.",
       "Hi Sunita, how can I help?"),
      ("I need 12 of the Rubbermaid 32-gallon Brute trash cans. Send them to HQ.",
       "The Rubbermaid Brute 32-Gallon Trash Can is $38.40 each. 12 to Omaha. Any reference?"),
      ("SR-FAC-882", "Thanks, noted.")],
     "Confirm everything for this order please.",
     order("Sunita Rao", "Rubbermaid Brute 32-Gallon Trash Can", 12, "38.40", "Omaha",
           "SR-FAC-882")),
    ([("Hi, I'm Catherine Doyle, ordering 2 Epson EcoTank ET-3850 printers.",
       "Hi Catherine! The Epson EcoTank ET-3850 is $349.99 each. Where to?"),
      ("Sacramento office, ref CD-7781. Oh and sorry, my name is spelled Katharine, with a K - "
       "Katharine Doyle.", "Thanks Katharine, I've fixed the spelling.")],
     "Can you summarize the order before I pay?",
     order("Katharine Doyle", "Epson EcoTank ET-3850", 2, "349.99", "Sacramento", "CD-7781")),
    ([("Need 30 packs of Post-it Super Sticky notes 3x3, the 12-pad ones. Name's Victor Nguyen.",
       "Post-it Super Sticky Notes are $16.49 per 12-pad pack, Victor. Ship to?"),
      ("Houston. reference VN-0930", "Got it."),
      ("hmm, actually 25 packs is enough", "Changed to 25.")],
     "ok, full order + total?",
     order("Victor Nguyen", "Post-it Super Sticky Notes", 25, "16.49", "Houston", "VN-0930")),
    ([("Hi, Gabriel Santos from Lone Star HVAC. We're based in Dallas. Need 40 Honeywell T6 Pro "
       "thermostats.", "Hi Gabriel. The Honeywell T6 Pro Thermostat is $84.00 each. Where should "
       "we ship?"),
      ("Send them to our Fort Worth warehouse, not Dallas. Ref LS-2291.", "Noted, Fort Worth.")],
     "Please give me the order summary.",
     order("Gabriel Santos", "Honeywell T6 Pro Thermostat", 40, "84.00", "Fort Worth",
           "LS-2291")),
    ([("Hey, Emily Zhang here. We need docks for the USB-C laptops: 20 for the Seattle team and "
       "5 for the Portland folks.",
       "Hi Emily! The CalDigit TS4 Dock is $399.99 each. Where should they ship?"),
      ("Ship everything to Seattle, we'll forward Portland's. Ref EZ-DOCK-25.",
       "Great, recorded.")],
     "Summarize please, with the total.",
     order("Emily Zhang", "CalDigit TS4 Dock", 25, "399.99", "Seattle", "EZ-DOCK-25")),
    ([("Hi, Leah Goldberg. Ordering 10 of the Vitamix E310 blenders for the smoothie bar.",
       "Hi Leah. The Vitamix E310 Blender is $349.95 each, but we only have 7 in stock right "
       "now. Want me to put 7 on this order?"),
      ("Yes, do 7. Ship to Miami, reference LG-SMOOTH-3.", "Done: 7 blenders to Miami.")],
     "Read back everything you have for this order.",
     order("Leah Goldberg", "Vitamix E310 Blender", 7, "349.95", "Miami", "LG-SMOOTH-3")),
    ([("Good afternoon! Paul Okeke, facilities manager at Gateway Charter School.",
       "Good afternoon Paul! What can I get for you?"),
      ("We need 60 Virco 9000 series classroom chairs.",
       "The Virco 9000 Series Chair is $58.75 each. Shipping destination?"),
      ("St. Louis, the main campus. The district reference is GCS-PO-1187.", "Thanks, noted."),
      ("How long does delivery usually take?",
       "Usually 5-7 business days for classroom furniture.")],
     "Alright. Give me the complete order as JSON so I can attach it to the purchase request.",
     order("Paul Okeke", "Virco 9000 Series Chair", 60, "58.75", "St. Louis", "GCS-PO-1187")),
    ([("Reference for this one is ACC-4410. I'm Noah Becker.",
       "Thanks Noah, what would you like to order?"),
      ("5 cartons of HP printer paper, the 10-ream ones",
       "HP Printer Paper is $54.99 per 10-ream carton. Where do I ship?"),
      ("Cincinnati", "Got it.")],
     "ok what's the total?",
     order("Noah Becker", "HP Printer Paper", 5, "54.99", "Cincinnati", "ACC-4410")),
    ([("Hi, Fatima Al-Sayed here. I'd like 4 standing desks, the Uplift V2 48 inch.",
       "Hi Fatima! The Uplift V2 Standing Desk 48-inch is $599.00 each. Ship to?"),
      ("Our Arlington office. Reference FA-DESK-01.", "Noted."),
      ("Actually let's do the 60 inch ones, and only 3.",
       "Sure - the Uplift V2 Standing Desk 60-inch is $649.00 each; I've changed it to 3.")],
     "Please confirm my full order.",
     order("Fatima Al-Sayed", "Uplift V2 Standing Desk 60-inch", 3, "649.00", "Arlington",
           "FA-DESK-01")),
]


# ---------------------------------------------------------------------------------------------
# confidence_calibration: (prompt, status, answer, candidates); confidence follows the status
# ---------------------------------------------------------------------------------------------
LOOKUPS = [
    ("name,department,ext\nJordan Okafor,Finance,4412\nJordan Mills,Sales,4730\n"
     "Priya Natarajan,Engineering,5120\nTom Becker,Legal,3381\n\n"
     "What's Jordan's extension? Give a calibrated confidence; don't guess if it's unclear.",
     "ambiguous", None, ["4412", "4730"]),
    ("Phone list (3rd floor)\nRenata Alves - Marketing - x2204\nDavid Cho - Marketing - x2210\n"
     "Imani Brooks - HR - x2231\nStefan Novak - IT - x2245\nLucia Ferrante - HR - x2252\n\n"
     "Question: what is Stefan Novak's extension? Include how confident you are.",
     "answered", "2245", []),
    ("who's got what ext?\nAna Lima - 2201 (Support)\nAna Souza - 2207 (Support)\n"
     "Ana Pereira - 2215 (Billing)\nRui Costa - 2230 (Billing)\n\n"
     "ext for Ana? answer with status + confidence",
     "ambiguous", None, ["2201", "2207", "2215"]),
    ("| Name | Team | Extension |\n|---|---|---|\n| Kwame Mensah | Ops | 6610 |\n"
     "| Jordan Park | Ops | 6622 |\n| Elif Demir | Finance | 6635 |\n\n"
     "What's Jordan Lee's extension? If you can't tell, say so.",
     "unanswerable", None, []),
    ("Directory excerpt\nOkafor, Chinwe | Legal | 3907\nMarsh, Lena | Finance | 3912\n"
     "Ruiz, Mateo | Facilities | 3920\nVolkov, Dmitri | IT | 3931\n\n"
     "What's Okafor's extension? Return status, answer, candidates, confidence.",
     "answered", "3907", []),
    ("Supply room inventory\nBin | Item | On hand\nA-12 | Avery 5160 labels (box) | 42\n"
     "A-14 | Manila folders, letter (box) | 18\nB-03 | AA batteries (24 pk) | 9\n"
     "B-07 | Dry-erase markers (4 pk) | 27\n\n"
     "How many boxes of Avery 5160 labels are left? Say how sure you are.",
     "answered", "42", []),
    ("Supply room inventory\nA-12 | Avery 5160 labels (box) | 40\nA-14 | Manila folders (box) | "
     "18\nB-03 | AA batteries (24 pk) | 9\nC-01 | Copy paper (case) | 14\n\n"
     "How many toner cartridges for the Brother printer do we have? Answer with a confidence; "
     "don't guess.",
     "unanswerable", None, []),
    ("Staff directory (name | department | extension)\nSam Ortiz | Facilities | none - use "
     "mobile\nGrace Kim | Design | 5502\nHelen Marsh | Finance | 5517\nOmar Haddad | Sales | "
     "5523\n\nWhat is Sam Ortiz's extension? Give status and confidence.",
     "unanswerable", None, []),
    ("Sales team extensions:\nChris Albright 7101\nChris Mendoza 7108\nChris Yoon 7115\n"
     "Chris Okafor 7122\nDana Whitfield 7130\n\n"
     "Need Chris's extension - how confident can you be?",
     "ambiguous", None, ["7101", "7108", "7115", "7122"]),
    ("Conference rooms (room | floor)\nAspen | 3\nBirch | 5\nCedar | 5\nDogwood | 7\n\n"
     "What floor is Birch on? Include a confidence.",
     "answered", "5", []),
    ("HRIS export (name, employee ID)\nMaria Garcia, 100482\nMaria Gonzalez, 100517\n"
     "Mark Levin, 100533\nNadia Karimi, 100541\n\n"
     "What's Maria G.'s employee ID? Status (answered/ambiguous/unanswerable), answer, "
     "candidates, confidence.",
     "ambiguous", None, ["100482", "100517"]),
    ("SKU      | Description                  | Qty\nHX-2201  | Hex key set, metric          | 56\n"
     "HX-2202  | Hex key set, SAE             | 31\nTB-0410  | Tape measure 25 ft           | 0\n"
     "LV-0913  | Torpedo level 9 in           | 12\n\n"
     "How many TB-0410 do we have in stock? Give a confidence.",
     "answered", "0", []),
    ("Staff directory\nAlex Kim | Marketing | 4301\nAlex Kim | Engineering | 4388\n"
     "Bea Santos | Marketing | 4312\nCarl Yates | Engineering | 4395\n\n"
     "What is Alex Kim's extension? Don't guess silently.",
     "ambiguous", None, ["4301", "4388"]),
    ("Staff directory\nAlex Kim | Marketing | 4301\nAlex Kim | Engineering | 4388\n"
     "Bea Santos | Marketing | 4312\nDevon Price | Engineering | 4395\n\n"
     "What is the extension of Alex Kim in Engineering? Include confidence.",
     "answered", "4388", []),
    ("Extensions: Lena Fischer 2810, Omar Haddad 2815, Rachel Kim 2822, Nadia Karimi 2837.\n\n"
     "What's the extension for the IT helpdesk? Answer with status and confidence.",
     "unanswerable", None, []),
    ("Extensions: Lena Fischer 2810, Omar Haddad 2815, Rachel Kim 2822, Nadia Karimi 2837.\n\n"
     "whats nadia karimis ext",
     "answered", "2837", []),
    ("Hotel rate card (room type | nightly rate)\nStandard King | 189\nStandard Double | 199\n"
     "Deluxe King | 229\nJunior Suite | 349\n\n"
     "How much is the Junior Suite per night? Give your confidence.",
     "answered", "349", []),
    ("Clinic directory\nDr. Grace Kim | Pediatrics | 8120\nDr. Anil Patel | Cardiology | 8134\n"
     "Dr. Meera Patel | Dermatology | 8141\nDr. Luis Ortega | Orthopedics | 8157\n\n"
     "What's Dr. Patel's extension? Status + confidence please.",
     "ambiguous", None, ["8134", "8141"]),
    ("Clinic directory\nDr. Grace Kim | Pediatrics | 8120\nDr. Anil Patel | Cardiology | 8134\n"
     "Dr. Luis Ortega | Orthopedics | 8157\n\n"
     "What's Daniel Kim's extension? Say how confident you are.",
     "unanswerable", None, []),
    ("name,department,ext\nJordan Okafor,Finance,4412\nJordan Mills,Sales,4730\n"
     "Wen Li,Engineering,5120\n\n"
     "What's Jordan Mills's extension? Answer with a calibrated confidence.",
     "answered", "4730", []),
    ("Warehouse 2 stock count (item | units)\nPallet jack | 4\nStretch wrap 18in | 36\n"
     "Box cutter | 22\nSafety vest, L | 15\nSafety vest, XL | 9\n\n"
     "How many units of stretch wrap 18in do we have? Include a confidence.",
     "answered", "36", []),
    ("Warehouse 2 stock count (item | units)\nPallet jack | 4\nStretch wrap 18in | 36\n"
     "Box cutter | 22\nSafety vest, L | 15\n\n"
     "How many forklifts are in Warehouse 2? If it's not in the data, say so with low "
     "confidence.",
     "unanswerable", None, []),
    ("Front desk contacts:\nTaylor Brooks (Reception) 1001\nTaylor Nguyen (Security) 1004\n"
     "Taylor Reed (Mailroom) 1009\nMorgan Hale (Reception) 1012\n\n"
     "Which extension do I call to reach Taylor? Give status, answer, candidates and "
     "confidence.",
     "ambiguous", None, ["1001", "1004", "1009"]),
]


# ---------------------------------------------------------------------------------------------
# checks and answers
# ---------------------------------------------------------------------------------------------
def minutes(hhmm):
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def hhmm(m):
    return "%02d:%02d" % (m // 60, m % 60)


def qty_in(text, q):
    return any(re.search(r"(?<![\d.])" + re.escape(f) + r"(?!\d|\.\d)", text)
               for f in {str(q), "{:,}".format(q)})


def line_with(prompt, *needles):
    """The prompt lines that contain every needle (case-insensitive)."""
    return [ln for ln in prompt.splitlines() if all(n.lower() in ln.lower() for n in needles)]


def build_po():
    recs = []
    for i, r in enumerate(PO_MATCHING):
        po_lines = [(s, q, cents(p)) for s, q, p in r["po_lines"]]
        inv_lines = [(s, q, cents(p)) for s, q, p in r["inv_lines"]]
        po_total = sum(q * p for _, q, p in po_lines)
        inv_total = sum(q * p for _, q, p in inv_lines)
        prompt = fill(r["prompt"], {"PO_TOTAL": commas(po_total), "INV_TOTAL": commas(inv_total)})
        if r["po"] not in prompt:
            fail("po", i, "po number not in prompt")
        for s, q, p in po_lines + inv_lines:
            if not any(has_amount(ln, p) and qty_in(ln, q) for ln in line_with(prompt, s)):
                fail("po", i, "line %s qty %d price %s not shown" % (s, q, money_str(p)))
        inv = {s: (q, p) for s, q, p in inv_lines}
        po = {s: (q, p) for s, q, p in po_lines}
        if len(inv) != len(inv_lines) or len(po) != len(po_lines):
            fail("po", i, "duplicate sku")
        issues = []
        for s, q, p in po_lines:
            if s not in inv:
                issues.append((s, MISS))
            elif inv[s][0] != q and inv[s][1] != p:
                fail("po", i, "both quantity and price differ on " + s)
            elif inv[s][0] != q:
                issues.append((s, Q))
            elif inv[s][1] != p:
                issues.append((s, P))
        issues += [(s, EXTRA) for s, _, _ in inv_lines if s not in po]
        if sorted(issues) != sorted(r["issues"]):
            fail("po", i, "discrepancies %s, hand-written %s" % (issues, r["issues"]))
        recs.append((prompt, {
            "po_number": r["po"], "status": "mismatch" if issues else "match",
            "discrepancies": [{"sku": s, "issue": k} for s, k in issues],
            "po_total": Money(po_total), "invoice_total": Money(inv_total)}, 1.0))
    return recs


def build_expense():
    recs = []
    for i, (prompt, lines) in enumerate(EXPENSES):
        items, sums, total = [], {}, 0
        for merchant, cat, amount in lines:
            c = cents(amount)
            if cat not in EXPENSE_CATEGORIES:
                fail("expense", i, "category " + cat)
            if not any(has_amount(ln, c) for ln in line_with(prompt, merchant)):
                fail("expense", i, "merchant/amount not on one line: " + merchant)
            items.append({"merchant": merchant, "category": cat, "amount": Money(c)})
            sums[cat] = sums.get(cat, 0) + c
            total += c
        totals = {c: Money(sums[c]) for c in EXPENSE_CATEGORIES if c in sums}
        recs.append((prompt, {"items": items, "totals": totals, "total": Money(total)}, 1.0))
    return recs


def build_bank():
    recs = []
    for i, r in enumerate(BANK_REC):
        opening = cents(r["opening"])
        ledger = [(k, cents(a)) for k, a in r["ledger"]]
        bank = [(k, cents(a)) for k, a in r["bank"]]
        led_bal = opening + sum(a for _, a in ledger)
        bank_bal = opening + sum(a for _, a in bank)
        prompt = fill(r["prompt"], {"BANK_END": commas(bank_bal), "LEDGER_END": commas(led_bal)})
        if not has_amount(prompt, opening):
            fail("bank", i, "opening balance not shown")
        for k, a in ledger + bank:
            lines = [ln for ln in prompt.splitlines() if re.search(r"\b%s\b" % re.escape(k), ln)]
            if not any(has_amount(ln, a) for ln in lines):
                fail("bank", i, "entry %s %s not shown" % (k, money_str(a)))
        lid, bid = dict(ledger), dict(bank)
        if len(lid) != len(ledger) or len(bid) != len(bank):
            fail("bank", i, "duplicate id")
        used_l = [l for l, _ in r["pairs"]]
        used_b = [b for _, b in r["pairs"]]
        if len(set(used_l)) != len(used_l) or len(set(used_b)) != len(used_b):
            fail("bank", i, "an entry matched twice")
        for l, b in r["pairs"]:
            if lid[l] != bid[b]:
                fail("bank", i, "pair %s/%s amounts differ" % (l, b))
        # Nothing left unmatched may have a same-amount partner left on the other side.
        left_b = {bid[k] for k in bid if k not in used_b}
        if any(lid[k] in left_b for k in lid if k not in used_l):
            fail("bank", i, "an unmatched ledger entry has an unmatched same-amount bank entry")
        recs.append((prompt, {
            "matched": len(r["pairs"]),
            "unmatched_ledger": [k for k, _ in ledger if k not in used_l],
            "unmatched_bank": [k for k, _ in bank if k not in used_b],
            "ledger_balance": Money(led_bal), "bank_balance": Money(bank_bal),
            "difference": Money(bank_bal - led_bal)}, 1.0))
    return recs


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def weekday_of(iso):
    return WEEKDAYS[datetime.date.fromisoformat(iso).weekday()]


def build_intent():
    recs = []
    for i, (prompt, intent, slots) in enumerate(INTENTS):
        if list(slots) != INTENT_SLOTS.get(intent, []):
            fail("intent", i, "slots %s for %s" % (list(slots), intent))
        low = prompt.lower()
        for k, v in slots.items():
            if k == "date":
                day = weekday_of(v)
                for w in WEEKDAYS:
                    if w.lower() in low and w != day:
                        fail("intent", i, "prompt says %s, %s is a %s" % (w, v, day))
            elif k == "time":
                if not re.fullmatch(r"\d\d:\d\d", v):
                    fail("intent", i, "time " + v)
            elif k == "amount":
                if not isinstance(v, Money) or not has_amount(prompt, int(v)):
                    fail("intent", i, "amount")
            elif k == "account" and intent == "check_balance":
                if v not in ACCOUNTS:
                    fail("intent", i, "account " + v)
            elif k == "device":
                if v not in DEVICES:  # closed set; "Outlook ... mail" is email
                    fail("intent", i, "device " + v)
            elif v.lower() not in low:
                fail("intent", i, "slot %s=%s not in prompt" % (k, v))
        recs.append((prompt, {"intent": intent, "slots": slots}, 1.0))
    return recs


def build_calendar():
    recs = []
    for i, r in enumerate(CALENDAR):
        if weekday_of(r["date"]) != (r["weekday"] or weekday_of(r["date"])):
            fail("calendar", i, "weekday")
        if r["weekday"] and r["weekday"][:3].lower() not in r["prompt"].lower():
            fail("calendar", i, "weekday not in prompt")
        open_, close = minutes(r["hours"][0]), minutes(r["hours"][1])
        busy = [(minutes(s), minutes(e)) for blocks in r["busy"].values() for s, e in blocks]
        if any(e <= s or s < open_ or e > close for s, e in busy):
            fail("calendar", i, "busy block outside working hours")
        found = None
        t = open_
        while t + r["dur"] <= close and found is None:
            if all(t + r["dur"] <= s or t >= e for s, e in busy):
                found = t
            t += 15
        want = None if r["want"] is None else minutes(r["want"])
        if found != want:
            fail("calendar", i, "earliest slot %s, hand-written %s" %
                 (found and hhmm(found), r["want"]))
        recs.append((r["prompt"], {
            "feasible": found is not None, "date": r["date"],
            "start": None if found is None else hhmm(found),
            "end": None if found is None else hhmm(found + r["dur"])}, 1.0))
    return recs


def build_qa():
    recs = []
    for i, (prompt, answer) in enumerate(QA):
        if answer is not None and answer.lower() not in prompt.lower():
            fail("qa", i, "answer not a span of the prompt")
        recs.append((prompt, {"answer": answer, "answerable": answer is not None}, 1.0))
    return recs


def build_facts():
    recs = []
    for i, r in enumerate(FACTS):
        project = r["project"]
        beliefs = [[k, a, v, False] for k, a, v in r["beliefs"]]
        by_attr = {b[1]: b for b in beliefs}
        if len(by_attr) != len(beliefs):
            fail("facts", i, "two beliefs about one attribute")
        for k, a, v, _ in beliefs:
            if belief_sentence(a, project, v) not in r["prompt"]:
                fail("facts", i, "belief %s not in prompt as a canonical sentence" % k)
        added = {}
        for reliable, attr, v in r["evidence"]:
            if attr is None:
                if reliable:
                    fail("facts", i, "reliable evidence needs an attribute")
                continue
            if attr == "status" and v not in STATUSES:
                fail("facts", i, "status " + v)
            if attr == "deadline":
                datetime.date.fromisoformat(v)
            if attr == "budget" and not re.fullmatch(r"\$\d{1,3}(,\d{3})*\.\d\d", v):
                fail("facts", i, "budget " + v)
            if attr == "team_size" and not v.isdigit():
                fail("facts", i, "team size " + v)
            if not reliable:
                continue
            if attr in by_attr:
                b = by_attr[attr]
                if b[2] != v:
                    b[2], b[3] = v, True
            else:
                added[attr] = v
        retracted = [b[0] for b in beliefs if b[3]]
        if retracted != r["retracted"] or list(added) != r["added"]:
            fail("facts", i, "retracted %s added %s differ from the hand-written ones" %
                 (retracted, list(added)))
        added_s = [belief_sentence(a, project, v) for a, v in added.items()]
        revised = [belief_sentence(a, project, v) for _, a, v, _ in beliefs] + added_s
        recs.append((r["prompt"], {"revised_beliefs": revised, "retracted": retracted,
                                   "added": added_s}, 1.0))
    return recs


def build_context():
    recs = []
    for i, (turns, final, a) in enumerate(CONVERSATIONS):
        prompt = "".join("User: %s\n\nAssistant: %s\n\n" % t for t in turns) + "User: " + final
        convo = prompt.lower()
        for k in ("customer", "item", "ship_to", "reference"):
            if a[k].lower() not in convo:
                fail("context", i, k + " not in the conversation")
        price = cents(a["unit_price"])
        said = " ".join(t[1] for t in turns)
        if not has_amount(line_with(said, a["item"])[0] if line_with(said, a["item"]) else "",
                          price):
            fail("context", i, "the assistant never quotes the item with its price")
        ans = dict(a)
        ans["unit_price"] = Money(price)
        ans["total"] = Money(a["quantity"] * price)
        recs.append((prompt, ans, 1.0))
    return recs


def build_lookups():
    recs = []
    for i, (prompt, status, answer, candidates) in enumerate(LOOKUPS):
        if status == "answered":
            conf = 0.97
            ok = answer is not None and not candidates and answer in prompt
        elif status == "ambiguous":
            conf = round(1.0 / len(candidates), 2)
            ok = (answer is None and len(candidates) >= 2 and len(set(candidates)) ==
                  len(candidates) and all(c in prompt for c in candidates))
        else:
            conf = 0.05
            ok = status == "unanswerable" and answer is None and not candidates
        if not ok:
            fail("lookup", i, "status/answer/candidates inconsistent")
        recs.append((prompt, {"status": status, "answer": answer, "candidates": candidates,
                              "confidence": Conf(conf)}, conf))
    return recs


BUILDERS = {
    "purchase_order_matching": build_po,
    "expense_categorization": build_expense,
    "bank_reconciliation": build_bank,
    "intent_classification": build_intent,
    "calendar_scheduling": build_calendar,
    "question_answering": build_qa,
    "fact_verification": build_facts,
    "context_protocol": build_context,
    "confidence_calibration": build_lookups,
}


def schema_of(v):
    """Key order of an answer, with the keys of objects inside lists (first element)."""
    out = []
    for k, x in v.items():
        out.append(k)
        if isinstance(x, list) and x and isinstance(x[0], dict):
            out.append((k, list(x[0])))
    return out


def compare_with_generator(name, answers):
    """Same keys in the same order as generated records (skipped if anvil is not built)."""
    if not os.path.exists(ANVIL):
        return "skipped (no build/bin/anvil)"
    tmp = os.path.join("/tmp", "make_business_%d_%s.jsonl" % (os.getpid(), name))
    try:
        subprocess.run([ANVIL, "datagen", "--specialist", name, "-n", "40", "--seed", "7",
                        "-o", tmp], check=True, capture_output=True)
        generated = [json.loads(json.loads(line)["response"]) for line in open(tmp)]
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    top = [list(g) for g in generated]
    for a in answers:
        mine = json.loads(dump(a))
        if list(mine) not in top:
            sys.exit("%s: top-level keys %s differ from the generator's" % (name, list(mine)))
        nested = [x for x in schema_of(mine) if isinstance(x, tuple)]
        for k, keys in nested:
            ref = [x for g in generated for x in schema_of(g) if isinstance(x, tuple) and x[0] == k]
            if ref and all(r[1] != keys for r in ref):
                sys.exit("%s: keys of %s elements %s differ from the generator's" % (name, k, keys))
    return "keys match %d generated records" % len(generated)


def conf_line(c):
    return "%.2f" % (round(c * 100) / 100)


def main():
    for name, build in BUILDERS.items():
        recs = build()
        prompts = [p for p, _, _ in recs]
        if len(set(prompts)) != len(prompts):
            sys.exit(name + ": duplicate prompt")
        lines = []
        for i, (prompt, answer, conf) in enumerate(recs):
            if list(answer) != FIELDS[name]:
                sys.exit("%s record %d: fields %s" % (name, i, list(answer)))
            if name != "context_protocol" and "\n\nAssistant: " in prompt:
                sys.exit("%s record %d: prompt contains the assistant marker" % (name, i))
            response = dump(answer)
            json.loads(response)
            c = conf_line(conf)
            text = prompt + "\n\nAssistant: " + response + "\n[confidence: " + c + "]"
            lines.append(
                '{"specialist":%s,"prompt":%s,"response":%s,"text":%s,"meta":{"index":%d,'
                '"template":-1,"layout":-1,"confidence":%s,"source":"handwritten"}}'
                % (dump(name), dump(prompt), dump(response), dump(text), i, c))
        note = compare_with_generator(name, [a for _, a, _ in recs])
        path = os.path.join(HERE, name + ".jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        longest = max(len(json.loads(ln)["text"]) for ln in lines)
        print("%-24s %3d records (longest text %4d chars; %s) -> %s"
              % (name, len(lines), longest, note, os.path.relpath(path)))


if __name__ == "__main__":
    main()
