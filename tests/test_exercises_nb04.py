"""The answer checks of notebook 04 accept right answers, name slips, never leak answers."""

import numpy as np
import pytest

from helpers.exercises import nb04
from helpers.feedback import Status

V = nb04.EXERCISE_1_VECTOR
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

    def test_largest_entry_with_its_sign_fails(self):
        def signed_max(x, p):  # m = max(x), not max(|x|): right whenever max(x) = max(|x|)
            x = np.asarray(x, dtype=float)
            m = x.max()
            return 0.0 if m == 0 else m * np.sum((np.abs(x) / m) ** p) ** (1 / p)

        verdict = nb04.check_stable_p_norm(signed_max)
        assert not verdict.passed and "largest absolute value" in verdict.message

    def test_exceptions_are_reported(self):
        def broken(x, p):
            raise ZeroDivisionError

        assert "ZeroDivisionError" in nb04.check_stable_p_norm(broken).message

    def test_not_a_function(self):
        assert "function" in nb04.check_stable_p_norm(3.0).message


class TestCheckpoints:
    def test_smallest_p_right_answer_passes(self):
        assert nb04.check_smallest_p(4).passed

    def test_smallest_p_point_can_be_read_off_the_picture(self):
        # the point lies clearly (not by a hair) outside the circle and inside the p = 4 ball
        sizes = [np.sum(nb04.CHECKPOINT_POINT**p) ** (1 / p) for p in (2, 4)]
        assert sizes[0] > 1.05 and sizes[1] < 0.95

    @pytest.mark.parametrize(("p", "hint"), [(2, "larger p"), (1.5, "larger p"), (3, "choose one")])
    def test_smallest_p_wrong_answers_say_which_way(self, p, hint):
        verdict = nb04.check_smallest_p(p)
        assert verdict.status is Status.WRONG and hint in verdict.message

    def test_smallest_p_is_the_smallest_of_the_choices_whose_ball_holds_the_point(self):
        sizes = {p: np.sum(nb04.CHECKPOINT_POINT**p) ** (1 / p) for p in nb04.CHECKPOINT_P_CHOICES}
        inside = [p for p, size in sizes.items() if size <= 1]
        assert min(inside) == 4

    def test_size_of_sum(self):
        assert nb04.check_size_of_sum(4.0).passed
        verdict = nb04.check_size_of_sum(2)
        assert verdict.status is Status.WRONG and "twice the midpoint" in verdict.message

    def test_limits_right_answers_pass(self):
        assert nb04.check_limits(7, 2).passed

    @pytest.mark.parametrize(
        ("large", "small", "hint"),
        [
            (-7, 2, "never negative"),
            (3, 2, "largest entry"),
            (12, 2, "L1 norm"),
            (7, 4, "zeros too"),
            (7, 0, "tends to 1"),
            (7, 5.1, "p = 1"),
        ],
    )
    def test_limits_slips_are_named(self, large, small, hint):
        verdict = nb04.check_limits(large, small)
        assert verdict.status is Status.WRONG and hint in verdict.message

    def test_limits_message_names_only_the_wrong_part(self):
        message = nb04.check_limits(7, 4).message
        assert "limit_small_p" in message and "limit_large_p" not in message

    def test_largest_ratio(self):
        assert nb04.check_largest_ratio(3.0).passed
        assert nb04.check_largest_ratio(np.sqrt(9)).passed
        assert "n is the largest" in nb04.check_largest_ratio(9).message
        assert "smallest ratio" in nb04.check_largest_ratio(1).message


def test_a_bool_array_answer_gets_a_message_that_does_not_contradict_itself():
    message = nb04.check_vector_norms(np.array([True, False]), 13, 12, 3).message
    assert "bool" in message and "got ndarray" not in message


def test_the_mask_instead_of_the_count_of_non_zeros_is_named():
    verdict = nb04.check_vector_norms(19, 13, 12, V != 0)
    assert verdict.status is Status.WRONG and "np.count_nonzero" in verdict.message


def test_infinity_as_the_smallest_p_is_told_it_is_not_a_choice():
    verdict = nb04.check_smallest_p(np.inf)
    assert verdict.status is Status.WRONG and "not one of the choices" in verdict.message


def test_stable_p_norm_of_one_argument_is_told_so():
    verdict = nb04.check_stable_p_norm(lambda x: np.abs(x).max())
    assert verdict.status is Status.WRONG and "should take 2 arguments" in verdict.message


def test_model_errors_exist_once_in_nb01():
    from helpers.exercises import nb01

    assert nb04.ERRORS_MODEL_1 is nb01.ERRORS_MODEL_1
    assert not nb04.ERRORS_MODEL_1.flags.writeable
