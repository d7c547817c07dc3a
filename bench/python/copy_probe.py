#!/usr/bin/env python3
"""Copy probe: rewrite generated specialist records so the values a model must copy are words it
cannot have memorised. Street and city names become invented words, SKUs get formats the
generator never writes; prompt and answer are changed together, so the record stays correct.

A model that copies scores the same on the probe as on the plain records; one that recognises
values from a closed list it memorised (street names, cities, SKU shapes) falls apart.

  anvil datagen --specialist address_parsing,product_categorization -n 400 --seed 901 -o plain.jsonl
  python3 bench/python/copy_probe.py plain.jsonl probe.jsonl
  anvil eval --model RUN/model --data probe.jsonl lm.eval_per_specialist=1000
"""
import json
import random
import sys

ONSETS = ["b", "br", "d", "dr", "f", "g", "gl", "h", "k", "kr", "l", "m", "n", "p", "pl", "r",
          "s", "st", "t", "tr", "v", "w", "z", "th", "sh", "ch"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "y"]
CODAS = ["", "", "n", "r", "l", "s", "th", "nd", "rk", "x", "m", "ck"]


def word(rng, syllables):
    w = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                for _ in range(syllables))
    return w.capitalize()


def replace_all(text, old, new):
    # The document may show the value as written or in capitals (postal layout).
    return text.replace(old, new).replace(old.upper(), new.upper())


def probe_address(rec, ans, rng):
    street = ans["street"]
    name, _, suffix = street.rpartition(" ")
    if not name:
        return False
    new_street = word(rng, rng.randint(2, 3)) + " " + suffix
    new_city = word(rng, rng.randint(2, 3)) + rng.choice(["", "ville", "ton", " Falls", " Springs"])
    for key, old, new in (("street", street, new_street), ("city", ans["city"], new_city)):
        if rec["prompt"].count(old) + (rec["prompt"].count(old.upper()) if old.upper() != old else 0) != 1:
            return False
        rec["prompt"] = replace_all(rec["prompt"], old, new)
        ans[key] = new
    return True


def probe_product(rec, ans, rng):
    old = ans["sku"]
    if rec["prompt"].count(old) != 1:
        return False
    shape = rng.choice(["{a}{a}{d}-{d}{d}{d}{a}", "{d}{d}{d}{d}{d}{d}{d}", "{a}{a}{a}{d}{d}{d}{d}",
                        "{a}-{d}{d}{d}{d}-{a}{a}", "{d}{d}{a}{a}/{d}{d}{d}"])
    letters, digits = "ABCDEFGHJKLMNPQRSTUVWXYZ", "0123456789"
    pattern = shape.replace("{a}", "a").replace("{d}", "d")
    new = "".join(rng.choice(letters) if c == "a" else rng.choice(digits) if c == "d" else c
                  for c in pattern)
    rec["prompt"] = rec["prompt"].replace(old, new)
    ans["sku"] = new
    return True


PROBES = {"address_parsing": probe_address, "product_categorization": probe_product}


def main():
    src, dst = sys.argv[1], sys.argv[2]
    rng = random.Random(1234)
    kept = 0
    with open(src) as f, open(dst, "w") as out:
        for line in f:
            rec = json.loads(line)
            probe = PROBES.get(rec["specialist"])
            if probe is None:
                continue
            ans = json.loads(rec["response"])
            if not probe(rec, ans, rng):
                continue
            rec["response"] = json.dumps(ans, separators=(",", ":"), ensure_ascii=False)
            conf = rec["text"].rsplit("\n[confidence: ", 1)[1]
            rec["text"] = rec["prompt"] + "\n\nAssistant: " + rec["response"] + "\n[confidence: " + conf
            out.write(json.dumps(rec, separators=(",", ":"), ensure_ascii=False) + "\n")
            kept += 1
    print(f"{kept} probe records -> {dst}")


if __name__ == "__main__":
    main()
