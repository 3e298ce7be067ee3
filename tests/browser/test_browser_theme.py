"""The theme layer in overrides/ still matches the Material templates it was derived from.

Some overrides are copies of Material's templates with a small fix (see each file's header).
Material's version comes from requirements.lock. When `make upgrade` moves it to a release in
which one of those originals changed, this test fails: re-derive the override from the new
original (copy it, re-apply the fix), then update the hash here, before committing the lock.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

import material
import pytest
from sitecheck import REPO_ROOT

pytestmark = pytest.mark.browser

MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"
OVERRIDES = REPO_ROOT / "overrides"

DERIVED_FROM = {
    "base.html": "8536d352b0093623df9e0032894f321cbe264b15a9b48cdd962583772455dadb",
    "partials/nav-item.html": "89895208f22d68ce405a4bcb6649b9150eba5bbb04663a6cb3f93f02daf1d2f7",
    "partials/toc.html": "fde48f583563364b0e0e6865a5ab1e7060ec1826161f69f5cbee653e621b0f84",
    "partials/nav.html": "af33f6e032f632eb055c365eb5f1a975bf8456152fa768e69a1aad6d470b843f",
    "partials/language.html": "3a44516f305006ac794f51a45ad7b532cf270916d8e92e8c42784e58b2eff0a3",
    "partials/footer.html": "50c2a75f013b7b03fb97f381860c77df8fd5d13d68f90d3281754b68f69ec894",
    "partials/header.html": "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
}
"""Override path -> sha256 of the Material 9.8.1 original it was derived from."""


def material_version() -> str:
    return version("mkdocs-material")


def test_the_lock_installs_the_material_the_overrides_were_derived_from() -> None:
    lock = (REPO_ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert f"mkdocs-material=={material_version()} " in lock, (
        "the installed Material is not the locked one: run make (it installs requirements.lock)")


@pytest.mark.parametrize("name", sorted(DERIVED_FROM))
def test_override_is_derived_from_the_installed_material(name: str) -> None:
    assert (OVERRIDES / name).is_file(), f"overrides/{name} is gone: drop it from DERIVED_FROM"
    original = MATERIAL_TEMPLATES / name
    digest = hashlib.sha256(original.read_bytes()).hexdigest()
    assert digest == DERIVED_FROM[name], (
        f"Material's {name} changed since overrides/{name} was derived from it (requirements.lock "
        f"now installs mkdocs-material {material_version()}): copy the new original, re-apply the "
        f"fix described in the override's header, update the hash here"
    )
