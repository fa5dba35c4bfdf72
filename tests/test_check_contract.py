"""The exercise-check contract (helpers/feedback.py), asserted for every check of every module.

Every public ``check_*`` in ``helpers.exercises`` (and the general checks of
``helpers.feedback``) is fed a battery of bad values in every argument. Each call must
return a Feedback and never raise; blank is "not answered yet"; a function that returns
None is told so; a function that raises is named; NaN/inf is named; nothing bad passes.
"""

import importlib
import inspect
import pkgutil

import numpy as np
import pytest

import helpers.exercises
from helpers import feedback
from helpers.feedback import Feedback, Status


def _raises(*args):
    raise ZeroDivisionError("learner bug")


def _returns_none(*args):
    return None


def _no_arguments():
    return 1.0


#: (label, value, words the message must contain, or None for "any WRONG message").
BAD_VALUES = [
    ("text", "5", None),
    ("empty text", "", None),
    ("list of text", ["60", "-60"], "text"),
    ("nan", np.nan, "NaN"),
    ("inf", np.inf, "NaN/inf"),
    ("array with nan", np.array([1.0, np.nan, 2.0]), "NaN"),
    ("empty list", [], None),
    ("empty array", np.array([]), None),
    ("bool", True, None),
    ("bool array", np.array([True, False, True]), None),
    ("3-D array", np.zeros((2, 2, 2)), None),
    ("dict", {"a": 1}, None),
    ("generator", (x for x in range(3)), None),
    ("ragged", [1, [2, 3]], None),
    ("complex", 1j, None),
    ("object", object(), None),
    ("function of no arguments", _no_arguments, None),
    ("function that raises", _raises, None),
    ("function that returns None", _returns_none, None),
]


#: Modules whose checks are being ported to the contract: each porter removes its own entry;
#: the list is empty when the port is done.
PORT_PENDING: set[str] = set()


def _public_checks():
    modules = [feedback] + [
        importlib.import_module(f"helpers.exercises.{info.name}")
        for info in pkgutil.iter_modules(helpers.exercises.__path__)
    ]
    for module in modules:
        for name, func in vars(module).items():
            if name.startswith("check_") and inspect.isfunction(func):
                short = module.__name__.split(".")[-1]
                if func.__module__ == module.__name__:
                    marks = (
                        [pytest.mark.skip(reason="port pending")] if short in PORT_PENDING else []
                    )
                    yield pytest.param(func, id=f"{short}.{name}", marks=marks)


CHECKS = list(_public_checks())

#: The general checks of helpers.feedback take course data besides the answer.
_COURSE_ARGUMENTS = {
    "check_value": {"expected": 3.0},
    "check_gradient_answer": {"f": lambda v: float(v @ v), "x": np.array([1.0, 2.0])},
    "check_gradient_at_points": {
        "f": lambda v: float(v @ v),
        "points": [np.array([1.0, 2.0])],
        "what": "of v.v",
    },
}


def _learner_parameters(check):
    fixed = _COURSE_ARGUMENTS.get(check.__name__, {})
    return [
        p.name
        for p in inspect.signature(check).parameters.values()
        if p.default is inspect.Parameter.empty and p.name not in fixed
    ], fixed


def test_there_are_checks_to_test():
    assert len(CHECKS) >= 30


@pytest.mark.parametrize("check", CHECKS)
def test_every_check_wears_the_contract_decorator(check):
    assert getattr(check, "is_checker", False), f"{check.__name__} lacks @checker"


@pytest.mark.parametrize("check", CHECKS)
def test_blank_is_not_answered(check):
    names, fixed = _learner_parameters(check)
    verdict = check(**{name: None for name in names}, **fixed)
    assert isinstance(verdict, Feedback) and verdict.status is Status.NOT_ANSWERED


@pytest.mark.parametrize(("label", "bad", "words"), BAD_VALUES, ids=[b[0] for b in BAD_VALUES])
@pytest.mark.parametrize("check", CHECKS)
def test_bad_values_get_a_verdict_never_an_exception(check, label, bad, words):
    names, fixed = _learner_parameters(check)
    for position in range(len(names)):
        # the bad value in one argument, a plausible number in the others
        arguments = {name: 1.0 for name in names} | {names[position]: bad}
        verdict = check(**arguments, **fixed)
        assert isinstance(verdict, Feedback), f"{label}: returned {verdict!r}"
        assert verdict.status is Status.WRONG, f"{label} in {names[position]}: {verdict.message}"
        assert "Traceback" not in verdict.message
        if words is not None and "should be a function" not in verdict.message:
            assert words in verdict.message, f"{label}: {verdict.message}"
        if bad is _returns_none and "function" in verdict.message:
            assert "returned None" in verdict.message or "should be" in verdict.message


@pytest.mark.parametrize("check", CHECKS)
def test_a_function_answer_that_returns_none_is_told_so(check):
    """Where a check calls the learner's function, a missing return is named, never blank."""
    names, fixed = _learner_parameters(check)
    for position in range(len(names)):
        arguments = {name: 1.0 for name in names} | {names[position]: _returns_none}
        message = check(**arguments, **fixed).message
        assert "Not answered yet" not in message
        if "returned" in message:
            assert "`return` missing" in message


@pytest.mark.parametrize("check", CHECKS)
def test_a_function_answer_that_raises_is_named(check):
    names, fixed = _learner_parameters(check)
    for position in range(len(names)):
        arguments = {name: 1.0 for name in names} | {names[position]: _raises}
        message = check(**arguments, **fixed).message
        if "raised" in message:
            assert "ZeroDivisionError: learner bug" in message


def test_checker_turns_an_unexpected_exception_into_a_wrong_verdict():
    @feedback.checker
    def check_broken(answer):
        raise KeyError("oops")

    verdict = check_broken(3)
    assert verdict.status is Status.WRONG and "KeyError" in verdict.message


def test_checker_refuses_a_check_that_returns_no_feedback():
    @feedback.checker
    def check_sloppy(answer):
        return True

    with pytest.raises(TypeError, match="must return a Feedback"):
        check_sloppy(3)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("60", "without quotes"),
        (True, "bool"),
        ([1.0, 2.0], "single number"),
        (float("nan"), "NaN/inf"),
        ({"a": 1}, "dict"),
        (2 + 0j, "complex"),
    ],
)
def test_as_number_names_what_is_wrong(value, words):
    with pytest.raises(feedback.Reject) as rejected:
        feedback.as_number(value, "mae_1")
    assert "mae_1" in rejected.value.feedback.message
    assert words in rejected.value.feedback.message


def test_learner_function_names_the_wrong_number_of_arguments():
    with pytest.raises(feedback.Reject) as rejected:
        feedback.learner_function(lambda a, b: a, n_args=1, name="weighted_l1")
    assert "should take 1 argument, but yours takes 2" in rejected.value.feedback.message


def test_learner_function_cannot_change_the_course_data():
    data = np.array([1.0, 2.0])

    def clobber(v):
        v[:] = 0
        return 1.0

    feedback.call_learner(clobber, data)
    assert data.tolist() == [1.0, 2.0]
