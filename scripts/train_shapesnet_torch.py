#!/usr/bin/env python3
"""Train gradlight's shapesnet architecture in PyTorch, to compare training throughput.

The model, the loss, the optimizer, the schedule and the batch size are those of
`gradlight train --model shapesnet` (see io.gradlight.nn.zoo.ShapesNet and
io.gradlight.cli.TrainCommand): four conv 3x3 (no bias) - BatchNorm - ReLU blocks of 16, 32, 64
and 128 channels, the first three followed by a 2x2 max-pool, a global average pool and one linear
layer; mean cross-entropy; SGD with momentum and weight decay; a cosine learning rate per step.

The data comes from gradlight itself, as PNG files written by its `dataset` command:

    ./gradlight dataset --out /tmp/shapes-train --count 12000 --seed 1
    ./gradlight dataset --out /tmp/shapes-test --count 2000 --seed 2
    /usr/bin/python3 scripts/train_shapesnet_torch.py --train /tmp/shapes-train \
        --test /tmp/shapes-test --epochs 8 --batch 32 --threads 2

(gradlight trains on the same renders before their 8-bit PNG rounding.) Needs Debian's
python3-torch (1.13) and python3-pil. It prints the loss and accuracy per epoch, the held-out
accuracy, and the training throughput in images per second: forward, backward and optimizer step
only, data already in memory, which is what gradlight's figure measures too. With --weights it
instead loads weights trained by gradlight (same state-dict names) and reports their held-out
accuracy in PyTorch.
"""
import argparse
import csv
import json
import math
import os
import struct
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

WIDTHS = (16, 32, 64, 128)


def load_dir(path):
    """Images as float32 [N, 3, H, W] in [0, 1] and labels as int64, from a gradlight dataset."""
    with open(os.path.join(path, "labels.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    images = np.stack([
        np.asarray(Image.open(os.path.join(path, r["file"])).convert("RGB"), dtype=np.float32)
        for r in rows
    ])
    images = torch.from_numpy(images).permute(0, 3, 1, 2).contiguous() / 255.0
    labels = torch.tensor([int(r["label"]) for r in rows], dtype=torch.int64)
    return images, labels


class ShapesNet(nn.Module):
    """The same layers and state-dict names as gradlight's ShapesNet."""

    def __init__(self, classes):
        super().__init__()
        layers, channels = [], 3
        for i, width in enumerate(WIDTHS):
            layers += [nn.Conv2d(channels, width, 3, padding=1, bias=False),
                       nn.BatchNorm2d(width), nn.ReLU()]
            if i < len(WIDTHS) - 1:
                layers.append(nn.MaxPool2d(2))
            channels = width
        self.features = nn.Sequential(*layers)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(channels, classes)

    def forward(self, x):
        return self.fc(torch.flatten(self.avgpool(self.features(x)), 1))


def read_safetensors(path):
    """The F32 tensors of a safetensors file (gradlight checkpoints hold F32 only)."""
    with open(path, "rb") as f:
        (length,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(length))
        data = f.read()
    state = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        assert entry["dtype"] == "F32", f"{name}: {entry['dtype']}"
        start, end = entry["data_offsets"]
        array = np.frombuffer(data[start:end], dtype="<f4").reshape(entry["shape"])
        state[name] = torch.from_numpy(array.copy())
    return state


def cosine(base, minimum, step, total):
    """The rate of io.gradlight.nn.train.CosineSchedule."""
    t = min(step, total)
    return minimum + (base - minimum) * (1 + math.cos(math.pi * t / total)) / 2


def evaluate(model, images, labels, batch):
    model.eval()
    correct = 0
    with torch.no_grad():
        for start in range(0, len(labels), batch):
            logits = model(images[start:start + batch])
            correct += (logits.argmax(1) == labels[start:start + batch]).sum().item()
    return correct / len(labels)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--train", help="a directory written by `gradlight dataset`")
    p.add_argument("--test", help="held-out images, also from `gradlight dataset`")
    p.add_argument("--epochs", type=int, default=8)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--weight-decay", type=float, default=5e-4)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--weights", help="evaluate these gradlight weights on --test instead of"
                   " training (e.g. nn/src/main/resources/io/gradlight/nn/models/"
                   "shapesnet.safetensors)")
    args = p.parse_args()

    if not (args.train or args.weights and args.test):
        p.error("give --train DIR, or --weights FILE with --test DIR")
    torch.set_num_threads(args.threads)
    if args.weights:
        test_images, test_labels = load_dir(args.test)
        model = ShapesNet(int(test_labels.max()) + 1)
        missing, unexpected = model.load_state_dict(read_safetensors(args.weights), strict=False)
        # gradlight keeps BatchNorm's integer counters in the metadata, not as tensors.
        assert all(k.endswith("num_batches_tracked") for k in missing) and not unexpected
        accuracy = evaluate(model, test_images, test_labels, 256)
        print(f"gradlight weights in PyTorch: held-out accuracy {accuracy:.4f} on "
              f"{len(test_labels)} images")
        return
    torch.manual_seed(args.seed)
    images, labels = load_dir(args.train)
    classes = int(labels.max()) + 1
    model = ShapesNet(classes)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum,
                                weight_decay=args.weight_decay)
    batches = len(labels) // args.batch
    total_steps = max(1, args.epochs * batches)
    generator = torch.Generator().manual_seed(args.seed)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {len(labels)} images, "
          f"batch {args.batch}, {batches} steps per epoch")
    step, busy, seen = 0, 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        order = torch.randperm(len(labels), generator=generator)
        loss_sum, correct = 0.0, 0
        epoch_start = time.perf_counter()
        for b in range(batches):
            idx = order[b * args.batch:(b + 1) * args.batch]
            x, y = images[idx], labels[idx]
            t0 = time.perf_counter()
            for group in optimizer.param_groups:
                group["lr"] = cosine(args.lr, 0.0, step, total_steps)
            optimizer.zero_grad()
            logits = model(x)
            loss = F.cross_entropy(logits, y)
            loss.backward()
            optimizer.step()
            busy += time.perf_counter() - t0
            step += 1
            seen += len(y)
            loss_sum += loss.item() * len(y)
            correct += (logits.argmax(1) == y).sum().item()
        n = batches * args.batch
        print(f"epoch {epoch + 1}/{args.epochs}  loss {loss_sum / n:.4f}  "
              f"accuracy {correct / n:.4f}  {time.perf_counter() - epoch_start:.1f} s")
    if seen:
        print(f"training: {seen} images in {busy:.1f} s of steps: {seen / busy:.1f} images/s")
    if args.test:
        test_images, test_labels = load_dir(args.test)
        accuracy = evaluate(model, test_images, test_labels, 256)
        print(f"held-out accuracy: {accuracy:.4f} on {len(test_labels)} images")


if __name__ == "__main__":
    main()
