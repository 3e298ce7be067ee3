"""The files editors' hosts read: the pre-commit hook and the GitHub and GitLab CI files."""

from __future__ import annotations

import os
import re
import tomllib
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from site_build.io.yaml12 import fast_load
from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "portal.yml"
GITLAB = REPO / ".gitlab-ci.yml"
HOOKS = REPO / ".pre-commit-hooks.yaml"
_SCRIPT = re.compile(r"scripts/publish/[\w.-]+")


def load(path: Path) -> Any:
    # YAML 1.2, as GitHub and GitLab read it: `on` is a key, not true.
    return fast_load(path.read_text(encoding="utf-8"))


def scripts_in(commands: list[str]) -> list[str]:
    return [m for c in commands for m in _SCRIPT.findall(c)]


def test_the_pre_commit_hook_runs_the_installed_check_on_content_only() -> None:
    [hook] = load(HOOKS)
    assert hook["id"] == "brobygger-check"
    assert (hook["language"], hook["pass_filenames"]) == ("python", False)
    command, *args = hook["entry"].split()
    assert args == ["check"]
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["scripts"]
    assert command in scripts
    assert command in {ep.name for ep in entry_points(group="console_scripts")}
    files = re.compile(hook["files"])
    assert all(files.search(p) for p in ("content/a/b.md", "content/_data/topics.yml",
                                         "courses/x.yml", "mkdocs.yml"))
    assert not any(files.search(p) for p in ("README.md", "site_build/cli/new.py",
                                             "mkdocs.yml.bak", "tests/fixtures/site/mkdocs.yml"))


def test_github_checks_pull_requests_and_publishes_main_to_pages() -> None:
    flow = load(WORKFLOW)
    assert set(flow["on"]) >= {"pull_request", "push"}
    assert flow["on"]["push"]["branches"] == ["main"]
    jobs = flow["jobs"]
    check_runs = [s["run"] for s in jobs["check"]["steps"] if "run" in s]
    assert "pull_request" in jobs["check"]["if"]
    assert "scripts/publish/check-changes github" in check_runs
    build = jobs["build"]["steps"]
    built = [s["run"].split()[-1] for s in build if "build-pages" in s.get("run", "")]
    [upload] = [s for s in build if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert built == [upload["with"]["path"]]
    deploy = jobs["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert flow["permissions"] == {"contents": "read"}


def test_every_action_is_pinned_to_a_release() -> None:
    uses = [s["uses"] for job in load(WORKFLOW)["jobs"].values() for s in job["steps"]
            if "uses" in s]
    assert uses and all(re.fullmatch(r"actions/[\w-]+@v\d+\.\d+\.\d+", u) for u in uses), uses


def test_gitlab_checks_merge_requests_and_publishes_the_default_branch() -> None:
    ci = load(GITLAB)
    check, pages = ci["check"], ci["pages"]
    assert check["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    [command] = [c for c in check["script"] if "check-changes" in c]
    assert command.split()[1:] == ["gitlab", check["artifacts"]["reports"]["codequality"]]
    assert check["artifacts"]["when"] == "always"  # the report matters most when it fails
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert "scripts/publish/build-pages public" in pages["script"]
    assert pages["artifacts"]["paths"] == ["public"]


def test_ci_files_call_only_scripts_that_exist_and_run() -> None:
    flow, ci = load(WORKFLOW), load(GITLAB)
    commands = [s["run"] for job in flow["jobs"].values() for s in job["steps"] if "run" in s]
    commands += [c for job in ci.values() if isinstance(job, dict)
                 for c in job.get("script", []) + job.get("before_script", [])]
    called = set(scripts_in(commands))
    assert called >= {"scripts/publish/install", "scripts/publish/check-changes",
                      "scripts/publish/build-pages"}
    for script in called:
        path = REPO / script
        assert path.is_file() and os.access(path, os.X_OK), script
