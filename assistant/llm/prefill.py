"""Local engine only: output the answer schema forces, fed to the model as prompt instead
of decoded token by token.

A schema-constrained answer from the 1.5B model opens with ~18 tokens that only the
grammar decides (`{ "answerable": true, "sentences": [` and the first `{ "text": "`), and
llama.cpp decodes each one as a step of its own (~0.08 s apiece on 2 cores). Read as part of
the prompt they cost ~0.02 s apiece. So the answer is asked in two requests sharing one
cached prompt: the verdict alone (`choose`: the prompt, then the one token of "true" or
"false"), then, when it is true, the sentences after the verdict and the opening of the
first one, written as the model's own reply so far (`SENTENCES_OPENING`), under a
grammar for the rest of the schema (`sentences_grammar`). The opening is the model's own
whitespace (the 1.5B model writes `{ "answerable": true, "sentences": [\\n    { "text": "`
in every seeds answer), so greedy decoding continues as it would have.

Measured on the seeds (`bench/bench_answers.py`, asked once on a fresh engine, 2 cores):
first checked sentence of a single-fact answer, median 5.5-6.1 s in one request (three
runs) and 3.8-4.4 s in two (five runs); tokens decoded 46 -> 26 per answer. The
verdict's request reads the whole prompt, the sentences' request only the ~13 opening
tokens after it (~0.3 s).

Also tried (same bench): llama.cpp's n-gram speculative decoding (`ngram_simple`,
`ngram_map_k`, `ngram_mod`, sizes 2-12) drafted little from a prompt of news sentences
(5-27 of 31-47 drafts accepted) and moved the median by less than its noise (+-0.3 s);
the 0.5B model as a draft made it 10.2 s (both models share 2 cores).

llama.cpp's server takes a prefilled assistant message and a GBNF `grammar` with it; the
OpenAI API takes neither, so hosted endpoints keep the one schema-constrained request.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import openai

from ..errors import LLMError

if TYPE_CHECKING:
    from .client import LLM, Role

VERDICT_OPENING = '{ "answerable":'
SENTENCES_OPENING = '{ "answerable": true, "sentences": [\n    { "text": "'

_JSON_CHARS = r'([^"\\\x7F\x00-\x1F] | "\\" (["\\/bfnrt] | "u" [0-9a-fA-F]{4}))*'


def choose(
    llm: LLM, role: Role, messages: Sequence[Any], opening: str, options: Sequence[str]
) -> tuple[str, float]:
    """Which of `options` the model writes right after `opening` (its reply so far), and
    the seconds it took. One request; its prompt stays in llama.cpp's cache for the next."""
    from .client import api_error

    ep = llm.endpoint(role)
    grammar = "root ::= " + " | ".join(json.dumps(o) for o in options)
    began = time.perf_counter()
    try:
        completion = ep.client.chat.completions.create(
            model=ep.model, messages=[*messages, {"role": "assistant", "content": opening}],
            max_tokens=4, temperature=llm.settings.temperature, seed=llm.settings.seed,
            extra_body={"grammar": grammar},
        )  # fmt: skip
    except openai.OpenAIError as exc:
        raise api_error(ep, exc) from exc
    llm._record(role, ep.model, completion.usage, began)
    text = (completion.choices[0].message.content or "") if completion.choices else ""
    written = text[len(opening) :] if text.startswith(opening) else text
    for option in options:
        if written.strip() == option.strip():
            return option, time.perf_counter() - began
    raise LLMError(f"{ep.model} wrote {written[:40]!r} where one of {list(options)} was due")


def sentences_grammar(ids: Sequence[str], max_sentences: int, max_cites: int) -> str:
    """GBNF for the rest of an answer after `SENTENCES_OPENING`: the first sentence's text
    and 1 to `max_cites` citations, up to `max_sentences` - 1 more sentences, and the
    closing brackets."""
    cite = " | ".join(json.dumps(json.dumps(i)) for i in ids)
    more_cites = ' (ws "," ws cite)?' * (max_cites - 1)
    cites = f'ws "\\"cites\\"" ws ":" ws "[" ws cite{more_cites} ws "]"'
    more = f'(ws "," ws sentence){{0,{max_sentences - 1}}}' if max_sentences > 1 else ""
    return "\n".join([
        f'root ::= chars "\\"" ws "," {cites} ws "}}" {more} ws "]" ws "}}"',
        f'sentence ::= "{{" ws "\\"text\\"" ws ":" ws "\\"" chars "\\"" ws "," {cites} ws "}}"',
        f"cite ::= {cite}",
        f"chars ::= {_JSON_CHARS}",
        "ws ::= [ \\t\\n]{0,20}",
    ])  # fmt: skip
