"""Checks an `ofa export --format pth` file with real PyTorch (outside CI: needs python3-torch).

Rebuilds OFA's static MobileNetV3 from the file's net_config with OFA's module names (first_conv,
blocks.N.conv.{inverted_bottleneck,depth_conv,point_linear}, se.fc.{reduce,expand}, ...), loads the
state dict strictly, and optionally runs an input batch and compares with expected logits.

  python3 check_pth_export.py model.pth [input.bin expected_logits.json]
"""
import json
import sys
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F


def make_divisible(v, divisor=8):
    new_v = max(divisor, int(v + divisor / 2) // divisor * divisor)
    return new_v + divisor if new_v < 0.9 * v else new_v


class HSwish(nn.Module):
    def forward(self, x):
        return x * F.relu6(x + 3.0) / 6.0


class HSigmoid(nn.Module):
    def forward(self, x):
        return F.relu6(x + 3.0) / 6.0


def act(name):
    return {"relu": nn.ReLU(), "relu6": nn.ReLU6(), "h_swish": HSwish(), None: nn.Identity()}[name]


def conv_bn_act(cin, cout, k, stride, groups, bn, act_name, se=False):
    layers = OrderedDict(conv=nn.Conv2d(cin, cout, k, stride, k // 2, groups=groups, bias=False))
    if bn:
        layers["bn"] = nn.BatchNorm2d(cout)
    layers["act"] = act(act_name)
    if se:
        layers["se"] = SE(cout)
    return nn.Sequential(layers)


class SE(nn.Module):
    def __init__(self, c):
        super().__init__()
        m = make_divisible(c // 4)
        self.fc = nn.Sequential(OrderedDict(reduce=nn.Conv2d(c, m, 1, bias=True), relu=nn.ReLU(),
                                            expand=nn.Conv2d(m, c, 1, bias=True), h_sigmoid=HSigmoid()))

    def forward(self, x):
        return x * self.fc(x.mean(3, keepdim=True).mean(2, keepdim=True))


class MBConv(nn.Module):
    def __init__(self, c):
        super().__init__()
        cin, cout, k, s = c["in_channels"], c["out_channels"], c["kernel_size"], c["stride"]
        mid = c.get("mid_channels") or round(cin * c["expand_ratio"])
        self.inverted_bottleneck = None if c["expand_ratio"] == 1 else conv_bn_act(cin, mid, 1, 1, 1, True, c["act_func"])
        self.depth_conv = conv_bn_act(mid, mid, k, s, mid, True, c["act_func"], c["use_se"])
        self.point_linear = conv_bn_act(mid, cout, 1, 1, 1, True, None)

    def forward(self, x):
        if self.inverted_bottleneck is not None:
            x = self.inverted_bottleneck(x)
        return self.point_linear(self.depth_conv(x))


class Block(nn.Module):
    def __init__(self, b):
        super().__init__()
        self.conv = MBConv(b.get("conv") or b["mobile_inverted_conv"])
        self.shortcut = b.get("shortcut") is not None

    def forward(self, x):
        return self.conv(x) + x if self.shortcut else self.conv(x)


class MobileNetV3(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        fc, fe, fm, cl = cfg["first_conv"], cfg["final_expand_layer"], cfg["feature_mix_layer"], cfg["classifier"]
        self.first_conv = conv_bn_act(fc["in_channels"], fc["out_channels"], 3, 2, 1, True, "h_swish")
        self.blocks = nn.ModuleList([Block(b) for b in cfg["blocks"]])
        self.final_expand_layer = conv_bn_act(fe["in_channels"], fe["out_channels"], 1, 1, 1, True, "h_swish")
        self.feature_mix_layer = conv_bn_act(fm["in_channels"], fm["out_channels"], 1, 1, 1, False, "h_swish")
        self.classifier = nn.Sequential(OrderedDict(linear=nn.Linear(cl["in_features"], cl["out_features"])))

    def forward(self, x):
        x = self.first_conv(x)
        for b in self.blocks:
            x = b(x)
        x = self.final_expand_layer(x)
        x = x.mean(3, keepdim=True).mean(2, keepdim=True)
        x = self.feature_mix_layer(x)
        return self.classifier(x.view(x.size(0), -1))


def main(argv):
    ck = torch.load(argv[1], map_location="cpu")
    cfg, sd = ck["net_config"], ck["state_dict"]
    net = MobileNetV3(cfg)
    expected = net.state_dict()
    assert list(sd.keys()) == list(expected.keys()), set(sd.keys()) ^ set(expected.keys())
    for k, v in expected.items():
        assert tuple(sd[k].shape) == tuple(v.shape) and sd[k].dtype == v.dtype, (k, sd[k].shape, v.shape)
    net.load_state_dict(sd, strict=True)
    print(f"ok: {len(sd)} tensors match net_config ({cfg['name']}, {len(cfg['blocks'])} blocks)")
    if len(argv) > 3:
        r = ck["config"]["r"]
        x = torch.frombuffer(bytearray(open(argv[2], "rb").read()), dtype=torch.float32).view(-1, 3, r, r)
        with torch.no_grad():
            logits = net.eval()(x)
        want = torch.tensor(json.load(open(argv[3])))
        diff = (logits - want).abs().max().item()
        print(f"max |logits - expected| = {diff:.2e}")
        assert diff <= 1e-4


if __name__ == "__main__":
    main(sys.argv)
