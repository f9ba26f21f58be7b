"""Provides the app's notifications as data: what an index report and a failed worker say."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from textual.app import App
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from .text import one_line

if TYPE_CHECKING:
    from index import FetchResult, IndexReport

SHOWN = 8  # files listed in one notification; the rest are counted

Notifier = App[Any] | Widget  # what can show a notification (a screen is a widget)


@dataclass(frozen=True)
class Notice:
    """One notification: always literal text (paths and reasons are never markup)."""

    message: str
    title: str
    severity: Literal["information", "warning", "error"] = "information"
    timeout: float | None = None


def _listed(items: Sequence[tuple[str, str]]) -> str:
    lines = [f"{one_line(path)}: {one_line(reason)}" for path, reason in items[:SHOWN]]
    more = f"\n… and {len(items) - SHOWN} more" if len(items) > SHOWN else ""
    return "\n".join(lines) + more


def report_notices(report: IndexReport) -> list[Notice]:
    """The summary line, the report's note, the skipped files and the damaged ones."""
    notices = [Notice(report.summary_line(), "Index")]
    if report.note:
        notices.append(Notice(one_line(report.note), "Index"))
    skipped = [(s.path, s.reason) for s in report.skipped]
    if skipped:
        title = f"Skipped {len(skipped)} file(s)"
        notices.append(Notice(_listed(skipped), title, "warning", 10))
    # loaded, but with U+FFFD where bytes were undecodable: not to be quoted as is
    damaged = [(n.path, n.message) for n in report.notices]
    if damaged:
        title = f"Damaged {len(damaged)} file(s)"
        notices.append(Notice(_listed(damaged), title, "warning", 10))
    return notices


def feed_notices(results: Sequence[FetchResult]) -> list[Notice]:
    """What fetching the corpus's feeds did: the counts, then each feed that failed."""
    if not results:
        hint = "none fetched into this folder yet (newsreader fetch URL --into DIR)"
        return [Notice(f"No feeds to refresh: {hint}", "Feeds", "warning", 8)]
    counts = {s: sum(r.status == s for r in results) for s in ("new", "changed", "unchanged")}
    failed = [(r.url, r.error or "failed") for r in results if r.status == "failed"]
    line = ", ".join(f"{n} {status}" for status, n in counts.items()) + f", {len(failed)} failed"
    notices = [Notice(f"{len(results)} feed(s): {line}", "Feeds")]
    if failed:
        notices.append(Notice(_listed(failed), f"{len(failed)} feed(s) failed", "warning", 10))
    return notices


def failure_text(worker: Worker[Any]) -> str:
    """Why a worker failed, in one line."""
    error = worker.error
    return one_line(str(error)) or type(error).__name__


def show(node: Notifier, notice: Notice) -> None:
    """Show ``notice`` on ``node``'s app (literal text: never parsed as markup)."""
    if notice.timeout is None:
        node.notify(notice.message, title=notice.title, severity=notice.severity, markup=False)
    else:
        node.notify(
            notice.message,
            title=notice.title,
            severity=notice.severity,
            markup=False,
            timeout=notice.timeout,
        )


def report_failure(node: Notifier, event: Worker.StateChanged) -> bool:
    """Turn a failed worker of ``node`` into an error notification; True if it had failed.

    Worker.StateChanged does not bubble: the App and every screen that runs its own workers
    (pane mounting, previews) call this from their ``on_worker_state_changed``.
    """
    if event.state != WorkerState.ERROR:
        return False
    name = event.worker.name or "background task"
    show(node, Notice(failure_text(event.worker), f"{name} failed", "error", 15))
    return True
