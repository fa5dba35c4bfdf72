"""The answer checks of notebook 04 accept right answers, name slips, never leak answers."""

import numpy as np
import pytest

from helpers.exercises import nb04

V = np.array([0, -3, 4, 0, -12])
RIGHT_NORMS = (19, 13.0, 12, 3)
P_THROUGH_POINT = np.log(2) / np.log(1 / 0.6)


def stable_p_norm(x, p):
    magnitudes = np.abs(np.asarray(x, dtype=float))
    largest = magnitudes.max()
    if largest == 0:
        return 0.0
    return largest * np.sum((magnitudes / largest) ** p) ** (1 / p)


def plain_p_norm(x, p):
    return np.sum(np.abs(np.asarray(x, dtype=float)) ** p) ** (1 / p)


def stable_but_nan_at_zero(x, p):
    magnitudes = np.abs(np.asarray(x, dtype=float))
    largest = magnitudes.max()
    return largest * np.sum((magnitudes / largest) ** p) ** (1 / p)


class TestVectorNorms:
    def test_right_answers_pass(self):
        assert nb04.check_vector_norms(*RIGHT_NORMS).passed
        assert nb04.check_vector_norms(*(np.linalg.norm(V, o) for o in [1, 2, np.inf, 0])).passed

    def test_blank_is_not_answered(self):
        verdict = nb04.check_vector_norms(None, None, None, None)
        assert not verdict.passed and "Not answered yet" in verdict.message
        assert "Not answered yet" in nb04.check_vector_norms(19, None, 12, 3).message

    @pytest.mark.parametrize(
        ("answers", "hint"),
        [
            ((V.sum(), 13, 12, 3), "signed sum"),
            ((19, 13, V.max(), 3), "largest entry"),
            ((19, 13, 12, 5), "every entry"),
            ((19, 169, 12, 3), "square root"),
        ],
    )
    def test_slips_are_named(self, answers, hint):
        verdict = nb04.check_vector_norms(*answers)
        assert not verdict.passed and hint in verdict.message

    def test_message_names_only_the_wrong_part(self):
        message = nb04.check_vector_norms(19, 13, 12, 4).message
        assert "count of non-zeros" in message and "L1" not in message

    def test_message_never_reveals_answers(self):
        message = nb04.check_vector_norms(20, 14, 11, 2).message
        for answer in ["19", "13", "12", "3"]:
            assert answer not in message


class TestPThroughPoint:
    def test_right_answer_passes(self):
        assert nb04.check_p_through_point(P_THROUGH_POINT).passed
        assert nb04.check_p_through_point(round(P_THROUGH_POINT, 5)).passed

    def test_blank_is_not_answered(self):
        assert "Not answered yet" in nb04.check_p_through_point(None).message

    @pytest.mark.parametrize(("p", "word"), [(1.0, "larger"), (2.0, "smaller")])
    def test_direction_hint(self, p, word):
        verdict = nb04.check_p_through_point(p)
        assert not verdict.passed and word in verdict.message

    def test_non_positive_p(self):
        assert "positive" in nb04.check_p_through_point(-1.0).message

    def test_message_never_reveals_answer(self):
        assert "1.35" not in nb04.check_p_through_point(1.2).message


class TestStablePNorm:
    def test_right_function_passes(self):
        assert nb04.check_stable_p_norm(stable_p_norm).passed

    @pytest.mark.parametrize("answer", [None])
    def test_blank_is_not_answered(self, answer):
        assert "Not answered yet" in nb04.check_stable_p_norm(answer).message

    def test_plain_formula_overflows(self):
        verdict = nb04.check_stable_p_norm(plain_p_norm)
        assert not verdict.passed and "p = 250" in verdict.message

    def test_zero_vector_is_named(self):
        verdict = nb04.check_stable_p_norm(stable_but_nan_at_zero)
        assert not verdict.passed and "zero vector" in verdict.message

    def test_wrong_values_are_named(self):
        verdict = nb04.check_stable_p_norm(lambda x, p: float(np.abs(x).max()))
        assert not verdict.passed and "p = 1" in verdict.message

    def test_exceptions_are_reported(self):
        def broken(x, p):
            raise ZeroDivisionError

        assert "ZeroDivisionError" in nb04.check_stable_p_norm(broken).message

    def test_not_a_function(self):
        assert "function" in nb04.check_stable_p_norm(3.0).message


def test_module_data_match_the_notebook():
    """The check functions hold copies of the notebook's vectors: they must not drift apart."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "notebooks" / "04_p_norms_and_unit_balls.ipynb"
    cells = ["".join(c["source"]) for c in json.loads(path.read_text())["cells"]]
    namespace = {"np": np}
    for start in ["errors_model_1 = np.array(", "v = np.array("]:
        source = next(s for s in cells if s.startswith(start))
        exec(source, namespace)
    assert np.array_equal(namespace["errors_model_1"], nb04.ERRORS_MODEL_1)
    assert np.array_equal(namespace["v"], nb04.EXERCISE_1_VECTOR)
