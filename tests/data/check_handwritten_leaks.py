#!/usr/bin/env python3
"""Fails when a data generator's source holds a value of a hand-written evaluation record.

The hand-written records (data/handwritten) score a model on inputs no generator wrote; a
merchant, product, header or error message copied from them into a generator's lists would be
trained on and then "copied" at evaluation from memory. bench/python/handwritten_overlap.py finds
long shared sentences; this finds short shared values: each string literal of the generator
sources (src/datagen/specialists and src/datagen/fake, any specialist's: one model trains on
several), split at template slots and line breaks, at least MIN_CHARS long once spaces are
collapsed and name-like (two words or more, or one with a digit, a sign or in capitals), that
stands word-bounded inside a short string value of a hand-written answer (a name, merchant, SKU,
header, message: at most MAX_VALUE characters), or that is a hand-written answer's key written as
a header ("Storage (GB)" for `storage_gb`; schema keys, those
in half or more of a specialist's records, aside). Values in lower snake case ("quantity_mismatch")
are answer vocabulary and skipped.

Shared values that are ordinary vocabulary are listed, each with the reason, in
data/handwritten/shared_with_generators.tsv (specialist, value, why); anything else fails.

usage: tests/data/check_handwritten_leaks.py [ROOT] [--list]
"""
import collections
import glob
import json
import os
import re
import sys

MIN_CHARS = 8
MAX_VALUE = 48  # longer answer values are texts (a redacted message), where phrases are shared


def name_like(piece):
    """Two or more words, or one token with a digit or sign or in capitals ("1PASSWORD",
    "QUILL.COM", "OFFICEMAX"): a single ordinary word ("Software", "Portland") is vocabulary."""
    words = piece.split()
    if len(words) >= 2:
        return True
    return len(words) == 1 and bool(re.search(r"[^A-Za-z]", words[0]) or words[0].isupper())


def normalized(text):
    return re.sub(r"\s+", " ", text.lower()).strip()


def as_key(text):
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def literals(root):
    """(file, piece) for each literal piece of the generator sources."""
    paths = sorted(glob.glob(os.path.join(root, "src/datagen/specialists/*.cpp")) +
                   glob.glob(os.path.join(root, "src/datagen/fake/*.cpp")))
    for path in paths:
        src = re.sub(r'"\s*\n\s*"', "", open(path, encoding="utf-8").read())  # "a " "b" -> "a b"
        src = re.sub(r"^\s*//.*$", "", src, flags=re.M)  # comments quote hand-written answers
        for lit in re.findall(r'"((?:[^"\\]|\\.)*)"', src):
            for piece in re.split(r"\{[A-Za-z_]*\}|\\n|\\t", lit):
                yield os.path.relpath(path, root), piece


def answer_json(response):
    """The answer object of a hand-written response (steps may come first)."""
    text = response.split("[confidence")[0]
    start = text.find("{")
    return json.loads(text[start:text.rfind("}") + 1]) if start >= 0 else {}


def leaves(value, keys, strings):
    if isinstance(value, dict):
        for k, v in value.items():
            keys.append(k)
            leaves(v, keys, strings)
    elif isinstance(value, list):
        for v in value:
            leaves(v, keys, strings)
    elif isinstance(value, str):
        strings.append(value)


def handwritten(root):
    """specialist -> (normalized string values, keys outside the schema)."""
    out = {}
    for path in sorted(glob.glob(os.path.join(root, "data/handwritten/*.jsonl"))):
        name = os.path.basename(path)[:-len(".jsonl")]
        strings, key_counts, records = [], collections.Counter(), 0
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            try:
                answer = answer_json(json.loads(line)["response"])
            except (ValueError, KeyError) as e:
                sys.exit(f"{path}:{n}: no answer object ({e})")
            keys = []
            leaves(answer, keys, strings)
            key_counts.update(set(keys))
            records += 1
        schema = {k for k, c in key_counts.items() if 2 * c >= records}
        values = {normalized(s) for s in strings
                  if len(s) <= MAX_VALUE and not re.fullmatch(r"[a-z0-9_]*", s)}
        out[name] = (values, {k for k in key_counts if k not in schema and len(k) >= 4})
    return out


def allowed(root):
    path = os.path.join(root, "data/handwritten/shared_with_generators.tsv")
    entries = set()
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 3 or not fields[2].strip():
            sys.exit(f"{path}:{n}: want three tab-separated fields: specialist, value, why")
        entries.add((fields[0], normalized(fields[1])))
    return entries


def shared(root):
    """(specialist, value, source file, literal) for each shared value."""
    sets = handwritten(root)
    found = set()
    for source, piece in literals(root):
        text = normalized(piece)
        if len(text) < MIN_CHARS or not re.search(r"[a-z]", text) or not name_like(piece):
            continue
        bounded = re.compile(r"(?<![a-z0-9])" + re.escape(text) + r"(?![a-z0-9])")
        for name, (values, keys) in sets.items():
            for v in values:
                if bounded.search(v):
                    found.add((name, text, source, piece))
            if as_key(piece) in keys:
                found.add((name, text, source, piece))
    return sorted(found)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = args[0] if args else os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))))
    listed = allowed(root)
    leaks = 0
    for name, text, source, piece in shared(root):
        known = (name, text) in listed
        if "--list" in sys.argv or not known:
            print(f"{'allowed' if known else 'LEAK'}\t{name}\t{piece!r}\t{source}")
        leaks += not known
    if leaks:
        print(f"{leaks} generator literal(s) hold a hand-written answer's value: rewrite them, or "
              "list them with the reason in data/handwritten/shared_with_generators.tsv")
        return 1
    print("no generator literal holds a hand-written answer's value outside the allowed list")
    return 0


if __name__ == "__main__":
    sys.exit(main())
