"""The pool of tours met: classes of interchangeable days, the best tours kept."""

from __future__ import annotations

from tourplan.routing import (
    Break,
    RoutingProblem,
    TimeWindow,
    Tour,
    Visit,
)
from tourplan.routing.pool import RoutePool, tour_classes

ALWAYS = (TimeWindow(0, 10_000),)


def test_days_with_the_same_frame_share_a_class() -> None:
    lunch = Break("lunch", 60, 660, 780)
    tours = (
        Tour("mon", 0, 0, 480, 1080, breaks=(lunch,)),
        Tour("tue", 0, 0, 480, 1080, breaks=(lunch,)),
        Tour("wed", 0, 0, 480, 1020, breaks=(lunch,)),  # ends earlier
        Tour("thu", 0, 0, 480, 1080),  # no lunch
        Tour("fri", 0, 0, 480, 1080, breaks=(lunch,)),
    )
    visits = (Visit("a", 1, 30, ALWAYS, 1), Visit("b", 1, 30, ALWAYS, 1))
    p = RoutingProblem([[0, 5], [5, 0]], visits, tours)
    assert tour_classes(p, [[0, 1, 2, 3, 4]] * 2) == [0, 0, 2, 3, 0]
    # "b" may not go on Friday: Friday is no longer interchangeable with Monday
    assert tour_classes(p, [[0, 1, 2, 3, 4], [0, 1, 2, 3]]) == [0, 0, 2, 3, 4]


def test_pool_keeps_the_shortest_order_of_a_set_and_the_best_sets() -> None:
    pool = RoutePool([0, 0], capacity=2)
    pool.add(0, [1, 2], 5, 30)
    pool.add(1, [2, 1], 5, 20)  # same set, shorter order, found on the other day
    pool.add(0, [3], 1, 10)
    pool.add(0, [], 0, 0)  # an empty tour is no tour
    assert [(t.visits, t.travel) for t in pool.tours()] == [((2, 1), 20), ((3,), 10)]
    other = RoutePool([0, 0], capacity=2)
    other.add(0, [4, 5], 9, 50)
    pool.merge([other])
    assert [t.visits for t in pool.tours()] == [(4, 5), (2, 1)]  # capacity 2: best scores
