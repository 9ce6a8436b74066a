"""Prompts are files in `prompts/` (the package `assistant.prompts`), loaded by name.

Placeholders are `$name` / `${name}` (string.Template), so JSON braces in a prompt need no
escaping and article text substituted in is never re-parsed. The placeholders a caller
expects are checked when the prompt is loaded, not when it is first rendered.
"""

from __future__ import annotations

import functools
import string
from dataclasses import dataclass
from importlib import resources

from .errors import FactcheckError

PACKAGE = "assistant.prompts"


@dataclass(frozen=True)
class Prompt:
    """A prompt template and the placeholders it takes."""

    name: str
    template: string.Template
    placeholders: frozenset[str]

    def render(self, **values: str) -> str:
        """The prompt with every placeholder filled; missing or unknown names are errors."""
        given = set(values)
        if given != self.placeholders:
            raise FactcheckError(
                f"prompt {self.name}: expected {sorted(self.placeholders)}, got {sorted(given)}"
            )
        return self.template.substitute(values)


def placeholders_of(template: string.Template) -> frozenset[str]:
    """Names used as $name or ${name} in `template` (`$$` is a literal dollar)."""
    names: set[str] = set()
    for match in template.pattern.finditer(template.template):
        if match.group("invalid") is not None:
            raise FactcheckError(f"stray '$' in prompt at offset {match.start()}")
        name = match.group("named") or match.group("braced")
        if name:
            names.add(name)
    return frozenset(names)


@functools.lru_cache(maxsize=64)
def load_prompt(name: str, expects: frozenset[str] = frozenset()) -> Prompt:
    """Load `prompts/<name>.md`, checking that its placeholders are exactly `expects`."""
    try:
        text = resources.files(PACKAGE).joinpath(f"{name}.md").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise FactcheckError(f"prompt file {name}.md is missing from the package") from exc
    template = string.Template(text.strip())
    found = placeholders_of(template)
    if found != expects:
        raise FactcheckError(
            f"prompt {name}.md takes {sorted(found)}, but the code supplies {sorted(expects)}"
        )
    return Prompt(name, template, found)
