"""Checks for the pre- and post-workshop quiz, ``notebooks/quiz.ipynb``.

Ten questions, one check each (``check_q1`` ... ``check_q10``): a verdict of right, not
this one (with the notebook that teaches it), or not answered yet; never the right answer.
Multiple-choice answers are one letter, ``"a"`` to ``"d"``. :func:`score` counts the ten.
"""

from __future__ import annotations

import numpy as np

from helpers.feedback import Feedback, Status, as_number, as_vector, checker, right, wrong

_LETTERS = "abcd"


def _not_this_one(where: str) -> Feedback:
    return wrong(f"Not this one: {where} covers it.")


def _numeric(answer, expected, where: str) -> Feedback:
    value = as_vector(answer, length=2) if np.ndim(expected) else as_number(answer)
    return right("Right.") if np.allclose(value, expected, rtol=1e-6) else _not_this_one(where)


def _choice(answer, letter: str, where: str) -> Feedback:
    if not isinstance(answer, str):
        as_number(answer)  # names NaN, text in a list, a function...; a number goes on
        return wrong('Not yet: answer with one letter as text, in quotes: "a", "b", "c" or "d".')
    given = answer.strip(" ()").lower()
    if len(given) != 1 or given not in _LETTERS:
        return wrong('Not yet: answer with one letter in quotes: "a", "b", "c" or "d".')
    return right("Right.") if given == letter else _not_this_one(where)


@checker
def check_q1(answer) -> Feedback:
    """The L1 norm of the errors (5, -5, 5, -5)."""
    expected = np.abs(np.array([5, -5, 5, -5])).sum()
    return _numeric(answer, expected, "notebook 01 (the absolute sum of errors)")


@checker
def check_q2(answer) -> Feedback:
    """The length of (6, -8)."""
    return _numeric(answer, np.hypot(6, -8), "notebook 02 (length by Pythagoras)")


@checker
def check_q3(answer) -> Feedback:
    """Which model errs less under L1 and under L2: (1, 1, 1, 1) or (0, 0, 0, 3)."""
    return _choice(answer, "c", "notebook 01 (the verdict depends on the measure)")


@checker
def check_q4(answer) -> Feedback:
    """The norm of -3 u when the norm of u is 2."""
    return _numeric(answer, abs(-3) * 2, "notebook 03 (absolute homogeneity)")


@checker
def check_q5(answer) -> Feedback:
    """Which of four functions is not a norm."""
    return _choice(answer, "b", 'notebooks 03 and 04 (the count of non-zeros, "L0")')


@checker
def check_q6(answer) -> Feedback:
    """The shape of the L1 unit ball in 2-D."""
    return _choice(answer, "d", "notebook 04 (unit balls in 2-D)")


@checker
def check_q7(answer) -> Feedback:
    """What np.linalg.norm(A, ord=2) computes for a matrix."""
    return _choice(answer, "a", "notebook 05 (what each ord computes)")


@checker
def check_q8(answer) -> Feedback:
    """The gradient of the squared L2 norm at u = (1, -2)."""
    u = np.array([1.0, -2.0])
    return _numeric(answer, 2 * u, "notebook 06 (the gradient of the squared L2 norm)")


@checker
def check_q9(answer) -> Feedback:
    """The gradient of ||Ax - b||^2 with respect to x."""
    return _choice(answer, "b", "notebook 07 (the chain rule through a matrix)")


@checker
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
        return wrong("Not yet: give the list of your ten answers, in question order.")
    verdicts = [check(answer) for check, answer in zip(CHECKS, answers)]
    done = [n for n, v in enumerate(verdicts, 1) if v.passed]
    blank = [n for n, v in enumerate(verdicts, 1) if v.status is Status.NOT_ANSWERED]
    revisit = [n for n in range(1, 11) if n not in done and n not in blank]

    def numbers(ns: list[int]) -> str:
        if len(ns) > 2 and ns == list(range(ns[0], ns[-1] + 1)):
            return f"{ns[0]}-{ns[-1]}"
        return ", ".join(map(str, ns))

    message = f"Right: {len(done)} of 10."
    if revisit:
        message += f" To revisit: question{'s' * (len(revisit) > 1)} {numbers(revisit)}."
    if blank:
        message += f" Not answered yet: question{'s' * (len(blank) > 1)} {numbers(blank)}."
    return (right if len(done) == 10 else wrong)(message)
