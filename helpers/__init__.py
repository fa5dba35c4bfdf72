"""Helpers for the course on norms and their derivatives.

Only what repeats across notebooks lives here; the mathematics is written out in the
notebooks themselves.

- :func:`plot_vectors` draws 2-D vectors as arrows at their true length;
  :func:`label_arrow` writes a label beside an arrow.
- :func:`set_course_style` and :func:`course_palette` give every figure one look.
- :func:`numerical_gradient` and :func:`check_gradient` check a gradient derived by hand.
- :mod:`helpers.feedback` holds the one contract every exercise check keeps (see its
  docstring): :class:`Feedback` verdicts, :func:`checker`, :func:`call_learner`,
  :func:`as_number`, :func:`as_array`, and the general checks :func:`check_value`,
  :func:`check_gradient_answer` and :func:`check_norm_axioms`.
- :func:`check_setup` compares the installed course libraries with their pins (notebook 00).
"""

from helpers.feedback import (
    Feedback,
    Reject,
    Status,
    as_array,
    as_number,
    as_vector,
    call_learner,
    check_gradient_answer,
    check_gradient_at_points,
    check_norm_axioms,
    check_value,
    checker,
    learner_function,
    not_answered,
    right,
    wrong,
)
from helpers.gradcheck import check_gradient, numerical_gradient, relative_error
from helpers.plot_vectors import label_arrow, plot_vectors
from helpers.setup_check import check_setup
from helpers.style import LINESTYLES, MARKERS, course_palette, set_course_style

__all__ = [
    "LINESTYLES",
    "MARKERS",
    "Feedback",
    "Reject",
    "Status",
    "as_array",
    "as_number",
    "as_vector",
    "call_learner",
    "checker",
    "learner_function",
    "not_answered",
    "right",
    "wrong",
    "check_gradient",
    "check_gradient_answer",
    "check_gradient_at_points",
    "check_norm_axioms",
    "check_setup",
    "check_value",
    "course_palette",
    "label_arrow",
    "numerical_gradient",
    "plot_vectors",
    "relative_error",
    "set_course_style",
]
