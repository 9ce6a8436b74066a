"""Entry point: global options, command registration, and one-line errors."""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__
from ..errors import FactcheckError
from . import (
    ask_cmd,
    chat_cmd,
    check_cmd,
    claims_cmd,
    config_cmd,
    doctor_cmd,
    eval_cmd,
    ingest_cmd,
    search_cmd,
    setup_cmd,
    sources_cmd,
    summarize_cmd,
)
from .context import configure_logging, err, flag_overrides, state

log = logging.getLogger(__name__)

app = typer.Typer(
    name="factcheck",
    help=(
        "A fact-check assistant for news articles. Every answer is built from quotes that "
        "really are in the articles, says who asserted each figure, and shows where sources "
        "disagree.\n\n"
        "Runs offline by default: `factcheck setup` fetches and verifies the local models once."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="markdown",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit


@app.callback()
def main(
    ctx: typer.Context,
    verbose: Annotated[
        int, typer.Option("-v", "--verbose", count=True, help="More logging: -v info, -vv debug.")
    ] = 0,
    home: Annotated[
        Path | None,
        typer.Option(help="Data directory (overrides FACTCHECK_HOME).", show_default=False),
    ] = None,
    provider: Annotated[
        str | None, typer.Option(help="LLM provider: local or openai.", show_default=False)
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(help="OpenAI-compatible endpoint for provider openai.", show_default=False),
    ] = None,
    extraction_model: Annotated[
        str | None, typer.Option(help="Model for claim extraction.", show_default=False)
    ] = None,
    answer_model: Annotated[
        str | None, typer.Option(help="Model for answering.", show_default=False)
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Global options apply to every command; settings precedence is
    flags > FACTCHECK_* environment > factcheck.toml / $FACTCHECK_HOME/config.toml > defaults."""
    configure_logging(verbose)
    st = state(ctx)
    st.verbosity = verbose
    st.overrides = flag_overrides(home, provider, base_url, extraction_model, answer_model)


config_cmd.register(app)
setup_cmd.register(app)
doctor_cmd.register(app)
ingest_cmd.register(app)
sources_cmd.register(app)
search_cmd.register(app)
claims_cmd.register(app)
ask_cmd.register(app)
check_cmd.register(app)
eval_cmd.register(app)
summarize_cmd.register(app)
chat_cmd.register(app)


def run() -> None:
    """Console-script entry: expected failures become one line on stderr and an exit code."""
    verbose = sum(a.count("v") for a in sys.argv[1:] if a.startswith("-v") and set(a[1:]) == {"v"})
    verbose += sys.argv[1:].count("--verbose")
    try:
        app()  # typer reports usage errors itself (exit 2) and lets other exceptions through
    except FactcheckError as exc:
        _fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        _fail(INTERRUPTED, 130)
    except SystemExit as exc:  # typer turns Ctrl-C into a silent exit 130
        if _caused_by_interrupt(exc):
            _fail(INTERRUPTED, 130)
        raise
    except Exception as exc:
        problems = _settings_problems(exc)
        if problems is not None:
            _fail(f"invalid settings: {problems}", 2)
        if verbose > 1:
            raise
        if isinstance(exc, sqlite3.DatabaseError):  # a store damaged after it was opened
            _fail(f"the store is damaged: {exc} (run `factcheck doctor`)", 1)
        # a bug: one line, the traceback only when asked for
        _fail(f"internal error: {type(exc).__name__}: {exc} (run with -vv for the traceback)", 1)


INTERRUPTED = "interrupted; what was finished is kept, run the command again to finish the rest"


def _settings_problems(exc: Exception) -> str | None:
    """The problems of a pydantic ValidationError (settings that do not validate), else None.

    pydantic is looked up, not imported: `--help` and `--version` never load it, and an
    exception can only be pydantic's if something already imported pydantic.
    """
    pydantic = sys.modules.get("pydantic")
    if pydantic is None or not isinstance(exc, pydantic.ValidationError):
        return None
    return "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())


def _caused_by_interrupt(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(5):  # SystemExit <- typer Exit(130) <- KeyboardInterrupt
        if seen is None:
            return False
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _fail(message: str, code: int) -> None:
    err.print(f"factcheck: error: {message}", markup=False, highlight=False, soft_wrap=True)
    sys.exit(code)
