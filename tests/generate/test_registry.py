"""The generator registry and the schema agree on the values of ``generated:``."""

from __future__ import annotations

from site_build.generate.registry import GENERATED
from site_build.schema.frontmatter import FIELDS


def test_the_schema_allows_exactly_the_registered_generators() -> None:
    assert set(FIELDS["generated"].choices) == set(GENERATED), (
        "a 'generated:' value the schema allows must have a generator, and the other way round")
