"""Answer checks for notebook 02, Vectors as arrows."""

from __future__ import annotations

import inspect

import numpy as np

from helpers.exercises.nb01 import ERRORS_MODEL_1, ERRORS_MODEL_2
from helpers.feedback import Feedback, check_value

#: The vector whose length exercise 1 asks for.
VECTOR_A = np.array([-5, 12])

#: Test cases for ``rescale(v, length)``: vectors of several sizes and target lengths.
_RESCALE_CASES = (
    (np.array([3.0, 4.0]), 10.0),
    (np.array([22.0, -4.0]), 1.0),
    (np.array([-0.5, 0.25]), 3.0),
    (np.array([1.0, -2.0, 2.0]), 6.0),
    (np.array([14, 9]), 2.5),  # integers: the result must not be rounded
)


def _slip(answer, wrong_values: dict[str, float]) -> str | None:
    """Return the message of the first wrong value the answer equals, else None."""
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return None
    for message, wrong in wrong_values.items():
        if np.isclose(value, wrong, rtol=1e-6):
            return message
    return None


def check_length_a(length) -> Feedback:
    """Check the length of the vector (-5, 12), naming the usual slips."""
    verdict = check_value(length, np.sqrt(np.sum(VECTOR_A**2)), name="the length of a")
    if verdict.passed or length is None:
        return verdict
    first, second = VECTOR_A
    precedence = (
        "that looks like -5**2 at work: in Python the power goes first, so -5**2 is "
        "-(5**2) = -25. Put the negative component in brackets, (-5)**2."
    )
    l1_size = (
        "that looks like the sum of the absolute values of the components (the L1 size of "
        "notebook 01). The length squares the components, adds the squares, then takes the "
        "square root."
    )
    signed_sum = (
        "that looks like the sum of the components with their signs. The length squares them first."
    )
    slip = _slip(
        length,
        {
            precedence: np.sqrt(-(first**2) + second**2),
            l1_size: np.sum(np.abs(VECTOR_A)),
            signed_sum: np.sum(VECTOR_A),
        },
    )
    return Feedback(False, f"Not yet: {slip}") if slip else verdict


def check_average(errors_average, length_average) -> Feedback:
    """Check the error vector of the averaged model on two songs, and its length."""
    if errors_average is None or length_average is None:
        return check_value(None, 0)
    expected = (ERRORS_MODEL_1[:2] + ERRORS_MODEL_2[:2]) / 2
    vector = check_value(errors_average, expected, name="the averaged error vector")
    if not vector.passed:
        slips = {
            "that is the sum of the two error vectors; an average halves it.": 2 * expected,
            "that is half the difference of the error vectors; averaging adds them.": (
                (ERRORS_MODEL_1[:2] - ERRORS_MODEL_2[:2]) / 2
            ),
            "only the second vector is halved: an expression such as a + b / 2 divides only "
            "b. Put the sum in brackets.": ERRORS_MODEL_1[:2] + ERRORS_MODEL_2[:2] / 2,
        }
        for message, wrong in slips.items():
            if check_value(errors_average, wrong).passed:
                return Feedback(False, f"Not yet: {message}")
        return vector
    length = check_value(length_average, np.linalg.norm(expected), name="its length")
    if not length.passed:
        slip = _slip(
            length_average,
            {
                "its length looks like the sum of the absolute values of the components. "
                "The length is Pythagoras: square, add, square root.": np.sum(np.abs(expected)),
            },
        )
        return Feedback(False, f"Not yet: {slip}") if slip else length
    return Feedback(True, "Correct: the error vector of the average and its length are right.")


def check_rescale(rescale) -> Feedback:
    """Check a function ``rescale(v, length)`` on vectors of two and three components."""
    if rescale is None:
        return check_value(None, 0)
    if not callable(rescale):
        return Feedback(
            False, f"Not yet: rescale should be a function, got {type(rescale).__name__}."
        )
    try:
        inspect.signature(rescale).bind(np.ones(2), 1.0)
    except TypeError:
        return Feedback(False, "Not yet: rescale should take two arguments, rescale(v, length).")
    except ValueError:  # some built-in callables have no signature to inspect
        pass
    for v, length in _RESCALE_CASES:
        given = v.copy()
        result = rescale(given, length)
        if result is None:
            return check_value(None, 0)
        if not np.array_equal(given, v):
            return Feedback(
                False, "Not yet: your function changed the vector v passed to it; return a new one."
            )
        try:
            out = np.asarray(result, dtype=float)
        except (TypeError, ValueError):
            return Feedback(False, "Not yet: rescale should return a vector of numbers.")
        case = f"v = {_vec(v)}, length = {length:g}"
        if out.shape != v.shape:
            return Feedback(
                False,
                f"Not yet: for {case} the result has shape {out.shape}, not the shape of v "
                f"{v.shape}.",
            )
        got_length = np.linalg.norm(out)
        if not np.isclose(got_length, length, rtol=1e-6):
            hint = ""
            if np.isclose(got_length, 1.0, rtol=1e-6):
                hint = " It has length 1: the unit vector still needs stretching to the length."
            elif np.isclose(got_length, length * np.linalg.norm(v), rtol=1e-6):
                hint = (
                    " It is length times v: divide v by its own length first, to get a "
                    "vector of length 1."
                )
            return Feedback(
                False, f"Not yet: for {case} the result does not have that length.{hint}"
            )
        cosine = out @ v / (got_length * np.linalg.norm(v))
        if not np.isclose(cosine, 1.0, atol=1e-9):
            return Feedback(
                False, f"Not yet: for {case} the result does not point the same way as v."
            )
    return Feedback(True, f"Correct: rescale passed all {len(_RESCALE_CASES)} test cases.")


def _vec(v: np.ndarray) -> str:
    return "(" + ", ".join(f"{c:g}" for c in v) + ")"


#: The vector of the checkpoints of sections 2 and 7, and the number it is scaled by.
_ARROW = np.array([3.0, 4.0])
_K = -4.0
_U = np.array([4.0, 1.0])
_V = np.array([1.0, 3.0])


def check_drawn_length(length) -> Feedback:
    """Checkpoint, section 2: the drawn length of (3, 4) with ``scale=2``."""
    true_length = float(np.linalg.norm(_ARROW))
    if length is not None and _slip(length, {"x": 2 * true_length}):
        return Feedback(
            False,
            "Not yet: that is twice the true length. scale=2 means that 2 units of the vector "
            "make 1 data unit of arrow: does the arrow get longer or shorter?",
        )
    if length is not None and _slip(length, {"x": true_length}):
        return Feedback(False, "Not yet: that is the true length, which scale=1 draws.")
    verdict = check_value(length, true_length / 2, name="the drawn length")
    if verdict.passed:
        return Feedback(
            True,
            "Right: with scale=2 every arrow is drawn at half its true length, so only "
            "scale=1 draws true lengths.",
        )
    return verdict


def check_tip_to_tail_origins(origins) -> Feedback:
    """Checkpoint, section 5: the tails that draw u, then v from the tip of u."""
    expected = np.array([[0.0, 0.0], _U])
    verdict = check_value(origins, expected, name="origins")
    if verdict.passed:
        return Feedback(True, "Right: u starts at the origin and v where u ends.")
    slips = {
        "the second tail is the tip of v itself; v should start where u ends.": [[0, 0], _V],
        "the tails are swapped: the first belongs to u, which starts at the origin.": [_U, [0, 0]],
        "the second tail is the tip of u + v; v should start where u ends.": [[0, 0], _U + _V],
    }
    for message, wrong in slips.items():
        if check_value(origins, np.array(wrong, dtype=float)).passed:
            return Feedback(False, f"Not yet: {message}")
    return verdict


def check_length_factor(factor) -> Feedback:
    """Checkpoint, section 7: the factor by which k = -4 multiplies a length."""
    if factor is not None and _slip(factor, {"x": _K}):
        return Feedback(
            False, "Not yet: a length is never negative, so the factor cannot be negative."
        )
    verdict = check_value(factor, abs(_K), name="the factor")
    if verdict.passed:
        return Feedback(True, "Right: the length is multiplied by |k|, whatever the sign of k.")
    return verdict
