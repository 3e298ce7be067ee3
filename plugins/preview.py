"""The live preview under ``brobygger serve``: rebuilds that never hang the server, and the
problems of a failed rebuild shown on every page the browser gets.

MkDocs' dev server keeps the last good build on disk; this module adds the banner
(``site_build.render.preview``) to each HTML response as it is sent, so the pages on disk,
and with them any published site, never carry it. Pages of every host in the preview (the
news section too) and the dev server's 404 page get it alike.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort, PluginError

from site_build.content.config import unsafe_config
from site_build.diagnostics import Diagnostic, format_text
from site_build.diagnostics.errors import save_traceback
from site_build.render.preview import preview_banner

__all__ = ["ContentProblems", "PreviewErrors", "keep_serving"]

log = logging.getLogger("mkdocs.plugins.brobygger")

_STYLE = (Path(__file__).with_name("preview.css")).read_text(encoding="utf-8")
_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang=[\"']?([A-Za-z-]+)", re.IGNORECASE)
_BODY = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
_HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)


class ContentProblems(PluginError):
    """The core found errors in content or configuration (raised before anything is written).

    Carries every diagnostic of the run, for the preview's banner.
    """

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("Brobygger found problems:\n" + format_text(self.diagnostics))


class PreviewErrors:
    """The problems of the last rebuild, and how they are added to a page."""

    def __init__(self) -> None:
        # Replaced whole by the build thread, read by the server's threads.
        self.problems: tuple[Diagnostic | str, ...] = ()

    def inject(self, html: bytes) -> bytes:
        """``html`` with the banner first in its body and its style in its head."""
        problems = self.problems
        if not problems:
            return html
        found = _HTML_LANG.search(html)
        lang = found[1].decode("ascii").lower() if found else "nb"
        banner = preview_banner(problems, lang).encode("utf-8")
        body = _BODY.search(html)
        at = body.end() if body else 0
        html = html[:at] + banner + html[at:]
        style = b'<style id="bb-preview-style">' + _STYLE.encode("utf-8") + b"</style>"
        head_end = _HEAD_END.search(html)
        if head_end is None:
            return style + html
        return html[: head_end.start()] + style + html[head_end.start():]

    def install(self, server: Any) -> None:
        """Add the banner to every HTML page and error page ``server`` sends.

        Uses two hooks of MkDocs 1.6's ``LiveReloadServer``: ``_inject_js_into_html`` (where
        it adds its reload script to each page) and ``error_handler`` (its 404 page, which
        gets the reload script here too, so a page that appears on a rebuild is shown).
        """
        add_script = getattr(server, "_inject_js_into_html", None)
        if not callable(add_script):
            log.warning("The preview cannot show content errors in the browser: MkDocs' dev "
                        "server has changed. The terminal still lists them.")
            return

        def page(content: bytes, epoch: int) -> bytes:
            return bytes(add_script(self.inject(content), epoch))

        error_page: Callable[[int], bytes | None] = server.error_handler

        def error(code: int) -> bytes | None:
            content = error_page(code)
            if content is None:
                return None
            return page(content, getattr(server, "_visible_epoch", 0))

        server._inject_js_into_html = page
        server.error_handler = error


class _Errors(logging.Handler):
    """What MkDocs logs as errors while a rebuild runs (its reasons for aborting)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def keep_serving(server: Any, root: Path, preview: PreviewErrors,
                 restore: Callable[[], None]) -> Any:
    """Make ``server``'s rebuilds report every failure, in the terminal and on the pages.

    MkDocs' dev server holds every request while a rebuild is failing. Content errors are
    raised before MkDocs cleans its output folder, so the last good build is intact: the
    problems are reported and the server goes on serving it, with the banner. Any other
    error is reported in one line (the traceback goes to a file), never left to hang it.

    Args:
        server: MkDocs' ``LiveReloadServer``.
        root: The project folder.
        preview: Where the problems of the last rebuild are kept for the pages.
        restore: Puts the last good build back in place of a half-done one.
    """
    rebuild = server.builder

    def rebuild_or_report() -> None:
        # MkDocs re-reads mkdocs.yml with PyYAML's unsafe loader on every rebuild.
        problems: list[Diagnostic | str] = list(unsafe_config(root))
        for problem in problems:
            log.error(str(problem))
        errors = _Errors()
        logging.getLogger("mkdocs").addHandler(errors)
        try:
            if not problems:
                rebuild()
                preview.problems = ()
                return
        except Abort as exc:  # MkDocs logs a BuildError and re-raises it as Abort
            if isinstance(exc.__context__, ContentProblems):
                problems = list(exc.__context__.diagnostics)
            else:
                failed = f"The rebuild failed: {exc.__context__ or exc}"
                problems = _host_problems(root, errors.messages) or [failed]
                log.error(failed)
        except Exception as exc:  # a bug: report it, but never leave requests hanging
            message = (f"The rebuild failed unexpectedly ({type(exc).__name__}: {exc}). This is "
                       "a bug in Brobygger, please report it; the traceback is in "
                       f"{save_traceback(exc)}")
            log.error(message)
            problems = [message]
        finally:
            logging.getLogger("mkdocs").removeHandler(errors)
        restore()
        preview.problems = tuple(problems)
        log.error("The preview keeps showing the last good build.")

    server.builder = rebuild_or_report
    preview.install(server)
    return server


def _host_problems(root: Path, messages: list[str]) -> list[Diagnostic | str]:
    """MkDocs' error messages, one problem a line, without repeats; its configuration
    errors as diagnostics on their ``mkdocs.yml`` line, as ``brobygger check`` gives them."""
    # Imported here: the host module imports the content plugin, which imports this one.
    from plugins.mkdocs_host import config_problem

    seen: dict[Diagnostic | str, None] = {}
    for message in messages:
        for line in filter(None, (text.strip() for text in message.splitlines())):
            seen.setdefault(config_problem(root, line) if line.startswith("Config value")
                            else line, None)
    return list(seen)
