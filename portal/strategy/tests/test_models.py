"""Bad input in the strategy's structure is refused with a clear message, and nothing is saved."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from portal.institutions.models import InstitutionPage
from portal.strategy.models import Cycle, Item, Level, Phase

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def cycle(slug, start):
    return Cycle.objects.create(
        slug=slug,
        title_ar=slug,
        start_date=datetime.date(start, 1, 1),
        end_date=datetime.date(start + 4, 12, 31),
    )


def errors(instance):
    with pytest.raises(ValidationError) as error:
        instance.full_clean()
    return {
        field: [str(m) for m in messages] for field, messages in error.value.message_dict.items()
    }


def test_dates_in_the_wrong_order_are_refused():
    wrong = Cycle(
        slug="x",
        title_ar="x",
        start_date=datetime.date(2030, 1, 1),
        end_date=datetime.date(2029, 1, 1),
    )
    assert errors(wrong) == {"end_date": ["The end date must not be before the start date."]}
    phase = Phase(
        cycle=cycle("c", 2030),
        title_ar="p",
        start_date=datetime.date(2031, 1, 1),
        end_date=datetime.date(2030, 6, 1),
    )
    assert "end_date" in errors(phase)


def test_the_tree_is_checked():
    first = cycle("first", 2030)
    programme = Item.objects.create(cycle=first, level=Level.PROGRAMME, code="P1", title_ar="p")
    project = Item.objects.create(
        cycle=first, level=Level.PROJECT, code="P1.1", title_ar="p", parent=programme
    )
    responsible = InstitutionPage.objects.get(slug="cdai", locale__language_code="ar")
    # A measure under a programme, a project without a parent, a measure without responsible.
    assert "parent" in errors(
        Item(
            cycle=first,
            level=Level.MEASURE,
            code="M",
            title_ar="m",
            parent=programme,
            responsible=responsible,
        )
    )
    assert errors(Item(cycle=first, level=Level.PROJECT, code="Q", title_ar="q")) == {
        "parent": ["A Project belongs to a Programme."]
    }
    assert errors(
        Item(cycle=first, level=Level.MEASURE, code="M", title_ar="m", parent=project)
    ) == {"responsible": ["A measure needs a responsible institution."]}
    # A cycle in the tree: the programme under its own project.
    programme.parent, programme.level = project, Level.PROJECT
    assert errors(programme)["parent"] == ["An item cannot be inside itself."]
    # A parent in another cycle, a successor in the same or an earlier cycle.
    later = cycle("later", 2035)
    assert errors(
        Item(
            cycle=later,
            level=Level.PROJECT,
            code="L",
            title_ar="l",
            parent=Item.objects.get(code="P1", cycle=first),
        )
    ) == {"parent": ["The parent belongs to another cycle."]}
    successor = Item.objects.create(cycle=later, level=Level.PROGRAMME, code="N1", title_ar="n")
    old = Item.objects.get(code="P1", cycle=first)
    old.successor = successor
    old.full_clean()
    successor.successor = old
    assert errors(successor) == {"successor": ["The successor belongs to a later cycle."]}


def test_progress_over_100_is_refused_and_not_saved():
    first = cycle("first", 2030)
    item = Item(cycle=first, level=Level.PROGRAMME, code="P1", title_ar="p", progress=101)
    assert "progress" in errors(item)
    with pytest.raises(IntegrityError), transaction.atomic():
        item.save()
    assert not Item.objects.filter(cycle=first).exists()
