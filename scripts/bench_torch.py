#!/usr/bin/python3
"""gradlight against PyTorch on the workloads of `gradlight bench`, from one run of both.

    /usr/bin/python3 scripts/bench_torch.py --threads 2                 # the core suite
    /usr/bin/python3 scripts/bench_torch.py --threads 2 --only scaling  # how cost grows
    /usr/bin/python3 scripts/bench_torch.py --threads 1 --clock cpu     # fair on a loaded machine

For each workload `./gradlight bench --list --only SEL` names, it runs `./gradlight bench --json
--threads N --only NAME --runs R` (stderr passes through) and at once times the same workload in
PyTorch (torch.set_num_threads(N), the same shapes and methods), so that the two figures of a row
share the machine's load of that moment. Both are timed the same way (io.gradlight.perf.Timer:
warm-up of at least 1.5 s and on until a one-second window is steady, runs of at least 50 ms (1 s
with --clock cpu), the median and the best of R runs, at most 3 runs for a workload slower than
4 s). PyTorch runs each workload in a child process of its own (this script with --torch-worker),
as gradlight does, so that no thread or memory of one engine is left in the process of the other:
no PyTorch thread is alive while gradlight runs.

It prints the table (workload, gradlight ms, PyTorch ms, gradlight / PyTorch, for the medians and
for the best runs) and writes it as markdown, with the machine, the date and the load, to --markdown
(default: target/bench_torch.md).

PyTorch needs an optimised BLAS: install libopenblas0-pthread beside python3-torch. With Debian's
reference libblas3 alone, torch.mm of two 1024 x 1024 matrices takes 700 ms instead of 17.

What each PyTorch workload runs (Debian's python3-torch 1.13 and python3-torchvision 0.14):
  gemm-N                torch.mm of two N x N matrices
  conv2d-forward-*      F.conv2d, batch 1, no bias (oneDNN)
  conv2d-backward-*     aten.convolution_backward with one output asked for, as autograd calls it
  maxpool-resnet18-stem F.max_pool2d 3x3/2 pad 1 (gradlight also records the argmax)
  gap-resnet18          F.adaptive_avg_pool2d to 1 x 1
  resize-bilinear       F.interpolate(mode="bilinear", align_corners=False)
  resnet18-forward-S-bB torchvision's resnet18 (random weights; same layout as gradlight's),
                        eval mode, torch.no_grad()
  gradcam-resnet18-224  forward recording the graph from an input that requires grad, then
                        torch.autograd.grad(class score, layer4 output), the weighted sum, ReLU,
                        min-max and the bilinear resize to 224 x 224
  scorecam-*            the clean pass, then one masked input per channel of the target layer
                        (upsampled, min-max normalised), 32 per forward pass (8 at 224 x 224),
                        class probabilities as weights; PyTorch scores every channel (as
                        pytorch-grad-cam does), gradlight skips constant ones with one pass
                        of the zero input
  rise-N-shapesnet      N masks (7 x 7 grid, p = 0.5, bilinear upsampling, random shift) made
                        32 at a time, 32 masked inputs per forward pass, probability-weighted sum
  smoothgrad-N-*        the clean pass for the class, then N noisy copies (sigma 15% of the
                        range), forward and backward to the input 16 at a time, the mean
shapesnet loads gradlight's shipped weights (nn/src/main/resources/io/gradlight/nn/models/);
its input is seeded uniform noise in [0, 1) (gradlight uses a Shapes image: PyTorch's cost does not
depend on the pixels, gradlight's Score-CAM skips the constant channels it finds).
"""
import argparse
import datetime
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import time

import torch
import torch.nn.functional as F
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_shapesnet_torch import ShapesNet, read_safetensors  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHAPESNET_WEIGHTS = os.path.join(ROOT, "nn", "src", "main", "resources", "io", "gradlight", "nn",
                                 "models", "shapesnet.safetensors")
SHAPESNET_LAYERS = {16: "features.2", 32: "features.6", 64: "features.10", 128: "features.14"}
SHAPESNET_CLASSES = 8
SHAPES_SIZE = 64

# io.gradlight.perf.Timer's policy.
WARMUP_SECONDS = 1.5
WINDOW_SECONDS = 1.0
STEADY_GAIN = 0.05
MAX_WARMUP_SECONDS = 20.0
MIN_RUN_SECONDS = {"wall": 0.05, "cpu": 1.0}  # gradlight reads CPU time in 10 ms steps
SLOW_CALL_SECONDS = 4.0
SLOW_RUNS = 3
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}

FORWARD_BATCH = 32    # RISE masked inputs per pass; the most of a Score-CAM pass
PASS_FLOATS = 8 * 3 * 224 * 224  # input floats of a Score-CAM pass at most (gradlight's
                                 # ForwardBatches.perPass: 8 images at 224 x 224)
GRADIENT_BATCH = 16   # SmoothGrad noisy copies per pass (gradlight's InputGradients)
NOISE = 0.15          # SmoothGrad's sigma as a fraction of the input range
RISE_GRID = 7
RISE_KEEP = 0.5


def measure(task, runs, clock_id):
    """The median and best ms of one call of task, timed as io.gradlight.perf.Timer times: the
    warm-up and the repetitions by elapsed time, the timed runs by the clock (time.perf_counter for
    wall, time.process_time, the CPU time of every thread of the process, for cpu)."""
    start = time.perf_counter()
    best_median = math.inf
    window, window_start = [], start
    while True:  # warm up until a window of calls is steady, as Timer does (no JIT to watch here)
        t0 = time.perf_counter()
        task()
        now = time.perf_counter()
        call = max(now - t0, 1e-9)
        window.append(call)
        if now - start >= MAX_WARMUP_SECONDS:
            break
        if now - window_start < WINDOW_SECONDS:
            continue
        median = statistics.median(window)
        if now - start >= WARMUP_SECONDS and median >= (1 - STEADY_GAIN) * best_median:
            break
        best_median = min(best_median, median)
        window, window_start = [], now
    clock = CLOCKS[clock_id]
    repetitions = max(1, min(1_000_000, math.ceil(MIN_RUN_SECONDS[clock_id] / call)))
    timed = min(runs, SLOW_RUNS) if call > SLOW_CALL_SECONDS else runs
    ms = []
    for _ in range(timed):
        t0 = clock()
        for _ in range(repetitions):
            task()
        ms.append((clock() - t0) * 1e3 / repetitions)
    return statistics.median(ms), min(ms)


# ---- models and inputs ------------------------------------------------------------------------

def resnet18():
    model = torchvision.models.resnet18().eval()
    model.requires_grad_(False)
    return model


def shapesnet():
    model = ShapesNet(SHAPESNET_CLASSES)
    model.load_state_dict(read_safetensors(SHAPESNET_WEIGHTS), strict=False)
    model.eval().requires_grad_(False)
    return model


def images(batch, size):
    return torch.randn(batch, 3, size, size, generator=torch.Generator().manual_seed(0))


def shapes_image():
    return torch.rand(1, 3, SHAPES_SIZE, SHAPES_SIZE, generator=torch.Generator().manual_seed(0))


def uniform(*shape):
    return torch.rand(*shape, generator=torch.Generator().manual_seed(1)) * 2 - 1


def forward_at(model, x, layer):
    """The logits and the output of the named layer."""
    captured = []
    handle = model.get_submodule(layer).register_forward_hook(lambda m, i, o: captured.append(o))
    try:
        logits = model(x)
    finally:
        handle.remove()
    return logits, captured[0]


def inference(task):
    """task run under torch.no_grad(), as gradlight runs forward-only work without a graph."""
    def run():
        with torch.no_grad():
            return task()
    return run


def display(raw, size):
    """ReLU, per-image min-max, bilinear resize: the display map of the CAM methods."""
    m = F.relu(raw)
    lo = m.amin((1, 2), keepdim=True)
    hi = m.amax((1, 2), keepdim=True)
    m = (m - lo) / (hi - lo + 1e-7)
    return F.interpolate(m[:, None], size=size, mode="bilinear", align_corners=False)[:, 0]


# ---- workloads --------------------------------------------------------------------------------

def conv(kernel, c_in, size, c_out, stride):
    x = uniform(1, c_in, size, size)
    w = uniform(c_out, c_in, 3, 3)
    s = [stride, stride]
    gy = uniform(*F.conv2d(x, w, None, s, 1).shape)
    if kernel == "forward":
        return lambda: F.conv2d(x, w, None, s, 1)
    mask = [kernel == "backward-input", kernel == "backward-weight", False]
    return lambda: torch.ops.aten.convolution_backward(gy, x, w, None, s, [1, 1], [1, 1], False,
                                                       [0, 0], 1, mask)


def gradcam(model, x, layer):
    def run():
        xi = x.detach().requires_grad_(True)
        logits, a = forward_at(model, xi, layer)
        c = logits.argmax(1)
        g, = torch.autograd.grad(logits.gather(1, c[:, None]).sum(), a)
        raw = (g.mean((2, 3), keepdim=True) * a).sum(1)
        return display(raw.detach(), x.shape[2:])
    return run


def scorecam(model, x, layer):
    def run():
        logits, a = forward_at(model, x, layer)
        c = logits.argmax(1)[0]
        up = F.interpolate(a, size=x.shape[2:], mode="bilinear", align_corners=False)[0]
        lo = up.amin((1, 2), keepdim=True)
        hi = up.amax((1, 2), keepdim=True)
        masks = torch.where(hi > lo, (up - lo) / (hi - lo), torch.zeros_like(up))
        weights = []
        per_pass = max(1, min(FORWARD_BATCH, PASS_FLOATS // x[0].numel()))
        for b in range(0, masks.shape[0], per_pass):
            masked = x * masks[b:b + per_pass, None]
            weights.append(F.softmax(model(masked), 1)[:, c])
        raw = (torch.cat(weights)[:, None, None] * a[0]).sum(0, keepdim=True)
        return display(raw, x.shape[2:])
    return inference(run)


def rise_masks(count, height, width, generator):
    cell_h, cell_w = math.ceil(height / RISE_GRID), math.ceil(width / RISE_GRID)
    up_h, up_w = (RISE_GRID + 1) * cell_h, (RISE_GRID + 1) * cell_w
    grid = (torch.rand(count, 1, RISE_GRID, RISE_GRID, generator=generator) < RISE_KEEP).float()
    up = F.interpolate(grid, size=(up_h, up_w), mode="bilinear", align_corners=False)
    dys = torch.randint(0, cell_h, (count,), generator=generator).tolist()
    dxs = torch.randint(0, cell_w, (count,), generator=generator).tolist()
    return torch.stack([up[m, 0, dy:dy + height, dx:dx + width]
                        for m, (dy, dx) in enumerate(zip(dys, dxs))])


def rise(model, x, count):
    def run():
        generator = torch.Generator().manual_seed(0)
        c = model(x).argmax(1)[0]
        height, width = x.shape[2:]
        sal = torch.zeros(height, width)
        for b in range(0, count, FORWARD_BATCH):
            masks = rise_masks(min(FORWARD_BATCH, count - b), height, width, generator)
            p = F.softmax(model(x * masks[:, None]), 1)[:, c]
            sal += (p[:, None, None] * masks).sum(0)
        return sal / (count * RISE_KEEP)
    return inference(run)


def smoothgrad(model, x, samples):
    def run():
        generator = torch.Generator().manual_seed(0)
        with torch.no_grad():
            c = model(x).argmax(1)[0]
        sigma = NOISE * (x.max() - x.min())
        total = torch.zeros_like(x)
        for b in range(0, samples, GRADIENT_BATCH):
            n = min(GRADIENT_BATCH, samples - b)
            noise = torch.randn((n,) + tuple(x.shape[1:]), generator=generator) * sigma
            xs = (x + noise).requires_grad_(True)
            g, = torch.autograd.grad(model(xs)[:, c].sum(), xs)
            total += g.sum(0, keepdim=True)
        return total / samples
    return run


def torch_task(name):
    """The PyTorch task of a gradlight workload name, or None where there is none."""
    m = re.fullmatch(r"gemm-(\d+)", name)
    if m:
        a, b = uniform(int(m[1]), int(m[1])), uniform(int(m[1]), int(m[1]))
        return lambda: torch.mm(a, b)
    m = re.fullmatch(r"conv2d-(forward|backward-input|backward-weight)-(\d+)x(\d+)x\d+-(\d+)-s(\d+)",
                     name)
    if m:
        return conv(m[1], int(m[2]), int(m[3]), int(m[4]), int(m[5]))
    if name == "maxpool-resnet18-stem":
        x = uniform(1, 64, 112, 112)
        return lambda: F.max_pool2d(x, 3, 2, 1)
    if name == "gap-resnet18":
        x = uniform(1, 512, 7, 7)
        return lambda: F.adaptive_avg_pool2d(x, 1)
    if name == "resize-bilinear":
        x = uniform(32, 1, 7, 7)
        return lambda: F.interpolate(x, size=(224, 224), mode="bilinear", align_corners=False)
    m = re.fullmatch(r"resnet18-forward-(\d+)-b(\d+)", name)
    if m:
        model, x = resnet18(), images(int(m[2]), int(m[1]))
        return inference(lambda: model(x))
    if name == "gradcam-resnet18-224":
        return gradcam(resnet18(), images(1, 224), "layer4")
    if name == "scorecam-resnet18-224":
        return scorecam(resnet18(), images(1, 224), "layer4")
    m = re.fullmatch(r"scorecam-shapesnet(?:-c(\d+))?", name)
    if m:
        return scorecam(shapesnet(), shapes_image(), SHAPESNET_LAYERS[int(m[1] or 128)])
    m = re.fullmatch(r"rise-(\d+)-shapesnet", name)
    if m:
        return rise(shapesnet(), shapes_image(), int(m[1]))
    m = re.fullmatch(r"smoothgrad-(\d+)-(shapesnet|resnet18-224)", name)
    if m:
        model, x = (shapesnet(), shapes_image()) if m[2] == "shapesnet" \
            else (resnet18(), images(1, 224))
        return smoothgrad(model, x, int(m[1]))
    return None


# ---- the run and the table --------------------------------------------------------------------

def workload_names(args):
    """The names gradlight bench --only SEL selects, from its --list table (header first)."""
    command = [args.gradlight, "bench", "--list", "--only", args.only]
    out = subprocess.run(command, stdout=subprocess.PIPE, check=True, text=True).stdout
    return [line.split()[0] for line in out.splitlines()[1:] if line.strip()]


def run_gradlight(args, name):
    """The one row of gradlight bench --json for the workload called exactly name."""
    command = [args.gradlight, "bench", "--json", "--threads", str(args.threads), "--only",
               name, "--runs", str(args.runs), "--clock", args.clock]
    out = subprocess.run(command, stdout=subprocess.PIPE, check=True, text=True).stdout
    (row,) = json.loads(out)
    return row


def run_torch(args, name):
    """The median and best ms of PyTorch on the workload called name (None, None where there is
    no PyTorch version), measured in a child process of this script."""
    command = [sys.executable, os.path.abspath(__file__), "--torch-worker", name, "--threads",
               str(args.threads), "--runs", str(args.runs), "--clock", args.clock]
    out = subprocess.run(command, stdout=subprocess.PIPE, check=True, text=True).stdout
    median, best = json.loads(out)
    return median, best


def fmt(x):
    """Four significant digits, without an exponent."""
    if x is None:
        return "-"
    return f"{x:.4g}" if abs(x) < 1e4 else f"{x:.0f}"


def commit():
    """The gradlight commit measured, or "unknown" outside a git checkout."""
    try:
        return subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], check=True,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine():
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            model = next(line.split(":", 1)[1].strip() for line in f
                         if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{model}, {os.cpu_count()} cores"


def ratio(gradlight_ms, torch_ms):
    """gradlight time / PyTorch time, 2 decimals, or - where PyTorch has no figure."""
    return f"{gradlight_ms / torch_ms:.2f}" if torch_ms else "-"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--only", default="core", help="the selector of gradlight bench --only")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--clock", choices=sorted(CLOCKS), default="wall",
                   help="elapsed time, or the process's CPU time (fair under load with --threads 1)")
    p.add_argument("--gradlight", default=os.path.join(ROOT, "gradlight"))
    p.add_argument("--markdown", default=os.path.join(ROOT, "target", "bench_torch.md"))
    p.add_argument("--torch-worker", metavar="NAME", help=argparse.SUPPRESS)
    args = p.parse_args()

    if args.torch_worker:  # the child process of run_torch
        torch.set_num_threads(args.threads)
        task = torch_task(args.torch_worker)
        print(json.dumps(measure(task, args.runs, args.clock) if task else [None, None]))
        return

    load_before = os.getloadavg()
    rows = []
    for name in workload_names(args):
        r = run_gradlight(args, name)
        torch_ms, torch_best = run_torch(args, name)
        rows.append((r["name"], r["shape"], r["median_ms"], r["best_ms"], r["gflops"], torch_ms,
                     torch_best))
        print(f"{r['name']}: gradlight {fmt(r['median_ms'])} ms (best {fmt(r['best_ms'])}), "
              f"PyTorch {fmt(torch_ms)} ms (best {fmt(torch_best)})", file=sys.stderr, flush=True)
    load_after = os.getloadavg()

    header = ["workload", "input", "gradlight ms", "GFLOP/s", "PyTorch ms", "gradlight / PyTorch",
              "best gradlight ms", "best PyTorch ms", "best / best"]
    cells = [[n, s, fmt(g), fmt(f), fmt(t), ratio(g, t), fmt(gb), fmt(tb), ratio(gb, tb)]
             for n, s, g, gb, f, t, tb in rows]
    widths = [max(len(str(c[i])) for c in [header] + cells) for i in range(len(header))]
    for c in [header] + cells:
        print("  ".join(str(v).ljust(w) if i < 2 else str(v).rjust(w)
                        for i, (v, w) in enumerate(zip(c, widths))).rstrip())

    note = (f"{machine()}; {datetime.date.today().isoformat()}; gradlight {commit()}; "
            f"{args.threads} threads; clock {args.clock}; "
            f"PyTorch {torch.__version__}; load average {load_before[0]:.2f} before, "
            f"{load_after[0]:.2f} after; `scripts/bench_torch.py --threads {args.threads} "
            f"--only {args.only} --runs {args.runs} --clock {args.clock}`")
    lines = [note, "", "| " + " | ".join(header) + " |",
             "|" + "|".join(["---", "---"] + ["---:"] * (len(header) - 2)) + "|"]
    lines += ["| " + " | ".join(f"`{c[0]}`" if i == 0 else str(v) for i, v in enumerate(c))
              + " |" for c in cells]
    os.makedirs(os.path.dirname(os.path.abspath(args.markdown)), exist_ok=True)
    with open(args.markdown, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"\n{note}\nmarkdown: {args.markdown}")


if __name__ == "__main__":
    main()
