"""The one slug function."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from site_build.site.slug import slugify


def test_norwegian_letters_are_kept() -> None:
    assert slugify("Når trengs en plan?") == "når-trengs-en-plan"
    assert slugify("Ærlig, ødelagt og åpen") == "ærlig-ødelagt-og-åpen"


def test_punctuation_and_dashes_fold() -> None:
    assert slugify("Arbeid og helse – et tettere samvirke") == "arbeid-og-helse-et-tettere-samvirke"
    assert slugify("  IPS: 8 prinsipper!  ") == "ips-8-prinsipper"


def test_decomposed_and_composed_letters_give_one_slug() -> None:
    composed = "Oppfølging på arbeidsplassen"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert slugify(decomposed) == slugify(composed) == "oppfølging-på-arbeidsplassen"


def test_empty_slug_has_a_name() -> None:
    assert slugify("?!") == "seksjon"


@given(st.text())
def test_slug_is_idempotent_and_url_safe(text: str) -> None:
    slug = slugify(text)
    assert slugify(slug) == slug
    assert slug and " " not in slug and not slug.startswith("-") and not slug.endswith("-")
    assert "--" not in slug
