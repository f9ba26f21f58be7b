"""Numbers read from NEWSREADER_* environment variables, checked: a bad one is a one-line error."""

from __future__ import annotations

import math
import os

from index.base.errors import ConfigError

# name -> (lowest, highest, whole numbers only, what it counts). Ranges a user could mean:
# "1e-300" megabytes or 10**9 processes are typing slips, refused with the variable's name.
NUMBERS: dict[str, tuple[float, float, bool, str]] = {
    "NEWSREADER_MAX_FILE_MB": (0.001, 1_000_000.0, False, "megabytes"),
    "NEWSREADER_INDEX_PROCS": (1, 64, True, "writer processes"),
    "NEWSREADER_EVENT_PROCS": (0, 64, True, "grouping processes"),
}


def env_number(name: str) -> float | None:
    """The value of the numeric variable ``name`` (one of NUMBERS), None when unset or empty;
    ConfigError naming it when it is not a number in its range (NaN and infinity neither)."""
    low, high, whole, unit = NUMBERS[name]
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    try:
        value = float(int(raw)) if whole else float(raw)
    except ValueError:
        value = math.nan
    if not low <= value <= high:
        kind = "a whole number of" if whole else "a number of"
        raise ConfigError(
            f"{name} must be {kind} {unit} from {low:g} to {high:,.0f}, not {raw[:40]!r}"
        )
    return value


def check_environment() -> None:
    """ConfigError (one line) for the first numeric NEWSREADER_* variable that is wrong: run
    once at start, so a slip is named before any work and not inside a worker later."""
    for name in NUMBERS:
        env_number(name)
