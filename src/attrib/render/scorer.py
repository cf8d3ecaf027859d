"""The JSON Lines form the reference scorer (eval/score_attributions.py) reads."""

from __future__ import annotations

import json

from ..model import Statement
from ..safety import json_escaped


def scorer_line(doc: str, statements: tuple[Statement, ...]) -> str:
    atts = []
    for st in statements:
        atts.append({
            "cue": [st.cue.as_list()],
            "source": [st.source.span.as_list()] if st.source.span is not None else [],
            "content": [c.as_list() for c in st.content],
        })
    return json_escaped(json.dumps({"doc": doc, "attributions": atts}, ensure_ascii=False))
