#!/usr/bin/env python3
"""Independent reference for anvil's calibration maths (models/calibration.h), written from
Guo et al. 2017 ("On Calibration of Modern Neural Networks") with PyTorch: the temperature is
fitted with torch.optim.LBFGS on log T (as the paper's reference code does on T), and the ECE
uses 10 equal-width bins (lo, hi] computed with torch.bucketize.

usage: reference_calibration.py CASE.safetensors
CASE holds "logits" [N, C] (F64) and "labels" [N] (I64), and metadata "anvil_temperature",
"anvil_ece_raw", "anvil_ece_calibrated" (what anvil computed). Prints both sides and exits 1 if
the temperatures differ by more than 1e-3 relative or an ECE by more than 1e-9.
"""
import sys

import torch
import torch.nn.functional as F

from reference_classifier import load_safetensors


def ece(logits, labels, temperature, bins=10):
    probs = torch.softmax(logits / temperature, dim=-1)
    conf, pred = probs.max(dim=-1)
    correct = (pred == labels).double()
    edges = torch.linspace(0, 1, bins + 1, dtype=torch.float64)
    # bucketize(right=False) puts c in (edges[i-1], edges[i]] as index i; 0 goes to bin 1.
    index = torch.bucketize(conf, edges[1:], right=False).clamp(max=bins - 1)
    total = 0.0
    for b in range(bins):
        mask = index == b
        if mask.any():
            total += mask.double().mean().item() * abs(correct[mask].mean().item() - conf[mask].mean().item())
    return total


def fit_temperature(logits, labels):
    log_t = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([log_t], lr=0.5, max_iter=500, tolerance_grad=1e-12,
                            tolerance_change=1e-14, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = F.cross_entropy(logits / log_t.exp(), labels)
        loss.backward()
        return loss

    opt.step(closure)
    return log_t.exp().item()


def main():
    tensors, meta = load_safetensors(sys.argv[1])
    logits, labels = tensors["logits"].double(), tensors["labels"].long()
    t_ref = fit_temperature(logits, labels)
    t_anvil = float(meta["anvil_temperature"])
    e_raw, e_cal = ece(logits, labels, 1.0), ece(logits, labels, t_ref)
    print(f"temperature: anvil {t_anvil:.6f} reference {t_ref:.6f}")
    print(f"ece raw: anvil {float(meta['anvil_ece_raw']):.9f} reference {e_raw:.9f}")
    print(f"ece calibrated: anvil {float(meta['anvil_ece_calibrated']):.9f} reference "
          f"{ece(logits, labels, t_anvil):.9f}")
    ok = abs(t_anvil - t_ref) <= 1e-3 * t_ref
    ok = ok and abs(float(meta["anvil_ece_raw"]) - e_raw) <= 1e-9
    ok = ok and abs(float(meta["anvil_ece_calibrated"]) - ece(logits, labels, t_anvil)) <= 1e-9
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
