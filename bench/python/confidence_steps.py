#!/usr/bin/env python3
"""Reads a confidence_calibration answers file beside its data file and counts, by the reference's
status: how often the model's two compared values differ, what its `same:` line says, whether that
agrees with the two values it wrote, what `matches:` says, and how many written rows stand in the
prompt (a row counts when the text after `- ` stands in the prompt as written).
usage: confidence_steps.py DATA.jsonl ANSWERS.jsonl[.gz] (the answers of `anvil eval --answers`
on DATA; the data file holds the prompts)."""
import collections, json, re, sys

from answers_io import records_with_answers

c = collections.Counter()
for d, a in records_with_answers(sys.argv[1], sys.argv[2]):
    status = json.loads(a['reference'])['status']
    w = a['answer']
    m = re.search(r'compare: (\S+) / (\S+)\n', w)
    same = re.search(r'same: (yes|no)', w)
    matches = re.search(r'matches: (\d+)', w)
    c[status, 'n'] += 1
    c[status, 'right'] += a['score'] == 1.0
    if m:
        differ = m.group(1) != m.group(2)
        c[status, 'values differ'] += differ
        if same:
            c[status, 'same: no'] += same.group(1) == 'no'
            c[status, 'same agrees with values'] += (same.group(1) == 'no') == differ
        if matches:
            c[status, 'matches>=2 after differing'] += differ and int(matches.group(1)) >= 2
            c[status, 'matches 1 after differing'] += differ and int(matches.group(1)) == 1
    for row in re.findall(r'(?:first|last|also): - (.*)\n', w):
        if row.endswith(': not listed'):
            continue
        c['rows', 'written'] += 1
        # the row from the key on: the prompt holds it if the rest after the key is in the prompt
        c['rows', 'in prompt'] += row in d['prompt']
for k in sorted(c):
    print(f'{k[0]:>13} | {k[1]:<28} {c[k]}')
