import numpy as np
import pytest

from helpers import check_gradient, numerical_gradient, relative_error

RNG = np.random.default_rng(7)


def test_numerical_gradient_of_a_quadratic():
    x = np.array([1.0, -2.0, 0.5])
    np.testing.assert_allclose(numerical_gradient(lambda v: v @ v, x), 2 * x, rtol=1e-8)


def test_derivative_of_sqrt_at_9_is_one_sixth():
    assert numerical_gradient(np.sqrt, 9.0) == pytest.approx(1 / 6, rel=1e-8)


def test_works_on_a_matrix_and_keeps_its_shape():
    W = RNG.normal(size=(3, 4))
    x = RNG.normal(size=4)
    g = numerical_gradient(lambda M: np.sum((M @ x) ** 2), W)
    assert g.shape == (3, 4)
    np.testing.assert_allclose(g, 2 * np.outer(W @ x, x), rtol=1e-6)


def test_integer_input_is_handled_in_float64():
    g = numerical_gradient(lambda v: np.sum(v**2), np.array([1, 2, 3]))
    assert g.dtype == np.float64
    np.testing.assert_allclose(g, [2, 4, 6], rtol=1e-8)


def test_float32_input_is_handled_in_float64():
    g = numerical_gradient(lambda v: np.sum(v**3), np.array([1, 2], dtype=np.float32))
    np.testing.assert_allclose(g, [3, 12], rtol=1e-7)


def test_x_is_never_modified():
    x = np.array([1.0, 2.0])
    before = x.copy()
    numerical_gradient(lambda v: float(v @ v), x)
    check_gradient(lambda v: float(v @ v), lambda v: 2 * v, x)
    np.testing.assert_array_equal(x, before)


def test_a_function_that_mutates_its_argument_does_not_corrupt_the_estimate():
    def f(v):
        value = float(v @ v)
        v[:] = 100.0
        return value

    np.testing.assert_allclose(numerical_gradient(f, [1.0, 2.0]), [2.0, 4.0], rtol=1e-8)


def test_non_scalar_f_is_refused():
    with pytest.raises(ValueError, match="f must return a scalar"):
        numerical_gradient(lambda v: 2 * v, np.ones(3))


@pytest.mark.parametrize(
    ("args", "error", "argument"),
    [
        ((None, [1.0]), TypeError, "f"),
        ((np.sum, ["a"]), TypeError, "x"),
        ((np.sum, [np.nan]), ValueError, "x"),
        ((np.sum, [1.0], 0.0), ValueError, "eps"),
        ((np.sum, [1.0], "1e-6"), TypeError, "eps"),
    ],
)
def test_bad_input_to_numerical_gradient(args, error, argument):
    with pytest.raises(error, match=argument):
        numerical_gradient(*args)


def test_right_gradient_gives_a_tiny_error():
    A = RNG.normal(size=(4, 3))
    b = RNG.normal(size=4)
    x = RNG.normal(size=3)

    def f(v):
        return np.linalg.norm(A @ v - b)

    def grad(v):
        r = A @ v - b
        return A.T @ r / np.linalg.norm(r)

    assert check_gradient(f, grad, x) < 1e-8


def test_missing_factor_two_is_caught():
    x = RNG.normal(size=5)
    assert check_gradient(lambda v: v @ v, lambda v: v, x) == pytest.approx(1 / 3, rel=1e-6)


def test_transposed_matrix_gradient_is_caught():
    X = RNG.normal(size=(3, 6))
    Y = RNG.normal(size=(3, 6))
    W = RNG.normal(size=(3, 3))

    def loss(M):
        return np.sum((M @ X - Y) ** 2)

    def right(M):
        return 2 * (M @ X - Y) @ X.T

    def transposed(M):
        return right(M).T

    assert check_gradient(loss, right, W) < 1e-8
    assert check_gradient(loss, transposed, W) > 1e-2


def test_a_instead_of_a_transpose_is_caught():
    A = RNG.normal(size=(3, 3))
    x = RNG.normal(size=3)
    identity = np.eye(3)

    def g(v):
        return np.abs(v - A @ v).sum()

    def right(v):
        return (identity - A.T) @ np.sign(v - A @ v)

    def slip(v):
        return (identity - A) @ np.sign(v - A @ v)

    assert check_gradient(g, right, x) < 1e-8
    assert check_gradient(g, slip, x) > 1e-2


def test_shape_mismatch_is_refused():
    with pytest.raises(ValueError, match=r"grad\(x\) must have the shape of x"):
        check_gradient(lambda M: M.sum(), lambda M: M.ravel(), np.ones((2, 2)))


def test_grad_must_be_callable():
    with pytest.raises(TypeError, match="grad"):
        check_gradient(np.sum, np.ones(2), np.ones(2))


def test_relative_error_is_symmetric_and_bounded():
    a, b = RNG.normal(size=4), RNG.normal(size=4)
    assert relative_error(a, b) == pytest.approx(relative_error(b, a))
    assert 0 <= relative_error(a, b) <= 1
    assert relative_error(a, -a) == pytest.approx(1.0)
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0


def test_relative_error_shape_mismatch():
    with pytest.raises(ValueError, match="same shape"):
        relative_error(np.ones(2), np.ones(3))


def test_a_right_gradient_at_an_optimum_scores_tiny():
    """At a minimum the gradient is 0 and central differences are rounding noise: the floor
    keeps noise / noise from scoring about 1."""
    X = RNG.normal(size=(20, 3))
    y = RNG.normal(size=20)
    w_best = np.linalg.lstsq(X, y, rcond=None)[0]

    def loss(w):
        return np.sum((X @ w - y) ** 2)

    def grad(w):
        return 2 * X.T @ (X @ w - y)

    assert np.linalg.norm(grad(w_best)) < 1e-10  # really at the optimum
    assert check_gradient(loss, grad, w_best, floor=0.0) > 0.5  # without the floor: noise
    assert check_gradient(loss, grad, w_best) < 1e-8
    # the floor does not hide a slip there: a gradient that is not 0 at the optimum
    assert check_gradient(loss, lambda w: grad(w) + 0.01, w_best) > 1e-3


@pytest.mark.parametrize("size", [1e9, -3e7, 1e-9])
def test_right_gradient_at_very_large_or_small_components(size):
    """The step scales with max(1, |x_i|): 1e-6 would be below the resolution at 1e9."""
    x = size * np.array([1.0, -2.0, 0.5])
    assert check_gradient(lambda v: v @ v, lambda v: 2 * v, x) < 1e-8
    assert check_gradient(lambda v: np.sum(v**3), lambda v: 3 * v**2, x) < 1e-8
    expected = 2 * x
    np.testing.assert_allclose(numerical_gradient(lambda v: v @ v, x), expected, rtol=1e-8)


def test_the_step_is_relative_beyond_one():
    seen = []

    def f(v):
        seen.append(v.copy())
        return float(np.sum(v))

    numerical_gradient(f, [0.5, 1e4], eps=1e-3)
    steps = [abs(seen[0][0] - 0.5), abs(seen[2][1] - 1e4)]
    np.testing.assert_allclose(steps, [1e-3, 10.0], rtol=1e-9)


def test_a_transpose_of_a_nearly_symmetric_gradient_scores_small_but_above_1e_6():
    """The stated limit: a slip that changes little at x scores little there; a second,
    random point shows it."""
    x_in = np.array([1.0, 2.0, -1.0])
    M = RNG.normal(size=(3, 3))
    y = M @ x_in - 0.5 * x_in - 1e-4 * np.array([0.3, -1.0, 0.6])  # residual almost along x

    def loss(W):
        return np.sum((W @ x_in - y) ** 2)

    def right(W):
        return 2 * np.outer(W @ x_in - y, x_in)

    def transposed(W):
        return right(W).T

    score_here = check_gradient(loss, transposed, M)
    assert check_gradient(loss, right, M) < 1e-8
    assert 1e-6 < score_here < 1e-3
    assert check_gradient(loss, transposed, RNG.normal(size=(3, 3))) > 1e-2


def test_at_a_kink_the_score_means_nothing():
    """Central differences of |t| at 0 give 0, so sign(t) = 0 there "passes", and so would
    any other slope: the check says nothing at a kink."""
    zero = np.zeros(2)
    assert check_gradient(lambda v: np.abs(v).sum(), np.sign, zero) == 0.0
    assert check_gradient(lambda v: np.abs(v).sum(), lambda v: np.zeros_like(v), zero) == 0.0


def test_the_floor_turns_small_gradients_into_absolute_errors():
    tiny = np.array([1e-4, -2e-4])
    # a factor 2 slip on a tiny gradient: relative error 1/3, absolute error ~1e-4
    assert check_gradient(lambda v: v @ v, lambda v: v, tiny, floor=0.0) == pytest.approx(1 / 3)
    assert check_gradient(lambda v: v @ v, lambda v: v, tiny) == pytest.approx(
        np.linalg.norm(tiny), rel=1e-6
    )
    assert relative_error([0.0, 0.0], [3.0, 4.0], floor=10.0) == pytest.approx(0.5)
    assert relative_error([1.0], [3.0], floor=1.0) == pytest.approx(0.5)  # floor below the sum


@pytest.mark.parametrize(
    ("floor", "error"), [(-1.0, ValueError), (np.inf, ValueError), ("1", TypeError)]
)
def test_bad_floor_is_refused(floor, error):
    with pytest.raises(error, match="floor"):
        check_gradient(np.sum, np.ones_like, np.ones(2), floor=floor)
    with pytest.raises(error, match="floor"):
        relative_error(np.ones(2), np.ones(2), floor=floor)
