"""Input checks shared by the helpers: every error names the argument at fault."""

from __future__ import annotations

import numbers

import numpy as np


def as_real_array(value, name: str) -> np.ndarray:
    """Return ``value`` as a float64 array, or raise a TypeError naming ``name``.

    Accepts numbers, nested sequences of numbers and NumPy arrays of integers or floats
    (booleans, strings, complex numbers and other objects are refused).
    """
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must contain numbers, got a string {value!r}")
    try:
        arr = np.asarray(value)
    except ValueError as exc:  # ragged nested lists
        raise ValueError(f"{name} must be rectangular (equal-length rows): {exc}") from None
    if arr.dtype == bool or not (
        np.issubdtype(arr.dtype, np.integer) or np.issubdtype(arr.dtype, np.floating)
    ):
        raise TypeError(f"{name} must contain real numbers, got values of dtype {arr.dtype}")
    return arr.astype(np.float64)


def require_finite(arr: np.ndarray, name: str) -> None:
    """Raise a ValueError naming ``name`` if ``arr`` holds NaN or infinity."""
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, but it contains NaN or infinity")


def as_points(value, name: str) -> np.ndarray:
    """Return one 2-vector or an (n, 2) array-like as a finite (n, 2) float array."""
    arr = as_real_array(value, name)
    if arr.ndim == 1 and arr.shape == (2,):
        arr = arr.reshape(1, 2)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise ValueError(f"{name} must be one 2-vector or an (n, 2) array, got shape {arr.shape}")
    if arr.shape[0] == 0:
        raise ValueError(f"{name} is empty: give at least one 2-vector")
    require_finite(arr, name)
    return arr


def real_number(value, name: str) -> float:
    """Return ``value`` as a float, or raise a TypeError naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    return float(value)
