"""helpers.setup_check: notebook 00's comparison of installed versions with the pins.

Every test passes the pins and the installed versions in, so none depends on what this
environment holds; tests/test_environment.py checks the real pins and the real installation.
"""

import ipywidgets
import pytest

from helpers import check_setup
from helpers.setup_check import (
    WIDGETS_MISSING,
    PinCheck,
    compare_with_pins,
    learner_pins,
    setup_report,
)

PINS = {"numpy": "2.4.6", "ipywidgets": "8.1.9"}


def test_compare_marks_equal_different_and_missing_versions_in_pin_order():
    checks = compare_with_pins(
        {"numpy": "2.4.6", "seaborn": "0.13.2", "pandas": "3.1.1"},
        {"numpy": "2.4.6", "seaborn": "0.13.0"},
    )
    assert checks == [
        PinCheck("numpy", "2.4.6", "2.4.6"),
        PinCheck("seaborn", "0.13.2", "0.13.0"),
        PinCheck("pandas", "3.1.1", None),
    ]
    assert [check.ok for check in checks] == [True, False, False]


def test_compare_reads_the_running_environment_by_default():
    checks = compare_with_pins({"pytest": "0.0.0", "no-such-package-xyz": "1.0"})
    assert checks[0].installed == pytest.__version__ and not checks[0].ok
    assert checks[1].installed is None and not checks[1].ok


def test_report_lists_every_package_and_gives_one_verdict():
    ok = setup_report(compare_with_pins(PINS, PINS), (3, 12))
    assert ok.splitlines()[0] == "Python 3.12: supported (the course runs on 3.11 to 3.14)"
    assert "numpy" in ok and "ipywidgets" in ok and "differs" not in ok
    assert ok.splitlines()[-1] == "All 2 pinned packages are installed at their pinned versions."
    bad = setup_report(compare_with_pins(PINS, {"numpy": "1.26.4"}), (3, 10))
    assert bad.startswith("Python 3.10: NOT supported")
    assert "1.26.4" in bad and "missing" in bad and bad.count("<- differs") == 2
    assert bad.splitlines()[-1].startswith("2 of 2 pinned packages differ from the pins")


def test_check_setup_prints_the_report_and_returns_one_html_widget(capsys):
    widget = check_setup(PINS, PINS, python=(3, 11))
    assert capsys.readouterr().out == setup_report(compare_with_pins(PINS, PINS), (3, 11)) + "\n"
    assert isinstance(widget, ipywidgets.HTML)
    assert widget.value.startswith("<b>✓ Ready: all 2 packages as pinned")


def test_the_widget_names_what_is_wrong():
    widget = check_setup(PINS, {"numpy": "2.4.6", "ipywidgets": "7.8.5"}, python=(3, 11))
    assert "✗ Not ready: ipywidgets" in widget.value
    assert "✗ Not ready: Python 3.15" in check_setup(PINS, PINS, python=(3, 15)).value


def test_a_front_end_without_widgets_shows_where_to_look():
    bundle = check_setup(PINS, PINS, python=(3, 11))._repr_mimebundle_()
    assert bundle["text/plain"] == WIDGETS_MISSING
    assert len(WIDGETS_MISSING) <= 110 and "docs/setup.md" in WIDGETS_MISSING


def test_learner_pins_come_from_the_installed_metadata():
    pins = learner_pins()
    assert pins and all(isinstance(v, str) and v[0].isdigit() for v in pins.values())
    with pytest.raises(ValueError, match="records no learner pins"):
        learner_pins("pytest")
    with pytest.raises(ValueError, match="not installed"):
        learner_pins("no-such-package-xyz")
    with pytest.raises(TypeError, match="distribution"):
        learner_pins(None)


@pytest.mark.parametrize(
    ("kwargs", "error", "argument"),
    [
        ({"pins": ["numpy==2.4.6"]}, TypeError, "pins"),
        ({"pins": {}}, ValueError, "pins"),
        ({"pins": {"numpy": 2.4}}, TypeError, "pins"),
        ({"pins": PINS, "installed": "numpy 2.4.6"}, TypeError, "installed"),
        ({"pins": PINS, "installed": PINS, "python": "3.11"}, TypeError, "python"),
        ({"pins": PINS, "installed": PINS, "python": (3, 11, 7)}, TypeError, "python"),
        ({"pins": PINS, "installed": PINS, "python": (True, 11)}, TypeError, "python"),
    ],
)
def test_bad_input_names_the_argument(kwargs, error, argument):
    with pytest.raises(error, match=argument):
        check_setup(**kwargs)
