#!/usr/bin/env python3
"""Sums a Chrome trace written by LibTorch's profiler (bench/lm_throughput --trace 1) per operator:
self time (the event's duration minus the operators it called), calls, and share of the step.

usage: trace_ops.py lm_step_trace.json [--top 25]
"""
import argparse
import collections
import json


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("trace")
    ap.add_argument("--top", type=int, default=25)
    a = ap.parse_args()
    with open(a.trace) as f:
        data = json.load(f)
    events = data["traceEvents"] if isinstance(data, dict) else data
    spans = sorted(((float(e["ts"]), float(e["dur"]), e["name"], e.get("tid", 0))
                    for e in events if e.get("ph") == "X"), key=lambda x: (x[3], x[0], -x[1]))
    self_us = collections.Counter()
    calls = collections.Counter()
    stack = []  # (end, name, index into children time)
    child = collections.defaultdict(float)
    for i, (ts, dur, name, tid) in enumerate(spans):
        while stack and (stack[-1][3] != tid or stack[-1][0] <= ts):
            stack.pop()
        if stack:
            child[stack[-1][2]] += dur
        stack.append((ts + dur, name, i, tid))
        calls[name] += 1
    for i, (ts, dur, name, tid) in enumerate(spans):
        self_us[name] += dur - child[i]
    total = sum(self_us.values())
    print(f"{'operator':55s} {'self ms':>9s} {'share':>6s} {'calls':>6s}")
    for name, us in self_us.most_common(a.top):
        print(f"{name[:55]:55s} {us / 1000:9.1f} {100 * us / total:5.1f}% {calls[name]:6d}")
    print(f"{'total':55s} {total / 1000:9.1f}")


if __name__ == "__main__":
    main()
