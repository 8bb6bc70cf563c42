"""`make bench`: every benchmark, one after another. Each prints its own medians."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHES = ["bench_engine.py", "bench_generator.py", "bench_rag_check.py"]

for name in BENCHES:
    print(f"== {name}", flush=True)
    subprocess.run([sys.executable, str(ROOT / "bench" / name)], cwd=ROOT, check=True)
