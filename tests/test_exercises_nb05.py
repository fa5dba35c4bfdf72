"""The answer checks of notebook 05 accept right answers, name slips, never leak answers."""

import numpy as np
import pytest

from helpers.exercises import nb05

C = np.array([[2, -1, 0], [-3, 1, 4], [1, 5, -2]])
FEATURES = nb05.FEATURES
M = np.array([[1.0, 1.5], [-1.0, 2.0]])


class TestMatrixNorms:
    def test_right_answers_pass(self):
        answers = (np.linalg.norm(C, 1), np.linalg.norm(C, np.inf), np.linalg.norm(C))
        assert nb05.check_matrix_norms(*answers).passed
        assert nb05.check_matrix_norms(7, 8, np.sqrt(61)).passed

    def test_blank_is_not_answered(self):
        assert "Not answered yet" in nb05.check_matrix_norms(None, None, None).message
        assert "Not answered yet" in nb05.check_matrix_norms(7, None, 7.81).message

    def test_text_is_not_a_number(self):
        verdict = nb05.check_matrix_norms("7", 8, np.sqrt(61))
        assert not verdict.passed and "without quotes" in verdict.message

    @pytest.mark.parametrize(
        ("answers", "hint"),
        [
            ((8, 7, np.sqrt(61)), "largest row sum"),
            ((19, 8, np.sqrt(61)), "sum of all absolute entries"),
            ((5, 8, np.sqrt(61)), "absolute values"),
            ((7, 5, np.sqrt(61)), "largest entry"),
            ((7, 8, 61), "square root"),
        ],
    )
    def test_slips_are_named(self, answers, hint):
        verdict = nb05.check_matrix_norms(*answers)
        assert not verdict.passed and hint in verdict.message

    def test_message_never_reveals_answers(self):
        message = nb05.check_matrix_norms(6, 9, 7.5).message
        for answer in ["7", "8", "7.81"]:
            assert answer not in message


class TestUnitRows:
    def test_right_answer_passes(self):
        expected = FEATURES / np.linalg.norm(FEATURES, axis=1, keepdims=True)
        assert nb05.check_unit_rows(expected).passed
        assert nb05.check_unit_rows(expected.tolist()).passed

    def test_blank_is_not_answered(self):
        assert "Not answered yet" in nb05.check_unit_rows(None).message

    def test_columns_instead_of_rows(self):
        by_columns = FEATURES / np.linalg.norm(FEATURES, axis=0)
        assert "axis=1" in nb05.check_unit_rows(by_columns).message

    def test_l1_instead_of_l2(self):
        by_l1 = FEATURES / np.abs(FEATURES).sum(axis=1, keepdims=True)
        assert "L1" in nb05.check_unit_rows(by_l1).message

    def test_wrong_shape(self):
        lengths = np.linalg.norm(FEATURES, axis=1)
        assert "shape" in nb05.check_unit_rows(lengths).message

    def test_rows_that_are_not_unit_are_listed(self):
        answer = FEATURES / np.linalg.norm(FEATURES, axis=1, keepdims=True)
        answer[2] *= 2
        assert "row 2" in nb05.check_unit_rows(answer).message

    def test_flipped_direction(self):
        answer = -FEATURES / np.linalg.norm(FEATURES, axis=1, keepdims=True)
        assert "direction" in nb05.check_unit_rows(answer).message

    def test_not_numbers(self):
        assert "array of numbers" in nb05.check_unit_rows("rows").message

    @pytest.mark.parametrize("decimals", [2, 4])
    def test_rounded_values_are_called_close(self, decimals):
        expected = FEATURES / np.linalg.norm(FEATURES, axis=1, keepdims=True)
        verdict = nb05.check_unit_rows(expected.round(decimals))
        assert not verdict.passed and "Close, but not exact" in verdict.message
        assert "do not have L2 length 1" not in verdict.message


class TestSmallestStretch:
    sigma = np.linalg.svd(M, compute_uv=False)

    def test_right_answer_passes(self):
        assert nb05.check_smallest_stretch(self.sigma[-1]).passed
        assert nb05.check_smallest_stretch(round(self.sigma[-1], 5)).passed

    def test_blank_is_not_answered(self):
        assert "Not answered yet" in nb05.check_smallest_stretch(None).message

    def test_largest_stretch_is_named(self):
        verdict = nb05.check_smallest_stretch(self.sigma[0])
        assert not verdict.passed and "largest stretch" in verdict.message

    def test_squared_is_named(self):
        verdict = nb05.check_smallest_stretch(self.sigma[-1] ** 2)
        assert not verdict.passed and "squared" in verdict.message

    def test_message_never_reveals_answer(self):
        assert "1.39" not in nb05.check_smallest_stretch(1.2).message

    @pytest.mark.parametrize("n_directions", [360, 720, 3600])
    def test_a_sampled_answer_passes_from_360_directions(self, n_directions):
        for endpoint in (False, True):
            angles = np.linspace(0, 2 * np.pi, n_directions, endpoint=endpoint)
            circle = np.column_stack([np.cos(angles), np.sin(angles)])
            sampled = np.linalg.norm(circle @ M.T, axis=1).min()
            assert nb05.check_smallest_stretch(sampled).passed

    @pytest.mark.parametrize("endpoint", [False, True])
    def test_a_coarse_sampling_is_told_to_sample_more(self, endpoint):
        # The task says 12 directions (one every 30 degrees) do not land within 0.1 %.
        angles = np.linspace(0, 2 * np.pi, 12, endpoint=endpoint)
        circle = np.column_stack([np.cos(angles), np.sin(angles)])
        verdict = nb05.check_smallest_stretch(np.linalg.norm(circle @ M.T, axis=1).min())
        assert not verdict.passed and "Sample more directions" in verdict.message
        assert "round" not in verdict.message

    def test_a_value_below_the_minimum_is_not_called_sampled(self):
        verdict = nb05.check_smallest_stretch(self.sigma[-1] * 0.99)
        assert not verdict.passed and "round" in verdict.message


def test_the_notebook_takes_its_exercise_data_from_the_module():
    """The data live once, in nb05: the notebook imports them and never retypes them."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "notebooks" / "05_matrix_norms.ipynb"
    code = "\n".join(
        "".join(c["source"])
        for c in json.loads(path.read_text())["cells"]
        if c["cell_type"] == "code"
    )
    for assignment in [
        "M = nb05.STRETCH_MATRIX",
        "C = nb05.EXERCISE_1_MATRIX",
        "features = nb05.FEATURES",
        "D = nb05.DIAGONAL",
        "nb05.SINGULAR_VALUES",
    ]:
        assert assignment in code
    for retyped in ["[[1.0, 1.5], [-1.0, 2.0]]", "[[2, -1, 0]", "[3.0, 4.0, 0.0]"]:
        assert retyped not in code


def test_frobenius_slips_are_named():
    spectral = np.linalg.norm(C, 2)
    verdict = nb05.check_matrix_norms(7, 8, spectral)
    assert not verdict.passed and "spectral" in verdict.message
    verdict = nb05.check_matrix_norms(7, 8, np.abs(C).sum())
    assert not verdict.passed and "absolute entries" in verdict.message


def test_dividing_by_the_frobenius_norm_is_named():
    verdict = nb05.check_unit_rows(FEATURES / np.linalg.norm(FEATURES))
    assert not verdict.passed and "each row" in verdict.message


def test_smallest_stretch_hint_shows_the_method_not_the_value():
    verdict = nb05.check_smallest_stretch(1.2)
    assert not verdict.passed and "Sample unit vectors" in verdict.message
    assert "1.39" not in verdict.message


class TestCheckpoints:
    def test_diagonal_stretch(self):
        assert nb05.check_diagonal_stretch(5).passed
        assert nb05.check_diagonal_stretch(np.linalg.norm(nb05.DIAGONAL, 2)).passed
        assert "negative" in nb05.check_diagonal_stretch(-5).message
        assert "e_1" in nb05.check_diagonal_stretch(3).message
        assert "Frobenius" in nb05.check_diagonal_stretch(np.sqrt(34)).message
        assert not nb05.check_diagonal_stretch(8).passed
        assert "Not answered yet" in nb05.check_diagonal_stretch(None).message

    def test_norms_from_singular_values(self):
        assert nb05.check_norms_from_singular_values(4, 5, 7).passed
        verdict = nb05.check_norms_from_singular_values(4, 25, 7)
        assert not verdict.passed and "Frobenius" in verdict.message
        assert "spectral" not in verdict.message and "nuclear" not in verdict.message
        assert "square root" in verdict.message and "?." not in verdict.message
        verdict = nb05.check_norms_from_singular_values(7, 5, 4)
        assert "spectral" in verdict.message and "nuclear" in verdict.message

    @pytest.mark.parametrize(
        "B", [[[1, 1], [1, 0]], [[2, 1], [1, 2]], np.ones((3, 3)) + np.eye(3), [[-1, -1], [-1, 0]]]
    )
    def test_counterexamples_pass(self, B):
        assert nb05.check_max_entry_counterexample(B).passed

    @pytest.mark.parametrize(
        ("B", "words"),
        [
            (np.ones((2, 2)), "matrix of ones"),
            (3 * np.ones((3, 3)), "matrix of ones"),
            (np.eye(2), "the inequality holds"),
            ([[1, 0], [0, -1]], "the inequality holds"),
            ([[1, 1], [-1, 1]], None),
            (np.zeros((2, 2)), "zero matrix"),
            (np.ones((2, 3)), "square"),
            ([1, 2], "square"),
            ([[2]], "at least 2 rows"),
        ],
    )
    def test_non_counterexamples_fail(self, B, words):
        verdict = nb05.check_max_entry_counterexample(B)
        if words is None:  # B @ B = [[0, 2], [-2, 0]]: a counterexample with mixed signs
            assert verdict.passed
            return
        assert not verdict.passed and words in verdict.message
