"""Deterministic fixture weights that Java and Python compute bit for bit alike.

Committing a random ResNet-18 (45 MB) or VGG-11 (500 MB) as a fixture would bloat the repository,
so the parity fixtures define their weights by a formula instead. Java's twin is
io.gradlight.nn.zoo.FixtureWeights (src-test); both follow this specification:

  Tensors are visited in the sorted order of their state-dict names, k = 0, 1, 2, ...
  Element i (row-major) of tensor k draws u in [0, 1) with 24 random bits:
      state = seed + k * 0x9E3779B97F4A7C15 + (i + 1) * 0xBF58476D1CE4E5B9      (mod 2^64)
      z = splitmix64_mix(state); u = (z >> 40) / 2^24
  and maps it, in double, then rounds once to float32:
      conv / linear weight (rank >= 2):  (2u - 1) * sqrt(6 / fan_in)       fan_in = numel / shape[0]
      '*.bias' of conv / linear:         (2u - 1) * 0.1
      BatchNorm 'weight' (rank 1):       1 + (2u - 1) * 0.5
      BatchNorm 'bias':                  (2u - 1) * 0.1
      'running_mean':                    (2u - 1) * 0.1
      'running_var':                     1 + (2u - 1) * 0.5
      'num_batches_tracked':             0 (int64)
A rank-1 tensor is BatchNorm's when its name's prefix also has 'running_mean'.
"""
import numpy as np

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15
STEP = 0xBF58476D1CE4E5B9


def _mix(z):
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def uniform(seed, k, n):
    """The n values u in [0, 1) of tensor k, as float64."""
    with np.errstate(over="ignore"):
        base = np.uint64((seed + k * GOLDEN) & MASK)
        i = np.arange(1, n + 1, dtype=np.uint64)
        z = _mix(base + i * np.uint64(STEP))
    return (z >> np.uint64(40)).astype(np.float64) / float(1 << 24)


def fill_state_dict(state_dict, seed):
    """Returns a new state dict with every tensor replaced by its fixture value (float32 / int64)."""
    import torch
    names = sorted(state_dict.keys())
    bn_prefixes = {n[: -len("running_mean")] for n in names if n.endswith("running_mean")}
    out = {}
    for k, name in enumerate(names):
        t = state_dict[name]
        if name.endswith("num_batches_tracked"):
            out[name] = torch.zeros_like(t)
            continue
        u = uniform(seed, k, t.numel())
        prefix = name[: name.rfind(".") + 1]
        is_bn = t.dim() == 1 and prefix in bn_prefixes
        if t.dim() >= 2:
            fan_in = t.numel() // t.shape[0]
            v = (2 * u - 1) * np.sqrt(6.0 / fan_in)
        elif name.endswith("running_var") or (is_bn and name.endswith("weight")):
            v = 1 + (2 * u - 1) * 0.5
        else:
            v = (2 * u - 1) * 0.1
        out[name] = torch.from_numpy(v.astype(np.float32).reshape(tuple(t.shape)))
    return out
