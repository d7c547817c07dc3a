#!/usr/bin/env python3
"""Reads a purchase_order_matching answers file beside its data file and counts, for every line
comparison the record's own steps hold with two different values (`qty <<same(30,23)=no>>`: the
order says 30, the invoice 23), what the model wrote in its step for that SKU: the order's value
right, the invoice's value right, or one value twice (mostly the order's: the invoice's line was
not looked up, so the comparison says `yes` and the discrepancy is lost). Also counts every
`same()` step and every `=no` in the references' steps and in the answers, and (since session 36,
whose steps list the invoice's lines first: `invoice 3NKA7 20 14.20`) how many of the
reference's invoice lines the answer lists as they are. Other specialists' records are skipped.
usage: po_comparisons.py DATA.jsonl ANSWERS.jsonl[.gz] (the answers of `anvil eval --answers` on
DATA: bench/run_all_specialists.sh's fresh-<group>.jsonl and its -fresh.answers.jsonl)."""
import collections, re, sys

from answers_io import records_with_answers

STEP = re.compile(r'^(\S+): qty <<same\(([^,()]*),([^,()]*)\)=\w+>> '
                  r'price <<same\(([^,()]*),([^,()]*)\)=\w+>>', re.M)
LISTED = re.compile(r'^invoice \S+ \S+ \S+$', re.M)


def comparisons(text):
    """{sku: ((order qty, invoice qty), (order price, invoice price))} of a record's or an
    answer's steps."""
    return {m[1]: ((m[2], m[3]), (m[4], m[5])) for m in STEP.finditer(text)}


def main(data_path, answers_path):
    counts = collections.Counter()
    for record, answer in records_with_answers(data_path, answers_path):
        if record['specialist'] != 'purchase_order_matching':
            continue
        counts['records'] += 1
        for name, text in (('reference', record.get('work', '')), ('answer', answer['answer'])):
            counts[f'{name} same() steps'] += text.count('same(')
            counts[f'{name} =no'] += text.count('=no>>')
        listed = set(LISTED.findall(answer['answer']))
        for line in LISTED.findall(record.get('work', '')):
            counts['invoice lines listed (reference)'] += 1
            counts['  listed as they are'] += line in listed
        written = comparisons(answer['answer'])
        for sku, pairs in comparisons(record.get('work', '')).items():
            for which, (order, invoice) in zip((0, 1), pairs):
                if order == invoice:
                    continue
                counts['differing comparisons'] += 1
                if sku not in written:
                    counts['  SKU not compared in the answer'] += 1
                    continue
                got_order, got_invoice = written[sku][which]
                counts['  order value right'] += got_order == order
                counts['  invoice value right'] += got_invoice == invoice
                counts['  one value written twice'] += got_order == got_invoice
    for key, value in counts.items():
        print(f'{key:36} {value}')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
