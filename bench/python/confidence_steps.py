#!/usr/bin/env python3
"""Reads a confidence_calibration answers file beside its data file and counts, by the reference's
status: how often the model's two compared values differ, what its `same:` line says, whether that
agrees with the two values it wrote, what `matches:` says, and how many written rows stand in the
prompt (a row counts when the text after `- ` stands in the prompt as written). For questions with
three matching rows or more: how many answers write as many `also:` lines as there are rows between
the first and the last (the rows themselves are not compared) and how many write none.
usage: confidence_steps.py DATA.jsonl ANSWERS.jsonl[.gz] (the answers of `anvil eval --answers`
on DATA; the data file holds the prompts)."""
import collections, json, re, sys

from answers_io import records_with_answers
from work_steps import compare_lines

c = collections.Counter()
for d, a in records_with_answers(sys.argv[1], sys.argv[2]):
    reference = json.loads(a['reference'])
    status = reference['status']
    w = a['answer']
    compared = compare_lines(w)
    matches = re.search(r'matches: (\d+)', w)
    c[status, 'n'] += 1
    c[status, 'right'] += a['score'] == 1.0
    if compared and compared[0][1] is not None:  # two values written
        first, second, same = compared[0]
        differ = first != second
        c[status, 'values differ'] += differ
        if same in ('yes', 'no'):
            c[status, 'same: no'] += same == 'no'
            c[status, 'same agrees with values'] += (same == 'no') == differ
        if matches:
            c[status, 'matches>=2 after differing'] += differ and int(matches.group(1)) >= 2
            c[status, 'matches 1 after differing'] += differ and int(matches.group(1)) == 1
    middle = len(reference['candidates']) - 2  # the rows between the first match and the last
    if middle > 0:
        written = len(re.findall(r'^also: ', w, re.M))
        c['3+ matches', 'n'] += 1
        c['3+ matches', 'right'] += a['score'] == 1.0
        c['3+ matches', 'as many also: as needed'] += written == middle
        c['3+ matches', 'no also: row'] += written == 0
    for row in re.findall(r'(?:first|last|also): - (.*)\n', w):
        if row.endswith(': not listed'):
            continue
        c['rows', 'written'] += 1
        # the row from the key on: the prompt holds it if the rest after the key is in the prompt
        c['rows', 'in prompt'] += row in d['prompt']
for k in sorted(c):
    print(f'{k[0]:>13} | {k[1]:<28} {c[k]}')
