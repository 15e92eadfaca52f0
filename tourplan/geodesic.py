"""Vectorised WGS-84 geodesic distances (Vincenty's inverse formula in numpy).

A Python loop over ``geopy.distance.geodesic`` costs tens of microseconds a pair; this module
solves all pairs at once with array arithmetic. Vincenty's iteration agrees with Karney's
algorithm (geopy's reference) to well under a millimetre for points that are not nearly
antipodal; the rare pairs where it does not converge fall back to geopy itself.

It sits below both the model (``Villages.near``) and ``tourplan.travel`` so that the two share
this one implementation; it knows nothing of places, villages or travel.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import numpy.typing as npt

from .exceptions import DataError

__all__ = ["geodesic_m", "geodesic_matrix_m", "geodesic_pairs_m"]

WGS84_A = 6_378_137.0
"""Semi-major axis of the WGS-84 ellipsoid, metres."""
WGS84_F = 1 / 298.257223563
"""Flattening of the WGS-84 ellipsoid."""
WGS84_B = (1 - WGS84_F) * WGS84_A
"""Semi-minor axis of the WGS-84 ellipsoid, metres."""

_TOLERANCE = 1e-10  # relative change of λ that ends the iteration (distance error ~1e-10)
_MAX_ITERATIONS = 200
_CHUNK = 1 << 15  # pairs per batch: small enough for the temporaries to stay in cache

FloatArray = npt.NDArray[np.float64]


def _as_coordinates(lats: Any, lons: Any) -> tuple[FloatArray, FloatArray]:
    lat = np.asarray(lats, dtype=np.float64)
    lon = np.asarray(lons, dtype=np.float64)
    if lat.shape != lon.shape:
        raise DataError(f"lats has shape {lat.shape} but lons has shape {lon.shape}")
    if not (np.all(np.isfinite(lat)) and np.all(np.isfinite(lon))):
        raise DataError("coordinates must be finite numbers")
    if np.any(np.abs(lat) > 90):
        raise DataError(f"latitude {lat[np.abs(lat) > 90].flat[0]} is outside [-90, 90]")
    return lat, lon


def _iterate(
    big_l: FloatArray, lam: FloatArray, aux: tuple[FloatArray, ...]
) -> tuple[FloatArray, ...]:
    """One Vincenty step: return the new λ and σ, sin σ, cos σ, cos² α, cos 2σₘ."""
    f = WGS84_F
    sin_u1, cos_u1, sin_u2, cos_u2, sin_du = aux
    sin_lam, cos_lam = np.sin(lam), np.cos(lam)
    # cos U1 sin U2 − sin U1 cos U2 cos λ, written without cancellation between close points
    # (2 sin²(λ/2) = sin²λ / (1 + cos λ) saves a sine; λ never reaches ±π on a converging pair)
    half = np.divide(sin_lam**2, 1 + cos_lam, out=np.full_like(lam, 2.0), where=cos_lam > -1)
    sin_sigma = np.hypot(cos_u2 * sin_lam, sin_du + sin_u1 * cos_u2 * half)
    cos_sigma = sin_u1 * sin_u2 + cos_u1 * cos_u2 * cos_lam
    sigma = np.arctan2(sin_sigma, cos_sigma)
    sin_alpha = np.divide(
        cos_u1 * cos_u2 * sin_lam, sin_sigma, out=np.zeros_like(lam), where=sin_sigma != 0
    )
    cos_sq_alpha = 1 - sin_alpha**2
    cos_2sm = cos_sigma - np.divide(
        2 * sin_u1 * sin_u2, cos_sq_alpha, out=cos_sigma.copy(), where=cos_sq_alpha != 0
    )  # on the equator (cos² α = 0) the term is taken as 0, i.e. cos 2σₘ = 0
    c = f / 16 * cos_sq_alpha * (4 + f * (4 - 3 * cos_sq_alpha))
    new_lam = big_l + (1 - c) * f * sin_alpha * (
        sigma + c * sin_sigma * (cos_2sm + c * cos_sigma * (-1 + 2 * cos_2sm**2))
    )
    return new_lam, sigma, sin_sigma, cos_sigma, cos_sq_alpha, cos_2sm


def _reduced_latitude(lat: FloatArray) -> FloatArray:
    return np.arctan((1 - WGS84_F) * np.tan(np.radians(lat)))


def _vincenty(
    lat1: FloatArray,
    lon1: FloatArray,
    lat2: FloatArray,
    lon2: FloatArray,
    reduced: tuple[FloatArray, ...] | None = None,
) -> FloatArray:
    """Return distances in metres for equal-length 1-d arrays (degrees) of pairs.

    ``reduced`` optionally gives ``(U1, U2, sin U1, sin U2, cos U1, cos U2)`` per pair, from values
    computed once per point, which saves most of the trigonometry for a full matrix.
    """
    b = WGS84_B
    big_l = np.radians(lon2 - lon1)
    big_l = (big_l + np.pi) % (2 * np.pi) - np.pi
    if reduced is None:
        u1, u2 = _reduced_latitude(lat1), _reduced_latitude(lat2)
        reduced = (u1, u2, np.sin(u1), np.sin(u2), np.cos(u1), np.cos(u2))
    u1, u2, sin_u1, sin_u2, cos_u1, cos_u2 = reduced
    aux = (sin_u1, cos_u1, sin_u2, cos_u2, np.sin(u2 - u1))

    # While most pairs still move, iterate on whole arrays; then only on the stragglers.
    lam, *state = _iterate(big_l, big_l, aux)
    moving = np.abs(lam - big_l) > _TOLERANCE * np.abs(lam)
    active: npt.NDArray[np.intp] | None = None
    for _ in range(_MAX_ITERATIONS):
        if active is None:
            if 2 * np.count_nonzero(moving) >= moving.size:
                new_lam, *state = _iterate(big_l, lam, aux)
                moving = np.abs(new_lam - lam) > _TOLERANCE * np.abs(new_lam)
                lam = new_lam
                continue
            active = np.flatnonzero(moving)
        if active.size == 0:
            break
        new_lam, *values = _iterate(big_l[active], lam[active], tuple(x[active] for x in aux))
        for full, part in zip(state, values, strict=True):
            full[active] = part
        keep = np.abs(new_lam - lam[active]) > _TOLERANCE * np.abs(new_lam)
        lam[active] = new_lam
        active = active[keep]
    else:
        active = np.flatnonzero(moving) if active is None else active
    sigma, sin_sigma, cos_sigma, cos_sq_alpha, cos_2sm = state

    u_sq = cos_sq_alpha * (WGS84_A**2 - b**2) / b**2
    big_a = 1 + u_sq / 16384 * (4096 + u_sq * (-768 + u_sq * (320 - 175 * u_sq)))
    big_b = u_sq / 1024 * (256 + u_sq * (-128 + u_sq * (74 - 47 * u_sq)))
    cos_2sm_sq = cos_2sm**2
    delta_sigma = (
        big_b
        * sin_sigma
        * (
            cos_2sm
            + big_b
            / 4
            * (
                cos_sigma * (-1 + 2 * cos_2sm_sq)
                - big_b / 6 * cos_2sm * (-3 + 4 * sin_sigma**2) * (-3 + 4 * cos_2sm_sq)
            )
        )
    )
    result: FloatArray = b * big_a * (sigma - delta_sigma)
    result[sin_sigma == 0] = 0.0
    if active.size:  # nearly antipodal, no convergence: let Karney's algorithm (geopy) decide
        from geopy.distance import geodesic

        for k in active:
            result[k] = geodesic((lat1[k], lon1[k]), (lat2[k], lon2[k])).meters
    return result


def geodesic_pairs_m(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> FloatArray:
    """Return the geodesic distance in metres between ``(lat1, lon1)[k]`` and ``(lat2, lon2)[k]``.

    Parameters
    ----------
    lat1, lon1, lat2, lon2
        Array-likes of equal shape, WGS-84 degrees.

    Returns
    -------
    numpy.ndarray
        Distances in metres, same shape as the inputs.

    Examples
    --------
    >>> geodesic_pairs_m([21.0, 21.0], [105.8, 105.8], [21.0, 21.1], [105.8, 105.8]).round(1)
    array([    0. , 11071.8])
    """
    a_lat, a_lon = _as_coordinates(lat1, lon1)
    b_lat, b_lon = _as_coordinates(lat2, lon2)
    if a_lat.shape != b_lat.shape:
        raise DataError(f"first points have shape {a_lat.shape}, second {b_lat.shape}")
    lat_a, lon_a, lat_b, lon_b = (x.ravel() for x in (a_lat, a_lon, b_lat, b_lon))

    def solve(part: slice) -> FloatArray:
        return _vincenty(lat_a[part], lon_a[part], lat_b[part], lon_b[part])

    return _in_chunks(lat_a.size, solve).reshape(a_lat.shape)


def _in_chunks(count: int, solve: Callable[[slice], FloatArray]) -> FloatArray:
    """Return ``solve`` over ``range(count)`` in cache-sized chunks, on every core."""
    out = np.empty(count)

    def run(start: int) -> None:
        part = slice(start, start + _CHUNK)
        out[part] = solve(part)

    starts = range(0, count, _CHUNK)
    if len(starts) > 1:  # numpy releases the GIL inside ufuncs, so threads use every core
        with ThreadPoolExecutor(max_workers=min(len(starts), os.cpu_count() or 1)) as pool:
            list(pool.map(run, starts))
    else:
        for start in starts:
            run(start)
    return out


def geodesic_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the geodesic distance in metres between two points given in degrees.

    Examples
    --------
    >>> round(geodesic_m(21.0285, 105.8542, 20.983, 105.917))  # Hoàn Kiếm to Bát Tràng
    8247
    """
    return float(geodesic_pairs_m([lat1], [lon1], [lat2], [lon2])[0])


def geodesic_matrix_m(lats: Any, lons: Any) -> FloatArray:
    """Return the symmetric ``n × n`` matrix of geodesic distances in metres.

    Only the upper triangle is solved (the geodesic is symmetric) and mirrored; coincident
    points give exactly 0.

    Parameters
    ----------
    lats, lons
        1-d array-likes of latitudes and longitudes in WGS-84 degrees.

    Returns
    -------
    numpy.ndarray
        ``float64`` array of shape ``(n, n)``, zero on the diagonal.

    Examples
    --------
    >>> geodesic_matrix_m([21.0, 21.1], [105.8, 105.8]).round(1)
    array([[    0. , 11071.8],
           [11071.8,     0. ]])
    """
    lat, lon = _as_coordinates(lats, lons)
    if lat.ndim != 1:
        raise DataError(f"lats and lons must be 1-d; got shape {lat.shape}")
    n = lat.size
    i, j = np.triu_indices(n, k=1)
    u = _reduced_latitude(lat)  # per point, not per pair
    sin_u, cos_u = np.sin(u), np.cos(u)

    def solve(part: slice) -> FloatArray:
        a, b = i[part], j[part]
        reduced = (u[a], u[b], sin_u[a], sin_u[b], cos_u[a], cos_u[b])
        return _vincenty(lat[a], lon[a], lat[b], lon[b], reduced)

    upper = _in_chunks(i.size, solve)
    matrix = np.zeros((n, n))
    matrix[i, j] = upper
    matrix[j, i] = upper
    return matrix
