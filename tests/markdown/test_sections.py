"""A body's text in sections at its ## and ### headings: what a search hit lands on."""

from __future__ import annotations

from site_build.markdown.document import parse_body
from site_build.markdown.engine import create_markdown

BODY = """\
Innledning med *vekt*.

## Første del

Tekst i første del.

#### Et lite mellomrom

Under en liten overskrift.

### Undertema {#eget-id}

```
kode
```

!!! kursleder "Til kurslederen"

    ## Skjult tema

    Bare for kursledere.

## Siste

Slutt.
"""


def sections(learner_view: bool) -> list[tuple[str, str, int, str]]:
    return parse_body(create_markdown(), BODY, 5, "nb", learner_view=learner_view).sections


def test_sections_split_at_level_two_and_three_headings() -> None:
    found = sections(learner_view=False)
    assert [(a, h, lvl) for a, h, lvl, _ in found] == [
        ("", "", 1), ("første-del", "Første del", 2), ("eget-id", "Undertema", 3),
        ("skjult-tema", "Skjult tema", 2), ("siste", "Siste", 2)]
    assert found[0][3] == "Innledning med vekt."
    # A level-four heading does not start a section: its words belong to the one it is in.
    assert found[1][3] == "Tekst i første del.\nEt lite mellomrom\nUnder en liten overskrift."
    assert found[2][3] == "kode\n\nTil kurslederen"


def test_a_learner_never_finds_facilitator_notes() -> None:
    found = sections(learner_view=True)
    assert [a for a, *_ in found] == ["", "første-del", "eget-id", "siste"]
    assert not any("kursledere" in text for *_, text in found)
