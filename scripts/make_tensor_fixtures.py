#!/usr/bin/env python3
"""Writes the PyTorch reference fixtures of the tensor module's tests.

Run with the system Python that has PyTorch 1.13 and torchvision (Debian's python3-torch):
    /usr/bin/python3 scripts/make_tensor_fixtures.py
It writes one text file per case to tensor/src/test/resources/fixtures/tensor/. Everything is
computed in float64 from seeded inputs, so the files are reproducible.

File format (read by FixtureFile in the tests), one item per line:
    # comment
    param NAME INTEGER_OR_FLOAT
    tensor NAME DIM DIM ...        (a rank-0 tensor has no dims)
    VALUE VALUE ...                (the next line: the values in row-major order, as Python repr)
"""
import os

import torch
import torch.nn.functional as F
import torchvision.transforms.functional as TF

OUT = os.path.join(os.path.dirname(__file__), "..", "tensor", "src", "test", "resources",
                   "fixtures", "tensor")


class Fixture:
    def __init__(self, name, comment):
        self.name = name
        self.lines = ["# " + comment, "# made by scripts/make_tensor_fixtures.py with torch "
                      + torch.__version__]

    def param(self, name, value):
        self.lines.append("param %s %r" % (name, value))
        return self

    def tensor(self, name, t):
        t = t.detach().to(torch.float64)
        self.lines.append(" ".join(["tensor", name] + [str(d) for d in t.shape]))
        self.lines.append(" ".join(repr(v) for v in t.flatten().tolist()))
        return self

    def write(self):
        with open(os.path.join(OUT, self.name + ".txt"), "w") as f:
            f.write("\n".join(self.lines) + "\n")


def randn(gen, *shape):
    return torch.randn(*shape, generator=gen, dtype=torch.float64)


def resize_cases(gen):
    x = randn(gen, 2, 3, 4, 5)
    for out_h, out_w, tag in [(7, 9, "up"), (3, 2, "down"), (4, 5, "same"), (1, 1, "one"),
                              (6, 3, "mixed"), (13, 11, "big")]:
        for align in (False, True):
            y = F.interpolate(x, size=(out_h, out_w), mode="bilinear", align_corners=align)
            name = "resize_%s_align_%s" % (tag, "true" if align else "false")
            (Fixture(name, "F.interpolate bilinear %dx%d -> %dx%d align_corners=%s"
                     % (4, 5, out_h, out_w, align))
             .param("outH", out_h).param("outW", out_w).param("alignCorners", int(align))
             .tensor("x", x).tensor("y", y).write())


def blur_cases(gen):
    x = randn(gen, 2, 2, 9, 8)
    for k, sigma in [(3, 1.0), (5, 1.5), (7, 0.8), (1, 2.0)]:
        y = TF.gaussian_blur(x, [k, k], [sigma, sigma])
        (Fixture("blur_k%d" % k, "torchvision gaussian_blur kernel %d sigma %r" % (k, sigma))
         .param("kernelSize", k).param("sigma", sigma).tensor("x", x).tensor("y", y).write())


def softmax_cases(gen):
    x = randn(gen, 3, 4, 5) * 4
    x[0, 0, 0] = 1000.0  # overflows exp without the max shift
    x[1, 2, 3] = -1000.0
    for axis in range(3):
        (Fixture("softmax_axis%d" % axis, "F.softmax and F.log_softmax along dim %d" % axis)
         .param("axis", axis).tensor("x", x)
         .tensor("softmax", F.softmax(x, dim=axis))
         .tensor("logSoftmax", F.log_softmax(x, dim=axis)).write())


def conv_cases(gen):
    configs = [("plain", (1, 1), (0, 0), (1, 1)),
               ("strided", (2, 1), (1, 0), (1, 2)),
               ("dilated", (3, 2), (2, 1), (2, 3))]
    for tag, stride, padding, dilation in configs:
        x = randn(gen, 2, 3, 7, 6).requires_grad_()
        w = randn(gen, 4, 3, 3, 2).requires_grad_()
        b = randn(gen, 4)
        y = F.conv2d(x, w, b, stride=stride, padding=padding, dilation=dilation)
        gy = randn(gen, *y.shape)
        gx, gw = torch.autograd.grad(y, (x, w), gy)
        (Fixture("conv_" + tag, "F.conv2d stride %s padding %s dilation %s, and its gradients"
                 % (stride, padding, dilation))
         .param("strideH", stride[0]).param("strideW", stride[1])
         .param("padH", padding[0]).param("padW", padding[1])
         .param("dilH", dilation[0]).param("dilW", dilation[1])
         .tensor("x", x).tensor("w", w).tensor("bias", b).tensor("y", y)
         .tensor("gy", gy).tensor("gx", gx).tensor("gw", gw).write())


def pool_cases(gen):
    x = randn(gen, 2, 2, 7, 6)
    x[0, 0, 1, 1] = x[0, 0, 1, 2] = 9.0  # a tie: the first in window order wins
    for tag, kernel, stride, padding in [("padded", (3, 2), (2, 2), (1, 1)),
                                         ("overlap", (3, 3), (1, 2), (0, 1))]:
        y, idx = F.max_pool2d(x, kernel, stride, padding, return_indices=True)
        avg = F.avg_pool2d(x, kernel, stride, padding)
        (Fixture("pool_" + tag, "F.max_pool2d (with indices) and F.avg_pool2d kernel %s stride %s"
                 " padding %s" % (kernel, stride, padding))
         .param("kernelH", kernel[0]).param("kernelW", kernel[1])
         .param("strideH", stride[0]).param("strideW", stride[1])
         .param("padH", padding[0]).param("padW", padding[1])
         .tensor("x", x).tensor("max", y).tensor("argmax", idx.to(torch.float64))
         .tensor("avg", avg).write())


def main():
    os.makedirs(OUT, exist_ok=True)
    gen = torch.Generator().manual_seed(20240611)
    resize_cases(gen)
    blur_cases(gen)
    softmax_cases(gen)
    conv_cases(gen)
    pool_cases(gen)


if __name__ == "__main__":
    main()
