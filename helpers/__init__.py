"""Helpers for the course on norms and their derivatives.

Only what repeats across notebooks lives here; the mathematics is written out in the
notebooks themselves.

- :func:`plot_vectors` draws 2-D vectors as arrows at their true length.
- :func:`set_course_style` and :func:`course_palette` give every figure one look.
- :func:`numerical_gradient` and :func:`check_gradient` check a gradient derived by hand.
- :func:`check_value`, :func:`check_gradient_answer` and :func:`check_norm_axioms` give
  exercise feedback without printing the answer.
- :func:`check_setup` compares the installed course libraries with their pins (notebook 00).
"""

from helpers.feedback import (
    Feedback,
    check_gradient_answer,
    check_gradient_at_points,
    check_norm_axioms,
    check_value,
)
from helpers.gradcheck import check_gradient, numerical_gradient, relative_error
from helpers.plot_vectors import plot_vectors
from helpers.setup_check import check_setup
from helpers.style import LINESTYLES, MARKERS, course_palette, set_course_style

__all__ = [
    "LINESTYLES",
    "MARKERS",
    "Feedback",
    "check_gradient",
    "check_gradient_answer",
    "check_gradient_at_points",
    "check_norm_axioms",
    "check_setup",
    "check_value",
    "course_palette",
    "numerical_gradient",
    "plot_vectors",
    "relative_error",
    "set_course_style",
]
