#!/usr/bin/env python3
"""Fails when a data generator's source holds a value of a hand-written evaluation record.

The hand-written records (data/handwritten) score a model on inputs no generator wrote; a
merchant, product, header, service or error message copied from them into a generator's lists
would be trained on and then "copied" at evaluation from memory. bench/python/handwritten_overlap.py
finds long shared sentences; this finds shared values. Every string literal of the generator
sources (src/datagen/specialists and src/datagen/fake, any specialist's: one model trains on
several; comments, character literals and escapes read as C++ reads them), split at template
slots and line breaks, is compared with the string values of every hand-written answer. A shared
value is one of:
- the literal inside a short answer value (at most MAX_VALUE characters: a name, merchant, SKU,
  header, message), word-bounded, when the literal is at least MIN_CHARS long and name-like (two
  words or more, or one with a digit, a sign or in capitals): "HYATT REGENCY" in
  "HYATT REGENCY AUSTIN AUSTIN TX";
- the literal equal to an answer value of at least MIN_EXACT characters that is name-like or an
  identifier ("OSHA 10", "HEC-RAS", "last_login"; values in three or more of a specialist's
  records are its label set, "not_on_po", and skipped);
- a name-like answer value of at least MIN_CHARS characters inside the literal: "schema
  validation failed" in "schema validation failed for field amount";
- the literal written as a header of an answer's key ("Storage (GB)" for `storage_gb`; keys in
  half or more of a specialist's records are its schema and skipped).

Shared values that are ordinary vocabulary are listed in data/handwritten/shared_with_generators.tsv
(specialist, value, why); anything else fails, and so does a listed value no longer shared.
Not seen: a single plain word in both ("sidekiq", "Branzino"): cities, units and headers are
single words too, and telling them apart needs a dictionary; review such lists by hand.

usage: tests/data/check_handwritten_leaks.py [ROOT] [--list]
"""
import collections
import glob
import json
import os
import re
import sys

MIN_CHARS = 8
MIN_EXACT = 4
MAX_VALUE = 48  # longer answer values are texts (a redacted message), where phrases are shared
LABEL_RECORDS = 3
ALLOWED = "data/handwritten/shared_with_generators.tsv"


def normalized(text):
    """Lower case, runs of white space as one space, no space at either end."""
    return re.sub(r"\s+", " ", text.lower()).strip()


def as_key(text):
    """A header as an answer's key: "Storage (GB)" -> "storage_gb"."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def name_like(text):
    """Two or more words, or one token with a digit or sign or in capitals ("1PASSWORD",
    "QUILL.COM", "OFFICEMAX"): a single ordinary word ("Software", "Portland") is vocabulary."""
    words = text.split()
    if len(words) >= 2:
        return True
    return len(words) == 1 and bool(re.search(r"[^A-Za-z]", words[0]) or words[0].isupper())


TOKEN = re.compile(r"""
    //[^\n]*                                  # a line comment
  | /\*.*?\*/                                 # a block comment
  | R"(?P<delim>[^(\s]*)\((?P<raw>.*?)\)(?P=delim)"   # a raw string
  | "(?P<str>(?:[^"\\\n]|\\.)*)"              # a string
  | '(?:[^'\\\n]|\\.)+'                       # a character literal
""", re.S | re.X)

ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]+|[0-7]{1,3}|.)", re.S)
SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


# Where a literal splits into pieces compared on their own: template slots, line breaks, tabs.
PIECE_BREAK = re.compile(r"\{[A-Za-z_]*\}|\n|\t")


def unescaped(body):
    def one(m):
        e = m.group(1)
        if e[0] in "uU":
            return chr(int(e[1:], 16))
        if e[0] == "x":
            return chr(int(e[1:], 16) & 0xFF)
        if e[0].isdigit() and e != "0":
            return chr(int(e, 8))
        return SIMPLE.get(e, e)
    return ESCAPE.sub(one, body)


def file_literals(path):
    """The string literals of one C++ source as the compiler reads them (adjacent ones joined),
    each split at template slots ("{name}"), line breaks and tabs."""
    src = open(path, encoding="utf-8").read()
    pending, last_end = None, -1
    for m in TOKEN.finditer(src):
        body = m.group("raw") if m.group("raw") is not None else (
            unescaped(m.group("str")) if m.group("str") is not None else None)
        if body is None:  # comment or character literal
            continue
        if pending is not None and src[last_end:m.start()].strip() == "":
            pending += body  # "a " "b" -> "a b"
        else:
            if pending is not None:
                yield from PIECE_BREAK.split(pending)
            pending = body
        last_end = m.end()
    if pending is not None:
        yield from PIECE_BREAK.split(pending)


def literals(root):
    """(file, piece) for each literal piece of the generator sources."""
    paths = sorted(glob.glob(os.path.join(root, "src/datagen/specialists/*.cpp")) +
                   glob.glob(os.path.join(root, "src/datagen/fake/*.cpp")))
    if not paths:
        sys.exit(f"no generator sources under {root}/src/datagen")
    for path in paths:
        for piece in file_literals(path):
            yield os.path.relpath(path, root), piece


def answer_json(response):
    """The answer object of a hand-written response (steps may come first)."""
    text = response.split("[confidence")[0]
    start = text.find("{")
    return json.loads(text[start:text.rfind("}") + 1]) if start >= 0 else {}


def leaves(value, keys, strings):
    """Collects the keys and the string values of an answer, at any depth."""
    if isinstance(value, dict):
        for k, v in value.items():
            keys.append(k)
            leaves(v, keys, strings)
    elif isinstance(value, list):
        for v in value:
            leaves(v, keys, strings)
    elif isinstance(value, str):
        strings.append(value)


class Answers:
    """One specialist's hand-written answers: their string values and header-like keys."""

    def __init__(self, path):
        self.strings, key_counts, value_counts, records = [], collections.Counter(), \
            collections.Counter(), 0
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                answer = answer_json(record["response"])
            except (ValueError, KeyError, TypeError, AttributeError) as e:
                sys.exit(f"{path}:{n}: no answer object in the record's response "
                         f"({type(e).__name__}: {e})")
            keys, strings = [], []
            leaves(answer, keys, strings)
            key_counts.update(set(keys))
            value_counts.update({normalized(s) for s in strings})
            self.strings += strings
            records += 1
        schema = {k for k, c in key_counts.items() if 2 * c >= records}
        self.keys = {k for k in key_counts if k not in schema and len(k) >= 4}
        values = {normalized(s) for s in self.strings if not re.fullmatch(r"[a-z0-9_]*", s)}
        self.short = {v for v in values if len(v) <= MAX_VALUE}
        self.exact = {normalized(s) for s in self.strings
                      if len(s.strip()) >= MIN_EXACT and value_counts[normalized(s)] < LABEL_RECORDS
                      and (name_like(s.strip()) or re.search(r"[0-9_\-.]", s))}
        self.named = [(v, bounded(v)) for v in sorted({
            normalized(s) for s in self.strings if len(s.strip()) >= MIN_CHARS and
            name_like(s.strip())})]


def handwritten(root):
    paths = sorted(glob.glob(os.path.join(root, "data/handwritten/*.jsonl")))
    if not paths:
        sys.exit(f"no hand-written sets under {root}/data/handwritten")
    return {os.path.basename(p)[:-len(".jsonl")]: Answers(p) for p in paths}


def bounded(text):
    return re.compile(r"(?<![a-z0-9])" + re.escape(text) + r"(?![a-z0-9])")


def shared(root, sets):
    """(specialist, value, source file, literal) for each shared value."""
    found = set()
    for source, piece in literals(root):
        text = normalized(piece)
        if len(text) < MIN_EXACT or not re.search(r"[a-z]", text):
            continue
        inside = bounded(text) if len(text) >= MIN_CHARS and name_like(piece) else None
        for name, a in sets.items():
            hits = set()
            if text in a.exact:
                hits.add(text)
            if inside:
                hits |= {text for v in a.short if text in v and inside.search(v)}
            hits |= {v for v, pattern in a.named
                     if len(v) < len(text) and v in text and pattern.search(text)}
            if len(text) >= MIN_CHARS and as_key(piece) in a.keys:
                hits.add(text)
            found |= {(name, h, source, piece) for h in hits}
    return sorted(found)


def allowed(root, names):
    path = os.path.join(root, ALLOWED)
    entries = {}
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 3 or not fields[2].strip():
            sys.exit(f"{path}:{n}: want three tab-separated fields: specialist, value, why")
        if fields[0] not in names:
            sys.exit(f"{path}:{n}: '{fields[0]}' has no hand-written set")
        entries[(fields[0], normalized(fields[1]))] = n
    return entries


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = args[0] if args else os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))))
    sets = handwritten(root)
    listed = allowed(root, sets)
    leaks, used = 0, set()
    for name, value, source, piece in shared(root, sets):
        known = (name, value) in listed
        used.add((name, value))
        if "--list" in sys.argv or not known:
            print(f"{'allowed' if known else 'LEAK'}\t{name}\t{value}\t{piece!r}\t{source}")
        leaks += not known
    stale = sorted(set(listed) - used)
    for name, value in stale:
        print(f"{ALLOWED}:{listed[(name, value)]}: '{value}' ({name}) is no longer shared: "
              "remove the line")
    if leaks:
        print(f"{leaks} generator literal(s) share a hand-written answer's value: rewrite them, or "
              f"list the value with the reason in {ALLOWED}")
    if leaks or stale:
        return 1
    print("no generator literal shares a hand-written answer's value outside the allowed list")
    return 0


if __name__ == "__main__":
    sys.exit(main())
