#!/usr/bin/env python3
"""Header checks: no file includes a header of a higher layer, every public header opens with a
comment saying what it is for, and the umbrella header anvil/anvil.h includes every public header.

core <- io, data, datagen, tokenize, track <- models <- train <- interop <- pipeline, serve <- tools.
Layers of the same rank may include each other. Usage: check_layers.py SOURCE_DIR
"""
import os
import re
import sys

RANK = {"core": 0, "io": 1, "data": 1, "datagen": 1, "tokenize": 1, "track": 1,
        "models": 2, "train": 3, "interop": 4, "pipeline": 5, "serve": 5, "tools": 6}
INCLUDE = re.compile(r'#include "anvil/(\w+)/')


def layer_of(root, path):
    rel = os.path.relpath(path, root).split(os.sep)
    if rel[0] == "src":
        return rel[1]
    if rel[0] == "include" and len(rel) > 2:
        return rel[2]
    if rel[0] == "tools":
        return "tools"
    return None


def main(root):
    problems = []
    for top in ("src", "include/anvil", "tools"):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for name in files:
                path = os.path.join(dirpath, name)
                layer = layer_of(root, path)
                if layer not in RANK:
                    continue
                with open(path, encoding="utf-8", errors="replace") as f:
                    for number, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if m and m.group(1) in RANK and RANK[m.group(1)] > RANK[layer]:
                            problems.append(f"{os.path.relpath(path, root)}:{number}: {layer} "
                                            f"includes the higher layer {m.group(1)}: {line.strip()}")
    include_root = os.path.join(root, "include")
    with open(os.path.join(include_root, "anvil", "anvil.h"), encoding="utf-8") as f:
        umbrella = f.read()
    for dirpath, _, files in os.walk(os.path.join(include_root, "anvil")):
        for name in files:
            rel = os.path.relpath(os.path.join(dirpath, name), include_root)
            if not name.endswith(".h") or rel == os.path.join("anvil", "anvil.h"):
                continue
            if f'#include "{rel}"' not in umbrella:
                problems.append(f"include/anvil/anvil.h does not include {rel}")
            with open(os.path.join(include_root, rel), encoding="utf-8") as f:
                if not f.readline().startswith("//"):
                    problems.append(f"include/{rel}: no comment at the top saying what it is for")
    for p in problems:
        print(p)
    print(f"headers: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
