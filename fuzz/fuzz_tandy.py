"""Coverage-guided fuzzing of the reading pipeline with atheris (libFuzzer for Python).

    python fuzz/fuzz_tandy.py -max_total_time=60 -timeout=20 WORKDIR fuzz/seeds fuzz/regressions

Every libFuzzer flag applies. ``fuzz/long.sh`` runs it for hours and keeps what it finds; each
crash or hang found becomes a committed input in ``fuzz/regressions/`` once fixed.
"""

import sys

import atheris

with atheris.instrument_imports(include=["tandy"]):
    sys.path.insert(0, __import__("os").path.dirname(__file__))
    from harness import run_one


def main() -> None:
    atheris.Setup(sys.argv, run_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
