"""bench/ui_cpu.py: the loop meter times callbacks in the loop thread's CPU and names them, and
leaves other threads' callbacks and the time spent waiting out."""

from __future__ import annotations

import asyncio
import sys
import time

from tests.helpers import BENCH

sys.path.insert(0, str(BENCH))

from ui_cpu import LoopMeter  # noqa: E402


def burn(ms: float) -> None:
    """Spend ``ms`` of this thread's CPU."""
    end = time.thread_time() + ms / 1000
    while time.thread_time() < end:
        pass


async def busy_then_sleeping() -> None:
    burn(30)  # one task step of 30 ms of CPU
    await asyncio.sleep(0.05)  # waiting: no CPU, and not inside a callback


def test_the_longest_callback_is_timed_in_cpu_and_named() -> None:
    meter = LoopMeter()

    async def main() -> None:
        meter.start()
        loop = asyncio.get_running_loop()
        loop.call_soon(burn, 5)
        await asyncio.create_task(busy_then_sleeping())
        meter.on = False
        loop.call_soon(burn, 50)  # after the meter stopped: not counted
        await asyncio.sleep(0.01)

    try:
        asyncio.run(main())
    finally:
        meter.close()
    worst, name = meter.longest[0]
    assert 29 <= worst < 45 and name == "busy_then_sleeping"
    assert any(name == "burn" and 4 <= ms < 20 for ms, name in meter.longest)
    assert meter.worst_ms() == worst
    assert asyncio.events.Handle._run is meter._original  # put back
