"""Answer checks for notebook 05, Matrix norms."""

from __future__ import annotations

import numpy as np

from helpers._validate import as_real_array
from helpers.feedback import Feedback, check_value

#: The matrix of Exercise 1.
EXERCISE_1_MATRIX = np.array([[2, -1, 0], [-3, 1, 4], [1, 5, -2]])

#: The data matrix of Exercise 2: five examples (rows), three features (columns).
FEATURES = np.array(
    [
        [3.0, 4.0, 0.0],
        [1.0, 2.0, 2.0],
        [0.0, 0.0, 5.0],
        [6.0, -2.0, 3.0],
        [-1.0, 1.0, 1.0],
    ]
)

#: The 2 x 2 matrix M whose unit-circle image the notebook draws (Exercise 3).
STRETCH_MATRIX = np.array([[1.0, 1.5], [-1.0, 2.0]])


def _not_answered() -> Feedback:
    return check_value(None, 0)


def _is_number(value) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
        value, (bool, np.bool_)
    )


def check_matrix_norms(induced_1, induced_inf, frobenius) -> Feedback:
    """Check the induced 1-norm, induced infinity-norm and Frobenius norm of Exercise 1's matrix."""
    if any(answer is None for answer in (induced_1, induced_inf, frobenius)):
        return _not_answered()
    C = EXERCISE_1_MATRIX.astype(float)
    column_sums = np.abs(C).sum(axis=0).max()
    row_sums = np.abs(C).sum(axis=1).max()
    slips = {
        "the induced 1-norm": [
            (row_sums, "that is the largest row sum; the induced 1-norm takes columns."),
            (
                np.abs(C).sum(),
                "that is the sum of all absolute entries, not the largest column sum.",
            ),
            (C.sum(axis=0).max(), "take absolute values before adding down the columns."),
        ],
        "the induced infinity-norm": [
            (column_sums, "that is the largest column sum; the infinity-norm takes rows."),
            (C.sum(axis=1).max(), "take absolute values before adding along the rows."),
            (np.abs(C).max(), "that is the largest entry, not the largest row sum."),
        ],
        "the Frobenius norm": [
            (
                np.linalg.norm(C, 2),
                "that is the spectral norm (largest singular value); Frobenius squares "
                "every entry.",
            ),
            (np.abs(C).sum(), "that is the sum of absolute entries; square them instead."),
        ],
    }
    answers = {
        "the induced 1-norm": (induced_1, column_sums),
        "the induced infinity-norm": (induced_inf, row_sums),
        "the Frobenius norm": (frobenius, np.sqrt(np.sum(C**2))),
    }
    problems = []
    for name, (answer, expected) in answers.items():
        verdict = check_value(answer, expected, name=name)
        if verdict.passed:
            continue
        message = verdict.message
        for wrong, hint in slips[name]:
            if _is_number(answer) and np.isclose(float(answer), wrong):
                message = f"Not yet: {name} is not right: {hint}"
                break
        problems.append(message)
    if problems:
        return Feedback(False, " ".join(problems))
    return Feedback(True, "Correct: all three norms of C are right.")


def check_unit_rows(unit_rows) -> Feedback:
    """Check that every row of the features matrix was divided by its own L2 length."""
    if unit_rows is None:
        return _not_answered()
    try:
        answer = as_real_array(unit_rows, "unit_rows")
    except (TypeError, ValueError):
        return Feedback(
            False,
            f"Not yet: unit_rows should be an array of numbers, got {type(unit_rows).__name__}.",
        )
    if answer.shape != FEATURES.shape:
        return Feedback(
            False,
            f"Not yet: unit_rows has shape {answer.shape}, but it should keep the shape of "
            f"features, {FEATURES.shape}.",
        )
    expected = FEATURES / np.linalg.norm(FEATURES, axis=1, keepdims=True)
    if np.allclose(answer, expected, rtol=1e-6, atol=1e-12):
        return Feedback(True, "Correct: every row now has L2 length 1 and keeps its direction.")
    with np.errstate(divide="ignore", invalid="ignore"):
        by_columns = FEATURES / np.linalg.norm(FEATURES, axis=0, keepdims=True)
        by_l1 = FEATURES / np.linalg.norm(FEATURES, ord=1, axis=1, keepdims=True)
    if np.allclose(answer, by_columns, rtol=1e-6):
        return Feedback(
            False,
            "Not yet: the columns have length 1, not the rows: take the norms along axis=1.",
        )
    if np.allclose(answer, by_l1, rtol=1e-6):
        return Feedback(
            False, "Not yet: the rows have L1 length 1; use the L2 length (the default ord)."
        )
    if np.allclose(answer * np.linalg.norm(FEATURES), FEATURES, rtol=1e-6):
        return Feedback(
            False,
            "Not yet: you divided the whole matrix by one number, its Frobenius norm; divide "
            "each row by its own length (axis=1, keepdims=True).",
        )
    lengths = np.linalg.norm(answer, axis=1)
    not_unit = [str(i) for i in np.flatnonzero(~np.isclose(lengths, 1.0, rtol=1e-6))]
    if not_unit:
        return Feedback(
            False,
            f"Not yet: row{'s' if len(not_unit) > 1 else ''} {', '.join(not_unit)} "
            "of unit_rows do not have L2 length 1.",
        )
    return Feedback(
        False,
        "Not yet: every row has length 1, but some point in a different direction than the "
        "same row of features: divide each row by a positive number only.",
    )


def check_smallest_stretch(smallest_stretch) -> Feedback:
    """Check the smallest stretch min ||Mx||_2 over unit vectors x (sampling is accurate enough)."""
    if smallest_stretch is None:
        return _not_answered()
    sigma = np.linalg.svd(STRETCH_MATRIX, compute_uv=False)
    verdict = check_value(smallest_stretch, sigma[-1], name="the smallest stretch", rtol=1e-4)
    if verdict.passed or not _is_number(smallest_stretch):
        return verdict
    if np.isclose(float(smallest_stretch), sigma[0], rtol=1e-4):
        return Feedback(
            False, "Not yet: that is the largest stretch (the spectral norm); take the minimum."
        )
    if not verdict.message.endswith("is not right."):
        return verdict  # check_value found a specific slip (sign, a square, a factor)
    return Feedback(
        False,
        "Not yet: the smallest stretch is not right. Sample unit vectors x = (cos t, sin t) "
        "as in section 2, compute the L2 length of M @ x for each, and take the smallest.",
    )
