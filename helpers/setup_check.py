"""Notebook 00's setup check: the course libraries at their pinned versions, and widgets.

The pins are not typed here. ``requirements.in`` is the one place where they are chosen;
when the helpers package is built (an editable install by ``make``, a wheel in the offline
kit, Binder's install), setuptools copies them into the package's own metadata as the
``learner`` extra. :func:`learner_pins` reads them back from there, so the check needs no
file from the repository and works the same in every installation.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, requires, version

DISTRIBUTION = "norms-course-helpers"
#: The Python versions whose wheels ``make check-platforms`` proves, oldest and newest.
SUPPORTED_PYTHONS = ((3, 11), (3, 14))

#: What a front end without working widgets shows in place of the verdict box.
WIDGETS_MISSING = (
    "No widget shown here? In JupyterLab, see docs/setup.md: 'The sliders (widgets) do not show'."
)

_LEARNER_PIN = re.compile(
    r"""^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;]+)\s*;\s*extra\s*==\s*["']learner["']\s*$"""
)


@dataclass(frozen=True)
class PinCheck:
    """One pinned package: its pinned version and the installed one (None: missing)."""

    name: str
    pinned: str
    installed: str | None

    @property
    def ok(self) -> bool:
        return self.installed == self.pinned


def learner_pins(distribution: str = DISTRIBUTION) -> dict[str, str]:
    """Return the learner set's pins, ``{name: version}``, from the helpers' metadata.

    Parameters
    ----------
    distribution : str
        The installed distribution whose ``learner`` extra holds the pins.

    Returns
    -------
    dict
        Package name to pinned version, in the order of ``requirements.in``.

    Raises
    ------
    ValueError
        If the distribution is not installed or records no learner pins.
    """
    if not isinstance(distribution, str):
        raise TypeError(f"distribution must be a str, got {type(distribution).__name__}")
    try:
        requirements = requires(distribution) or []
    except PackageNotFoundError:
        raise ValueError(
            f"distribution {distribution!r} is not installed: install the course helpers "
            "(`make env`, or `pip install --no-deps -e .` in the course folder)"
        ) from None
    pins = {}
    for requirement in requirements:
        match = _LEARNER_PIN.match(requirement)
        if match:
            pins[match.group(1)] = match.group(2)
    if not pins:
        raise ValueError(f"distribution {distribution!r} records no learner pins")
    return pins


def _installed_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def compare_with_pins(
    pins: Mapping[str, str] | None = None,
    installed: Mapping[str, str | None] | None = None,
) -> list[PinCheck]:
    """Compare installed versions with the pins, one :class:`PinCheck` per pinned package.

    Parameters
    ----------
    pins : mapping of str to str, optional
        Package name to pinned version; by default :func:`learner_pins`.
    installed : mapping of str to str or None, optional
        Package name to installed version (None or absent: not installed); by default
        what ``importlib.metadata`` finds in the running Python.

    Returns
    -------
    list of PinCheck
        In the order of ``pins``.

    Examples
    --------
    >>> [c.ok for c in compare_with_pins({"numpy": "2.0"}, {"numpy": "2.1"})]
    [False]
    """
    pins = learner_pins() if pins is None else pins
    if not isinstance(pins, Mapping):
        raise TypeError(f"pins must be a mapping of name to version, got {type(pins).__name__}")
    if not pins:
        raise ValueError("pins must name at least one package")
    if installed is not None and not isinstance(installed, Mapping):
        raise TypeError(
            f"installed must be a mapping of name to version, got {type(installed).__name__}"
        )
    checks = []
    for name, pinned in pins.items():
        if not isinstance(name, str) or not isinstance(pinned, str) or not name or not pinned:
            raise TypeError(f"pins must map names to versions, both non-empty str: {name!r}")
        found = _installed_version(name) if installed is None else installed.get(name)
        checks.append(PinCheck(name, pinned, found))
    return checks


def _python_supported(python: tuple[int, int]) -> bool:
    return SUPPORTED_PYTHONS[0] <= tuple(python) <= SUPPORTED_PYTHONS[1]


def setup_report(checks: list[PinCheck], python: tuple[int, int]) -> str:
    """The setup check as plain text: the Python version, a table, a verdict."""
    oldest, newest = (f"{major}.{minor}" for major, minor in SUPPORTED_PYTHONS)
    verdict = "supported" if _python_supported(python) else "NOT supported"
    lines = [f"Python {python[0]}.{python[1]}: {verdict} (the course runs on {oldest} to {newest})"]
    width = max(len("package"), *(len(check.name) for check in checks))
    lines.append(f"{'package':<{width}}  {'pinned':<10} installed")
    for check in checks:
        found = check.installed or "missing"
        mark = "" if check.ok else "   <- differs"
        lines.append(f"{check.name:<{width}}  {check.pinned:<10} {found}{mark}")
    bad = sum(not check.ok for check in checks)
    if bad == 0:
        lines.append(f"All {len(checks)} pinned packages are installed at their pinned versions.")
    else:
        lines.append(
            f"{bad} of {len(checks)} pinned packages differ from the pins: this kernel is not the "
            "course's environment, or it is out of date (see docs/setup.md, Troubleshooting)."
        )
    return "\n".join(lines)


def check_setup(
    pins: Mapping[str, str] | None = None,
    installed: Mapping[str, str | None] | None = None,
    python: tuple[int, int] | None = None,
):
    """Print the setup check and return one widget that shows the verdict.

    The text lists every pinned package with its pinned and installed versions. The
    widget (an ``ipywidgets.HTML``) repeats the verdict; where widgets do not work, the
    front end shows :data:`WIDGETS_MISSING` (or *Error displaying widget*) instead, and the
    sliders of later notebooks will not show either.

    Parameters
    ----------
    pins, installed : mapping, optional
        As for :func:`compare_with_pins`.
    python : tuple of int, optional
        ``(major, minor)``; by default the running Python's.

    Returns
    -------
    ipywidgets.HTML
        Display it (the last line of a cell) to see it.
    """
    import ipywidgets

    if python is None:
        python = sys.version_info[:2]
    if (
        not isinstance(python, tuple)
        or len(python) != 2
        or not all(isinstance(part, int) and not isinstance(part, bool) for part in python)
    ):
        raise TypeError(f"python must be a (major, minor) tuple of int, got {python!r}")
    checks = compare_with_pins(pins, installed)
    print(setup_report(checks, python))
    bad = [check.name for check in checks if not check.ok]
    if bad or not _python_supported(python):
        problems = ", ".join(bad) if bad else f"Python {python[0]}.{python[1]}"
        message = f"✗ Not ready: {html.escape(problems)} (see the text above)."
    else:
        message = (
            f"✓ Ready: all {len(checks)} packages as pinned, and this box is a working widget."
        )
    return _verdict_widget(ipywidgets)(value=f"<b>{message}</b>")


def _verdict_widget(ipywidgets):
    """An HTML widget whose plain-text stand-in says that widgets are not shown."""

    class SetupVerdict(ipywidgets.HTML):
        # A front end without working widgets shows this text instead of the box (at
        # most 110 characters: ipywidgets cuts longer ones).
        def __repr__(self) -> str:
            return WIDGETS_MISSING

    return SetupVerdict
