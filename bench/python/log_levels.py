#!/usr/bin/env python3
"""Reads a log_analysis answers file beside its data file and counts, per log layout (the record's
meta.layout: 0 text, 1 JSON, 2 syslog, 3 Python, 4 logfmt, 5 bracketed, 6 Serilog, 7 Ruby,
8 Spring), how many of the reference listing's lines (`3 WARN 06:24:39 ...`) the answer gives the
right level under the same line number, by that level; then how many of the services and top
errors the answers' JSON names are written as in the log. Since session 36 the listing copies
each line from its time to its level as printed before the level's name (`3 06:24:39,120 WARN |
WARN`): those copies are counted as well (right where they equal the reference's). Other
specialists' records are skipped.
usage: log_levels.py DATA.jsonl ANSWERS.jsonl[.gz] (the answers of `anvil eval --answers` on DATA)."""
import collections, json, re, sys

from answers_io import records_with_answers

LISTED = re.compile(r'^(\d+) (?:.*? \| )?(ERROR|WARN|INFO|DEBUG)(?= |$)', re.M)
STRETCH = re.compile(r'^(\d+) (.*?) \| ', re.M)  # session 36's listing: the line as printed


def final_json(answer):
    """The answer's last line that parses as a JSON object, or {}."""
    for line in reversed(answer.split('\n')):
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    return {}


def main(data_path, answers_path):
    levels = collections.defaultdict(collections.Counter)  # layout -> (level, right?) -> lines
    copied = collections.Counter()
    for record, answer in records_with_answers(data_path, answers_path):
        if record['specialist'] != 'log_analysis':
            continue
        written = dict(LISTED.findall(answer['answer']))
        for number, level in LISTED.findall(record.get('work', '')):
            levels[record['meta']['layout']][level, written.get(number) == level] += 1
        stretches = dict(STRETCH.findall(answer['answer']))
        for number, stretch in STRETCH.findall(record.get('work', '')):
            copied['lines copied time to level'] += 1
            copied['  as printed'] += stretches.get(number) == stretch
        got, log = final_json(answer['answer']), record['prompt']
        for service in got.get('services_with_errors') or []:
            copied['services named'] += 1
            copied['  as written in the log'] += isinstance(service, str) and service in log
        error = got.get('most_common_error')
        if isinstance(error, str) and error:
            copied['top errors named'] += 1
            copied['  found in the log'] += error in log
    for layout in sorted(levels):
        right = levels[layout]
        print(f'layout {layout}: ' + ', '.join(
            f'{level} {right[level, True]}/{right[level, True] + right[level, False]}'
            for level in ('ERROR', 'WARN', 'INFO', 'DEBUG')))
    for key, value in copied.items():
        print(f'{key:24} {value}')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
