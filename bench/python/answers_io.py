"""Reads an answers file of `anvil eval --answers` beside the data file it was evaluated on.
The answers carry the record's own answer (`reference`), not the prompt; each answer is paired
with the first unpaired record of the data whose `response` is that reference, in file order."""
import collections, gzip, json


def read_jsonl(path):
    """JSON lines of a file, gzip-compressed when its name ends in .gz."""
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rt') as f:
        return [json.loads(line) for line in f]


def records_with_answers(data_path, answers_path):
    """(record, answer) for every answer of ANSWERS, its record found in DATA."""
    by_ref = collections.defaultdict(list)
    for d in read_jsonl(data_path):
        by_ref[d['response']].append(d)
    pairs = []
    for a in read_jsonl(answers_path):
        if not by_ref[a['reference']]:
            raise SystemExit(f'{answers_path}: an answer whose reference is not a record of '
                             f'{data_path} (were the answers evaluated on another file?)')
        pairs.append((by_ref[a['reference']].pop(0), a))
    return pairs
