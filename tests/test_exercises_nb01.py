import numpy as np
import pytest

from helpers.exercises import nb01

E1, E2 = nb01.ERRORS_MODEL_1, nb01.ERRORS_MODEL_2


def test_right_answers_pass():
    assert nb01.check_mae(np.abs(E1).mean(), np.abs(E2).mean()).passed
    assert nb01.check_rmse(np.linalg.norm(E1) / np.sqrt(7), np.linalg.norm(E2) / np.sqrt(7)).passed
    assert nb01.check_cancelling_errors([60, -60, 40, -40, 0, 0, 0]).passed
    assert nb01.check_flip_threshold(np.sqrt(595)).passed
    assert nb01.check_sign_convention(185 - 200).passed
    assert nb01.check_l1_prediction(8).passed
    assert nb01.check_max_prediction(7.0).passed


def test_the_course_data_is_read_only():
    with pytest.raises(ValueError, match="read-only"):
        nb01.ERRORS_MODEL_1[5] = -24


@pytest.mark.parametrize(
    ("verdict", "words"),
    [
        (nb01.check_mae(None, None), "Not answered yet"),
        (nb01.check_mae(np.abs(E2).mean(), np.abs(E1).mean()), "swapped"),
        (nb01.check_mae(12.71, 12.57), "round"),
        (nb01.check_mae(E1.mean(), E2.mean()), "signed mean"),
        (nb01.check_mae(3.0, 4.0), "not right"),
        (nb01.check_rmse(np.std(E1), np.std(E2)), "np.std subtracts the mean"),
        (nb01.check_rmse(np.linalg.norm(E1) / 7, np.linalg.norm(E2) / 7), "square root of n"),
        (nb01.check_rmse(np.linalg.norm(E1), np.linalg.norm(E2) / np.sqrt(7)), "model 1"),
        (nb01.check_cancelling_errors([1, -1, 0, 0, 0, 0, 0]), "absolute sum"),
        (nb01.check_cancelling_errors([90, 0, 0, 0, 0, 0, 0]), "signed sum"),
        (nb01.check_cancelling_errors([1, 2]), "seven"),
        (nb01.check_cancelling_errors([None] * 7), "seven"),
        (nb01.check_cancelling_errors("60, -60"), "seven"),
        (nb01.check_flip_threshold(595), "square root"),
        (nb01.check_flip_threshold(24.39), "round"),
        (nb01.check_flip_threshold(-np.sqrt(595)), "positive"),
        (nb01.check_cancelling_errors(["60", "-60", "40", "-40", "0", "0", "0"]), "text"),
        (nb01.check_mae("12.7", 12.57), "quotes"),
        (nb01.check_sign_convention(15), "predicted minus true"),
        (nb01.check_sign_convention(385), "subtract"),
        (nb01.check_l1_prediction(0), "signed sum"),
        (nb01.check_l1_prediction(-8), "never negative"),
        (nb01.check_l1_prediction(6), "absolute values"),
        (nb01.check_max_prediction(5), "with its sign"),
        (nb01.check_max_prediction(-7), "never negative"),
        (nb01.check_max_prediction(14), "L1 norm"),
        (nb01.check_max_prediction(2), "largest"),
    ],
)
def test_wrong_answers_get_a_hint_but_not_the_answer(verdict, words):
    assert not verdict.passed
    assert words in verdict.message
    assert "24.39" not in verdict.message and "12.71" not in verdict.message


def test_two_rounded_answers_get_one_message_not_two():
    message = nb01.check_rmse(17.03, 13.77).message
    assert message.count("Close, but not exact") == 1 and "both" in message
