import numpy as np
import pytest

from helpers import (
    Feedback,
    check_gradient_answer,
    check_gradient_at_points,
    check_norm_axioms,
    check_value,
)
from helpers.feedback import Status


def test_feedback_shows_its_message_and_is_truthy_when_passed():
    verdict = Feedback(Status.RIGHT, "Correct.")
    assert repr(verdict) == "Correct."
    assert verdict and not Feedback(Status.WRONG, "No.")
    with pytest.raises(TypeError, match="status must be a Status"):
        Feedback(True, "a bool is not a status")


class TestCheckValue:
    def test_right_answer_passes(self):
        assert check_value(89, 89).passed
        assert check_value(np.sqrt(70), 8.366600265340756).passed

    def test_none_means_not_answered(self):
        verdict = check_value(None, 5)
        assert not verdict.passed and "Not answered yet" in verdict.message

    @pytest.mark.parametrize(
        ("answer", "expected", "hint"),
        [
            (-3.0, 3.0, "sign"),
            (10.0, 5.0, "factor 2"),
            (2.5, 5.0, "factor 2"),
            (2029.0, np.sqrt(2029.0), "square root"),
            (np.sqrt(45.0), 45.0, "square"),
            ([[1, 2, 3], [4, 5, 6]], [[1, 4], [2, 5], [3, 6]], "transpose"),
            ([1.0, 2.0], [1.0, 2.0, 3.0], "shape"),
            ("ten", 10.0, "number"),
        ],
    )
    def test_common_slips_are_named(self, answer, expected, hint):
        verdict = check_value(answer, expected)
        assert not verdict.passed
        assert hint in verdict.message

    def test_a_rounded_answer_is_called_close(self):
        verdict = check_value(24.39, np.sqrt(595))
        assert not verdict.passed and "round" in verdict.message

    def test_a_one_element_array_counts_as_a_number(self):
        assert check_value(np.array([5.0]), 5).passed
        assert "single number" in check_value([5.0, 1.0], 5).message

    def test_message_never_reveals_the_answer(self):
        verdict = check_value(45.1, 45.0373)
        assert "45.0" not in verdict.message and "45.04" not in verdict.message


class TestCheckGradientAnswer:
    x = np.array([1.0, -2.0, 0.5])

    @staticmethod
    def f(v):
        return float(v @ v)

    def test_right_gradient_passes(self):
        verdict = check_gradient_answer(self.f, lambda v: 2 * v, self.x)
        assert verdict.passed and "finite-difference" in verdict.message

    @pytest.mark.parametrize("grad", [None])
    def test_blank_answer(self, grad):
        assert "Not answered yet" in check_gradient_answer(self.f, grad, self.x).message

    def test_factor_two_is_named(self):
        assert "factor 2" in check_gradient_answer(self.f, lambda v: v, self.x).message

    def test_wrong_shape_is_named(self):
        message = check_gradient_answer(self.f, lambda v: v[:2], self.x).message
        assert "shape" in message

    def test_transposed_matrix_is_named(self):
        X = np.array([[1.0, 2.0], [0.5, -1.0], [3.0, 1.0]])
        Y = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0]])
        W = np.array([[1.0, 0.2, 0.0], [0.3, -1.0, 0.5], [0.0, 0.1, 2.0]])

        def loss(M):
            return np.sum((M @ X - Y) ** 2)

        verdict = check_gradient_answer(loss, lambda M: (2 * (M @ X - Y) @ X.T).T, W)
        assert not verdict.passed and "transpose" in verdict.message

    def test_otherwise_the_wrong_entries_are_listed(self):
        verdict = check_gradient_answer(self.f, lambda v: 2 * v + np.array([0, 1.0, 0]), self.x)
        assert not verdict.passed and "index 1" in verdict.message

    def test_a_non_function_gets_a_message(self):
        verdict = check_gradient_answer(self.f, np.array([2.0, -4.0, 1.0]), self.x)
        assert not verdict.passed and "function" in verdict.message

    def test_a_failing_function_gets_a_message(self):
        M = np.ones((2, 3))
        verdict = check_gradient_answer(self.f, lambda v: M @ M @ v, self.x)
        assert (
            not verdict.passed and "ValueError" in verdict.message and "shapes" in verdict.message
        )


class TestCheckNormAxioms:
    @pytest.mark.parametrize(
        "norm",
        [
            lambda v: np.abs(v).sum(),
            np.linalg.norm,
            lambda v: np.abs(v).max(),
            lambda v: np.sum(np.abs(v) ** 3) ** (1 / 3),
        ],
    )
    def test_true_norms_pass(self, norm):
        assert check_norm_axioms(norm, dim=3).passed

    @pytest.mark.parametrize(
        ("not_a_norm", "axiom"),
        [
            (lambda v: v.sum(), "non-negativity"),
            (lambda v: np.sum(np.sqrt(np.abs(v))) ** 2, "triangle inequality"),
            (lambda v: float(np.count_nonzero(v)), "homogeneity"),
            (lambda v: float(v @ v), "homogeneity"),
            (lambda v: abs(v[0]), "definiteness"),
            (lambda v: np.abs(v).sum() + 1, "zero vector"),
        ],
    )
    def test_each_broken_axiom_is_named_with_a_counterexample(self, not_a_norm, axiom):
        verdict = check_norm_axioms(not_a_norm)
        assert not verdict.passed
        assert axiom in verdict.message
        assert "x = (" in verdict.message or "zero vector" in verdict.message

    @pytest.mark.parametrize("returns", [lambda v: np.abs(v), lambda v: "big"])
    def test_a_function_that_does_not_return_one_number(self, returns):
        verdict = check_norm_axioms(returns)
        assert not verdict.passed and "one number" in verdict.message

    def test_blank_answer(self):
        assert "Not answered yet" in check_norm_axioms(None).message
        assert "`return` missing" in check_norm_axioms(lambda v: None).message

    def test_repeatable(self):
        def norm(v):
            return np.sum(np.sqrt(np.abs(v))) ** 2

        assert check_norm_axioms(norm).message == check_norm_axioms(norm).message

    @pytest.mark.parametrize(
        ("kwargs", "error", "argument"),
        [
            ({"norm": 3}, TypeError, "norm"),
            ({"norm": np.linalg.norm, "dim": 0}, ValueError, "dim"),
            ({"norm": np.linalg.norm, "n_trials": 1.5}, ValueError, "n_trials"),
        ],
    )
    def test_bad_input(self, kwargs, error, argument):
        verdict = check_norm_axioms(**kwargs)
        assert verdict.status is Status.WRONG
        assert argument in verdict.message


class TestCheckGradientAtPoints:
    points = [np.array([1.0, 1.0]), np.array([2.0, -1.0])]

    @staticmethod
    def f(v):
        return float(v[0] ** 2 * v[1])

    def test_right_gradient_passes_at_every_point(self):
        verdict = check_gradient_at_points(
            self.f, lambda v: np.array([2 * v[0] * v[1], v[0] ** 2]), self.points, what="of f"
        )
        assert verdict.passed and "2 points" in verdict.message

    def test_a_gradient_right_only_at_the_first_point_fails(self):
        verdict = check_gradient_at_points(
            self.f, lambda v: np.array([2.0, 1.0]), self.points, what="of f"
        )
        assert not verdict.passed

    def test_an_exercise_slip_is_named_when_the_general_check_names_none(self):
        def slips(answer, point):
            return "the second entry is the first one's."

        verdict = check_gradient_at_points(
            self.f, lambda v: np.array([2 * v[0] * v[1], 0.0]), self.points, what="", slips=slips
        )
        assert not verdict.passed
        assert verdict.message.endswith("the second entry is the first one's.")
        assert "relative error" in verdict.message
