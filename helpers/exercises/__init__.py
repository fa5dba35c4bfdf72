"""Answer checks for the exercises, one module per notebook (``nb01``, ``nb02``, ...).

Each ``check_*`` function computes the right answer itself, from the course data, and
returns a :class:`helpers.Feedback` that says what is wrong without printing the answer.
A notebook imports its own module: ``from helpers.exercises import nb01``.
"""
