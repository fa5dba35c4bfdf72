"""The project's one link checker, for Markdown in pages (README, docs/) and notebook cells.

A relative link must name an existing file or folder with exactly the case on disk (a link
that works on macOS or Windows breaks on Linux and on GitHub otherwise); an anchor into a
Markdown page (``setup.md#linux-and-macos``, ``#top``) must name one of its headings, as
GitHub spells anchors. Links with a scheme (``https:``), protocol-relative links and links
inside code are not checked.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
REF_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
HTML_LINK = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""", re.I)


def strip_fences(markdown: str) -> str:
    """Markdown without fenced code blocks."""
    return re.sub(r"^(```|~~~).*?^\1", " ", markdown, flags=re.M | re.S)


def strip_code(markdown: str) -> str:
    """Markdown without fenced code blocks and inline code spans."""
    return re.sub(r"(`+)(?:(?!\1).)+\1", " ", strip_fences(markdown), flags=re.S)


def link_targets(markdown: str) -> list[str]:
    """The relative link targets of ``markdown``, anchors and queries included."""
    text = strip_code(markdown)
    found = LINK.findall(text) + REF_DEFINITION.findall(text) + HTML_LINK.findall(text)
    return [t for t in found if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", t)]


def anchors(markdown: str) -> set[str]:
    """The anchors GitHub gives the headings of ``markdown``."""
    headings = re.findall(r"^#{1,6} (.+)$", strip_fences(markdown), re.M)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


def exists_with_exact_case(base: Path, target: str) -> bool:
    """Whether ``target``, relative to folder ``base``, names an existing file or folder with
    every path component spelled in exactly the case on disk."""
    path = base
    for part in PurePosixPath(target).parts:
        if part in ("", "."):
            continue
        if part == "..":
            path = path.parent
            continue
        if not path.is_dir() or part not in os.listdir(path):
            return False
        path = path / part
    return True


def broken_links(markdown: str, base: Path, own_anchors: set[str] | None = None) -> list[str]:
    """Problems with the relative links of ``markdown`` read from folder ``base``.

    ``own_anchors`` are the anchors of the page itself, for ``#anchor`` links; None (a
    notebook cell) leaves those unchecked.
    """
    problems = []
    for target in link_targets(markdown):
        path, _, anchor = unquote(target.split("?", 1)[0]).partition("#")
        if path and not exists_with_exact_case(base, path):
            problems.append(f"relative link {target!r} does not resolve (with this exact case)")
        elif anchor and path.endswith(".md"):
            if anchor not in anchors((base / path).read_text(encoding="utf-8")):
                problems.append(f"link {target!r}: no heading in {path} has that anchor")
        elif anchor and not path and own_anchors is not None and anchor not in own_anchors:
            problems.append(f"link {target!r}: no heading on this page has that anchor")
    return problems


def page_problems(page: Path) -> list[str]:
    """Broken links of the Markdown file ``page``."""
    text = page.read_text(encoding="utf-8")
    return broken_links(text, page.parent, anchors(text))
