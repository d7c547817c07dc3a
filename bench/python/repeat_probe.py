#!/usr/bin/env python3
"""The purest copying task, to measure whether in-context copying forms at all.

Each record asks to repeat 2-6 items (coined words of 1-3 syllables, numbers up to 6 digits,
codes like "KZ-3318") exactly; the answer is the same text. Nothing in the answer can be guessed,
so its loss only falls as far as the model copies.

  repeat_probe.py data N SEED OUT.jsonl        training records (anvil's specialist schema)
  repeat_probe.py prompts SEED OUT.json        40 evaluation prompts + answers (a fresh seed)
  repeat_probe.py score PROMPTS.json GEN.txt   exact copies and items copied, from the lines
                                               "[i] text" that `anvil generate --no-stream` prints

Measured with it (docs/specialist-quality.md): alone, 4 epochs, the recipe's model copies 81% of
the items with train.decay_embeddings=false and 16% with weight decay on its tied embeddings;
27,000 of these records mixed into the recipe's data make it copy street and town names.
"""
import json
import random
import re
import sys

ONSETS = "b c d f g h j k l m n p r s t v w z br st th kl gr".split()
VOWELS = "a e i o u ou ea y".split()


def item(r):
    x = r.random()
    if x < 0.5:
        w = "".join(r.choice(ONSETS) + r.choice(VOWELS) for _ in range(r.randint(1, 3)))
        if r.random() < 0.5:
            w += r.choice(ONSETS)
        return w.capitalize() if r.random() < 0.5 else w
    if x < 0.75:
        return str(r.randint(0, 999999))
    letters = "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(r.randint(1, 3)))
    return f"{letters}-{r.randint(0, 99999)}"


def sample(r):
    return " ".join(item(r) for _ in range(r.randint(2, 6)))


def prompt(s):
    return "Repeat exactly:\n" + s


def main(argv):
    if argv[1] == "data":
        n, r = int(argv[2]), random.Random(int(argv[3]))
        with open(argv[4], "w") as f:
            for i in range(n):
                s = sample(r)
                p = prompt(s)
                f.write(json.dumps({"specialist": "repeat", "prompt": p, "response": s,
                                    "text": f"{p}\n\nAssistant: {s}\n[confidence: 1.00]",
                                    "meta": {"index": i, "confidence": 1.0}}) + "\n")
    elif argv[1] == "prompts":
        r = random.Random(int(argv[2]))
        answers = [sample(r) for _ in range(40)]
        json.dump({"prompts": [prompt(s) + "\n\nAssistant: " for s in answers],
                   "answers": answers}, open(argv[3], "w"))
    elif argv[1] == "score":
        answers = json.load(open(argv[2]))["answers"]
        got = {}
        for line in open(argv[3]):
            m = re.match(r"\[(\d+)\] ?(.*)", line.rstrip("\n"))
            if m:
                got[int(m.group(1))] = m.group(2).strip()
        exact = sum(got.get(i, "") == a for i, a in enumerate(answers))
        items = sum(len(a.split()) for a in answers)
        right = sum(sum(x == y for x, y in zip(got.get(i, "").split(), a.split()))
                    for i, a in enumerate(answers))
        print(f"exact {exact}/{len(answers)}, items {right}/{items} = {100 * right / items:.1f}%")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
