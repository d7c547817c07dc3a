"""Reads the worked steps the generators write before an answer (a record's `work`, or the model's
answer, which starts with its own steps): the `compare: A / B` lines of confidence_calibration and
compare_drill and the `same:` line after each."""
import re


def compare_lines(text):
    """(first, second, decision) of each `compare: A / B` line and the `same:` line right after it
    (second None when the line has no ` / `, decision None when there is no `same:` line), read
    line by line so one malformed step does not shift the rest."""
    out = []
    for m in re.finditer(r'^compare: (.*)$\n?(?:^same: (.*)$)?', text, re.M):
        first, slash, second = m.group(1).partition(' / ')
        out.append((first, second if slash else None, m.group(2)))
    return out
