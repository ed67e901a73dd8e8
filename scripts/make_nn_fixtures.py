#!/usr/bin/python3
"""Makes the PyTorch parity fixtures for the nn module (run with Debian's python3-torch 1.13):

    /usr/bin/python3 scripts/make_nn_fixtures.py

For torchvision's resnet18 and vgg11 (10 classes, eval mode) with the deterministic weights of
fixture_weights.py (seed 1234), and one seeded 1x3x64x64 input, writes as .npy under
src-test/src/test/resources/fixtures/nn/:
    input.npy                        float64 [1, 3, 64, 64]
    <model>_logits.npy               float64 [1, 10]            (computed in float64)
    <model>_grad_input.npy           float64 [1, 3, 64, 64]     d logit[TARGET] / d input
    <model>_grad_<layer>.npy         float64                    d logit[TARGET] / d <layer output>
    <model>_<layer>.npy              float64                    the layer's output
    <model>_names.txt                the state-dict names and shapes, in order
TARGET is 3. The layer is resnet18 'layer4' and vgg11 'features.19' (the last ReLU).
CI never runs this: it reads the committed outputs.
"""
import os
import sys

import numpy as np
import torch
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_weights import fill_state_dict  # noqa: E402

SEED = 1234
TARGET = 3
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src-test", "src", "test",
                   "resources", "fixtures", "nn")
MODELS = {
    "resnet18": (lambda: torchvision.models.resnet18(num_classes=10), "layer4"),
    "vgg11": (lambda: torchvision.models.vgg11(num_classes=10), "features.19"),
}


def save(name, array):
    np.save(os.path.join(OUT, name), np.ascontiguousarray(array, dtype=np.float64))


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.set_num_threads(2)
    x = torch.from_numpy(np.random.default_rng(SEED).standard_normal((1, 3, 64, 64)))
    save("input.npy", x.numpy())
    for name, (make, layer_name) in MODELS.items():
        model = make()
        model.load_state_dict(fill_state_dict(model.state_dict(), SEED))
        model = model.double().eval()
        with open(os.path.join(OUT, name + "_names.txt"), "w") as f:
            for k, v in sorted(model.state_dict().items()):
                f.write("%s %s\n" % (k, list(v.shape)))
        layer = dict(model.named_modules())[layer_name]
        seen = {}
        handle = layer.register_forward_hook(lambda m, i, o: seen.setdefault("a", o))
        xi = x.clone().requires_grad_(True)
        logits = model(xi)
        handle.remove()
        act = seen["a"]
        g_in, g_act = torch.autograd.grad(logits[0, TARGET], [xi, act])
        save(name + "_logits.npy", logits.detach().numpy())
        save(name + "_grad_input.npy", g_in.numpy())
        save(name + "_" + layer_name + ".npy", act.detach().numpy())
        save(name + "_grad_" + layer_name + ".npy", g_act.numpy())
        print(name, "logits", logits.detach().numpy().round(4))


if __name__ == "__main__":
    main()
