"""One polite, bounded HTTP GET: conditional headers, timeouts, redirects, a size limit."""

from __future__ import annotations

import time
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Imported where it is used: with click installed (import-linter needs it), importing httpx
    # loads its command line, and with it rich; the core never imports rich just by being loaded.
    import httpx

USER_AGENT = "newsreader/0.1 (news comparison in a terminal; fetches only the URLs its user gives)"
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchLimits:
    """How far one request may go."""

    max_bytes: int = 10 * 1024 * 1024  # body after decompression
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # between two reads: a stalled server fails
    total_timeout: float = 60.0  # the whole body: a server trickling bytes fails too
    max_redirects: int = 5


class FetchError(Exception):
    """A URL that could not be fetched; ``str(error)`` is the one-line reason."""


@dataclass(frozen=True)
class Response:
    """A successful answer: 200 with its body, or 304 (not modified) with none."""

    status: int
    final_url: str
    body: bytes
    etag: str | None
    last_modified: str | None
    content_type: str | None


def make_client(limits: FetchLimits, trust_env: bool = True) -> httpx.Client:
    """The client for one fetch run (connections are reused between its URLs)."""
    import httpx

    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    return httpx.Client(
        timeout=timeout,
        follow_redirects=True,
        max_redirects=limits.max_redirects,
        # Only codings we inflate ourselves, bounded (httpx inflates a whole chunk at once).
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        trust_env=trust_env,
    )


def get(
    client: httpx.Client,
    url: str,
    limits: FetchLimits,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Response:
    """GET ``url``; a conditional request when validators are known. Raises ``FetchError``."""
    import httpx

    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with client.stream("GET", url, headers=headers) as answer:
            if answer.status_code == 304:
                return _response(answer, b"")
            if answer.status_code != 200:
                reason = answer.reason_phrase or "error"
                raise FetchError(f"HTTP {answer.status_code} {reason}".strip())
            return _response(answer, _read_body(answer, limits))
    except httpx.TooManyRedirects:
        raise FetchError(f"more than {limits.max_redirects} redirects") from None
    except httpx.TimeoutException:
        raise FetchError("timed out") from None
    except httpx.InvalidURL as error:
        raise FetchError(f"invalid URL: {error}") from None
    except httpx.UnsupportedProtocol:
        raise FetchError("not an http:// or https:// URL") from None
    except httpx.HTTPError as error:
        raise FetchError(_first_line(error) or type(error).__name__) from None


def _first_line(error: Exception) -> str:
    text = str(error)
    return text.splitlines()[0] if text else ""


def _response(answer: httpx.Response, body: bytes) -> Response:
    return Response(
        status=answer.status_code,
        final_url=str(answer.url),
        body=body,
        etag=answer.headers.get("etag"),
        last_modified=answer.headers.get("last-modified"),
        content_type=answer.headers.get("content-type"),
    )


def _read_body(answer: httpx.Response, limits: FetchLimits) -> bytes:
    """The body, inflated when the server compressed it, never more than ``max_bytes``."""
    too_big = FetchError(f"larger than {limits.max_bytes / (1024 * 1024):g} MB")
    declared = answer.headers.get("content-length", "")
    coding = answer.headers.get("content-encoding", "identity").strip().lower()
    if declared.isdigit() and coding == "identity" and int(declared) > limits.max_bytes:
        raise too_big
    if coding in ("gzip", "x-gzip"):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif coding == "deflate":
        inflater = zlib.decompressobj()
    elif coding == "identity":
        inflater = None
    else:
        raise FetchError(f"unsupported content encoding {coding!r}")
    deadline = time.monotonic() + limits.total_timeout
    parts: list[bytes] = []
    size = 0
    for chunk in answer.iter_raw(_CHUNK):
        if inflater is not None:
            try:
                chunk = inflater.decompress(chunk, limits.max_bytes - size + 1)
            except zlib.error:
                raise FetchError("damaged compressed body") from None
            if inflater.unconsumed_tail:
                raise too_big
        size += len(chunk)
        if size > limits.max_bytes:
            raise too_big
        parts.append(chunk)
        if time.monotonic() > deadline:
            raise FetchError(f"took longer than {limits.total_timeout:g} s")
    return b"".join(parts)
