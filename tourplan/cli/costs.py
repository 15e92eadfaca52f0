"""Options of experiences and budgets: --experience, --with-experiences, --party, --budget."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import click

from ..datasets.experiences import load_experiences, load_hanoi_experiences
from ..model.experience import Experiences
from .params import NonEmptyPath, NonEmptyText

__all__ = ["COST_OPTIONS", "cost_fields", "cost_options", "experiences_from"]

F = TypeVar("F", bound=Callable[..., Any])

COST_OPTIONS = ("experience", "with_experiences", "party", "budget", "experiences_file")
"""The parameter names the options below add to a command."""


def cost_options(command: F) -> F:
    """Add the options of experiences and budgets to ``command`` (docs/experiences.md)."""
    for decorator in reversed(
        (
            click.option(
                "--experience",
                type=NonEmptyText("NAME"),
                multiple=True,
                metavar="NAME",
                help='A hands-on experience (id or name, e.g. "pottery making") that must be '
                "booked; repeatable.",
            ),
            click.option(
                "--with-experiences",
                is_flag=True,
                help="Let the planner add experiences where they add most.",
            ),
            click.option(
                "--party",
                type=click.IntRange(1, 1000),
                default=1,
                show_default=True,
                help="How many people travel (prices and group sizes).",
            ),
            click.option(
                "--budget",
                type=click.IntRange(min=0),
                default=None,
                metavar="VND",
                help="Spend at most this many đồng on entrance fees and experiences for the "
                "whole party (a hard limit).",
            ),
            click.option(
                "--experiences",
                "experiences_file",
                type=NonEmptyPath(dir_okay=False, path_type=Path),
                default=None,
                metavar="FILE",
                help="Book from the experiences in this CSV or JSON file instead of the "
                "bundled ones.",
            ),
        )
    ):
        command = decorator(command)
    return command


def cost_fields(options: Mapping[str, Any]) -> dict[str, Any]:
    """The request fields the options stand for."""
    return {
        "experiences": tuple(options.get("experience") or ()),
        "with_experiences": bool(options.get("with_experiences")),
        "party": int(options.get("party") or 1),
        "budget_vnd": options.get("budget"),
    }


def experiences_from(options: Mapping[str, Any]) -> Experiences:
    """The experiences of ``--experiences FILE``, or the bundled ones without it."""
    path = options.get("experiences_file")
    return load_hanoi_experiences() if path is None else load_experiences(path)
