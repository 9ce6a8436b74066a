"""`factcheck config`: the effective settings, secrets masked."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from .context import out, state


def register(app: typer.Typer) -> None:
    app.command("config")(config)


def config(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Print the effective settings (flags > environment > TOML file > defaults).

    API keys are masked. Set any value with FACTCHECK_SECTION__FIELD, e.g.
    FACTCHECK_LLM__PROVIDER=openai, or in factcheck.toml / $FACTCHECK_HOME/config.toml.
    """
    from ..settings import config_file, masked_dump

    data = masked_dump(state(ctx).settings)
    if as_json:
        out.print_json(json.dumps(data))
        return
    toml = config_file()
    out.print(f"# config file: {toml if toml else 'none'}", markup=False, highlight=False)
    _print_toml(data)


def _print_toml(data: dict[str, object]) -> None:
    """Print `data` as TOML: top-level scalars first, then one table per section."""
    for key, value in data.items():
        if not isinstance(value, dict):
            out.print(f"{key} = {_toml_value(value)}", markup=False, highlight=False)
    for key, value in data.items():
        if isinstance(value, dict):
            out.print(f"\n[{key}]", markup=False, highlight=False)
            for sub, subvalue in value.items():
                shown = _toml_value(subvalue)
                out.print(f"{sub} = {shown}", markup=False, highlight=False)


def _toml_value(value: object) -> str:
    if value is None:
        return "# (unset)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(str(value))
