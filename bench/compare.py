#!/usr/bin/env python3
"""Runs keras4j and the reference harnesses (Deeplearning4j, PyTorch, numpy) one after another on this
machine and prints the per-epoch time ratios.

Every harness trains the same three MLPs (seed, nielsen, lee) and, except numpy, Keras' simple MNIST convnet
(cnn: Conv2D 32 - MaxPooling2D - Conv2D 64 - MaxPooling2D - Flatten - Dropout - Dense 10, batch 128, Adam; pass
--models cnn) on the same data and prints one JSON line
per epoch: {"impl","model","dataset","epoch","train_seconds","test_loss","test_acc","rss_mb"}. Timings on a
shared machine drift from run to run, so only ratios taken within one run mean anything.

Usage (from the repository root):
    python3 bench/compare.py [--models seed,nielsen,lee] [--dataset fashion|mnist-10k] [--epochs 3]
                             [--shared ../shared] [--work target/bench] [--impls keras4j,dl4j,torch,numpy]

The reference harnesses live in <shared>/anchors (their RUN.md files describe them). This script copies
them with the datasets into --work (the shared folder may be read-only), builds the DL4J one with Maven,
and gives PyTorch and numpy OpenBLAS by unpacking Debian's libopenblas0-openmp there (without it both run
on Debian's single-threaded reference BLAS and look 5-18x slower than they are). PyTorch and numpy come
from Debian: apt-get install python3-torch python3-numpy.
"""
import argparse
import collections
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = "/usr/bin/python3"  # Debian's python, which has python3-torch and python3-numpy


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--models", default="seed,nielsen,lee", help="any of seed, nielsen, lee, cnn")
    p.add_argument("--dataset", choices=["fashion", "mnist-10k"], default="fashion")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--impls", default="keras4j,dl4j,torch,numpy")
    p.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    p.add_argument("--work", default=os.path.join(ROOT, "target", "bench"))
    p.add_argument("--torch-threads", type=int, default=2, help="threads for PyTorch and numpy (their fastest here)")
    p.add_argument("--dl4j-threads", type=int, default=1, help="threads for DL4J (its fastest on 2 cores)")
    p.add_argument("--out", default=None, help="write the JSON lines and the table here (default: <work>/results-<time>)")
    p.add_argument("--predict-rounds", type=int, default=3,
                   help="with --predict: rounds of keras4j and PyTorch predict, alternating (the table gives medians)")
    p.add_argument("--no-vector", action="store_true",
                   help="run keras4j without --add-modules jdk.incubator.vector (its plain-Java kernels)")
    p.add_argument("--predict", action="store_true",
                   help="also time predict over the 10,000 test images in batches of 1,000: keras4j vs PyTorch's forward pass")
    return p.parse_args()


def run(cmd, cwd=None, env=None, log=None):
    print("$ " + " ".join(cmd), file=sys.stderr, flush=True)
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if log:
        with open(log, "a") as f:
            f.write("$ " + " ".join(cmd) + "\n" + proc.stderr)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-3000:])
        raise SystemExit("command failed (%d): %s" % (proc.returncode, " ".join(cmd)))
    return proc.stdout


def prepare_anchors(args):
    """Copies anchors + data into the work folder (once) and builds what they need."""
    anchors = os.path.join(args.work, "anchors")
    if not os.path.isdir(anchors):
        os.makedirs(args.work, exist_ok=True)
        shutil.copytree(os.path.join(args.shared, "anchors"), anchors)
        shutil.copytree(os.path.join(args.shared, "data"), os.path.join(args.work, "data"))
    impls = args.impls.split(",")
    if "dl4j" in impls and not os.path.exists(os.path.join(anchors, "dl4j", "target", "dl4j-anchor.jar")):
        run(["mvn", "-B", "-q", "package", "-DskipTests"], cwd=os.path.join(anchors, "dl4j"))
    ob = os.path.join(anchors, "torch", "openblas-root", "usr", "lib", "x86_64-linux-gnu", "openblas-openmp")
    if ("torch" in impls or "numpy" in impls) and not os.path.isdir(ob):
        debs = os.path.join(anchors, "torch", "debs")
        os.makedirs(debs, exist_ok=True)
        run(["apt-get", "download", "libopenblas0-openmp"], cwd=debs)
        for d in os.listdir(debs):
            if d.endswith(".deb"):
                run(["dpkg", "-x", os.path.join(debs, d), os.path.join(anchors, "torch", "openblas-root")])
    return anchors, ob


def keras4j_jar():
    jar = os.path.join(ROOT, "examples", "target", "keras4j-examples.jar")
    if not os.path.exists(jar):
        run(["mvn", "-B", "-q", "package", "-DskipTests"], cwd=ROOT)
    return jar


def keras4j_java(args):
    """java with the Vector API module, which keras4j uses for float32 inference when it is there."""
    return ["java"] if args.no_vector else ["java", "--add-modules", "jdk.incubator.vector"]


def commands(impl, model, dataset, epochs, args, anchors, openblas, jar):
    anchor_dataset = "mnist10k" if dataset == "mnist-10k" else dataset
    env = dict(os.environ)
    if impl == "keras4j":
        env["KERAS4J_DATASETS"] = os.path.join(args.work, "data")
        return keras4j_java(args) + ["-cp", jar, "io.github.keras4j.examples.Bench", "--model", model, "--dataset", dataset,
                "--epochs", str(epochs)], None, env
    if impl == "dl4j":
        env["OMP_NUM_THREADS"] = str(args.dl4j_threads)
        return ["java", "-jar", "target/dl4j-anchor.jar", "--model", model, "--dataset", anchor_dataset, "--epochs", str(epochs),
                "--threads", str(args.dl4j_threads)], os.path.join(anchors, "dl4j"), env
    env["LD_LIBRARY_PATH"] = openblas
    return [PY, "bench.py", "--impl", impl, "--model", model, "--dataset", anchor_dataset, "--epochs", str(epochs),
            "--threads", str(args.torch_threads)], os.path.join(anchors, "torch"), env


def main():
    args = parse_args()
    args.work = os.path.abspath(args.work)
    args.shared = os.path.abspath(args.shared)
    impls = args.impls.split(",")
    anchors, openblas = prepare_anchors(args)
    jar = keras4j_jar() if "keras4j" in impls else None
    out = args.out or os.path.join(args.work, "results-" + time.strftime("%Y%m%d-%H%M%S"))
    os.makedirs(out, exist_ok=True)
    lines = []
    for model in args.models.split(","):
        for impl in impls:
            if impl == "numpy" and model == "cnn":
                continue  # the numpy harness has no convolutional model
            cmd, cwd, env = commands(impl, model, args.dataset, args.epochs, args, anchors, openblas, jar)
            stdout = run(cmd, cwd=cwd, env=env, log=os.path.join(out, "stderr.log"))
            for line in stdout.splitlines():
                line = line.strip()
                if line.startswith("{"):
                    record = json.loads(line)
                    record["impl"] = impl  # the anchors print "dl4j", "torch", "numpy"; keep ours uniform
                    lines.append(record)
    with open(os.path.join(out, "epochs.jsonl"), "w") as f:
        for r in lines:
            f.write(json.dumps(r) + "\n")
    table = ratio_table(lines, args)
    if args.predict:
        table += predict_table(args, anchors, openblas, jar, out)
    with open(os.path.join(out, "table.md"), "w") as f:
        f.write(table)
    print(table)
    print("raw lines: " + os.path.join(out, "epochs.jsonl"), file=sys.stderr)


def ratio_table(lines, args):
    """Per model: median seconds of epochs 2.. for each impl, keras4j's ratio to the fastest peer and to DL4J."""
    rows = ["| model | impl | epoch seconds (2..%d) | median | test acc (last) | max RSS MB |" % args.epochs,
            "|---|---|---|---|---|---|"]
    summary = ["", "| model | keras4j / fastest of PyTorch, numpy | keras4j / DL4J | accuracy gap to the anchors (last epoch) |",
               "|---|---|---|---|"]
    for model in args.models.split(","):
        med = {}
        acc = {}
        for impl in args.impls.split(","):
            rs = sorted((r for r in lines if r["impl"] == impl and r["model"] == model), key=lambda r: r["epoch"])
            if not rs:
                continue
            later = [r["train_seconds"] for r in rs if r["epoch"] >= 2] or [rs[-1]["train_seconds"]]
            med[impl] = statistics.median(later)
            acc[impl] = rs[-1]["test_acc"]
            rows.append("| %s | %s | %s | %.3f | %.4f | %.0f |" % (model, impl, ", ".join("%.3f" % s for s in later), med[impl],
                                                                 acc[impl], max(r["rss_mb"] for r in rs)))
        if "keras4j" in med:
            peers = [med[i] for i in ("torch", "numpy") if i in med]
            vs_peer = "%.2f" % (med["keras4j"] / min(peers)) if peers else "n/a"
            vs_dl4j = "%.2f" % (med["keras4j"] / med["dl4j"]) if "dl4j" in med else "n/a"
            others = [acc[i] for i in acc if i != "keras4j"]
            gap = "%+.4f" % (acc["keras4j"] - max(others)) if others else "n/a"
            summary.append("| %s | %s | %s | %s (vs best anchor) |" % (model, vs_peer, vs_dl4j, gap))
    return "\n".join(rows + summary) + "\n"


def predict_table(args, anchors, openblas, jar, out):
    """keras4j's predict against PyTorch's forward pass (eval mode, no_grad), same models, batches of 1,000.

    The two alternate for --predict-rounds rounds, each going first in every other round, and the table gives
    the median over rounds: these machines switch between two speeds every few tens of seconds, and one run
    of each would compare whichever speed each happened to get."""
    ours, theirs = collections.defaultdict(list), collections.defaultdict(list)
    k4j_env = dict(os.environ, KERAS4J_DATASETS=os.path.join(args.work, "data"))
    torch_env = dict(os.environ, LD_LIBRARY_PATH=openblas)

    def keras4j():
        for model in args.models.split(","):
            stdout = run(keras4j_java(args) + ["-cp", jar, "io.github.keras4j.examples.Bench", "--model", model, "--epochs", "0",
                          "--predict"],
                         env=k4j_env, log=os.path.join(out, "stderr.log"))
            ours[model].append(json.loads([l for l in stdout.splitlines() if l.startswith("{")][-1])["predict_seconds"])

    def torch():
        stdout = run([PY, os.path.join(ROOT, "bench", "predict_torch.py"), "--threads", str(args.torch_threads), "--models", args.models],
                     env=torch_env, log=os.path.join(out, "stderr.log"))
        for r in map(json.loads, filter(None, stdout.splitlines())):
            theirs[r["model"]].append(r["predict_seconds"])

    for round_ in range(args.predict_rounds):
        for step in ((keras4j, torch) if round_ % 2 == 0 else (torch, keras4j)):
            step()
    rows = ["", "| model | keras4j predict s (each round) | PyTorch forward s (each round) | keras4j / PyTorch (medians) |",
            "|---|---|---|---|"]
    for model in args.models.split(","):
        a, b = statistics.median(ours[model]), statistics.median(theirs[model])
        rows.append("| %s | %s | %s | %.2f |" % (model, ", ".join("%.4f" % v for v in ours[model]),
                                                 ", ".join("%.4f" % v for v in theirs[model]), a / b))
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    main()
