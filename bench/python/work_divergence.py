#!/usr/bin/env python3
"""Where a specialist model's worked steps first leave the reference's.

For every answer below a full score, prints the first line of the model's work that differs from
the generator's work for the same record (the line before the JSON answer), with the line before
it, so a run's errors can be read by where they start: a missed duplicate, a miscopied amount, a
wrong weekday. Answers are matched to records by specialist and reference answer.

usage: bench/python/work_divergence.py DATA.jsonl ANSWERS.jsonl [--specialist NAME] [--limit N]
  DATA     the records evaluated (anvil datagen output: prompt, work, response)
  ANSWERS  anvil eval --answers output for DATA
"""
import argparse
import collections
import json
import sys


def work_of(answer_text):
    """The model's work: everything before the first line that opens the JSON answer."""
    lines = answer_text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("{"):
            return lines[:i]
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data")
    ap.add_argument("answers")
    ap.add_argument("--specialist", default="")
    ap.add_argument("--limit", type=int, default=30, help="records printed per specialist")
    a = ap.parse_args()

    reference_work = {}
    with open(a.data) as f:
        for n, line in enumerate(f, 1):
            r = json.loads(line)
            key = (r.get("specialist", ""), r.get("response", ""))
            reference_work[key] = r.get("work", "")
    wrong = collections.Counter()
    total = collections.Counter()
    printed = collections.Counter()
    unmatched = 0
    with open(a.answers) as f:
        for n, line in enumerate(f, 1):
            r = json.loads(line)
            spec = r.get("specialist", "")
            if a.specialist and spec != a.specialist:
                continue
            key = (spec, r.get("reference", ""))
            if key not in reference_work:
                unmatched += 1
                continue
            total[spec] += 1
            if r.get("score", 0) >= 1:
                continue
            wrong[spec] += 1
            want = reference_work[key].split("\n") if reference_work[key] else []
            got = work_of(r.get("answer", ""))
            at = next((i for i in range(max(len(want), len(got)))
                       if i >= len(want) or i >= len(got) or want[i] != got[i]), None)
            if printed[spec] >= a.limit:
                continue
            printed[spec] += 1
            print(f"== {spec} (answer line {n}, score {r.get('score', 0):.2f})")
            if at is None:
                print("   work identical; the JSON answer differs")
                continue
            if at > 0:
                print(f"   before:   {want[at - 1]}")
            print(f"   expected: {want[at] if at < len(want) else '(work ends)'}")
            print(f"   got:      {got[at] if at < len(got) else '(work ends)'}")
    print()
    for spec in sorted(total):
        print(f"{spec}: {wrong[spec]} of {total[spec]} answers below full score")
    if unmatched:
        print(f"{unmatched} answers had no record with their reference in {a.data}", file=sys.stderr)


if __name__ == "__main__":
    main()
