#!/usr/bin/env python3
"""The per-specialist table of a grouped recipe (bench/run_all_specialists.sh): for every specialist,
field accuracy and all-fields-exact rate on the training run's own held-out records, on records
from a seed no run trained on and on the hand-written records, as mean and spread over seeds, and
how many hand-written answers were in the specialist's own schema (the task recognised); then each
group's model: tokens seen and wall time.

usage: specialist_table.py GROUP_RUN [GROUP_RUN ...]
  GROUP_RUN = seed=S,run=RUN_DIR[,group=NAME][,fresh=ANSWERS.jsonl][,hw=ANSWERS.jsonl]
RUN_DIR is an `anvil pipeline` run directory (summary.json, eval.json); ANSWERS files are written by
`anvil eval --answers`. Auxiliary skills (copy_drill, copy_repeat, compare_drill) are left out of the table.
Standard library only."""
import collections
import json
import os
import statistics
import sys

SKIPPED = {"copy_drill", "copy_repeat", "compare_drill", "overall"}  # auxiliary skills and eval.json's total row


def parse_arg(text):
    fields = dict(part.split("=", 1) for part in text.split(","))
    if "run" not in fields or "seed" not in fields:
        sys.exit(f"specialist_table.py: '{text}' needs seed=S,run=RUN_DIR")
    return fields


def held_out(run_dir):
    """{specialist: (field accuracy, exact)} from the run's eval.json (one row per seed run)."""
    with open(os.path.join(run_dir, "eval.json")) as f:
        rows = json.load(f)
    return {r["specialist"]: (r["field_accuracy"], r["exact"]) for r in rows}


def in_its_schema(record):
    """Whether the answer's JSON opens with the reference's first key: the model recognised the
    task, whatever it then wrote (the answer may follow worked-step lines)."""
    first_key = next(iter(json.loads(record["reference"])), None)
    opening = next((line for line in record["answer"].split("\n") if line.startswith("{")), "")
    return first_key is not None and opening.startswith(f'{{"{first_key}":')


def from_answers(path):
    """{specialist: (field accuracy, exact, records, in its schema)} from an `anvil eval
    --answers` file."""
    scores = collections.defaultdict(list)
    schema = collections.Counter()
    with open(path) as f:
        for line in f:
            record = json.loads(line)
            scores[record["specialist"]].append(record["score"])
            schema[record["specialist"]] += in_its_schema(record)
    return {s: (sum(v) / len(v), sum(1 for x in v if x >= 1.0) / len(v), len(v),
                schema[s] / len(v))
            for s, v in scores.items()}


def cell(values):
    """'mean% / exact%' over seeds, with the range when there is more than one seed."""
    if not values:
        return "-"
    fields = [100 * v[0] for v in values]
    exact = [100 * v[1] for v in values]
    text = f"{statistics.mean(fields):.1f}% / {statistics.mean(exact):.1f}%"
    if len(values) > 1:
        text += f" ({min(fields):.1f}-{max(fields):.1f})"
    return text


def main(argv):
    if not argv:
        sys.exit(__doc__)
    table = collections.defaultdict(lambda: {"held": [], "fresh": [], "hw": [], "group": ""})
    groups = []
    for arg in argv:
        g = parse_arg(arg)
        with open(os.path.join(g["run"], "summary.json")) as f:
            summary = json.load(f)
        name = g.get("group") or os.path.basename(os.path.normpath(g["run"]))
        groups.append((name, g["seed"], summary["tokens_seen"], summary["total_seconds"]))
        for s, v in held_out(g["run"]).items():
            if s in SKIPPED:
                continue
            row = table[s]
            row["held"].append(v)
            row["group"] = row["group"] or name
        for key in ("fresh", "hw"):
            if key in g:
                for s, v in from_answers(g[key]).items():
                    if s not in SKIPPED:
                        table[s][key].append(v)
    print("| specialist | group | seeds | held-out field / exact | fresh seed | hand-written "
          "(records) | hand-written in its schema |")
    print("|---|---|---|---|---|---|---|")
    at_90 = 0
    for s in sorted(table):
        row = table[s]
        fields = [v[0] for v in row["held"]]
        at_90 += bool(fields) and statistics.mean(fields) >= 0.9
        hw = cell(row["hw"]) + (f" ({row['hw'][-1][2]})" if row["hw"] else "")
        schema = f"{100 * statistics.mean(v[3] for v in row['hw']):.0f}%" if row["hw"] else "-"
        print(f"| {s} | {row['group']} | {len(row['held'])} | {cell(row['held'])} | "
              f"{cell(row['fresh'])} | {hw} | {schema} |")
    overall = {k: [statistics.mean(v[0] for v in row[k]) for row in table.values() if row[k]]
               for k in ("held", "fresh", "hw")}
    schemas = [statistics.mean(v[3] for v in row["hw"]) for row in table.values() if row["hw"]]
    print(f"| **mean of specialists** | | | {100 * statistics.mean(overall['held']):.1f}% | "
          + " | ".join(f"{100 * statistics.mean(overall[k]):.1f}%" if overall[k] else "-"
                       for k in ("fresh", "hw"))
          + (f" | {100 * statistics.mean(schemas):.0f}% |" if schemas else " | - |"))
    print(f"\n{at_90} of {len(table)} specialists at >= 90% held-out field accuracy (mean over seeds)\n")
    print("| group run | seed | tokens seen | wall |\n|---|---|---|---|")
    for name, seed, tokens, seconds in groups:
        print(f"| {name} | {seed} | {tokens / 1e6:.1f}M | {int(seconds // 60)}m{int(seconds % 60):02d}s |")


if __name__ == "__main__":
    main(sys.argv[1:])
