"""Secrets kept out of logs: a log record factory that masks every registered secret.

Our own messages never include the API key, but libraries log what servers send back:
instructor logs each failed attempt at ERROR with the response body, and a server may echo
the key it was given ("Incorrect API key provided: sk-..."). Masking at record creation
covers every logger and handler, whenever they were configured.
"""

from __future__ import annotations

import logging
import threading
import traceback
from typing import Any

from .settings import mask_secret

MIN_SECRET_LEN = 8  # shorter "keys" (the local engine's "local", "none") are no secret

_secrets: set[str] = set()  # only ever grows; the factory is installed with the first one
_lock = threading.Lock()


def register_secret(secret: str) -> None:
    """Mask `secret` in every log record made from now on, in this process."""
    if len(secret) < MIN_SECRET_LEN:
        return
    with _lock:
        if not _secrets:
            previous = logging.getLogRecordFactory()

            def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
                return _masked(previous(*args, **kwargs))

            logging.setLogRecordFactory(factory)
        _secrets.add(secret)


def redact(text: str) -> str:
    """`text` with every registered secret masked."""
    for secret in list(_secrets):
        if secret in text:
            text = text.replace(secret, mask_secret(secret))
    return text


def _masked(record: logging.LogRecord) -> logging.LogRecord:
    try:
        message = record.getMessage()
    except Exception:  # a malformed record is left to the handler to report
        return record
    masked = redact(message)
    if masked != message:
        record.msg, record.args = masked, None
    if record.exc_info and record.exc_info[1] is not None:
        text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        if redact(text) != text:
            record.exc_text = redact(text)
    return record
