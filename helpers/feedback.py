"""Exercise feedback: say what is wrong with an answer without printing the answer.

Each function returns a :class:`Feedback`, which a notebook shows as its message; its
``passed`` attribute is True when the answer is right. An answer left as ``None`` (a
blank exercise) gets "not answered yet" rather than an error, so a notebook whose
exercises are still blank runs from top to bottom.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from helpers._validate import as_real_array
from helpers.gradcheck import numerical_gradient, relative_error

_NOT_YET = "Not answered yet: write your answer in the exercise cell, then run this cell again."


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer: ``passed`` and a ``message`` for the learner."""

    passed: bool
    message: str

    def __repr__(self) -> str:
        return self.message

    def __bool__(self) -> bool:
        return self.passed


def _factor_hint(answer: np.ndarray, expected: np.ndarray, rtol: float) -> str | None:
    """Name a simple slip (sign, factor 2, square, transpose) relating answer to expected."""
    everywhere = "" if answer.size == 1 else " in every entry"
    if np.allclose(answer, -expected, rtol=rtol, atol=0) and np.any(expected):
        return f"the sign is flipped{everywhere}."
    for factor, words in ((2.0, "twice"), (0.5, "half")):
        if np.allclose(answer, factor * expected, rtol=rtol, atol=0) and np.any(expected):
            return f"it is {words} the right size{everywhere}: look for a factor 2."
    if answer.ndim == 2 and answer.shape == expected.shape and answer.shape[0] == answer.shape[1]:
        if np.allclose(answer.T, expected, rtol=rtol) and not np.allclose(
            answer, expected, rtol=rtol
        ):
            return (
                "it is the transpose of the right answer (a matrix where its transpose belongs?)."
            )
    if (
        np.all(expected >= 0)
        and np.allclose(answer, expected**2, rtol=rtol)
        and not np.allclose(expected, expected**2, rtol=rtol)
    ):
        return "it looks squared: is a square root missing?"
    if (
        np.all(answer >= 0)
        and np.allclose(answer**2, expected, rtol=rtol)
        and not np.allclose(expected, expected**2, rtol=rtol)
    ):
        return "it looks like a square root of the right value: is a square missing?"
    return None


def check_value(answer, expected, *, name: str = "your answer", rtol: float = 1e-6) -> Feedback:
    """Compare a numeric answer (number or array) with the expected value.

    The message never contains the expected value: it says whether the shape, the sign
    or a factor is off, or only that the value is not right yet.

    Parameters
    ----------
    answer : number, array-like or None
        The learner's answer; ``None`` means "not answered yet".
    expected : number or array-like
        The right value.
    name : str, default "your answer"
        How to call the answer in the message.
    rtol : float, default 1e-6
        Relative tolerance of the comparison.

    Examples
    --------
    >>> check_value(10, 5, name="the L1 norm")
    Not yet: the L1 norm is not right: it is twice the right size: look for a factor 2.
    >>> check_value(5.0, 5).passed
    True
    """
    if answer is None:
        return Feedback(False, _NOT_YET)
    expected_arr = as_real_array(expected, "expected")
    try:
        answer_arr = as_real_array(answer, name)
    except (TypeError, ValueError):
        return Feedback(
            False,
            f"Not yet: {name} should be a number or an array of numbers, "
            f"got {type(answer).__name__}.",
        )
    if answer_arr.shape != expected_arr.shape:
        if expected_arr.shape == () and answer_arr.size == 1:
            answer_arr = answer_arr.reshape(())
        elif expected_arr.shape == ():
            return Feedback(
                False,
                f"Not yet: {name} should be a single number, but it has {answer_arr.size} entries.",
            )
    if answer_arr.shape != expected_arr.shape:
        if answer_arr.ndim == 2 and answer_arr.T.shape == expected_arr.shape:
            if np.allclose(answer_arr.T, expected_arr, rtol=rtol, atol=1e-12):
                return Feedback(False, f"Not yet: {name} is the transpose of the right answer.")
        return Feedback(
            False,
            f"Not yet: {name} has shape {answer_arr.shape}, "
            f"but it should have shape {expected_arr.shape}.",
        )
    if not np.all(np.isfinite(answer_arr)):
        return Feedback(False, f"Not yet: {name} contains NaN or infinity.")
    if np.allclose(answer_arr, expected_arr, rtol=rtol, atol=1e-12):
        return Feedback(True, f"Correct: {name} is right.")
    if np.allclose(answer_arr, expected_arr, rtol=1e-2, atol=1e-9):
        return Feedback(
            False,
            f"Close, but not exact: {name} is off by less than 1%. Did you round, or type in a "
            "printed value? Compute it with NumPy and keep every digit.",
        )
    hint = _factor_hint(answer_arr, expected_arr, rtol=1e-3)
    return Feedback(False, f"Not yet: {name} is not right" + (f": {hint}" if hint else "."))


def check_gradient_answer(
    f: Callable[[np.ndarray], float],
    grad: Callable[[np.ndarray], np.ndarray] | None,
    x,
    *,
    tol: float = 1e-6,
) -> Feedback:
    """Check a learner's gradient function against finite differences of ``f`` at ``x``.

    Passes when the relative error (see :func:`helpers.check_gradient`) is below ``tol``.
    Otherwise the message names the slip when it is a common one (a factor 2, a flipped
    sign, a transposed matrix) or says which entries disagree, never what they should be.

    Parameters
    ----------
    f : callable
        The scalar function whose gradient is wanted.
    grad : callable or None
        The learner's gradient; ``None``, or a function returning ``None``, means "not
        answered yet". Anything else that is not a function, or a function that raises,
        gets a message rather than an exception.
    x : array-like
        The point at which to check.
    tol : float, default 1e-6
        The largest relative error that passes.

    Examples
    --------
    >>> import numpy as np
    >>> check_gradient_answer(lambda v: v @ v, lambda v: v, np.array([1.0, 2.0]))
    Not yet: your gradient is not right (relative error 0.33): it is half the right size in every entry: look for a factor 2.
    """
    if grad is None:
        return Feedback(False, _NOT_YET)
    if not callable(grad):
        return Feedback(
            False,
            f"Not yet: your gradient should be a function of x (def ... or lambda), "
            f"got {type(grad).__name__}.",
        )
    point = as_real_array(x, "x")
    try:
        result = grad(point.copy())
    except Exception as error:  # a learner's function may fail in any way: say how
        return Feedback(
            False,
            f"Not yet: calling your gradient raised {type(error).__name__}: {error}. "
            "Check the shapes (a transpose?) and the names it uses.",
        )
    if result is None:
        return Feedback(False, _NOT_YET)
    try:
        analytic = as_real_array(result, "grad(x)")
    except (TypeError, ValueError):
        return Feedback(
            False,
            "Not yet: your gradient should return an array of numbers, "
            f"got {type(result).__name__}.",
        )
    if analytic.shape != point.shape:
        return Feedback(
            False,
            f"Not yet: your gradient has shape {analytic.shape}, but a "
            f"gradient has the shape of x, {point.shape}.",
        )
    numeric = numerical_gradient(f, point)
    error = relative_error(analytic, numeric)
    if error < tol:
        return Feedback(
            True,
            f"Correct: your gradient passes the finite-difference check "
            f"(relative error {error:.0e} < {tol:.0e}).",
        )
    hint = _factor_hint(analytic, numeric, rtol=1e-3)
    if hint is None:
        wrong = np.argwhere(~np.isclose(analytic, numeric, rtol=1e-4, atol=1e-6))
        where = ", ".join(
            str(tuple(int(i) for i in idx)) if point.ndim > 1 else str(int(idx[0]))
            for idx in wrong[:6]
        )
        hint = (
            f"the entries at {'index' if len(wrong) == 1 else 'indices'} {where} disagree "
            "with finite differences."
        )
    return Feedback(
        False, f"Not yet: your gradient is not right (relative error {error:.2f}): {hint}"
    )


def check_gradient_at_points(
    f: Callable[[np.ndarray], float],
    grad: Callable[[np.ndarray], np.ndarray] | None,
    points,
    *,
    what: str,
    slips: Callable[[np.ndarray, np.ndarray], str | None] | None = None,
) -> Feedback:
    """Run :func:`check_gradient_answer` at several points and report the first failure.

    Checking at more than one point catches a gradient that is right only by accident
    (at a symmetric point, say).

    Parameters
    ----------
    f, grad :
        As for :func:`check_gradient_answer`.
    points : sequence of array-like
        Where to check.
    what : str
        Completes the success message "Correct: your gradient {what} passes ...".
    slips : callable, optional
        ``slips(answer, point)`` may name a slip typical of the exercise; it is asked only
        when the general check names none (factor 2, sign, transpose).

    Examples
    --------
    >>> import numpy as np
    >>> points = [np.array([1.0, 2.0]), np.array([-3.0, 0.5])]
    >>> check_gradient_at_points(lambda v: v @ v, lambda v: 2 * v, points, what="of v.v")
    Correct: your gradient of v.v passes the finite-difference check at 2 points.
    """
    for point in points:
        verdict = check_gradient_answer(f, grad, point)
        if verdict.passed:
            continue
        if slips is not None and "disagree" in verdict.message:
            hint = slips(np.asarray(grad(np.array(point, dtype=float)), dtype=float), point)
            if hint:  # keep "Not yet: ... (relative error ...)", replace the rest
                prefix = verdict.message[: verdict.message.index("): ") + 1]
                return Feedback(False, f"{prefix}: {hint}")
        return verdict
    return Feedback(
        True,
        f"Correct: your gradient {what} passes the finite-difference check "
        f"at {len(points)} points.",
    )


def check_norm_axioms(
    norm: Callable[[np.ndarray], float] | None,
    *,
    dim: int = 2,
    n_trials: int = 2000,
    seed: int = 0,
) -> Feedback:
    """Test a function against the norm axioms on random vectors.

    Checks, on ``n_trials`` seeded random vectors of length ``dim`` (with many zero
    entries mixed in): non-negativity, that only the zero vector has norm 0, absolute
    homogeneity ``norm(k x) = |k| norm(x)`` (negative ``k`` included), and the triangle
    inequality. The message reports the first counterexample found for each failed
    axiom. Random testing can only find counterexamples: passing is evidence, not proof.

    Parameters
    ----------
    norm : callable or None
        Takes a 1-D array and returns a number. ``None`` means "not answered yet".
    dim : int, default 2
        Length of the random vectors.
    n_trials : int, default 2000
        How many random cases per axiom.
    seed : int, default 0
        Seed of the random generator, so the verdict is repeatable.

    Examples
    --------
    >>> import numpy as np
    >>> check_norm_axioms(lambda v: np.abs(v).sum()).passed
    True
    >>> check_norm_axioms(lambda v: v.sum()).passed
    False
    """
    if norm is None:
        return Feedback(False, _NOT_YET)
    if not callable(norm):
        raise TypeError(f"norm must be callable or None, got {type(norm).__name__}")
    if isinstance(dim, bool) or not isinstance(dim, int) or dim < 1:
        raise ValueError(f"dim must be a positive int, got {dim!r}")
    if isinstance(n_trials, bool) or not isinstance(n_trials, int) or n_trials < 1:
        raise ValueError(f"n_trials must be a positive int, got {n_trials!r}")

    rng = np.random.default_rng(seed)
    xs = rng.integers(-5, 6, size=(n_trials, dim)).astype(float)
    ys = rng.normal(scale=3.0, size=(n_trials, dim)).round(2)
    ks = rng.choice([-3.0, -2.0, -1.0, -0.5, 0.5, 2.0, 3.0], size=n_trials)

    def value(v):
        out = norm(v)
        if out is None:
            raise _Unanswered
        size = np.asarray(out)
        if size.ndim != 0 or not np.issubdtype(size.dtype, np.number):
            raise _NotANumber(type(out).__name__, size.shape)
        return float(size)

    failures = []
    try:
        if abs(value(np.zeros(dim))) > 1e-12:
            failures.append(f"norm of the zero vector is {_fmt(value(np.zeros(dim)))}, not 0")
        checks = (
            (
                "non-negativity",
                lambda x, y, k: value(x) >= 0,
                lambda x, y, k: f"norm(x) < 0 for x = {_vec(x)}",
            ),
            (
                "definiteness",
                lambda x, y, k: not np.any(x) or value(x) != 0,
                lambda x, y, k: f"norm(x) = 0 for the non-zero x = {_vec(x)}",
            ),
            (
                "absolute homogeneity",
                lambda x, y, k: np.isclose(value(k * y), abs(k) * value(y), rtol=1e-9, atol=1e-12),
                lambda x, y, k: f"norm(k x) != |k| norm(x) for k = {k:g}, x = {_vec(y)}",
            ),
            (
                "the triangle inequality",
                lambda x, y, k: (
                    value(x + y) <= value(x) + value(y) + 1e-9 * (1 + abs(value(x + y)))
                ),
                lambda x, y, k: f"norm(x + y) > norm(x) + norm(y) for x = {_vec(x)}, y = {_vec(y)}",
            ),
        )
        for name, holds, describe in checks:
            for x, y, k in zip(xs, ys, ks):
                if not holds(x, y, k):
                    failures.append(f"{name} fails: {describe(x, y, k)}")
                    break
    except _Unanswered:
        return Feedback(False, _NOT_YET)
    except _NotANumber as error:
        kind, shape = error.args
        return Feedback(
            False,
            f"Not yet: a norm returns one number, but yours returned {kind}"
            + (f" of shape {shape}" if shape else "")
            + ". Did you forget to add up (np.sum) or to take the largest entry?",
        )

    if failures:
        return Feedback(False, "Not a norm: " + "; ".join(failures) + ".")
    return Feedback(
        True, f"All four axioms held on {n_trials} random cases in {dim}-D (evidence, not a proof)."
    )


class _Unanswered(Exception):
    pass


class _NotANumber(Exception):
    pass


def _fmt(v: float) -> str:
    return f"{v:.4g}"


def _vec(v: np.ndarray) -> str:
    return "(" + ", ".join(f"{c:g}" for c in v) + ")"
