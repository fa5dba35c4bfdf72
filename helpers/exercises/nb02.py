"""Answer checks for notebook 02, Vectors as arrows.

The song errors come from :mod:`helpers.exercises.nb01`, their one home. Every ``check_*``
keeps the contract of :mod:`helpers.feedback`: it takes only the learner's answers, and
gives a verdict for any input, never the answer.
"""

from __future__ import annotations

import numpy as np

from helpers.exercises.nb01 import ERRORS_MODEL_1, ERRORS_MODEL_2
from helpers.feedback import (
    Feedback,
    Reject,
    as_array,
    as_number,
    check_value,
    checker,
    learner_function,
    right,
    wrong,
)

#: The vector whose length exercise 1 asks for.
VECTOR_A = np.array([-5, 12])
VECTOR_A.flags.writeable = False

#: The vector of the checkpoint of section 2, drawn with ``scale=2``.
CHECKPOINT_ARROW = np.array([3, 4])
#: The vectors u and v of section 5, drawn tip to tail.
U = np.array([4, 1])
V = np.array([1, 3])
#: The number the checkpoint of section 7 multiplies w by.
CHECKPOINT_K = -4
_W_LENGTH = np.sqrt(5)  # the length of w = (2, 1), which the checkpoint scales
for _data in (CHECKPOINT_ARROW, U, V):
    _data.flags.writeable = False

#: Test cases for ``rescale(v, length)``: vectors of several sizes and target lengths.
_RESCALE_CASES = (
    (np.array([3.0, 4.0]), 10.0),
    (np.array([22.0, -4.0]), 1.0),
    (np.array([-0.5, 0.25]), 3.0),
    (np.array([1.0, -2.0, 2.0]), 6.0),
    (np.array([14, 9]), 2.5),  # integers: the result must not be rounded
)


def _slip(value, wrong_values: dict[str, object]) -> str | None:
    """The message of the first wrong value that ``value`` (a checked number/array) equals."""
    value = np.asarray(value, dtype=float)
    for message, wrong_value in wrong_values.items():
        wrong_value = np.asarray(wrong_value, dtype=float)
        if value.shape == wrong_value.shape and np.allclose(value, wrong_value, rtol=1e-6):
            return message
    return None


@checker
def check_length_a(length) -> Feedback:
    """Check the length of the vector (-5, 12), naming the usual slips (exercise 1)."""
    value = as_number(length, "length_a")
    verdict = check_value(value, np.sqrt(np.sum(VECTOR_A**2)), name="the length of a")
    if verdict.passed:
        return verdict
    first, second = VECTOR_A
    slip = _slip(
        value,
        {
            "that looks like -5**2 at work: in Python the power goes first, so -5**2 is "
            "-(5**2) = -25. Put the negative component in brackets, (-5)**2.": np.sqrt(
                -(first**2) + second**2
            ),
            "that looks like the sum of the absolute values of the components (the L1 size of "
            "notebook 01). The length squares the components, adds the squares, then takes "
            "the square root.": np.sum(np.abs(VECTOR_A)),
            "that looks like the sum of the components with their signs. The length squares "
            "them first.": np.sum(VECTOR_A),
        },
    )
    return wrong(f"Not yet: {slip}") if slip else verdict


@checker
def check_average(errors_average, length_average) -> Feedback:
    """Check the error vector of the averaged model on two songs, and its length (ex. 2)."""
    average = as_array(errors_average, "errors_average")
    value = as_number(length_average, "length_average")
    e1, e2 = ERRORS_MODEL_1[:2], ERRORS_MODEL_2[:2]
    expected = (e1 + e2) / 2
    vector = check_value(average, expected, name="the averaged error vector")
    if not vector.passed:
        slip = _slip(
            average,
            {
                "that is the sum of the two error vectors; an average halves it.": 2 * expected,
                "that is half the difference of the error vectors; averaging adds them.": (
                    (e1 - e2) / 2
                ),
                "only the second vector is halved: an expression such as a + b / 2 divides "
                "only b. Put the sum in brackets.": e1 + e2 / 2,
            },
        )
        return wrong(f"Not yet: {slip}") if slip else vector
    length = check_value(value, np.linalg.norm(expected), name="its length")
    if not length.passed:
        slip = _slip(
            value,
            {
                "its length looks like the sum of the absolute values of the components. "
                "The length is Pythagoras: square, add, square root.": np.sum(np.abs(expected)),
            },
        )
        return wrong(f"Not yet: {slip}") if slip else length
    return right("Correct: the error vector of the average and its length are right.")


@checker
def check_rescale(rescale) -> Feedback:
    """Check a function ``rescale(v, length)`` on vectors of two and three components (ex. 3)."""
    try:
        learner_function(rescale, n_args=2, name="rescale")
    except Reject as rejection:
        if "should take" in rejection.feedback.message:
            return wrong("Not yet: rescale should take two arguments, rescale(v, length).")
        raise
    changed = []

    def probe(v, length):  # the learner's function, watched for changing its input
        given = v.copy()
        result = rescale(given, length)
        if not np.array_equal(given, v):
            changed.append(True)
        return result

    call = learner_function(probe, n_args=2, name="rescale")
    for v, length in _RESCALE_CASES:
        result = call(v, length)
        if changed:
            return wrong(
                "Not yet: your function changed the vector v passed to it; return a new one."
            )
        out = as_array(result, "the result of rescale")
        case = f"v = {_vec(v)}, length = {length:g}"
        if out.shape != v.shape:
            return wrong(
                f"Not yet: for {case} the result has shape {out.shape}, not the shape of v "
                f"{v.shape}."
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
            return wrong(f"Not yet: for {case} the result does not have that length.{hint}")
        cosine = out @ v / (got_length * np.linalg.norm(v))
        if not np.isclose(cosine, 1.0, atol=1e-9):
            return wrong(f"Not yet: for {case} the result does not point the same way as v.")
    return right(f"Correct: rescale passed all {len(_RESCALE_CASES)} test cases.")


@checker
def check_drawn_length(length) -> Feedback:
    """Checkpoint, section 2: the drawn length of (3, 4) with ``scale=2``."""
    value = as_number(length, "drawn_length_scale_2")
    true_length = float(np.linalg.norm(CHECKPOINT_ARROW))
    if np.isclose(value, true_length / 2):
        return right(
            "Right: with scale=2 it takes 2 units of the vector to make 1 data unit of arrow, "
            "so every arrow is drawn at half its true length: only scale=1 draws true lengths."
        )
    if np.isclose(value, 2 * true_length):
        return wrong(
            "Not yet: that is twice the true length. scale=2 means that 2 units of the vector "
            "make 1 data unit of arrow: does the arrow get longer or shorter?"
        )
    if np.isclose(value, true_length):
        return wrong("Not yet: that is the true length, which scale=1 draws.")
    return wrong("Not yet: how many units of the vector make one data unit of arrow?")


@checker
def check_tip_to_tail_origins(origins) -> Feedback:
    """Checkpoint, section 5: the tails that draw u, then v from the tip of u."""
    tails = as_array(origins, "origins_u_then_v")
    if tails.shape != (2, 2):
        return wrong(
            f"Not yet: origins_u_then_v has shape {tails.shape}; give two points of two "
            "numbers, [tail of u, tail of v]."
        )
    if np.allclose(tails, [[0, 0], U]):
        return right("Right: u starts at the origin, and v where u ends.")
    slip = _slip(
        tails,
        {
            "the second tail is the tip of v itself; v should start where u ends.": [[0, 0], V],
            "the tails are swapped: the first belongs to u, which starts at the origin.": [
                U,
                [0, 0],
            ],
            "the second tail is the tip of u + v; v should start where u ends.": [[0, 0], U + V],
        },
    )
    if slip:
        return wrong(f"Not yet: {slip}")
    if not np.allclose(tails[0], 0):
        return wrong("Not yet: u is drawn from the origin, so its tail is (0, 0).")
    return wrong("Not yet: v should start where u ends, at the tip of u.")


@checker
def check_length_factor(factor) -> Feedback:
    """Checkpoint, section 7: the factor by which k = -4 multiplies a length."""
    value = as_number(factor, "length_factor")
    if np.isclose(value, abs(CHECKPOINT_K)):
        return right("Right: the length is multiplied by |k|, whatever the sign of k.")
    if np.isclose(value, CHECKPOINT_K):
        return wrong("Not yet: a length is never negative, so the factor cannot be negative.")
    if np.isclose(value, CHECKPOINT_K**2):
        return wrong("Not yet: that is k squared; the length grows by the size of k.")
    if np.isclose(abs(value), abs(CHECKPOINT_K) * _W_LENGTH):
        return wrong(
            "Not yet: that is the length of k w itself; the task asks for the factor by "
            "which the length of w is multiplied."
        )
    return wrong("Not yet: multiplying by k multiplies every component by k. And the length?")


def _vec(v: np.ndarray) -> str:
    return "(" + ", ".join(f"{c:g}" for c in v) + ")"
