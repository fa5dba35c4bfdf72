"""Checks for the pre- and post-workshop quiz, ``notebooks/quiz.ipynb``.

Ten questions, one check each (``check_q1`` ... ``check_q10``): a verdict of right, not
this one (with the notebook that teaches it), or not answered yet; never the right answer.
Multiple-choice answers are one letter, ``"a"`` to ``"d"``. :func:`score` counts the ten.
"""

from __future__ import annotations

import functools

import numpy as np

from helpers.feedback import Feedback, check_value

_NOT_YET = check_value(None, 0).message
_LETTERS = "abcd"


def _never_raises(check):
    """Turn any unexpected error into a verdict, so that a check never shows a traceback."""

    @functools.wraps(check)
    def guarded(answer=None):
        try:
            return check(answer)
        except Exception:  # noqa: BLE001 - a learner's odd answer must get a verdict
            return Feedback(False, "Not this one: this answer could not be read.")

    return guarded


def _numeric(answer, expected, where: str) -> Feedback:
    verdict = check_value(answer, expected)
    if answer is None or verdict.passed:
        return Feedback(verdict.passed, "Right." if verdict.passed else _NOT_YET)
    if "should" in verdict.message or "NaN" in verdict.message:  # the form, not the value
        return verdict
    return Feedback(False, f"Not this one: {where} covers it.")


def _choice(answer, right: str, where: str) -> Feedback:
    if answer is None:
        return Feedback(False, _NOT_YET)
    letter = answer.strip(" ()").lower() if isinstance(answer, str) else ""
    if len(letter) != 1 or letter not in _LETTERS:
        return Feedback(False, 'Not yet: answer with one letter in quotes: "a", "b", "c" or "d".')
    if letter == right:
        return Feedback(True, "Right.")
    return Feedback(False, f"Not this one: {where} covers it.")


@_never_raises
def check_q1(answer) -> Feedback:
    """The L1 norm of the errors (5, -5, 5, -5)."""
    expected = np.abs(np.array([5, -5, 5, -5])).sum()
    return _numeric(answer, expected, "notebook 01 (the absolute sum of errors)")


@_never_raises
def check_q2(answer) -> Feedback:
    """The length of (6, -8)."""
    return _numeric(answer, np.hypot(6, -8), "notebook 02 (length by Pythagoras)")


@_never_raises
def check_q3(answer) -> Feedback:
    """Which model errs less under L1 and under L2: (1, 1, 1, 1) or (0, 0, 0, 3)."""
    return _choice(answer, "c", "notebook 01 (the verdict depends on the measure)")


@_never_raises
def check_q4(answer) -> Feedback:
    """The norm of -3 u when the norm of u is 2."""
    return _numeric(answer, abs(-3) * 2, "notebook 03 (absolute homogeneity)")


@_never_raises
def check_q5(answer) -> Feedback:
    """Which of four functions is not a norm."""
    return _choice(answer, "b", 'notebooks 03 and 04 (the count of non-zeros, "L0")')


@_never_raises
def check_q6(answer) -> Feedback:
    """The shape of the L1 unit ball in 2-D."""
    return _choice(answer, "d", "notebook 04 (unit balls in 2-D)")


@_never_raises
def check_q7(answer) -> Feedback:
    """What np.linalg.norm(A, ord=2) computes for a matrix."""
    return _choice(answer, "a", "notebook 05 (what each ord computes)")


@_never_raises
def check_q8(answer) -> Feedback:
    """The gradient of the squared L2 norm at u = (1, -2)."""
    u = np.array([1.0, -2.0])
    return _numeric(answer, 2 * u, "notebook 06 (the gradient of the squared L2 norm)")


@_never_raises
def check_q9(answer) -> Feedback:
    """The gradient of ||Ax - b||^2 with respect to x."""
    return _choice(answer, "b", "notebook 07 (the chain rule through a matrix)")


@_never_raises
def check_q10(answer) -> Feedback:
    """The penalty that sets some weights to exactly zero."""
    return _choice(answer, "d", "notebook 08 (the L1 penalty and exact zeros)")


CHECKS = [check_q1, check_q2, check_q3, check_q4, check_q5]
CHECKS += [check_q6, check_q7, check_q8, check_q9, check_q10]


def score(answers) -> Feedback:
    """Count right, wrong and unanswered among the ten answers, in question order.

    Examples
    --------
    >>> score([None] * 10)
    Right: 0 of 10. Not answered yet: questions 1-10.
    """
    if isinstance(answers, str | bytes) or not hasattr(answers, "__len__") or len(answers) != 10:
        return Feedback(False, "Not yet: give the list of your ten answers, in question order.")
    verdicts = [check(answer) for check, answer in zip(CHECKS, answers)]
    right = [n for n, v in enumerate(verdicts, 1) if v.passed]
    blank = [n for n, a in enumerate(answers, 1) if a is None]
    wrong = [n for n in range(1, 11) if n not in right and n not in blank]

    def numbers(ns: list[int]) -> str:
        if len(ns) > 2 and ns == list(range(ns[0], ns[-1] + 1)):
            return f"{ns[0]}-{ns[-1]}"
        return ", ".join(map(str, ns))

    message = f"Right: {len(right)} of 10."
    if wrong:
        message += f" To revisit: question{'s' * (len(wrong) > 1)} {numbers(wrong)}."
    if blank:
        message += f" Not answered yet: question{'s' * (len(blank) > 1)} {numbers(blank)}."
    return Feedback(len(right) == 10, message)
