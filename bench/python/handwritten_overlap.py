#!/usr/bin/env python3
"""Lists the text the specialist generators share with the hand-written records.

The hand-written records (data/handwritten) measure how a model does on inputs that the
generators did not write, so a generator must not carry their sentences. For each string literal
in a specialist's generator source under src/datagen/specialists/ (adjacent literals joined, split
at template slots and \\n), prints the longest run of characters it shares with any hand-written prompt of the same
specialist, when that run is at least MIN characters (default 24). Instruction wordings and
format vocabulary (CSV headers, "Invoice total") show up too; sentences are what to rewrite.

usage: bench/python/handwritten_overlap.py [--min 24] [SPECIALIST ...]
"""
import argparse
import glob
import json
import os
import sys
from difflib import SequenceMatcher

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


sys.path.insert(0, os.path.join(root, "tests", "data"))
from check_handwritten_leaks import file_literals  # noqa: E402  (the literals as C++ reads them)


def literals(path):
    return (piece.lower() for piece in file_literals(path))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--min", type=int, default=24)
    ap.add_argument("specialists", nargs="*")
    args = ap.parse_args()
    names = args.specialists or sorted(
        os.path.basename(p)[:-6] for p in glob.glob(os.path.join(root, "data/handwritten/*.jsonl")))
    found = 0
    for name in names:
        src = os.path.join(root, "src/datagen/specialists", name + ".cpp")
        hw = os.path.join(root, "data/handwritten", name + ".jsonl")
        if not (os.path.exists(src) and os.path.exists(hw)):
            continue
        prompts = [json.loads(line)["prompt"].lower() for line in open(hw)]
        for piece in sorted(set(literals(src))):  # a fixed order: runs print the same
            if len(piece) < args.min:
                continue
            for p in prompts:
                m = SequenceMatcher(None, piece, p, autojunk=False).find_longest_match(
                    0, len(piece), 0, len(p))
                if m.size >= args.min:
                    print(f"{name}\t{m.size}\t{piece[m.a:m.a + m.size]!r}")
                    found += 1
                    break
    print(f"{found} shared runs of >= {args.min} characters")


if __name__ == "__main__":
    main()
