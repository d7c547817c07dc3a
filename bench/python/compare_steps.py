#!/usr/bin/env python3
"""Reads a compare_drill answers file beside its data file and counts, pair by pair, how often the
model copied the pair as the prompt prints it and decided `same:` right, by the kind of the first
value (a number of 4 digits, of 1-3 digits, a bin code, a word), by how the two relate (equal, a
near miss as the generator makes them: one character changed or two neighbours swapped, or
another value) and, for pairs that differ, by whether the two have the same shape (length and
kind of each character: `6729` / `3544` do, `F-1` / `5248` do not). A number of 4 digits is two
tokens in the cl100k pattern (`7235` -> `723` + `5`), one token per digit in qwen2's. Every pair
of the data counts, also those the model did not write ("agrees" then counts as not agreeing).
usage: compare_steps.py DATA.jsonl ANSWERS.jsonl[.gz] (the answers of `anvil eval --answers` on
DATA; the data file's steps hold the true pairs)."""
import collections, re, sys

from answers_io import records_with_answers
from work_steps import compare_lines


def kind(v):
    if v.isdigit():
        return '4 digits' if len(v) == 4 else '1-3 digits'
    if re.fullmatch(r'[A-Z]-\d+', v):
        return 'bin code'
    return 'word'


def shape(v):
    return re.sub(r'[0-9]', '9', re.sub(r'[a-z]', 'a', re.sub(r'[A-Z]', 'A', v)))


def relation(a, b):
    if a == b:
        return 'equal'
    if kind(a) == kind(b) and len(a) == len(b):
        differ = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = (len(differ) == 2 and differ[1] == differ[0] + 1 and
                   a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]])
        if len(differ) == 1 or swapped:
            return 'near miss'
    return 'other value'


c = collections.Counter()
for d, a in records_with_answers(sys.argv[1], sys.argv[2]):
    truth = compare_lines(d['work'])
    written = compare_lines(a['answer'])
    for i, (x, y, same) in enumerate(truth):
        keys = [kind(x), relation(x, y), kind(x) + ', ' + relation(x, y), 'all']
        if x != y:
            keys.append('differ, same shape' if shape(x) == shape(y) else 'differ, other shape')
        for key in keys:
            c[key, 'pairs'] += 1
            if i < len(written):
                wx, wy, wsame = written[i]
                c[key, 'copied'] += (wx, wy) == (x, y)
                c[key, 'decided right'] += wsame == same
                c[key, 'agrees with its copy'] += wsame == ('yes' if wx == wy else 'no')
KINDS = ['4 digits', '1-3 digits', 'bin code', 'word']
RELATIONS = ['equal', 'near miss', 'other value']
SHAPES = ['differ, same shape', 'differ, other shape']
print(f'{"":<24} {"pairs":>6} {"copied":>8} {"right":>8} {"agrees":>8}')
for key in KINDS + RELATIONS + SHAPES + [k + ', ' + r for k in KINDS for r in RELATIONS] + ['all']:
    n = c[key, 'pairs']
    if n:
        shares = (100 * c[key, m] / n for m in ('copied', 'decided right', 'agrees with its copy'))
        print(f'{key:<24} {n:>6} ' + ' '.join(f'{share:>7.1f}%' for share in shares))
