#!/usr/bin/env python3
"""Compares two safetensors files tensor by tensor, byte for byte (no safetensors package: the
format is an 8-byte header length, a JSON header and a data buffer; docs/formats.md §1).
Usage: compare_safetensors.py A B     exit 0 if every tensor is bit-identical, 1 otherwise
(printing the tensors that differ), 2 if a file cannot be read."""
import json
import struct
import sys


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    header.pop("__metadata__", None)
    base = 8 + n
    return {name: (info["dtype"], info["shape"], data[base + info["data_offsets"][0]:
                                                      base + info["data_offsets"][1]])
            for name, info in header.items()}


def main(a_path, b_path):
    try:
        a, b = read(a_path), read(b_path)
    except (OSError, ValueError, KeyError, struct.error) as e:
        print(f"cannot read: {e}")
        return 2
    differ = sorted(set(a) ^ set(b))
    differ += [name for name in sorted(set(a) & set(b)) if a[name] != b[name]]
    for name in differ[:10]:
        print(f"differs: {name}")
    print(f"{len(a)} tensors, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
