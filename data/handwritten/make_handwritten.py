#!/usr/bin/env python3
"""Hand-written evaluation sets for five specialists (source of truth for data/handwritten/*.jsonl).

Every prompt and answer below was written by hand, NOT produced by `anvil datagen`: real-world
layouts, names, wording and noise the generators' templates do not contain. The answers use the
generators' schema exactly (field order, closed label sets, canonical formats), so the same
validators score them. Never train on these files; they measure generalisation.

Run:  python3 data/handwritten/make_handwritten.py        (stdlib only; rewrites the .jsonl files)
Then: anvil datagen --validate data/handwritten/<name>.jsonl --plot /tmp/hw.png

Conventions that follow the generators (see README.md):
  address_parsing   street = everything between the house number and the unit/city (directionals
                    and suffixes kept as written: "W 45th St", "Terry Ave N"); unit copied as
                    written ("Apt 3F", "#14", "Suite 4700"), null if none; state = 2-letter code;
                    postcode = the 5-digit ZIP (no ZIP+4 inputs); country = "US".
  support_ticket    priority = severe (outage, security_concern or an explicit severity cue)
                    -> urgent on business/enterprise, high on free/pro; otherwise enterprise ->
                    high, pro/business -> normal, free -> low.
  sentiment         aspects only from the domain's closed list; overall = mixed if any aspect is
                    positive and any negative, else positive / negative / neutral.
  spam_detection    signals are listed only for spam; a legitimate message has signals [].
  product           product_type from the generator's closed item list of that category; sku is
                    the identifier the listing labels as its SKU/item code (copied exactly);
                    price = the current selling price of one listed unit.
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

FIELDS = {
    "address_parsing": ["street_number", "street", "unit", "city", "state", "postcode", "country"],
    "support_ticket_routing": ["team", "priority", "product", "issue_type"],
    "sentiment_analysis": ["sentiment", "aspects"],
    "spam_detection": ["is_spam", "signals"],
    "product_categorization": ["category", "product_type", "sku", "price"],
}
MONEY_FIELDS = {"price"}  # written with two decimals, like JsonBuilder::money


class Money(float):
    pass


def dump(v):
    """Compact JSON the way the generators' JsonBuilder writes it."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Money):
        return "%.2f" % v
    if isinstance(v, (int, float)):
        return json.dumps(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ",".join(dump(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join(dump(k) + ":" + dump(x) for k, x in v.items()) + "}"
    raise TypeError(type(v))


# ---------------------------------------------------------------------------------------------
# address_parsing
# ---------------------------------------------------------------------------------------------
STATES = set(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY".split())


def addr(number, street, unit, city, state, postcode):
    return {"street_number": number, "street": street, "unit": unit, "city": city,
            "state": state, "postcode": postcode, "country": "US"}


ADDRESS = [
    ("pull out the address fields as JSON pls\n\n1600 pennsylvania ave nw, washington dc 20500",
     addr("1600", "Pennsylvania Ave NW", None, "Washington", "DC", "20500")),
    ("Ship to:\nDana Whitfield\nBrightline Dental Group\n2200 W Main St, Suite 410\n"
     "Durham, NC 27705\n\nCan you split that into street number, street, unit, city, state, zip and "
     "country for the label printer?",
     addr("2200", "W Main St", "Suite 410", "Durham", "NC", "27705")),
    ("Break this address into its parts (2-letter state, ISO country, null unit if there isn't "
     "one):\n\n350 5th Ave, New York, NY 10118",
     addr("350", "5th Ave", None, "New York", "NY", "10118")),
    ("Our vendor form says: \"Remit to: 1 Microsoft Way, Redmond, Washington 98052, USA\". "
     "Give me the structured address.",
     addr("1", "Microsoft Way", None, "Redmond", "WA", "98052")),
    ("Deliver to my cousin:\nPriya Raman\n37-12 82nd St, Apt 3F\nJackson Heights, NY 11372\n\n"
     "Parse the address above into JSON fields.",
     addr("37-12", "82nd St", "Apt 3F", "Jackson Heights", "NY", "11372")),
    ("Office address is 1450 N 200 W, Provo, UT 84604 (the building behind the gas station, "
     "park in the back).\n\nExtract street_number, street, unit, city, state, postcode, country.",
     addr("1450", "N 200 W", None, "Provo", "UT", "84604")),
    ("Normalize this address from a scanned packing slip:\n\n\"\"\"\nATTN: RECEIVING DEPT\n"
     "NORTHGATE SUPPLY CO\n8800 SW NIMBUS AVE STE 120\nBEAVERTON OR 97008\n\"\"\"",
     addr("8800", "SW Nimbus Ave", "Ste 120", "Beaverton", "OR", "97008")),
    ("Kessler & Moore LLP\n100 N Tryon St\nSuite 4700\nCharlotte, NC 28202\n\n"
     "^ that's the law firm's mailing address, please turn it into address fields",
     addr("100", "N Tryon St", "Suite 4700", "Charlotte", "NC", "28202")),
    ("my new place is 512 e college ave #14, tallahassee, florida 32301 - can you format it "
     "into fields for the change-of-address form?",
     addr("512", "E College Ave", "#14", "Tallahassee", "FL", "32301")),
    ("Hi! For the wedding invites please use our new address: 1284 Massachusetts Avenue, "
     "Apt 5, Cambridge, MA 02138. Thanks so much!!\n\nParse the address in this message.",
     addr("1284", "Massachusetts Avenue", "Apt 5", "Cambridge", "MA", "02138")),
    ("Customer record export:\n\nCity: Coeur d'Alene\nState: ID\nZIP: 83814\n"
     "Address line 1: 1215 N 4th St\nAddress line 2:\n\nReturn the address as JSON with "
     "street_number, street, unit, city, state, postcode and country.",
     addr("1215", "N 4th St", None, "Coeur d'Alene", "ID", "83814")),
    ("First name: Marcus\nLast name: Oyelaran\nAddress line 1: 4471 Peachtree Rd NE\n"
     "Address line 2: Unit 1108\nCity: Brookhaven\nState/Province: Georgia\nPostal code: 30319\n"
     "Country: United States\n\nMap this checkout form to our address schema.",
     addr("4471", "Peachtree Rd NE", "Unit 1108", "Brookhaven", "GA", "30319")),
    ("88 sw 3rd ave apt 1204 miami fl 33130\n\nsplit into components",
     addr("88", "SW 3rd Ave", "Apt 1204", "Miami", "FL", "33130")),
    ("Farm stand pickup is at 12450 State Hwy 49, Grass Valley, CA 95945 - open Sat/Sun only. "
     "What are the address components?",
     addr("12450", "State Hwy 49", None, "Grass Valley", "CA", "95945")),
    ("Please parse the recipient address: Send the signed contract to Lumen Health, "
     "500 Boylston St, 3rd Floor, Boston, MA 02116.",
     addr("500", "Boylston St", "3rd Floor", "Boston", "MA", "02116")),
    ("Address components for this one? 6100 St Charles Ave, New Orleans, LA 70118",
     addr("6100", "St Charles Ave", None, "New Orleans", "LA", "70118")),
    ("Mail it to: Ramsey Arts Council c/o Hana Lee, 75 W 5th St, Saint Paul, MN 55102\n\n"
     "Give the street number, street, unit, city, state code, ZIP and country code.",
     addr("75", "W 5th St", None, "Saint Paul", "MN", "55102")),
    ("Winston-Salem NC 27101 / 301 N Main St, Apt 2B\n\nThe address above came out of an old "
     "spreadsheet in city-first order. Parse it into fields.",
     addr("301", "N Main St", "Apt 2B", "Winston-Salem", "NC", "27101")),
    ("c/o Hartley Property Mgmt\nJ. Alvarez\n14 Harbor View Ln\nBar Harbor, ME 04609\n\n"
     "Parse this envelope address.",
     addr("14", "Harbor View Ln", None, "Bar Harbor", "ME", "04609")),
    ("Turn this into address JSON: 2121 4th Ave #302, Seattle WA 98121",
     addr("2121", "4th Ave", "#302", "Seattle", "WA", "98121")),
    ("we're at 9400 n central expy, ste 1500, dallas tx 75231 - front desk closes at 5 so "
     "deliveries before then please\n\nextract the address parts",
     addr("9400", "N Central Expy", "Ste 1500", "Dallas", "TX", "75231")),
    ("Guest's mailing address for the refund check:\n\"\"\"\nKeoni Kahale\n2255 Kuhio Ave, Apt 1802\n"
     "Honolulu, HI 96815\n\"\"\"\nSplit it into street_number / street / unit / city / state / "
     "postcode / country.",
     addr("2255", "Kuhio Ave", "Apt 1802", "Honolulu", "HI", "96815")),
    ("Parse: 3100 Channel Dr, Juneau, Alaska 99801, United States of America",
     addr("3100", "Channel Dr", None, "Juneau", "AK", "99801")),
    ("SHIP TO\nRENEE OKONKWO\n410 TERRY AVE N\nSEATTLE WA 98109\nUNITED STATES\nPH: (206) 555-0142\n"
     "REF: PO-88213\n\nWhat's the street address on this label, as fields?",
     addr("410", "Terry Ave N", None, "Seattle", "WA", "98109")),
    ("The tenant wrote the unit first on the lease: \"Apt 4, 1127 Delaware St, Lawrence, KS "
     "66044\". Normalize it into address fields.",
     addr("1127", "Delaware St", "Apt 4", "Lawrence", "KS", "66044")),
    ("Returns Dept\nGreenleaf Outfitters\n5600 N May Ave Suite 210\nOklahoma City OK 73112 USA\n\n"
     "Parse the return address into JSON (state as a code, country as ISO code).",
     addr("5600", "N May Ave", "Suite 210", "Oklahoma City", "OK", "73112")),
    ("Address from a Wisconsin farm customer: N6350 County Rd M, Delavan, WI 53115. "
     "Split it into the standard fields.",
     addr("N6350", "County Rd M", None, "Delavan", "WI", "53115")),
    ("1000 vermont ave nw ste 300 washington dc 20005\n\nno commas, sorry - can you parse it?",
     addr("1000", "Vermont Ave NW", "Ste 300", "Washington", "DC", "20005")),
    ("Text from Jake: \"yo its 3320 Bardstown Rd unit 6 louisville ky 40218, gate code 4512\"\n\n"
     "Pull the address out of that text as structured fields.",
     addr("3320", "Bardstown Rd", "Unit 6", "Louisville", "KY", "40218")),
    ("Event venue: 221 S Phillips Ave, Sioux Falls, South Dakota 57104. Doors at 7.\n\n"
     "Address fields, please.",
     addr("221", "S Phillips Ave", None, "Sioux Falls", "SD", "57104")),
    ("Normalize: 1 N 2nd St Fargo ND 58102",
     addr("1", "N 2nd St", None, "Fargo", "ND", "58102")),
    ("Please send the invoice to Harrow Media Group, 1211 Avenue of the Americas, 14th Fl, "
     "New York, NY 10036, Attn: Accounts Payable.\n\nExtract the postal address into fields.",
     addr("1211", "Avenue of the Americas", "14th Fl", "New York", "NY", "10036")),
]

# ---------------------------------------------------------------------------------------------
# support_ticket_routing: (prompt, team, priority, product, issue_type, tier, severe)
# ---------------------------------------------------------------------------------------------
ISSUE_TEAM = {
    "refund_request": "billing", "invoice_question": "billing", "bug_report": "engineering",
    "outage": "engineering", "login_problem": "account_management",
    "plan_change": "account_management", "shipping_delay": "logistics",
    "security_concern": "security",
}
PRODUCTS = ["Ledger Cloud", "Atlas CRM", "PulseDesk", "Beacon Analytics", "Relay Mail",
            "Nimbus Drive"]

TICKETS = [
    ("Subject: double charged??\n\nhi, we got charged twice for ledger cloud this month (two "
     "identical charges on the 3rd). can you refund one of them? we're on the Pro plan.\n\nthanks,\n"
     "Tom\n\nRoute this ticket: team, priority, product, issue_type.",
     "billing", "normal", "Ledger Cloud", "refund_request", "pro", False),
    ("Which queue does this go to and how urgent is it?\n\n[09:52] Visitor (Enterprise account, "
     "Harlow Freight): Atlas CRM won't load for anyone in our org, everyone gets 502 Bad Gateway "
     "since about 9:40 ET",
     "engineering", "urgent", "Atlas CRM", "outage", "enterprise", True),
    ("I signed up for the free version of Nimbus Drive and never got the verification email, so "
     "I can't log in. Checked spam too. No rush, just letting you know.\n\nTriage this support "
     "request as JSON.",
     "account_management", "low", "Nimbus Drive", "login_problem", "free", False),
    ("From: it-admin@carverlaw.com\nSubject: Is this email from you?\n\nSomeone on our team got an "
     "email that claims to be from PulseDesk asking them to re-enter their password on a site "
     "called pulsedesk-verify.net. Did you guys send that? We're a Business customer.\n\n"
     "Helpdesk triage: which team, what priority, which product, what kind of issue?",
     "security", "urgent", "PulseDesk", "security_concern", "business", True),
    ("Ticket #88412 | Org: Meridian Health (Enterprise agreement)\nOur AP team needs the March "
     "invoice for Beacon Analytics to show our PO number 4500-2231. Could you reissue it? "
     "Thanks!\n\nClassify for routing.",
     "billing", "high", "Beacon Analytics", "invoice_question", "enterprise", False),
    ("Relay Mail: scheduled sends have been going out exactly one hour late since the daylight "
     "saving change. Plan: Pro.\n\nRoute it (team / priority / product / issue_type).",
     "engineering", "normal", "Relay Mail", "bug_report", "pro", False),
    ("Please triage:\n\nBeacon Analytics dashboards show $0 for yesterday's revenue even though "
     "the raw data is there. Our CFO presents these numbers to the board in two hours - this is "
     "critical, please escalate. (Business plan)",
     "engineering", "urgent", "Beacon Analytics", "bug_report", "business", True),
    ("how do i upgrade from free to pro on pulsedesk?? cant find the button anywhere\n\n"
     "support routing json please",
     "account_management", "low", "PulseDesk", "plan_change", "free", False),
    ("Hello,\nThe 12 Nimbus Drive backup appliances on order NB-55812 were due last Tuesday and "
     "tracking still says \"label created\". Can someone check with the carrier?\n"
     "We're on an enterprise contract.\nRegards, Owen Patel\n\nWho handles this and with what "
     "priority?",
     "logistics", "high", "Nimbus Drive", "shipping_delay", "enterprise", False),
    ("Classify this ticket.\n\n\"\"\"\nWe ordered the PulseDesk front-desk kiosk for our new "
     "clinic and it still hasn't shipped, the order page has said 'processing' for 10 days. This "
     "is blocking our clinic opening on Monday. Pro plan.\n\"\"\"",
     "logistics", "high", "PulseDesk", "shipping_delay", "pro", True),
    ("Our admin account for Atlas CRM got locked after too many password attempts and the reset "
     "link says it expired. Nobody else can manage users, so this is blocking our whole onboarding "
     "team today. We're on Enterprise.\n\nRoute this ticket.",
     "account_management", "urgent", "Atlas CRM", "login_problem", "enterprise", True),
    ("Support ticket:\nPlease refund the annual renewal of Nimbus Drive that auto-renewed "
     "yesterday - we had already told our account rep we were not renewing.\nAccount tier: "
     "Business\n\nAssign team, priority, product and issue type.",
     "billing", "normal", "Nimbus Drive", "refund_request", "business", False),
    ("got an alert that someone logged into my ledger cloud account from Lagos, Nigeria at 3am. "
     "it wasn't me. free account\n\nwhere should this go",
     "security", "high", "Ledger Cloud", "security_concern", "free", True),
    ("Is Relay Mail down?? Nothing has gone out from our account in the last 40 minutes, the "
     "outbound queue just spins for everyone here. (pro plan)\n\nTriage: team, priority, "
     "product, issue_type.",
     "engineering", "high", "Relay Mail", "outage", "pro", True),
    ("Hi, where do I find the invoices for Atlas CRM? Our accountant needs them for the tax "
     "return. We're on Pro.\n\nRoute to the right queue.",
     "billing", "normal", "Atlas CRM", "invoice_question", "pro", False),
    ("Route this:\n\nFrom: ops@brightwaterlabs.io\nSubject: more seats\n\nWe'd like to add 25 "
     "seats to our Beacon Analytics Enterprise subscription before the new analysts start on "
     "the 1st. Can you send the updated quote?",
     "account_management", "high", "Beacon Analytics", "plan_change", "enterprise", False),
    ("Please move us from Business down to Pro on Relay Mail at the end of the current billing "
     "period. Thanks - Marisol\n\nWhich team owns this, priority, product, issue type?",
     "account_management", "normal", "Relay Mail", "plan_change", "business", False),
    ("Found a small bug: in PulseDesk, the Export CSV button on the Tickets page downloads an "
     "empty file whenever the filter includes a date range. Free plan, not urgent at all.\n\n"
     "Classify for the helpdesk.",
     "engineering", "low", "PulseDesk", "bug_report", "free", False),
    ("Ticket from Halvorsen Engineering (Enterprise):\nThe Nimbus Drive desktop sync client "
     "4.2 on macOS keeps re-uploading the same files in a loop. Logs attached.\n\n"
     "Route it.",
     "engineering", "high", "Nimbus Drive", "bug_report", "enterprise", False),
    ("We use both Atlas CRM and Beacon Analytics. Atlas is fine, but Beacon Analytics stopped "
     "loading entirely for everyone in the company this morning - just a white screen, even "
     "though your status page is all green. Business tier.\n\nTriage as JSON.",
     "engineering", "urgent", "Beacon Analytics", "outage", "business", True),
    ("URGENT\nOne of our engineers accidentally pushed our Relay Mail API key to a public GitHub "
     "repo about an hour ago. We deleted the commit but need the key rotated and the access logs "
     "checked. Enterprise customer.\n\nRoute this support ticket.",
     "security", "urgent", "Relay Mail", "security_concern", "enterprise", True),
    ("You charged our card $1,188 for a Ledger Cloud annual plan we cancelled back in January. "
     "That payment overdrew our business account and now we're getting bounced-payment fees. "
     "Please refund it, it's critical. (Pro plan)\n\nHelpdesk routing?",
     "billing", "high", "Ledger Cloud", "refund_request", "pro", True),
    ("Two-factor codes for PulseDesk aren't coming through by SMS since I switched phones. "
     "Could you reset 2FA on my user? Our company is on the Business plan.\n\n"
     "Classify the ticket.",
     "account_management", "normal", "PulseDesk", "login_problem", "business", False),
    ("Ordered the Beacon Analytics foot-traffic sensor starter kit three weeks ago and tracking "
     "hasn't updated since it left your warehouse. I'm on the free tier.\n\nWhich team should "
     "pick this up?",
     "logistics", "low", "Beacon Analytics", "shipping_delay", "free", False),
    ("Web form\nName: Gloria Estevez\nCompany: Tidewater Dental\nPlan: Business\nProduct: "
     "Nimbus Drive\nDescription: The invoice we got this month lists 60 users but we only have "
     "45 active. Can you check it?\n\nRoute the ticket.",
     "billing", "normal", "Nimbus Drive", "invoice_question", "business", False),
    ("ledger cloud site not loading at all, tried 3 browsers and my phone, same thing. free "
     "acct\n\nroute this ticket pls",
     "engineering", "high", "Ledger Cloud", "outage", "free", True),
    ("Request type: Other\nProduct: Atlas CRM\nPlan: Pro\nDescription: we want to switch to the "
     "Business plan so we get the sandbox environment. who do we talk to?\n\n"
     "Assign this to a queue as JSON (team, priority, product, issue_type).",
     "account_management", "normal", "Atlas CRM", "plan_change", "pro", False),
    ("Atlas CRM was down for about 6 hours last Thursday. Under our SLA we're entitled to a "
     "service credit, so please refund the prorated amount to our card on file. Enterprise "
     "account, ref MSA-2291.\n\nTriage this for support.",
     "billing", "high", "Atlas CRM", "refund_request", "enterprise", False),
    ("A former employee still seems to have access to our shared folders in Nimbus Drive - I "
     "can see edits from her account this morning even though we removed her last week. We're "
     "on Pro.\n\nWhere does this ticket go?",
     "security", "high", "Nimbus Drive", "security_concern", "pro", True),
    ("Forwarded by our store manager:\n> The Ledger Cloud receipt printers we ordered for our 4 "
     "stores haven't shipped, the order page has said 'processing' for 9 days. We're losing "
     "sales because we can't print receipts.\nWe're on the Business plan.\n\nClassify and route.",
     "logistics", "urgent", "Ledger Cloud", "shipping_delay", "business", True),
    ("I reset my password for Beacon Analytics and now it says 'account locked, contact your "
     "admin' - but I AM the admin lol. pro plan\n\nrouting?",
     "account_management", "normal", "Beacon Analytics", "login_problem", "pro", False),
    ("Could you add our VAT ID (DE298374123) to future Relay Mail invoices? Enterprise account, "
     "no rush.\n\nPlease route this ticket (team, priority, product, issue_type).",
     "billing", "high", "Relay Mail", "invoice_question", "enterprise", False),
]

# ---------------------------------------------------------------------------------------------
# sentiment_analysis: (prompt, domain, [(aspect, polarity)])  -- overall is derived and checked
# ---------------------------------------------------------------------------------------------
ASPECTS = {
    "restaurant": {"food", "service", "price", "ambience", "wait time"},
    "hotel": {"room", "staff", "location", "cleanliness", "price"},
    "product": {"battery life", "build quality", "price", "shipping", "customer support"},
}
P, N, Z = "positive", "negative", "neutral"

REVIEWS = [
    ("The tacos al pastor were honestly the best I've had outside Mexico City, but we waited 50 "
     "minutes for a table even with a reservation. 4/5\n\nWhat's the sentiment, overall and per "
     "aspect?",
     "restaurant", [("food", P), ("wait time", N)]),
    ("Booked 3 nights. The bathroom had mold in the shower and there was hair on the towels. "
     "The front desk guy just shrugged when we complained. Never again.\n\n"
     "Aspect-level sentiment please.",
     "hotel", [("cleanliness", N), ("staff", N)]),
    ("Analyze this review:\n\nbattery lasts me 2 full days even with heavy use, and it showed up "
     "a day early. 10/10",
     "product", [("battery life", P), ("shipping", P)]),
    ("Oh great, the \"premium aluminum\" case bent in my pocket after one week. Really premium. "
     "\U0001F644\n\nClassify the sentiment of this product review, including each aspect.",
     "product", [("build quality", N)]),
    ("Yelp review:\n\"Food was fine, nothing memorable. Prices are about what you'd expect for "
     "the neighborhood.\"\n\nHow did the customer feel about each thing they mentioned?",
     "restaurant", [("food", Z), ("price", Z)]),
    ("Can't beat the location - two blocks from Pike Place Market. The room itself was tiny and "
     "the AC rattled all night.\n\nSentiment + aspects as JSON.",
     "hotel", [("location", P), ("room", N)]),
    ("Rate the sentiment:\n\n\"\"\"\nThe hinge cracked after a month of normal use. To their "
     "credit, customer support sent a replacement within 3 days, no questions asked.\n\"\"\"",
     "product", [("build quality", N), ("customer support", P)]),
    ("our server maria was an absolute gem, kept the drinks coming and remembered my kid's nut "
     "allergy without us reminding her\n\nwhat's the sentiment here",
     "restaurant", [("service", P)]),
    ("TripAdvisor, 2 stars: $389 a night plus a $45 \"resort fee\" for a pool that was closed. "
     "The staff were lovely though.\n\nBreak down the sentiment by aspect.",
     "hotel", [("price", N), ("staff", P)]),
    ("Took 3 weeks to show up and the box was crushed when it finally did.\n\n"
     "Do aspect-based sentiment on this product review.",
     "product", [("shipping", N)]),
    ("Review: Way too loud - we had to shout across the table. The pasta was excellent though. "
     "Service was standard.\n\nGive me overall sentiment and per-aspect sentiment.",
     "restaurant", [("ambience", N), ("food", P), ("service", Z)]),
    ("Spotless - you could tell housekeeping takes real pride in their work. Location is okay, "
     "about a 15-minute walk to downtown.\n\nWhat sentiment does this hotel guest express?",
     "hotel", [("cleanliness", P), ("location", Z)]),
    ("for $29 you really can't go wrong. does exactly what it says\n\n"
     "classify the sentiment (overall + aspects)",
     "product", [("price", P)]),
    ("Survey response\nQ: Anything else you'd like to tell us about your visit?\n"
     "A: The wait for our food was ridiculous (45+ min) and the burger was just ok.\n\n"
     "Aspect sentiment analysis, please.",
     "restaurant", [("wait time", N), ("food", Z)]),
    ("Staff upgraded us to a suite for our anniversary \U0001F942 and the room had a gorgeous "
     "view of the bay. Would stay again!\n\nSentiment?",
     "hotel", [("staff", P), ("room", P)]),
    ("Battery went from 100% to 20% in about 3 hours of light browsing. Returned it.\n\n"
     "Tell me how the reviewer felt about each aspect they mention.",
     "product", [("battery life", N)]),
    ("Been trying to reach their support for 2 weeks. The chat bot loops and emails just get "
     "auto-replies.\n\nSentiment analysis with aspects:",
     "product", [("customer support", N)]),
    ("Lunch special is $12 with a drink - hard to beat. The line at noon is about what you'd "
     "expect downtown.\n\nWhat's the overall and per-aspect sentiment of this restaurant review?",
     "restaurant", [("price", P), ("wait time", Z)]),
    ("The room was standard Marriott, nothing special. But the area around the hotel felt "
     "sketchy at night and it's a $30 Uber to anything worth seeing.\n\nAnalyze the sentiment.",
     "hotel", [("room", Z), ("location", N)]),
    ("Amazon review, 3 stars:\nBuild feels solid, heavier than I expected in a good way. Battery "
     "is average - gets me through a workday, barely. Shipping took forever.\n\n"
     "Per-aspect sentiment + overall.",
     "product", [("build quality", P), ("battery life", Z), ("shipping", N)]),
    ("Cold fries, soggy bun, and the cashier rolled her eyes when I asked for ketchup. Save "
     "yourself the trip.\n\nDetermine the sentiment of this review and of each aspect.",
     "restaurant", [("food", N), ("service", N)]),
    ("I wouldn't call it clean - crumbs on the desk and the sheets looked slept in. When "
     "we told the front desk they apologised and moved us right away, which I appreciated.\n\n"
     "Sentiment per aspect?",
     "hotel", [("cleanliness", N), ("staff", P)]),
    ("Customer feedback: \"It's a charger. It charges. Shipping was about what you'd expect, "
     "nothing fast, nothing slow.\"\n\nClassify the sentiment.",
     "product", [("shipping", Z)]),
    ("Gorgeous rooftop, string lights, great playlist. Cocktails were overpriced at $18 each "
     "though.\n\nAspect-based sentiment for this bar/restaurant review:",
     "restaurant", [("ambience", P), ("price", N)]),
    ("Cheap for the area, I'll give them that. But the night manager was rude and wouldn't even "
     "look up from his phone.\n\nWhat is the sentiment of this hotel review?",
     "hotel", [("price", P), ("staff", N)]),
    ("\u2605\u2605\u2606\u2606\u2606 Fell apart in a month\nThe stitching on the strap came "
     "loose within a month and the clasp snapped. Customer service offered me a 10% coupon, "
     "which is frankly insulting.\n\nAnalyze overall and aspect sentiment.",
     "product", [("build quality", N), ("customer support", N)]),
    ("We walked in on a Friday night and were seated immediately!! The carbonara was perfect.\n\n"
     "sentiment + aspects json",
     "restaurant", [("wait time", P), ("food", P)]),
    ("Average chain hotel. The room was fine, staff did their job, location is okay if you "
     "have a car.\n\nHow did this guest feel about each aspect?",
     "hotel", [("room", Z), ("staff", Z), ("location", Z)]),
    ("Beautifully made, you can feel the quality in the hinges. But $249 for a laptop stand is "
     "ridiculous.\n\nSentiment (overall and per aspect):",
     "product", [("build quality", P), ("price", N)]),
    ("the food was amazing but our waiter was rude and got our order wrong smh\n\n"
     "aspect sentiment?",
     "restaurant", [("food", P), ("service", N)]),
    ("Ordered Sunday night, it was on my porch Tuesday morning. Had a question about pairing and "
     "their support team replied within an hour.\n\nClassify the review's sentiment by aspect.",
     "product", [("shipping", P), ("customer support", P)]),
    ("Great spot right by the beach. Cleanliness was acceptable, nothing to rave about.\n\n"
     "What's the sentiment of this hotel review (overall + each aspect)?",
     "hotel", [("location", P), ("cleanliness", Z)]),
]

# ---------------------------------------------------------------------------------------------
# spam_detection: (prompt, is_spam, [signals])
# ---------------------------------------------------------------------------------------------
SIGNALS = {"prize", "urgency", "suspicious_link", "money_request", "credential_request"}

MESSAGES = [
    # --- spam
    ("SMS from +1 (917) 304-2291:\nUSPS: Your package is on hold due to an incomplete address. "
     "Update your details within 12 hours or it will be returned: "
     "https://usps-redelivery-track.com/a8Kq\n\nIs this spam? List any spam signals.",
     True, ["urgency", "suspicious_link"]),
    ("Text message: \"Hi Mom, it's me, I dropped my phone in the toilet \U0001F648 this is my new "
     "number. Can you send me $450 today to pay a bill? It's urgent, I'll pay you back tomorrow "
     "x\"\n\nSpam check please.",
     True, ["money_request", "urgency"]),
    ("From: Amazon Prime <billing@amaz0n-accounts.support>\nSubject: Action required: membership "
     "on hold\n\nDear Customer,\nWe were unable to renew your Prime membership. Your account will "
     "be suspended in 24 hours unless you confirm your password and billing details at "
     "http://amaz0n-accounts.support/renew\n\nAmazon Customer Service\n\n"
     "Classify this email as spam or not and give the signals.",
     True, ["urgency", "credential_request", "suspicious_link"]),
    ("Congratulations! Your number was drawn in the Walmart Customer Appreciation giveaway - "
     "you've won a $500 gift card. Claim it: bit.ly/wm-gift500\n\nspam or not?",
     True, ["prize", "suspicious_link"]),
    ("Check this email for spam:\n\nFrom: David Chen (CEO) <david.chen.office@gmail.com>\n"
     "Subject: quick favor\n\nAre you at your desk? I need you to pick up 6 Apple gift cards "
     "($200 each) for a client today. Scratch the backs and email me the codes asap, I'm in "
     "meetings all afternoon.\n\nDavid",
     True, ["money_request", "urgency"]),
    ("You've been selected for an exclusive Bitcoin airdrop worth 0.25 BTC!! Claim at "
     "https://btc-airdrop-claim.xyz before midnight tonight, unclaimed rewards are forfeited.\n\n"
     "Run it through the spam filter.",
     True, ["prize", "suspicious_link", "urgency"]),
    ("Dear Friend,\n\nI am Barrister James Okoro, personal attorney to a late engineer who left "
     "US$8.5 million with no next of kin. You will receive 40% of the funds as my foreign partner. "
     "To begin, send your full name, your bank account number and a processing fee of $350 via "
     "Western Union.\n\nIs this message spam? Which signals does it show?",
     True, ["prize", "credential_request", "money_request"]),
    ("SMS: E-ZPass: You have an unpaid toll of $6.75. Pay now to avoid a $50 late fee: "
     "https://ezpass-tolls.info/pay\n\nSpam? Signals?",
     True, ["money_request", "urgency", "suspicious_link"]),
    ("Chase: we noticed a new sign-in on your account. To keep using mobile banking, reply to "
     "this message with your online banking username and password.\n\n"
     "Classify as spam / not spam with signal labels.",
     True, ["credential_request"]),
    ("NETFLIX: your payment was declined. Update your billing at netflix-billing-help.com/update "
     "or your account will be closed today.\n\nIs it spam?",
     True, ["suspicious_link", "urgency"]),
    ("Subject: WINNING NOTIFICATION!!!\n\nYour email address has won 850,000 GBP in the UK "
     "National Online Lottery. To claim, reply to claims.dept@lottowinners-uk.com quoting your "
     "ticket number VX-2231.\n\nSpam filter verdict?",
     True, ["prize"]),
    ("IRS NOTICE: A lawsuit has been filed under your name for unpaid taxes. Call "
     "1-888-555-0199 immediately to settle the balance and avoid arrest.\n\n"
     "Analyze this voicemail transcript for spam.",
     True, ["urgency", "money_request"]),
    ("From: IT Helpdesk <helpdesk@mail-quota-admin.com>\nSubject: Mailbox 98% full\n\nYour "
     "mailbox is 98% full and will stop receiving mail in 24 hours. Sign in at "
     "https://outlook-storage-upgrade.web.app/login with your email password to increase your "
     "quota.\n\nIs this spam? Return is_spam and signals.",
     True, ["urgency", "suspicious_link", "credential_request"]),
    ("FedEx: Your parcel 7789 2210 is held at customs. A $2.99 fee is required for release. "
     "Pay here: fedx-parcel-release.com/p/7789\n\nspam check",
     True, ["money_request", "suspicious_link"]),
    ("Email body:\nThank you for renewing Geek Squad Total Protection. $399.99 will be charged "
     "to your account today. If you did not authorize this, call 1-808-555-0147 within 24 hours "
     "to cancel.\n\nSpam or legit?",
     True, ["urgency"]),
    ("You've been chosen to take our 30-second Costco member survey and get a FREE KitchenAid "
     "mixer! Just cover the $9.95 shipping: https://costco-rewards.club/s/991\n\n"
     "Is this spam? Give the spam signals.",
     True, ["prize", "money_request", "suspicious_link"]),
    # --- legitimate (hard negatives: codes, deadlines, money, links, "congrats", "urgent")
    ("SMS from 86753: Your Venmo verification code is 482913. Don't share it with anyone. We'll "
     "never call to ask for it.\n\nIs this spam?",
     False, []),
    ("omg congrats on the promotion!!! \U0001F389 drinks on me friday?\n\n"
     "classify: spam or not spam, with signals",
     False, []),
    ("Slack DM from Raj (on-call): URGENT - prod db is throwing 500s, can you jump on the bridge? "
     "https://meet.google.com/xkq-fmpw-zta\n\nSpam filter: check this message.",
     False, []),
    ("From: Linda Moreno <linda.moreno@gmail.com>\nSubject: March rent\n\nHi Sam,\nRent for March "
     "is due on the 1st as usual. You can pay through the tenant portal like last month. Let me "
     "know if the dishwasher is still acting up.\nThanks,\nLinda\n\nIs this email spam?",
     False, []),
    ("Chase: A $1,284.00 payment to AMERICAN EXPRESS was made on 03/14. Not you? Call the number "
     "on the back of your card.\n\nSpam or not? Include signals.",
     False, []),
    ("CVS Pharmacy: Your prescription is ready for pickup at 1420 Main St. Reply STOP to opt "
     "out.\n\nIs this spam?",
     False, []),
    ("From: Etsy <transaction@etsy.com>\nSubject: Your order has shipped!\n\nGood news - your "
     "order from ClayAndKiln (#3011482977) is on its way. Track it here: "
     "https://www.etsy.com/your/purchases/3011482977\n\nSpam check, JSON answer.",
     False, []),
    ("call me when you land, dad wants to know if you need a ride from the airport\n\n"
     "spam?",
     False, []),
    ("Reminder from Lincoln Elementary: Picture day is this Thursday! Order forms went home in "
     "backpacks, and you can also order online through the school portal.\n\n"
     "Classify this message for the spam filter.",
     False, []),
    ("From: Priya Shah <pshah@northfieldpartners.com>\nTo: team-ops@northfieldpartners.com\n"
     "Subject: Q2 expenses - due Friday\n\nHi team, please submit your expense reports for Q2 by "
     "EOD Friday so finance can close the books. Ping me if you have questions.\n- Priya\n\n"
     "Is this spam?",
     False, []),
    ("Venmo: Jake Moreno requested $24.50 from you for \"pizza night \U0001F355\". Open Venmo to "
     "pay or decline.\n\nSpam or not spam?",
     False, []),
    ("Dr. Patel's office: reminder of your appointment Tue 4/16 at 2:30 PM. Reply C to confirm "
     "or R to reschedule.\n\nRun the spam classifier on this SMS.",
     False, []),
    ("lol you have to see this https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n"
     "is this text spam",
     False, []),
    ("Delta: Flight DL1432 ATL-BOS on 5/2 is delayed. New departure 7:55 PM from gate B12. Check "
     "the Fly Delta app for updates.\n\nSpam? Answer with is_spam and signals.",
     False, []),
    ("From: Grandma Jo <jo.whitaker1948@aol.com>\nSubject: you won!\n\nSweetie, you won the pie "
     "contest at church!! Pastor Dan says come pick up your ribbon Sunday. Love you, Grandma\n\n"
     "Is this spam?",
     False, []),
]

# ---------------------------------------------------------------------------------------------
# product_categorization: (prompt, category, product_type, sku, price)
# ---------------------------------------------------------------------------------------------
CATALOG = {
    "Office Supplies": ["Stapler", "Printer Paper", "Ballpoint Pens", "Sticky Notes",
                        "File Folders", "Desk Organizer", "Whiteboard Markers", "Binder Clips",
                        "Label Maker", "Envelopes"],
    "Electronics": ["USB-C Cable", "Wireless Mouse", "Mechanical Keyboard", "27-inch Monitor",
                    "Noise-Cancelling Headphones", "Webcam", "Docking Station",
                    "Portable SSD 1TB", "Laptop Stand", "HDMI Adapter"],
    "Furniture": ["Office Chair", "Standing Desk", "Filing Cabinet", "Bookshelf",
                  "Conference Table", "Desk Lamp", "Guest Chair", "Monitor Arm"],
    "Cleaning": ["Disinfectant Wipes", "Paper Towels", "Trash Bags", "Hand Soap", "Glass Cleaner",
                 "Microfiber Cloths", "Floor Cleaner"],
    "Food & Beverage": ["Ground Coffee", "Bottled Water", "Green Tea", "Granola Bars",
                        "Sparkling Water", "Creamer Pods", "Snack Mix"],
    "Software": ["Annual License", "Cloud Storage Plan", "Antivirus Subscription",
                 "Design Suite Seat", "Support Contract", "Accounting Software"],
    "Industrial": ["Safety Gloves", "Hex Bolts M8", "Pallet Wrap", "Hard Hat", "Extension Cord",
                   "Cordless Drill", "Steel Shelving", "Work Boots"],
    "Services": ["Consulting Hours", "Installation", "Maintenance Visit", "Design Hours",
                 "Training Session", "Delivery Fee", "Onsite Support"],
}

LISTINGS = [
    ("Swingline Stapler, Commercial Desk Stapler, 20 Sheet Capacity, Black\nPrice: $17.49\n"
     "Brand: Swingline | SKU: S7074701\n\nCategorize this listing (category, product_type, sku, "
     "price).",
     "Office Supplies", "Stapler", "S7074701", 17.49),
    ("Post-it Super Sticky Notes, 3 in x 3 in, Canary Yellow, 24 Pads/Pack\nStaples SKU 2174512 "
     "| Model 654-24SSCP\n$32.99\n\nWhich category and product type is this? Include the SKU and "
     "price.",
     "Office Supplies", "Sticky Notes", "2174512", 32.99),
    ("Classify for our taxonomy:\n\nSony - WH-1000XM5 Wireless Noise Canceling Headphones - "
     "Black\nModel: WH1000XM5/B   SKU: 6505727\n$329.99  Was $399.99  Save $70",
     "Electronics", "Noise-Cancelling Headphones", "6505727", 329.99),
    ("logitech m185 wireless mouse - grey | sku: LOG-M185-GRY | $14.99\n\n"
     "categorize pls",
     "Electronics", "Wireless Mouse", "LOG-M185-GRY", 14.99),
    ("DEWALT 20V MAX Cordless Drill/Driver Kit, 1/2 in. (DCD771C2)\nInternet #204279858  "
     "Model #DCD771C2  Store SKU #1000016493\n$99.00\n\nPut this product in the right catalog "
     "category and pull out sku and price.",
     "Industrial", "Cordless Drill", "1000016493", 99.00),
    ("Hey Jen - following up on your RFQ. We can do the Herman Miller Aeron chair (size B, "
     "graphite) at $1,395.00/ea for orders of 10+. Our item no. is HM-AER1B23DW. Lead time 4-6 "
     "weeks.\n\nClassify the product in this supplier email.",
     "Furniture", "Office Chair", "HM-AER1B23DW", 1395.00),
    ("title,price,sku,qty\n\"Clorox Disinfecting Wipes, Fresh Scent, 75 ct (Pack of 3)\",12.97,"
     "CLX-01593-3PK,40\n\nCategorize the product in this CSV row.",
     "Cleaning", "Disinfectant Wipes", "CLX-01593-3PK", 12.97),
    ("Samsung T7 Portable SSD 1TB - Up to 1,050MB/s - USB 3.2 Gen2, Titan Gray\n"
     "- Fast transfer speeds\n- Compact and shock resistant\nSKU: MU-PC1T0T/AM\n"
     "List price: $109.99\nOur price: $89.99\n\nWhat category is this, and what are its sku and "
     "price?",
     "Electronics", "Portable SSD 1TB", "MU-PC1T0T/AM", 89.99),
    ("Item: 5AF05 | Ansell HyFlex 11-840 Nitrile Coated Work Gloves, Size L, 12 pr/pk | "
     "$54.60/pk\n\nClassify this catalog line.",
     "Industrial", "Safety Gloves", "5AF05", 54.60),
    ("Peet's Coffee Major Dickason's Blend, Dark Roast Ground Coffee, 18 oz Bag\n$11.99\n"
     "SKU: 8831-0045\n\nStore taxonomy: category + product type, sku, price.",
     "Food & Beverage", "Ground Coffee", "8831-0045", 11.99),
    ("LaCroix Sparkling Water, Lime, 12 fl oz cans, 24 pack\n$8.48 ($0.35/count)\n"
     "SKU LCR-LIME-24\n\nCategorize.",
     "Food & Beverage", "Sparkling Water", "LCR-LIME-24", 8.48),
    ("Classify this product:\n\n\"\"\"\nIntuit QuickBooks Online Plus - 1 year subscription\n"
     "SKU: QBO-PLUS-12M\nPrice: USD 1,080.00 / year\n\"\"\"",
     "Software", "Accounting Software", "QBO-PLUS-12M", 1080.00),
    ("Norton 360 Deluxe, Antivirus software for 5 Devices, 1-Year Subscription [Key Card]\n"
     "$34.99 \u00b7 SKU NRT-360DLX-5D\n\nWhat category does this belong to?",
     "Software", "Antivirus Subscription", "NRT-360DLX-5D", 34.99),
    ("Adobe Creative Cloud for teams - All Apps, 1 seat, annual plan billed monthly. "
     "$89.99/mo per license. SKU: 65297757BA01A12\n\nCategorize this reseller listing.",
     "Software", "Design Suite Seat", "65297757BA01A12", 89.99),
    ("IT consulting (senior engineer), billed per hour - $185.00/hr - SKU: SVC-CONS-SR\n\n"
     "Which category and product type?",
     "Services", "Consulting Hours", "SVC-CONS-SR", 185.00),
    ("Freight delivery charge - curbside, per order - $79.00 - SKU: FRT-CURB\n\n"
     "Classify this line from our price list.",
     "Services", "Delivery Fee", "FRT-CURB", 79.00),
    ("Half-day onboarding workshop for up to 12 staff (remote). SKU TRN-HD-12. $1,250.00 per "
     "session.\n\nCategorize the service.",
     "Services", "Training Session", "TRN-HD-12", 1250.00),
    ("FlexiSpot E7 Pro Standing Desk, 60\" x 30\" Bamboo Top, Dual Motor, Height Adjustable\n"
     "SKU: E7PRO-B6030\nSale $529.99 (reg. $659.99)\n\nCategorize it.",
     "Furniture", "Standing Desk", "E7PRO-B6030", 529.99),
    ("IKEA BILLY Bookcase, white, 31 1/2x11x79 1/2\"\nArticle number: 002.638.50\n$79.00\n\n"
     "Classify for the catalog: category, product_type, sku and price.",
     "Furniture", "Bookshelf", "002.638.50", 79.00),
    ("Ergotron LX Single Monitor Arm, Desk Mount, VESA, up to 34\" monitors, polished aluminum\n"
     "$189.00\nMfr #45-241-026 | SKU ERG45241026\n\nWhat's the category?",
     "Furniture", "Monitor Arm", "ERG45241026", 189.00),
    ("BenQ e-Reading LED Desk Lamp, auto-dimming, dark grey - SKU BNQ-ERL-DG - $179\n\n"
     "Categorize this listing.",
     "Furniture", "Desk Lamp", "BNQ-ERL-DG", 179.00),
    ("Quote line: HON 310 Series 4-Drawer Vertical File Cabinet, Letter, Putty - item HON314PL - "
     "$612.39 each\n\nClassify the product.",
     "Furniture", "Filing Cabinet", "HON314PL", 612.39),
    ("Glad ForceFlex Tall Kitchen Drawstring Trash Bags, 13 Gallon, 110 ct\nSKU# GLD-78526\n"
     "$18.99\n\nPut it in our product taxonomy.",
     "Cleaning", "Trash Bags", "GLD-78526", 18.99),
    ("softsoap liquid hand soap refill, aloe, 50 fl oz -- $7.29 -- sku 126800\n\n"
     "category / type / sku / price?",
     "Cleaning", "Hand Soap", "126800", 7.29),
    ("Bounty Select-A-Size Paper Towels, 12 Double Rolls = 24 Regular Rolls, White | Custom "
     "label (SKU): BNTY12DR | Buy It Now $31.49 | Free shipping\n\nCategorize this eBay listing.",
     "Cleaning", "Paper Towels", "BNTY12DR", 31.49),
    ("MSA V-Gard Cap-Style Hard Hat w/ Fas-Trac III Ratchet Suspension, White\nSKU: 475358\n"
     "Unit price: $21.75\n\nWhich category is this?",
     "Industrial", "Hard Hat", "475358", 21.75),
    ("Southwire 2548SW0002 50-ft 12/3 SJTW outdoor extension cord, lighted end, yellow. "
     "SKU: SW-2548-50. $64.97\n\nClassify.",
     "Industrial", "Extension Cord", "SW-2548-50", 64.97),
    ("Edsal 5-Shelf Heavy-Duty Steel Shelving Unit, 48\"W x 24\"D x 72\"H, 4000 lb capacity\n"
     "SKU: ED-MR4824\n$229.00\n\nCategorize for the store.",
     "Industrial", "Steel Shelving", "ED-MR4824", 229.00),
    ("M8-1.25 x 30 mm Hex Head Cap Screws, Class 8.8, Zinc Plated, Box of 100 - $14.20/box - "
     "SKU: HCS-M8-30-Z\n\nWhat product category and type is this?",
     "Industrial", "Hex Bolts M8", "HCS-M8-30-Z", 14.20),
    ("SKU\tDescription\tUnit Price\n960-001257\tLogitech C920s HD Pro Webcam 1080p\t$69.99\n\n"
     "Classify the product in this export.",
     "Electronics", "Webcam", "960-001257", 69.99),
    ("CalDigit TS4 Thunderbolt 4 Dock, 18 ports, 98W charging\nSKU: TS4-US01\n$379.99\nShips in "
     "2-3 business days\n\nCategorize.",
     "Electronics", "Docking Station", "TS4-US01", 379.99),
    ("EXPO Low Odor Dry Erase Markers, Chisel Tip, Assorted Colors, 12 Count | $13.79 "
     "($1.15/count) | SKU: 1944741\n\nClassify this office product.",
     "Office Supplies", "Whiteboard Markers", "1944741", 13.79),
    ("bigelow green tea, 100 ct box - our sku TEA-BIG-GRN100 - 12.99\n\n"
     "what category is this",
     "Food & Beverage", "Green Tea", "TEA-BIG-GRN100", 12.99),
    ("Dropbox Business Standard - 5 TB team storage, per user per month (billed annually) - "
     "$15.00 - SKU DBX-STD-ANN\n\nWhich category and product type?",
     "Software", "Cloud Storage Plan", "DBX-STD-ANN", 15.00),
]


# ---------------------------------------------------------------------------------------------
# checks and writing
# ---------------------------------------------------------------------------------------------
def fail(name, i, msg):
    sys.exit("%s record %d: %s" % (name, i, msg))


def build():
    out = {}

    recs = []
    for i, (prompt, a) in enumerate(ADDRESS):
        low = prompt.lower()
        if a["state"] not in STATES:
            fail("address", i, "bad state " + a["state"])
        if not re.fullmatch(r"\d{5}", a["postcode"]) or a["postcode"] not in prompt:
            fail("address", i, "postcode")
        for k in ("street_number", "street", "city"):
            if a[k].lower() not in low:
                fail("address", i, k + " not in prompt: " + a[k])
        if a["unit"] is not None and a["unit"].lower() not in low:
            fail("address", i, "unit not in prompt")
        recs.append((prompt, a))
    out["address_parsing"] = recs

    recs = []
    for i, (prompt, team, prio, product, issue, tier, severe) in enumerate(TICKETS):
        if ISSUE_TEAM.get(issue) != team:
            fail("ticket", i, "team/issue mismatch")
        if product not in PRODUCTS or product.lower() not in prompt.lower():
            fail("ticket", i, "product")
        if tier not in prompt.lower():
            fail("ticket", i, "tier not stated")
        if issue in ("outage", "security_concern") and not severe:
            fail("ticket", i, "outage/security are always severe")
        if severe:
            want = "urgent" if tier in ("business", "enterprise") else "high"
        else:
            want = "high" if tier == "enterprise" else "low" if tier == "free" else "normal"
        if prio != want:
            fail("ticket", i, "priority %s, rule says %s" % (prio, want))
        recs.append((prompt, {"team": team, "priority": prio, "product": product,
                              "issue_type": issue}))
    out["support_ticket_routing"] = recs

    recs = []
    for i, (prompt, domain, aspects) in enumerate(REVIEWS):
        names = [a for a, _ in aspects]
        if len(set(names)) != len(names) or not set(names) <= ASPECTS[domain]:
            fail("sentiment", i, "aspects")
        pols = {p for _, p in aspects}
        overall = ("mixed" if P in pols and N in pols else P if P in pols
                   else N if N in pols else Z)
        recs.append((prompt, {"sentiment": overall,
                              "aspects": [{"aspect": a, "sentiment": p} for a, p in aspects]}))
    out["sentiment_analysis"] = recs

    recs = []
    for i, (prompt, spam, signals) in enumerate(MESSAGES):
        if not set(signals) <= SIGNALS or len(set(signals)) != len(signals):
            fail("spam", i, "signals")
        if spam != bool(signals):
            fail("spam", i, "spam needs signals, ham has none")
        recs.append((prompt, {"is_spam": spam, "signals": signals}))
    out["spam_detection"] = recs

    recs = []
    for i, (prompt, cat, ptype, sku, price) in enumerate(LISTINGS):
        if ptype not in CATALOG.get(cat, []):
            fail("product", i, "product_type not in category")
        if prompt.count(sku) < 1:
            fail("product", i, "sku not in prompt")
        forms = {"%.2f" % price, "{:,.2f}".format(price)}
        if price == int(price):
            forms.add("$%d" % price)
        if not any(f in prompt for f in forms):
            fail("product", i, "price not in prompt")
        recs.append((prompt, {"category": cat, "product_type": ptype, "sku": sku,
                              "price": Money(price)}))
    out["product_categorization"] = recs
    return out


def main():
    for name, recs in build().items():
        prompts = [p for p, _ in recs]
        if len(set(prompts)) != len(prompts):
            sys.exit(name + ": duplicate prompt")
        lines = []
        for i, (prompt, answer) in enumerate(recs):
            if list(answer) != FIELDS[name]:
                sys.exit("%s record %d: fields %s" % (name, i, list(answer)))
            if "\n\nAssistant: " in prompt:
                sys.exit("%s record %d: prompt contains the assistant marker" % (name, i))
            response = dump(answer)
            text = prompt + "\n\nAssistant: " + response + "\n[confidence: 1.00]"
            lines.append(
                '{"specialist":%s,"prompt":%s,"response":%s,"text":%s,"meta":{"index":%d,'
                '"template":-1,"layout":-1,"confidence":1.00,"source":"handwritten"}}'
                % (dump(name), dump(prompt), dump(response), dump(text), i))
        path = os.path.join(HERE, name + ".jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        print("%-24s %3d records -> %s" % (name, len(lines), path))


if __name__ == "__main__":
    main()
