#!/usr/bin/env python3
"""Times PyTorch's forward pass over 10,000 images in batches of 1,000 for the reference MLPs and the convnet, as
keras4j's `Bench --predict` does for keras4j, and prints one JSON line per model with the median time.

Run with Debian's python3 (python3-torch), giving it OpenBLAS as bench/compare.py does:
    LD_LIBRARY_PATH=<openblas-openmp dir> /usr/bin/python3 bench/predict_torch.py --threads 2
"""
import argparse
import json
import os
import statistics
import time

MODELS = {  # hidden sizes, hidden activation, output activation
    "seed": ([64], "sigmoid", "softmax"),
    "nielsen": ([30], "sigmoid", "sigmoid"),
    "lee": ([500, 500], "relu", "softmax"),
}
CNN = "cnn"  # Keras' simple MNIST convnet, as the anchors' harness builds it (channels first in PyTorch)


def convnet(torch):
    nn = torch.nn
    return nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                         nn.MaxPool2d(2), nn.Flatten(), nn.Dropout(0.5), nn.Linear(1600, 10), nn.Softmax(dim=1))


def mlp(torch, name):
    hidden, act, out = MODELS[name]
    layers, width = [], 784
    for h in hidden:
        layers += [torch.nn.Linear(width, h), torch.nn.Sigmoid() if act == "sigmoid" else torch.nn.ReLU()]
        width = h
    layers += [torch.nn.Linear(width, 10), torch.nn.Softmax(dim=1) if out == "softmax" else torch.nn.Sigmoid()]
    return torch.nn.Sequential(*layers)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--models", default="seed,nielsen,lee")
    p.add_argument("--repeats", type=int, default=11)
    args = p.parse_args()
    for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[v] = str(args.threads)
    import torch  # after the thread settings
    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    for name in args.models.split(","):
        x = torch.rand(10000, 1, 28, 28) if name == CNN else torch.rand(10000, 784)
        model = (convnet(torch) if name == CNN else mlp(torch, name)).eval()
        seconds = []
        with torch.no_grad():
            for r in range(args.repeats + 3):
                start = time.perf_counter()
                for b in range(0, 10000, 1000):
                    model(x[b:b + 1000])
                if r >= 3:  # warm-up runs first
                    seconds.append(time.perf_counter() - start)
        print(json.dumps({"impl": "torch", "model": name, "predict_batch": 1000, "threads": args.threads,
                          "predict_seconds": round(statistics.median(seconds), 5)}), flush=True)


if __name__ == "__main__":
    main()
