"""A private PulseAudio server with a null sink: a sound output for tests and benchmarks on
machines without a sound card (CI, Xvfb). None when PulseAudio is not installed."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def null_sink(folder: Path) -> Iterator[dict[str, str] | None]:
    """Environment variables that point Qt at a running null sink (None: no PulseAudio)."""
    binary = shutil.which("pulseaudio")
    if binary is None:
        yield None
        return
    folder.mkdir(parents=True, exist_ok=True)
    socket = folder / "native"
    env = {**os.environ, "HOME": str(folder), "XDG_RUNTIME_DIR": str(folder)}
    server = subprocess.Popen(
        [binary, "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
         "--use-pid-file=no", "--load=module-null-sink sink_name=show",
         f"--load=module-native-protocol-unix socket={socket} auth-anonymous=1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not socket.exists() and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.05)
        yield {"PULSE_SERVER": f"unix:{socket}"} if socket.exists() else None
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
