"""Wall time and peak memory of one command and its child processes.

Peak memory is the larger of two figures:

- the kernel's ``ru_maxrss`` for the command's process tree, which is the peak RSS of the
  largest single process in it (from GNU time's ``-v`` report, Debian's ``time`` package, or,
  without it, ``resource.getrusage(RUSAGE_CHILDREN)`` in a fresh wrapper process);
- the sampled sum over the live process tree every 0.2 s of PSS (``/proc/PID/smaps_rollup``,
  shared pages split between the processes sharing them; VmRSS where PSS is unreadable), which
  catches several workers being large at once.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

GNU_TIME = "/usr/bin/time"


@dataclass(frozen=True)
class Measurement:
    """One measured run of a command."""

    seconds: float
    peak_rss: int
    maxrss_single: int
    tree_pss: int
    cpu_seconds: float
    returncode: int


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                kids.extend(int(k) for k in fh.read().split())
    except OSError:
        pass
    return kids


def _memory(pid: int) -> int:
    """PSS (or RSS) of one process in bytes; 0 when it is gone."""
    for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}") as fh:
                for line in fh:
                    if line.startswith(key):
                        return int(line.split()[1]) * 1024
        except OSError:
            continue
    return 0


def tree_memory(root: int) -> int:
    """Sum the memory of a process and all its descendants.

    Args:
        root: The process id at the top of the tree.

    Returns:
        Bytes of PSS (or RSS), summed over the tree.
    """
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _memory(pid)
        todo.extend(_children(pid))
    return total


class _Sampler(threading.Thread):
    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, tree_memory(self.pid))
            self.stop.wait(self.interval)


def _parse_gnu_time(text: str) -> tuple[int, float]:
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    user = re.search(r"User time \(seconds\): ([\d.]+)", text)
    system = re.search(r"System time \(seconds\): ([\d.]+)", text)
    cpu = float(user.group(1) if user else 0) + float(system.group(1) if system else 0)
    return (int(rss.group(1)) * 1024 if rss else 0), cpu


def measure(
    cmd: Sequence[str], cwd: Path, log: Path, env: Mapping[str, str] | None = None
) -> Measurement:
    """Run a command to completion and measure it.

    Args:
        cmd: The command and its arguments.
        cwd: Working directory.
        log: File that receives the command's stdout and stderr.
        env: Extra environment variables.

    Returns:
        The measurement; ``returncode`` tells whether the command succeeded.
    """
    full_env = {**os.environ, **(env or {})}
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report"
        if shutil.which(GNU_TIME):
            wrapped = [GNU_TIME, "-v", "-o", str(report), *cmd]
        else:
            wrapped = [sys.executable, "-m", "bench.measure", str(report), *cmd]
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("wb") as out:
            start = time.perf_counter()
            proc = subprocess.Popen(wrapped, cwd=cwd, env=full_env, stdout=out, stderr=out)
            sampler = _Sampler(proc.pid)
            sampler.start()
            returncode = proc.wait()
            seconds = time.perf_counter() - start
            sampler.stop.set()
            sampler.join()
        text = report.read_text() if report.exists() else ""
    if text.lstrip().startswith("{"):
        data = json.loads(text)
        maxrss, cpu = int(data["maxrss"]), float(data["cpu"])
    else:
        maxrss, cpu = _parse_gnu_time(text)
    return Measurement(seconds, max(maxrss, sampler.peak), maxrss, sampler.peak, cpu, returncode)


def _wrapper_main(argv: list[str]) -> int:
    """Fallback for GNU time: run ``argv[1:]``, write its rusage as JSON to ``argv[0]``."""
    returncode = subprocess.call(argv[1:])
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    Path(argv[0]).write_text(
        json.dumps({"maxrss": usage.ru_maxrss * 1024, "cpu": usage.ru_utime + usage.ru_stime})
    )
    return returncode


if __name__ == "__main__":
    raise SystemExit(_wrapper_main(sys.argv[1:]))
