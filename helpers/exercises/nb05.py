"""Answer checks for notebook 05, Matrix norms.

The data of the exercises and checkpoints live here and the notebook imports them; every
check takes only the learner's answers, wears :func:`helpers.feedback.checker` and never
prints the answer.
"""

from __future__ import annotations

import numpy as np

from helpers.feedback import Feedback, as_array, as_number, check_value, checker, right, wrong

#: The 2 x 2 matrix M whose unit-circle image section 2 draws (also Exercise 3).
STRETCH_MATRIX = np.array([[1.0, 1.5], [-1.0, 2.0]])

#: Checkpoint 1: a diagonal matrix, whose largest stretch can be read off.
DIAGONAL = np.array([[3.0, 0.0], [0.0, -5.0]])

#: Checkpoint 2: the singular values of some 3 x 3 matrix.
SINGULAR_VALUES = np.array([4.0, 3.0, 0.0])

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

#: Exercise 3 accepts a sampled smallest stretch within this relative tolerance (0.1 %);
#: sampling 360 directions, one per degree, always lands within it for STRETCH_MATRIX.
SAMPLING_RTOL = 1e-3


@checker
def check_diagonal_stretch(spectral_norm_of_D) -> Feedback:
    """Checkpoint: the spectral norm of :data:`DIAGONAL`, predicted."""
    answer = as_number(spectral_norm_of_D, "spectral_norm_of_D")
    stretches = np.abs(np.diag(DIAGONAL))
    if np.isclose(answer, stretches.max()):
        return right(
            "Right: D stretches e_2 by |-5| = 5 and e_1 by 3, and no unit vector more than "
            "e_2, so its largest stretch (spectral norm) is 5: for a diagonal matrix, the "
            "largest absolute diagonal entry."
        )
    if np.isclose(answer, -stretches.max()):
        return wrong("Not yet: a stretch is a ratio of lengths, so it cannot be negative.")
    if np.isclose(answer, stretches.min()):
        return wrong(
            "Not yet: that is how much D stretches e_1; is there a unit vector it stretches more?"
        )
    if np.isclose(answer, np.linalg.norm(DIAGONAL)):
        return wrong(
            "Not yet: that is the Frobenius norm (the L2 norm of the entries); the spectral "
            "norm is the largest stretch of a unit vector."
        )
    return wrong(
        "Not yet: what does D do to e_1 = (1, 0) and to e_2 = (0, 1)? Which one gets longer?"
    )


@checker
def check_norms_from_singular_values(spectral, frobenius, nuclear) -> Feedback:
    """Checkpoint: spectral, Frobenius and nuclear norms of a matrix with :data:`SINGULAR_VALUES`."""
    sigma = SINGULAR_VALUES
    expected = {
        "the spectral norm": (spectral, sigma.max(), "the largest singular value"),
        "the Frobenius norm": (frobenius, np.sqrt(np.sum(sigma**2)), "their L2 norm"),
        "the nuclear norm": (nuclear, sigma.sum(), "their sum"),
    }
    problems = []
    for name, (answer, value, rule) in expected.items():
        number = as_number(answer, name)
        if name == "the Frobenius norm" and np.isclose(number, value**2):
            problems.append(f"{name} looks squared: is the square root missing?")
        elif not np.isclose(number, value):
            problems.append(f"{name} is not right (it is {rule})")
    if problems:
        message = "Not yet: " + "; ".join(problems)
        return wrong(message if message.endswith("?") else message + ".")
    return right(
        "Right: 4, sqrt(16 + 9 + 0) = 5 and 4 + 3 + 0 = 7: the L-infinity, L2 and L1 norms "
        "of the singular values, in increasing order."
    )


@checker
def check_max_entry_counterexample(B) -> Feedback:
    """Checkpoint: a square matrix B with max|B B| > (max|B|)^2, not a multiple of ones."""
    matrix = as_array(B, "B")
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        return wrong(
            f"Not yet: B should be a square matrix (so that B @ B exists), "
            f"but it has shape {matrix.shape}."
        )
    if matrix.shape[0] < 2:
        return wrong(
            "Not yet: a 1 x 1 matrix is a single number b, and |b * b| = |b|^2 exactly: "
            "B needs at least 2 rows and 2 columns."
        )
    largest = np.abs(matrix).max()
    if largest == 0:
        return wrong("Not yet: B is the zero matrix, for which both sides are 0.")
    if np.allclose(matrix, matrix.flat[0]):
        return wrong(
            "Not yet: that is the notebook's matrix of ones, times a number. Find another one."
        )
    product = np.abs(matrix @ matrix).max()
    if product > largest**2 * (1 + 1e-9):
        return right(
            f"Right: max|B @ B| = {product:g} > {largest**2:g} = (max|B|)^2, so the largest "
            "entry is not submultiplicative. An entry of B @ B adds several products, which "
            "is how it outgrows the largest square."
        )
    return wrong(
        f"Not yet: for this B, max|B @ B| = {product:g} <= {largest**2:g} = (max|B|)^2, so "
        "the inequality holds. An entry of B @ B adds the products of a row and a column "
        "of B: try rows and columns with several non-zero entries that do not cancel."
    )


def _matrix_norm_slips(C: np.ndarray) -> dict[str, list[tuple[float, str]]]:
    column_sums = np.abs(C).sum(axis=0).max()
    row_sums = np.abs(C).sum(axis=1).max()
    return {
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


@checker
def check_matrix_norms(induced_1, induced_inf, frobenius) -> Feedback:
    """Check the induced 1-norm, induced infinity-norm and Frobenius norm of Exercise 1's matrix."""
    C = EXERCISE_1_MATRIX.astype(float)
    slips = _matrix_norm_slips(C)
    answers = {
        "the induced 1-norm": (induced_1, np.abs(C).sum(axis=0).max()),
        "the induced infinity-norm": (induced_inf, np.abs(C).sum(axis=1).max()),
        "the Frobenius norm": (frobenius, np.sqrt(np.sum(C**2))),
    }
    problems = []
    for name, (answer, expected) in answers.items():
        verdict = check_value(answer, expected, name=name)
        if verdict.passed:
            continue
        message = verdict.message
        if verdict.message.startswith("Not yet") and " is not right" in verdict.message:
            number = as_number(answer, name)
            for value, hint in slips[name]:
                if np.isclose(number, value):
                    message = f"Not yet: {name} is not right: {hint}"
                    break
        problems.append(message)
    if problems:
        return wrong(" ".join(problems))
    return right("Correct: all three norms of C are right.")


@checker
def check_unit_rows(unit_rows) -> Feedback:
    """Check that every row of :data:`FEATURES` was divided by its own L2 length."""
    answer = as_array(unit_rows, "unit_rows")
    if answer.shape != FEATURES.shape:
        return wrong(
            f"Not yet: unit_rows has shape {answer.shape}, but it should keep the shape of "
            f"features, {FEATURES.shape}."
        )
    expected = FEATURES / np.linalg.norm(FEATURES, axis=1, keepdims=True)
    if np.allclose(answer, expected, rtol=1e-6, atol=1e-12):
        return right("Correct: every row now has L2 length 1 and keeps its direction.")
    if np.allclose(answer, expected, rtol=0, atol=0.005):
        return wrong(
            "Close, but not exact: every entry is within 0.005 of the right one. Did you "
            "round, or type in printed values? Compute unit_rows with NumPy and keep every "
            "digit."
        )
    by_columns = FEATURES / np.linalg.norm(FEATURES, axis=0, keepdims=True)
    by_l1 = FEATURES / np.linalg.norm(FEATURES, ord=1, axis=1, keepdims=True)
    if np.allclose(answer, by_columns, rtol=1e-6):
        return wrong(
            "Not yet: the columns have length 1, not the rows: take the norms along axis=1."
        )
    if np.allclose(answer, by_l1, rtol=1e-6):
        return wrong("Not yet: the rows have L1 length 1; use the L2 length (the default ord).")
    if np.allclose(answer * np.linalg.norm(FEATURES), FEATURES, rtol=1e-6):
        return wrong(
            "Not yet: you divided the whole matrix by one number, its Frobenius norm; divide "
            "each row by its own length (axis=1, keepdims=True)."
        )
    lengths = np.linalg.norm(answer, axis=1)
    not_unit = [str(i) for i in np.flatnonzero(~np.isclose(lengths, 1.0, rtol=1e-6))]
    if not_unit:
        return wrong(
            f"Not yet: row{'s' if len(not_unit) > 1 else ''} {', '.join(not_unit)} "
            "of unit_rows do not have L2 length 1."
        )
    return wrong(
        "Not yet: every row has length 1, but some point in a different direction than the "
        "same row of features: divide each row by a positive number only."
    )


@checker
def check_smallest_stretch(smallest_stretch) -> Feedback:
    """Check the smallest stretch min ||Mx||_2 over unit vectors x (Exercise 3).

    A sampled value passes within :data:`SAMPLING_RTOL` (0.1 %), as the task states.
    """
    answer = as_number(smallest_stretch, "the smallest stretch")
    sigma = np.linalg.svd(STRETCH_MATRIX, compute_uv=False)
    smallest, largest = sigma[-1], sigma[0]
    if abs(answer - smallest) <= SAMPLING_RTOL * smallest:
        return right(
            "Correct: that is the smallest stretch of M, within the 0.1 % that sampling "
            "needs. Compare it with the smallest singular value."
        )
    if abs(answer - largest) <= SAMPLING_RTOL * largest:
        return wrong("Not yet: that is the largest stretch (the spectral norm); take the minimum.")
    if smallest < answer <= 1.02 * smallest:
        return wrong(
            "Close: your value is a little above the smallest stretch, as a coarse sampling "
            "gives. Sample more directions: 360 (one per degree) or more land within 0.1 %."
        )
    if 0.98 * smallest <= answer < smallest:
        return wrong(
            "Close, but too small: no unit vector is stretched that little, so this is not "
            "a sampled value. Did you round, or type a printed value? Keep every digit."
        )
    verdict = check_value(answer, smallest, name="the smallest stretch", rtol=SAMPLING_RTOL)
    if not verdict.message.endswith("is not right."):
        return verdict  # check_value named a slip (sign, a square, a factor)
    return wrong(
        "Not yet: the smallest stretch is not right. Sample unit vectors x = (cos t, sin t) "
        "as in section 2, compute the L2 length of M @ x for each, and take the smallest."
    )
