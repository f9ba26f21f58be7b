"""A real terminal for the end-to-end tests: tmux on a private socket, read and typed into."""

from __future__ import annotations

import shutil
import subprocess
import time

TMUX = shutil.which("tmux")


class Terminal:
    """A tmux session on a private socket running one command."""

    def __init__(
        self, socket: str, command: str, env: dict[str, str], size: tuple[int, int] = (120, 36)
    ) -> None:
        self.socket = socket
        width, height = (str(n) for n in size)
        self._tmux("new-session", "-d", "-s", "nr", "-x", width, "-y", height, command, env=env)

    def _tmux(self, *args: str, env: dict[str, str] | None = None) -> str:
        assert TMUX is not None
        done = subprocess.run(
            [TMUX, "-L", self.socket, *args], capture_output=True, text=True, env=env, timeout=30
        )
        return done.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "nr")

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "nr", *keys)

    def wait_for(self, text: str, timeout: float = 60.0) -> str:
        """The screen once ``text`` is on it (polled until ``timeout``)."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.25)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")

    def wait_for_change(self, before: str, timeout: float = 5.0) -> str | None:
        """The screen once it differs from ``before``, or None if it is still the same."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if screen != before:
                return screen
            time.sleep(0.05)
        return None

    def close(self) -> None:
        self._tmux("kill-server")
