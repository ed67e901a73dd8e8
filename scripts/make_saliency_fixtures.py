#!/usr/bin/python3
"""Golden saliency maps for the Java tests, from independent PyTorch code of the published formulas.

    /usr/bin/python3 scripts/make_saliency_fixtures.py

Models, weights and input are those of make_nn_fixtures.py (torchvision resnet18 and vgg11,
10 classes, formula weights of fixture_weights.py, seed 1234, eval mode, float64). The target is
logit 3. Target layers: resnet18 'layer4' (GAP + fc head, so CAM applies), vgg11 'features.19'.

Every map is RAW: the method's combination before its final ReLU and before any normalisation or
resize, at the resolution where the method computes it. Notation: x the input [1,3,H,W], S the
logit, A the layer output [1,K,h,w], g = dS/dA, sums over spatial positions ij.

  gradient               dS/dx                                    [1,3,H,W]
  gradient-x-input       x * dS/dx                                [1,3,H,W]
  guided-backprop        dS/dx with every ReLU's backward replaced by gy * [x > 0] * [gy > 0]
  integrated-gradients   (x - 0) * (1/m) sum_{k=1..m} dS/dx(k/m x), m = 16 (right Riemann sum,
                         Sundararajan et al. 2017 eq. 3, black baseline)
  cam                    sum_k W[c,k] A_k            (resnet18 only: its head is GAP + fc)
  gradcam                sum_k mean_ij(g_k) A_k
  hirescam               sum_k g_k * A_k
  xgradcam               sum_k (sum_ij g_k A_k / (sum_ij A_k + 1e-7)) A_k
  layercam               sum_k relu(g_k) * A_k
  gradcam++              sum_k w_k A_k, w_k = sum_ij relu(g) alpha, alpha = g^2 / (2 g^2 + sum_ij(A_k) g^3 + 1e-6),
                         alpha = 0 where g = 0  (paper eq. 19 as pytorch-grad-cam computes it)
  scorecam-prob          sum_k w_k A_k, w_k = softmax(f(x * M_k))[c]   (the paper's class probability)
  scorecam-softmax       sum_k w_k A_k, w = softmax over k of f(x * M_k)[c]   (pytorch-grad-cam)
                         M_k = bilinear upsampling of A_k to H x W (align_corners=False), min-max
                         normalised per channel; a constant channel gives M_k = 0.
  ablationcam            sum_k ((S - S_k) / S) A_k, S_k the logit with channel k of A set to 0
  eigencam               (A' v1) reshaped to h x w, A' the [hw, K] activations with column means
                         removed, v1 its first right singular vector (sign arbitrary)
Also the ReLU-head model for the exactness tests is not here: those tests are Java-only identities.
"""
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_weights import fill_state_dict  # noqa: E402

SEED = 1234
TARGET = 3
IG_STEPS = 16
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src-test", "src", "test", "resources", "fixtures", "saliency")
NN = os.path.join(HERE, "..", "src-test", "src", "test", "resources", "fixtures", "nn")
MODELS = {
    "resnet18": (lambda: torchvision.models.resnet18(num_classes=10), "layer4"),
    "vgg11": (lambda: torchvision.models.vgg11(num_classes=10), "features.19"),
}


class GuidedRelu(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x.clamp(min=0)

    @staticmethod
    def backward(ctx, gy):
        (x,) = ctx.saved_tensors
        return gy * (x > 0).to(gy.dtype) * (gy > 0).to(gy.dtype)


def build(name):
    make, layer_name = MODELS[name]
    model = make()
    model.load_state_dict(fill_state_dict(model.state_dict(), SEED))
    return model.double().eval(), layer_name


def input_grad(model, x):
    xi = x.clone().requires_grad_(True)
    return torch.autograd.grad(model(xi)[0, TARGET], xi)[0]


def layer_and_grad(model, layer, x):
    seen = {}
    handle = layer.register_forward_hook(lambda m, i, o: seen.setdefault("a", o))
    logits = model(x)
    handle.remove()
    a = seen["a"]
    g = torch.autograd.grad(logits[0, TARGET], a)[0]
    return a.detach(), g, logits.detach()


def logits_with_layer(model, layer, x, replace):
    handle = layer.register_forward_hook(lambda m, i, o: replace(o))
    with torch.no_grad():
        out = model(x)
    handle.remove()
    return out


def maps(name):
    model, layer_name = build(name)
    layer = dict(model.named_modules())[layer_name]
    x = torch.from_numpy(np.load(os.path.join(NN, "input.npy")))
    out = {}
    grad = input_grad(model, x)
    out["gradient"] = grad
    out["gradient-x-input"] = x * grad

    saved = {}
    for mod_name, mod in model.named_modules():
        if isinstance(mod, torch.nn.ReLU):
            saved[mod_name] = mod.forward
            mod.forward = GuidedRelu.apply
    out["guided-backprop"] = input_grad(model, x)
    for mod_name, mod in model.named_modules():
        if mod_name in saved:
            mod.forward = saved[mod_name]

    total = torch.zeros_like(x)
    for k in range(1, IG_STEPS + 1):
        total += input_grad(model, x * (k / IG_STEPS))
    out["integrated-gradients"] = x * total / IG_STEPS

    a, g, logits = layer_and_grad(model, layer, x)
    s = logits[0, TARGET]
    if name == "resnet18":
        out["cam"] = torch.einsum("k,bkhw->bhw", model.fc.weight[TARGET].detach(), a)
    out["gradcam"] = (g.mean(dim=(2, 3), keepdim=True) * a).sum(1)
    out["hirescam"] = (g * a).sum(1)
    out["xgradcam"] = ((g * a).sum(dim=(2, 3), keepdim=True) / (a.sum(dim=(2, 3), keepdim=True) + 1e-7) * a).sum(1)
    out["layercam"] = (g.clamp(min=0) * a).sum(1)
    g2, g3 = g ** 2, g ** 3
    alpha = g2 / (2 * g2 + a.sum(dim=(2, 3), keepdim=True) * g3 + 1e-6)
    alpha = torch.where(g != 0, alpha, torch.zeros_like(alpha))
    w = (g.clamp(min=0) * alpha).sum(dim=(2, 3), keepdim=True)
    out["gradcam++"] = (w * a).sum(1)

    up = F.interpolate(a, size=x.shape[2:], mode="bilinear", align_corners=False)[0]
    lo = up.amin(dim=(1, 2), keepdim=True)
    hi = up.amax(dim=(1, 2), keepdim=True)
    masks = torch.where(hi > lo, (up - lo) / (hi - lo), torch.zeros_like(up))
    scores = []
    with torch.no_grad():
        for chunk in torch.split(masks, 32):
            scores.append(model(x * chunk[:, None]))
    scores = torch.cat(scores)
    w_prob = torch.softmax(scores, dim=1)[:, TARGET]
    w_soft = torch.softmax(scores[:, TARGET], dim=0)
    out["scorecam-prob"] = (w_prob[None, :, None, None] * a).sum(1)
    out["scorecam-softmax"] = (w_soft[None, :, None, None] * a).sum(1)

    ablated = []
    for k in range(a.shape[1]):
        def zero_k(o, k=k):
            o = o.clone()
            o[:, k] = 0
            return o
        ablated.append(logits_with_layer(model, layer, x, zero_k)[0, TARGET])
    w_abl = (s - torch.stack(ablated)) / s
    out["ablationcam"] = (w_abl[None, :, None, None] * a).sum(1)

    k, h, wd = a.shape[1:]
    flat = a[0].reshape(k, h * wd).T
    flat = flat - flat.mean(dim=0, keepdim=True)
    _, _, vt = torch.linalg.svd(flat, full_matrices=True)
    out["eigencam"] = (flat @ vt[0]).reshape(1, h, wd)
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.set_num_threads(2)
    for name in MODELS:
        for method, m in maps(name).items():
            np.save(os.path.join(OUT, "%s_%s.npy" % (name, method)), m.detach().numpy().astype(np.float64))
        print(name, "done")


if __name__ == "__main__":
    main()
