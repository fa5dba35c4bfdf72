"""Exercise feedback: one contract for every check, and verdicts that never give the answer.

The contract
------------
Every exercise and checkpoint check in ``helpers.exercises`` follows the same rules:

- It returns a :class:`Feedback`: a :class:`Status` (``NOT_ANSWERED``, ``WRONG`` or
  ``RIGHT``) and a message for the learner. ``feedback.passed`` is True only when right.
- It never raises, whatever it is given: the :func:`checker` decorator, which every public
  ``check_*`` function wears, turns blank arguments (``None``) into :func:`not_answered`
  and any unexpected exception into a ``WRONG`` verdict that names the problem.
- A learner's function is always called through :func:`call_learner` (or
  :func:`learner_function`, to call it many times): not a function, the wrong number of
  arguments, an exception (named, no traceback) and a forgotten ``return`` each get their
  own message. A function that returns None is *wrong* ("is a `return` missing?"), never
  "not answered yet".
- Answers become numbers through :func:`as_number` and :func:`as_array`: strings, bools,
  dicts, generators, complex numbers, empty or ragged input and NaN or infinity are
  refused with a message saying so. Strings are never numbers.
- "Exact" means computed with NumPy and kept at full precision (relative tolerance 1e-6).
  A task that accepts a rounded or sampled value says so, and its check passes an explicit
  tolerance. A value within 1 % of the right one is told it is close but not exact.
- The exercise data lives in the module ``helpers.exercises.nbNN``, which the notebook
  imports; checks take only the learner's answers.

Writing a check::

    @checker
    def check_mae(mae_1, mae_2) -> Feedback:
        ...  # as_number(mae_1, "mae_1"), then right(...) or wrong(...)

Inside a check, :class:`Reject` may be raised with a Feedback to stop at the first problem
(the helpers below raise it); the decorator returns that Feedback.
"""

from __future__ import annotations

import enum
import functools
import inspect
import numbers
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from helpers._validate import as_real_array
from helpers.gradcheck import numerical_gradient, relative_error

NOT_ANSWERED_MESSAGE = (
    "Not answered yet: write your answer in the exercise cell, then run this cell again."
)


class Status(enum.Enum):
    """The three verdicts a check can give."""

    NOT_ANSWERED = "not answered"
    WRONG = "wrong"
    RIGHT = "right"


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer: a :class:`Status` and a ``message`` for the learner.

    It shows as its message in a notebook and is truthy only when the answer is right.

    Examples
    --------
    >>> right("Correct: 89 is the L1 norm.")
    Correct: 89 is the L1 norm.
    >>> bool(not_answered()), not_answered().status
    (False, <Status.NOT_ANSWERED: 'not answered'>)
    """

    status: Status
    message: str

    def __post_init__(self) -> None:
        if not isinstance(self.status, Status):
            raise TypeError(f"status must be a Status, got {type(self.status).__name__}")
        if not isinstance(self.message, str) or not self.message:
            raise TypeError("message must be a non-empty str")

    @property
    def passed(self) -> bool:
        """True when the answer is right."""
        return self.status is Status.RIGHT

    def __repr__(self) -> str:
        return self.message

    def __bool__(self) -> bool:
        return self.passed


def not_answered() -> Feedback:
    """The verdict on a blank answer: "Not answered yet"."""
    return Feedback(Status.NOT_ANSWERED, NOT_ANSWERED_MESSAGE)


def right(message: str) -> Feedback:
    """A right answer, with a message that may explain or praise (never a new answer)."""
    return Feedback(Status.RIGHT, message)


def wrong(message: str) -> Feedback:
    """A wrong answer, with a message that says what is wrong without giving the answer."""
    return Feedback(Status.WRONG, message)


class Reject(Exception):
    """Raised inside a check to stop with a verdict; :func:`checker` returns it."""

    def __init__(self, feedback: Feedback) -> None:
        super().__init__(feedback.message)
        self.feedback = feedback


def _describe_error(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    if len(text) > 160:
        text = text[:157] + "..."
    return f"{type(error).__name__}" + (f": {text}" if text else "")


def checker(check: Callable[..., Feedback]) -> Callable[..., Feedback]:
    """Make ``check`` keep the contract: blank -> not answered, never an exception.

    Any argument that is ``None`` gives :func:`not_answered` without running the check.
    A :class:`Reject` raised inside gives its Feedback; any other exception gives a
    ``WRONG`` verdict naming it. NumPy warnings raised while checking are silenced, so a
    learner's odd input prints nothing but the verdict.

    Examples
    --------
    >>> @checker
    ... def check_three(x):
    ...     return right("Correct.") if as_number(x, "x") == 3 else wrong("Not yet.")
    >>> check_three(None), check_three("3"), check_three(3)
    (Not answered yet: write your answer in the exercise cell, then run this cell again., Not yet: x should be a number, got the text '3': write it without quotes., Correct.)
    """
    signature = inspect.signature(check)

    @functools.wraps(check)
    def wrapper(*args, **kwargs) -> Feedback:
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as error:
            return wrong(f"Not yet: this check was called the wrong way ({error}).")
        if any(value is None for value in bound.arguments.values()):
            return not_answered()
        try:
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                verdict = check(*args, **kwargs)
        except Reject as rejection:
            return rejection.feedback
        except Exception as error:  # the contract: a verdict, never a traceback
            return wrong(
                f"Not yet: your answer could not be checked ({_describe_error(error)}). "
                "Check its type and shape against the task."
            )
        if not isinstance(verdict, Feedback):
            raise TypeError(f"{check.__name__} must return a Feedback, got {verdict!r}")
        return verdict

    wrapper.is_checker = True  # type: ignore[attr-defined]
    return wrapper


def _type_name(value) -> str:
    if isinstance(value, Iterator):
        return "a generator or iterator (wrap it in list(...))"
    if callable(value):
        return "a function (did you forget to call it?)"
    return type(value).__name__


def as_number(value, name: str = "your answer") -> float:
    """Return ``value`` as a finite float, or raise :class:`Reject` saying what is wrong.

    Numbers, NumPy scalars and one-element arrays are accepted; text, bools, complex
    numbers, containers with several entries, NaN and infinity are not.

    Examples
    --------
    >>> as_number(np.float32(2.5))
    2.5
    >>> as_number("60")
    Traceback (most recent call last):
    ...
    helpers.feedback.Reject: Not yet: your answer should be a number, got the text '60': write it without quotes.
    """
    if isinstance(value, (str, bytes)):
        raise Reject(
            wrong(
                f"Not yet: {name} should be a number, got the text {value!r}: "
                "write it without quotes."
            )
        )
    if isinstance(value, (bool, np.bool_)):
        raise Reject(wrong(f"Not yet: {name} should be a number, got {value} (a bool)."))
    if isinstance(value, numbers.Number) and not isinstance(value, numbers.Real):
        raise Reject(wrong(f"Not yet: {name} should be a real number, got a complex number."))
    if not isinstance(value, numbers.Real):
        if isinstance(value, (np.ndarray, list, tuple)):
            array = as_array(value, name)
            if array.size != 1:
                raise Reject(
                    wrong(
                        f"Not yet: {name} should be a single number, but it has "
                        f"{array.size} entries (shape {array.shape})."
                    )
                )
            return float(array.reshape(()))
        raise Reject(wrong(f"Not yet: {name} should be a number, got {_type_name(value)}."))
    number = float(value)
    if not np.isfinite(number):
        raise Reject(wrong(f"Not yet: {name} is {number}: it contains NaN/inf."))
    return number


def as_array(
    value, name: str = "your answer", *, shape: tuple[int, ...] | None = None
) -> np.ndarray:
    """Return ``value`` as a finite float array, or raise :class:`Reject` saying what is wrong.

    Lists, tuples and arrays of real numbers are accepted (a plain number too, as a 0-d
    array); text, bools, complex numbers, dicts, sets, generators, ragged or empty input,
    NaN and infinity are not. With ``shape``, the shape must match exactly.

    Examples
    --------
    >>> as_array([1, 2])
    array([1., 2.])
    >>> as_array(["1", "2"], "errors")
    Traceback (most recent call last):
    ...
    helpers.feedback.Reject: Not yet: errors contains text ('1'): numbers go without quotes.
    """
    if isinstance(value, (str, bytes)):
        raise Reject(
            wrong(f"Not yet: {name} should be a list or array of numbers, got the text {value!r}.")
        )
    if isinstance(value, (dict, set, frozenset)) or isinstance(value, Iterator) or callable(value):
        raise Reject(
            wrong(f"Not yet: {name} should be a list or array of numbers, got {_type_name(value)}.")
        )
    try:
        array = np.asarray(value)
    except (ValueError, TypeError):
        raise Reject(
            wrong(f"Not yet: {name} is ragged: every row needs the same number of entries.")
        ) from None
    if array.dtype == object:
        flat = _flatten(value)
        text = next((v for v in flat if isinstance(v, (str, bytes))), None)
        if text is not None:
            raise Reject(
                wrong(f"Not yet: {name} contains text ({text!r}): numbers go without quotes.")
            )
        raise Reject(
            wrong(
                f"Not yet: {name} should hold only numbers, in rows of equal length "
                "(it holds other objects or is ragged)."
            )
        )
    if array.dtype.kind in "US":
        first = array.reshape(-1)[0] if array.size else ""
        raise Reject(
            wrong(f"Not yet: {name} contains text ({str(first)!r}): numbers go without quotes.")
        )
    if array.dtype == bool:
        raise Reject(wrong(f"Not yet: {name} holds True/False values (a bool array), not numbers."))
    if array.dtype.kind == "c":
        raise Reject(wrong(f"Not yet: {name} holds complex numbers; real numbers are wanted."))
    if array.dtype.kind not in "iuf":
        raise Reject(
            wrong(f"Not yet: {name} should hold numbers, got values of type {array.dtype}.")
        )
    if array.size == 0:
        raise Reject(wrong(f"Not yet: {name} is empty."))
    array = array.astype(np.float64)
    if not np.all(np.isfinite(array)):
        raise Reject(wrong(f"Not yet: {name} contains NaN/inf."))
    if shape is not None and array.shape != tuple(shape):
        raise Reject(
            wrong(
                f"Not yet: {name} has shape {array.shape}, but it should have shape {tuple(shape)}."
            )
        )
    return array


def as_vector(value, name: str = "your answer", *, length: int | None = None) -> np.ndarray:
    """Like :func:`as_array`, for a 1-D vector (of ``length`` entries if given)."""
    array = as_array(value, name)
    if array.ndim != 1:
        raise Reject(
            wrong(f"Not yet: {name} should be a vector (1-D), but it has shape {array.shape}.")
        )
    if length is not None and array.size != length:
        raise Reject(
            wrong(f"Not yet: {name} should have {length} entries, but it has {array.size}.")
        )
    return array


def _flatten(value) -> list:
    if isinstance(value, np.ndarray):
        return list(value.reshape(-1))
    if isinstance(value, (list, tuple)):
        return [item for part in value for item in _flatten(part)]
    return [value]


def learner_function(func, *, n_args: int, name: str = "your function") -> Callable:
    """Check once that ``func`` is a function of ``n_args`` arguments; return a safe caller.

    The returned caller passes copies of array arguments (a learner's function cannot
    change the course's data) and raises :class:`Reject` when the call raises (naming the
    exception, with no traceback) or returns None.

    Examples
    --------
    >>> call = learner_function(lambda v: None, n_args=1, name="l1_norm")
    >>> call(np.ones(2))
    Traceback (most recent call last):
    ...
    helpers.feedback.Reject: Not yet: l1_norm returned None: is a `return` missing?
    """
    if func is None:
        raise Reject(not_answered())
    if not callable(func):
        raise Reject(
            wrong(
                f"Not yet: {name} should be a function (def ... or lambda), "
                f"got {type(func).__name__}."
            )
        )
    try:
        signature = inspect.signature(func)
    except (TypeError, ValueError):  # some built-ins have none: just call them
        signature = None
    if signature is not None:
        try:
            signature.bind(*range(n_args))
        except TypeError:
            takes = [
                p
                for p in signature.parameters.values()
                if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
            ]
            raise Reject(
                wrong(
                    f"Not yet: {name} should take {n_args} argument"
                    f"{'' if n_args == 1 else 's'}, but yours takes {len(takes)}."
                )
            ) from None

    def call(*args):
        copies = [arg.copy() if isinstance(arg, np.ndarray) else arg for arg in args]
        try:
            with np.errstate(all="ignore"):
                result = func(*copies)
        except Exception as error:  # a learner's function may fail in any way: say how
            hint = ""
            if isinstance(error, ValueError) and any(
                word in str(error) for word in ("shape", "mismatch", "broadcast", "align")
            ):
                hint = " The shapes do not fit: print them (.shape) and check each product."
            raise Reject(
                wrong(f"Not yet: calling {name} raised {_describe_error(error)}.{hint}")
            ) from None
        if result is None:
            raise Reject(wrong(f"Not yet: {name} returned None: is a `return` missing?"))
        return result

    return call


def call_learner(func, *args, name: str = "your function"):
    """Call a learner's function once under the contract (see :func:`learner_function`).

    Examples
    --------
    >>> call_learner(lambda v: v.sum(), np.array([1.0, 2.0]), name="total")
    np.float64(3.0)
    """
    return learner_function(func, n_args=len(args), name=name)(*args)


def norm_value(out, name: str) -> float:
    """The one number a norm-like function of the learner's returned, or :class:`Reject`.

    Text, and arrays of more than one number (a sum or a maximum forgotten), are refused
    with a message that says so.

    Examples
    --------
    >>> norm_value(np.float64(2.5), "l1_norm")
    2.5
    """
    if isinstance(out, (str, bytes)):
        raise Reject(wrong(f"Not yet: {name} should return one number, but it returned {out!r}."))
    if np.ndim(out) != 0:
        raise Reject(
            wrong(
                f"Not yet: {name} should return one number, but it returned "
                f"{type(out).__name__} of shape {np.shape(out)}. Did you forget to add up "
                "(np.sum) or to take the largest entry (np.max)?"
            )
        )
    return as_number(out, f"the value of {name}")


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


@checker
def check_value(
    answer, expected, *, name: str = "your answer", rtol: float = 1e-6, atol: float = 1e-12
) -> Feedback:
    """Compare a numeric answer (number or array) with the expected value.

    The message never contains the expected value: it says whether the shape, the sign
    or a factor is off, or only that the value is not right yet. The default tolerance
    asks for the value computed with NumPy at full precision; pass a larger ``rtol`` (and
    say so in the task) where a rounded or sampled value is good enough.

    Parameters
    ----------
    answer : number, array-like or None
        The learner's answer; ``None`` means "not answered yet".
    expected : number or array-like
        The right value.
    name : str, default "your answer"
        How to call the answer in the message.
    rtol, atol : float
        Relative and absolute tolerance of the comparison.

    Examples
    --------
    >>> check_value(10, 5, name="the L1 norm")
    Not yet: the L1 norm is not right: it is twice the right size: look for a factor 2.
    >>> check_value(5.0, 5).status
    <Status.RIGHT: 'right'>
    """
    expected_arr = as_real_array(expected, "expected")
    if expected_arr.shape == ():
        answer_arr = np.asarray(as_number(answer, name))
    else:
        answer_arr = as_array(answer, name)
        if answer_arr.shape != expected_arr.shape:
            if answer_arr.ndim == 2 and answer_arr.T.shape == expected_arr.shape:
                if np.allclose(answer_arr.T, expected_arr, rtol=rtol, atol=atol):
                    return wrong(f"Not yet: {name} is the transpose of the right answer.")
            return wrong(
                f"Not yet: {name} has shape {answer_arr.shape}, "
                f"but it should have shape {expected_arr.shape}."
            )
    if np.allclose(answer_arr, expected_arr, rtol=rtol, atol=atol):
        return right(f"Correct: {name} is right.")
    if rtol < 1e-2 and np.allclose(answer_arr, expected_arr, rtol=1e-2, atol=1e-9):
        return wrong(
            f"Close, but not exact: {name} is off by less than 1%. Did you round, or type in a "
            "printed value? Compute it with NumPy and keep every digit."
        )
    hint = _factor_hint(answer_arr, expected_arr, rtol=1e-3)
    return wrong(f"Not yet: {name} is not right" + (f": {hint}" if hint else "."))


def _gradient_verdict(f, call, point: np.ndarray, tol: float) -> tuple[Feedback, np.ndarray | None]:
    """The verdict on one point, and the learner's gradient there (None if unusable)."""
    analytic = as_array(call(point.copy()), "the result of your gradient")
    if analytic.shape != point.shape:
        raise Reject(
            wrong(
                f"Not yet: your gradient has shape {analytic.shape}, but a gradient has "
                f"the shape of the argument it is given, here {point.shape}."
            )
        )
    numeric = numerical_gradient(f, point)
    error = relative_error(analytic, numeric)
    if error < tol:
        return right(
            f"Correct: your gradient passes the finite-difference check "
            f"(relative error < {tol:.0e})."
        ), analytic
    hint = _factor_hint(analytic, numeric, rtol=1e-3)
    if hint is None:
        disagree = np.argwhere(~np.isclose(analytic, numeric, rtol=1e-4, atol=1e-6))
        where = ", ".join(
            str(tuple(int(i) for i in idx)) if point.ndim > 1 else str(int(idx[0]))
            for idx in disagree[:6]
        )
        hint = (
            f"the entries at {'index' if len(disagree) == 1 else 'indices'} {where} disagree "
            "with finite differences."
        )
    return wrong(
        f"Not yet: your gradient is not right (relative error {error:.2f}): {hint}"
    ), analytic


@checker
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
        The scalar function whose gradient is wanted (course data, not the learner's).
    grad : callable or None
        The learner's gradient; ``None`` means "not answered yet".
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
    call = learner_function(grad, n_args=1, name="your gradient")
    return _gradient_verdict(f, call, as_real_array(x, "x"), tol)[0]


@checker
def check_gradient_at_points(
    f: Callable[[np.ndarray], float],
    grad: Callable[[np.ndarray], np.ndarray] | None,
    points,
    *,
    what: str,
    slips: Callable[[np.ndarray, np.ndarray], str | None] | None = None,
) -> Feedback:
    """Check a learner's gradient at several points and report the first failure.

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
    call = learner_function(grad, n_args=1, name="your gradient")
    for point in points:
        point = as_real_array(point, "point")
        verdict, analytic = _gradient_verdict(f, call, point, 1e-6)
        if verdict.passed:
            continue
        if slips is not None and "disagree" in verdict.message:
            hint = slips(analytic, point)
            if hint:  # keep "Not yet: ... (relative error ...)", replace the rest
                prefix = verdict.message[: verdict.message.index("): ") + 1]
                return wrong(f"{prefix}: {hint}")
        return verdict
    return right(
        f"Correct: your gradient {what} passes the finite-difference check at {len(points)} points."
    )


@checker
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
    if isinstance(dim, bool) or not isinstance(dim, int) or dim < 1:
        raise ValueError(f"dim must be a positive int, got {dim!r}")
    if isinstance(n_trials, bool) or not isinstance(n_trials, int) or n_trials < 1:
        raise ValueError(f"n_trials must be a positive int, got {n_trials!r}")
    call = learner_function(norm, n_args=1, name="your norm function")

    def value(v: np.ndarray) -> float:
        return norm_value(call(v), "your norm function")

    rng = np.random.default_rng(seed)
    xs = rng.integers(-5, 6, size=(n_trials, dim)).astype(float)
    ys = rng.normal(scale=3.0, size=(n_trials, dim)).round(2)
    ks = rng.choice([-3.0, -2.0, -1.0, -0.5, 0.5, 2.0, 3.0], size=n_trials)

    failures = []
    at_zero = value(np.zeros(dim))
    if abs(at_zero) > 1e-12:
        failures.append(f"norm of the zero vector is {at_zero:.4g}, not 0")
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
            lambda x, y, k: value(x + y) <= value(x) + value(y) + 1e-9 * (1 + abs(value(x + y))),
            lambda x, y, k: f"norm(x + y) > norm(x) + norm(y) for x = {_vec(x)}, y = {_vec(y)}",
        ),
    )
    for axiom, holds, describe in checks:
        for x, y, k in zip(xs, ys, ks):
            if not holds(x, y, k):
                failures.append(f"{axiom} fails: {describe(x, y, k)}")
                break
    if failures:
        return wrong("Not a norm: " + "; ".join(failures) + ".")
    return right(
        f"All four axioms held on {n_trials} random cases in {dim}-D (evidence, not a proof)."
    )


def _vec(v: np.ndarray) -> str:
    return "(" + ", ".join(f"{c:g}" for c in v) + ")"
