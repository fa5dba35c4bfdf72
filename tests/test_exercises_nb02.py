import numpy as np
import pytest

from helpers.exercises import nb02

ERRORS_1 = np.array([22, -4])
ERRORS_2 = np.array([14, 9])


def _rescale(v, length):
    v = np.asarray(v, dtype=float)
    return v / np.linalg.norm(v) * length


class TestLengthA:
    def test_right_answer_passes(self):
        assert nb02.check_length_a(np.sqrt(25 + 144)).passed

    def test_blank_answer(self):
        assert "Not answered yet" in nb02.check_length_a(None).message

    def test_text_is_not_a_number(self):
        verdict = nb02.check_length_a("13")
        assert not verdict.passed and "quotes" in verdict.message

    def test_squared_length_is_named_and_not_revealed(self):
        verdict = nb02.check_length_a(169)
        assert not verdict.passed and "square root" in verdict.message
        assert "13" not in verdict.message

    def test_l1_instead_of_l2_is_named_and_not_revealed(self):
        verdict = nb02.check_length_a(17)
        assert not verdict.passed and "absolute values" in verdict.message
        assert "13" not in verdict.message

    def test_signed_sum_is_named(self):
        verdict = nb02.check_length_a(7)
        assert not verdict.passed and "signs" in verdict.message

    def test_power_before_minus_slip_is_named(self):
        verdict = nb02.check_length_a(np.sqrt(-(5**2) + 12**2))
        assert not verdict.passed and "(-5)**2" in verdict.message
        assert "13" not in verdict.message


class TestAverage:
    def test_right_answer_passes(self):
        average = (ERRORS_1 + ERRORS_2) / 2
        assert nb02.check_average(average, np.linalg.norm(average)).passed

    @pytest.mark.parametrize(("vector", "length"), [(None, None), ([18, 2.5], None)])
    def test_blank_answers(self, vector, length):
        assert "Not answered yet" in nb02.check_average(vector, length).message

    def test_sum_instead_of_average_is_named(self):
        total = ERRORS_1 + ERRORS_2
        verdict = nb02.check_average(total, np.linalg.norm(total))
        assert not verdict.passed and "sum" in verdict.message

    @pytest.mark.parametrize(
        ("vector", "words"),
        [
            ((ERRORS_1 - ERRORS_2) / 2, "difference"),
            (ERRORS_1 + ERRORS_2 / 2, "brackets"),
        ],
    )
    def test_usual_slips_are_named(self, vector, words):
        verdict = nb02.check_average(vector, np.linalg.norm(vector))
        assert not verdict.passed and words in verdict.message

    def test_l1_length_is_named(self):
        average = (ERRORS_1 + ERRORS_2) / 2
        verdict = nb02.check_average(average, np.sum(np.abs(average)))
        assert not verdict.passed and "absolute values" in verdict.message

    def test_wrong_length_fails_without_revealing(self):
        verdict = nb02.check_average((ERRORS_1 + ERRORS_2) / 2, 20.5)
        assert not verdict.passed and "length" in verdict.message
        assert "18.1" not in verdict.message

    def test_message_never_reveals_the_vector(self):
        verdict = nb02.check_average([1.0, 2.0], 3.0)
        assert not verdict.passed and "2.5" not in verdict.message


class TestRescale:
    def test_right_function_passes(self):
        assert nb02.check_rescale(_rescale).passed

    @pytest.mark.parametrize("rescale", [None])
    def test_blank_answer(self, rescale):
        assert "Not answered yet" in nb02.check_rescale(rescale).message

    def test_unit_vector_only_fails_on_length(self):
        verdict = nb02.check_rescale(lambda v, length: v / np.linalg.norm(v))
        assert not verdict.passed and "length 1" in verdict.message

    def test_length_times_v_is_named(self):
        verdict = nb02.check_rescale(lambda v, length: v * length)
        assert not verdict.passed and "divide v by its own length" in verdict.message

    def test_one_argument_function_is_named(self):
        verdict = nb02.check_rescale(lambda v: v / np.linalg.norm(v))
        assert not verdict.passed and "two arguments" in verdict.message

    def test_wrong_direction_fails(self):
        verdict = nb02.check_rescale(lambda v, length: -_rescale(v, length))
        assert not verdict.passed and "point the same way" in verdict.message

    def test_two_dimensional_only_fails_on_shape(self):
        verdict = nb02.check_rescale(lambda v, length: _rescale(v[:2], length))
        assert not verdict.passed and "shape" in verdict.message

    def test_changing_the_input_in_place_fails(self):
        def in_place(v, length):
            v *= length / np.linalg.norm(v)
            return v

        verdict = nb02.check_rescale(in_place)
        assert not verdict.passed and "changed the vector" in verdict.message

    def test_integer_division_slip_fails(self):
        verdict = nb02.check_rescale(lambda v, length: v // np.linalg.norm(v) * length)
        assert not verdict.passed

    def test_a_forgotten_return_is_named(self):
        verdict = nb02.check_rescale(lambda v, length: None)
        assert not verdict.passed and "`return` missing" in verdict.message

    def test_a_raising_function_is_named(self):
        verdict = nb02.check_rescale(lambda v, length: [][0])
        assert not verdict.passed and "IndexError" in verdict.message

    def test_not_a_function(self):
        verdict = nb02.check_rescale(3.0)
        assert not verdict.passed and "function" in verdict.message


class TestCheckpoints:
    def test_right_answers_pass(self):
        assert nb02.check_drawn_length(2.5).passed
        assert nb02.check_tip_to_tail_origins([[0, 0], [4, 1]]).passed
        assert nb02.check_tip_to_tail_origins(np.array([[0, 0], [4, 1]])).passed
        assert nb02.check_length_factor(4).passed

    @pytest.mark.parametrize(
        ("verdict", "words"),
        [
            (nb02.check_drawn_length(10), "twice the true length"),
            (nb02.check_drawn_length(5), "scale=1"),
            (nb02.check_drawn_length(3), "how many units"),
            (nb02.check_tip_to_tail_origins([[0, 0], [1, 3]]), "tip of v itself"),
            (nb02.check_tip_to_tail_origins([[4, 1], [0, 0]]), "swapped"),
            (nb02.check_tip_to_tail_origins([[0, 0], [5, 4]]), "u + v"),
            (nb02.check_tip_to_tail_origins([0, 0]), "shape"),
            (nb02.check_length_factor(-4), "never negative"),
            (nb02.check_length_factor(16), "k squared"),
            (nb02.check_length_factor(3), "every component"),
            (nb02.check_length_factor(4 * np.sqrt(5)), "the factor"),
            (nb02.check_tip_to_tail_origins([[1, 1], [4, 1]]), "origin"),
            (nb02.check_tip_to_tail_origins([[0, 0], [3, 3]]), "where u ends"),
            (nb02.check_tip_to_tail_origins(["0", "4"]), "text"),
        ],
    )
    def test_wrong_answers_are_named(self, verdict, words):
        assert not verdict.passed and words in verdict.message

    @pytest.mark.parametrize(
        "check",
        [nb02.check_drawn_length, nb02.check_tip_to_tail_origins, nb02.check_length_factor],
    )
    def test_blank_is_not_answered(self, check):
        assert "Not answered yet" in check(None).message
